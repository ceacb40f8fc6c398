"""End-to-end pipeline throughput (`make bench`): the real Prefect flow on 10,000 generated articles.

A deterministic corpus of 10,000 news-like articles (~30 MB, English, French, Spanish and German, about
3 KB each, a dozen quantities per article) is written as JSON Lines files into a tmp folder. Measured in
the same run, on the same corpus, each into a fresh warehouse:

- baseline: the plain Python loop without Prefect: read + normalise + hash, extract in this process,
  load in batches of 200 through the warehouse writer (the cost of the work itself, single core);
- flow, inline: the real flow with ``extract_processes = 1`` (batch tasks on threads: no CPU parallelism);
- flow, default: the real flow as shipped (batch tasks hand their batch to a 2-process pool).

The default flow runs first so that its peak RSS is its own (Python keeps freed memory in the process).

The Prefect test server is started before timing. Reported: articles per second, the ratio to the
baseline (orchestration overhead and parallel gain), peak RSS of the flow process and of the flow process
plus its extraction workers (sampled from /proc every 50 ms), and the load phase in mentions per second.
Targets (issue 3): >= 300 articles/s, < 1.5 GB peak memory.
"""

from __future__ import annotations

import json
import os
import random
import resource
import threading
import time
from pathlib import Path

ARTICLES = int(os.environ.get("QUANTCHECK_BENCH_ARTICLES", "10000"))
FILES = 10
TARGET_RATE = 300
TARGET_RSS_MB = 1500

SENTENCES = {
    "en": [
        "Officials said {n:,} people were evacuated from {city} as the river rose {d} metres overnight.",
        "The government announced a ${b} billion package to support {k:,} small businesses.",
        "About {p} percent of households in {city} lost power for up to {h} hours on Tuesday.",
        "The convoy of {k:,} trucks covered nearly {n:,} kilometres in {d} days, the ministry said.",
        "Prices rose by {p}% in March, while fuel reached {e}.{c:02d} dollars a gallon.",
        "At least {k:,} soldiers were deployed near {city}, according to satellite images.",
        "The new bridge is {d}{c} metres long and cost {b} million euros to build.",
        "Temperatures reached {h} degrees in {city}, the highest since {y}.",
    ],
    "fr": [
        "Selon la préfecture, {n} personnes ont été évacuées à {city} après une crue de {d} mètres.",
        "Le gouvernement a débloqué {b} milliards d'euros pour aider {k} entreprises.",
        "Près de {p} % des foyers de {city} ont été privés d'électricité pendant {h} heures.",
        "Pas moins de {k} soldats ont été déployés près de {city}, selon des images satellites.",
        "Le gazole a atteint {e},{c:02d} euros le litre la semaine dernière.",
        "Le nouveau pont mesure {d}{c} mètres et a coûté {b} millions d'euros.",
        "Il a fait {h} degrés à {city}, un record depuis {y}.",
        "L'incendie a ravagé {n} hectares en {d} jours.",
    ],
    "es": [
        "Según las autoridades, {n} personas fueron evacuadas en {city} tras una crecida de {d} metros.",
        "El Gobierno aprobó un plan de {b} millones de euros para {k} pequeñas empresas.",
        "Cerca del {p} % de los hogares de {city} se quedaron sin luz durante {h} horas.",
        "Más de {k} soldados fueron desplegados cerca de {city}, según imágenes por satélite.",
        "El gasóleo llegó a {e},{c:02d} euros por litro la semana pasada.",
        "El incendio ha calcinado {n} hectáreas en {d} días.",
        "Se registraron {h} grados en {city}, la cifra más alta desde {y}.",
        "El nuevo puente mide {d}{c} metros y costó {b} millones de euros.",
    ],
    "de": [
        "In {city} wurden {n} Menschen evakuiert, der Fluss stieg um {d} Meter.",
        "Die Regierung beschloss ein Paket von {b} Milliarden Euro für {k} kleine Unternehmen.",
        "Rund {p} Prozent der Haushalte in {city} waren bis zu {h} Stunden ohne Strom.",
        "Mindestens {k} Soldaten wurden nahe {city} zusammengezogen, wie Satellitenbilder zeigen.",
        "Diesel kostete vergangene Woche {e},{c:02d} Euro pro Liter.",
        "Der Waldbrand hat {n} Hektar in {d} Tagen zerstört.",
        "In {city} wurden {h} Grad gemessen, so viel wie seit {y} nicht.",
        "Die neue Brücke ist {d}{c} Meter lang und kostete {b} Millionen Euro.",
    ],
}
FILLER = {  # sentences without quantities: real articles are mostly words, not numbers
    "en": ["Residents described the scene as chaotic, and local officials promised a full review.",
           "The opposition accused the government of reacting too late and called for an inquiry.",
           "Experts warned that similar events could become more frequent in the coming years.",
           "A spokesperson declined to comment further while the investigation was under way.",
           "Neighbours gathered outside the town hall to demand clearer information from the mayor."],
    "fr": ["Les habitants ont décrit une situation chaotique et les élus ont promis un bilan complet.",
           "L'opposition a accusé le gouvernement d'avoir réagi trop tard et réclame une enquête.",
           "Les experts préviennent que de tels épisodes pourraient se multiplier à l'avenir.",
           "Un porte-parole s'est refusé à tout commentaire tant que l'enquête est en cours.",
           "Des riverains se sont rassemblés devant la mairie pour exiger des informations claires."],
    "es": ["Los vecinos describieron una situación caótica y las autoridades prometieron una revisión.",
           "La oposición acusó al Gobierno de reaccionar tarde y pidió una comisión de investigación.",
           "Los expertos advierten de que estos episodios podrían repetirse en el futuro.",
           "Un portavoz declinó hacer más comentarios mientras continúe la investigación.",
           "Decenas de vecinos se concentraron ante el ayuntamiento para exigir información."],
    "de": ["Anwohner beschrieben die Lage als chaotisch, die Behörden kündigten eine Prüfung an.",
           "Die Opposition warf der Regierung vor, zu spät reagiert zu haben, und fordert Aufklärung.",
           "Fachleute warnen, dass solche Ereignisse in Zukunft häufiger auftreten könnten.",
           "Ein Sprecher wollte sich mit Verweis auf die laufenden Ermittlungen nicht äußern.",
           "Vor dem Rathaus versammelten sich Anwohner und verlangten klare Informationen."],
}
CITIES = ["Lyon", "Kharkiv", "Sevilla", "Hamburg", "Dakar", "Québec", "Porto", "Graz", "Lille", "Bilbao"]
LANGS = ("en", "fr", "es", "de")


def article(i: int) -> dict:
    rnd = random.Random(i)
    lang = LANGS[i % 4]
    parts = []
    while sum(len(p) for p in parts) < 2900:
        t = rnd.choice(SENTENCES[lang])
        values = {"n": rnd.randint(100, 90_000), "k": rnd.randint(1000, 200_000), "d": rnd.randint(2, 9),
                  "b": rnd.randint(1, 40), "p": rnd.randint(2, 95), "h": rnd.randint(3, 44),
                  "e": rnd.randint(1, 3), "c": rnd.randint(0, 99), "y": rnd.randint(1950, 2015),
                  "city": rnd.choice(CITIES)}
        parts.append(t.format(**values))
        parts.extend(rnd.sample(FILLER[lang], 2))
    text = " ".join(parts[:4]) + "\n\n" + " ".join(parts[4:])
    return {"url": f"https://bench.example/{lang}/{i}", "title": f"Article {i}", "text": text, "lang": lang,
            "published_at": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z"}


def write_corpus(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    per_file = -(-n // FILES)
    for f in range(FILES):
        with (folder / f"part-{f:02d}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(f * per_file, min(n, (f + 1) * per_file)):
                line = json.dumps(article(i), ensure_ascii=False) + "\n"
                size += len(line.encode("utf-8"))
                fh.write(line)
    return size


class RssSampler:
    """Peak RSS of this process, and of this process plus its descendants (minus excluded pids)."""

    def __init__(self, exclude: set[int]):
        self.exclude = exclude
        self.peak_self = 0
        self.peak_tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def _descendants(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            for c in children.get(pid, []):
                if c not in self.exclude:
                    out.append(c)
                    todo.append(c)
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            me = self._rss(os.getpid())
            tree = me + sum(self._rss(p) for p in self._descendants())
            self.peak_self = max(self.peak_self, me)
            self.peak_tree = max(self.peak_tree, tree)
            self._stop.wait(0.05)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def baseline(corpus: Path, db: Path) -> dict:
    """The same work as a plain loop: no Prefect, no threads, no processes."""
    from quantcheck.extractors import EXTRACTOR_VERSION, detect_language, extract
    from quantcheck.flows.config import Settings, SourceConfig
    from quantcheck.flows.sources import read_source
    from quantcheck.flows.warehouse_writer import open_run_writer

    t0 = time.perf_counter()
    res = read_source(SourceConfig(name="bench", kind="folder", location=str(corpus)), Settings())
    docs = list(res.documents)
    t_read = time.perf_counter() - t0
    load_s = 0.0
    mentions = 0
    with open_run_writer(db) as w:
        w.start_run()
        for i in range(0, len(docs), 200):
            batch = docs[i:i + 200]
            ms = [extract(d.text, d.lang or detect_language(d.text)) for d in batch]
            t1 = time.perf_counter()
            r = w.load_batch(batch, ms, extractor_version=EXTRACTOR_VERSION)
            load_s += time.perf_counter() - t1
            mentions += r.mentions_added
        w.finish_run("completed")
    total = time.perf_counter() - t0
    return {"seconds": total, "read_seconds": t_read, "load_seconds": load_s, "documents": len(docs),
            "mentions": mentions}


def flow_run(corpus: Path, tmp: Path, name: str, processes: int) -> dict:
    from quantcheck.flows.pipeline import quantcheck_pipeline

    cfg = tmp / f"{name}.toml"
    cfg.write_text(f'[settings]\nbatch_size = 200\nextract_processes = {processes}\n'
                   f'[[source]]\nname = "bench"\nlocation = "{corpus}"\n', encoding="utf-8")
    t0 = time.perf_counter()
    state = quantcheck_pipeline(config_path=str(cfg), db=str(tmp / f"{name}.duckdb"), return_state=True)
    seconds = time.perf_counter() - t0
    assert state.is_completed(), state.message
    summary = state.result()
    assert summary["documents_added"] == ARTICLES and not summary["skipped"]
    return {"seconds": seconds, "documents": summary["documents_added"],
            "mentions": summary["mentions_added"]}


def test_pipeline_throughput(prefect_harness, tmp_path):
    corpus = tmp_path / "corpus"
    t0 = time.perf_counter()
    size = write_corpus(corpus, ARTICLES)
    gen_s = time.perf_counter() - t0
    existing = {int(p) for p in os.listdir("/proc") if p.isdigit()}  # the Prefect test server and others

    # the shipped configuration first, so its peak RSS is not inflated by memory the others left behind
    with RssSampler(existing) as pool_mem:
        pooled = flow_run(corpus, tmp_path, "pool", processes=0)
    print(f"\n  (progress) default flow done in {pooled['seconds']:.1f} s", flush=True)
    inline = flow_run(corpus, tmp_path, "inline", processes=1)
    print(f"  (progress) inline flow done in {inline['seconds']:.1f} s", flush=True)
    base = baseline(corpus, tmp_path / "baseline.duckdb")

    def rate(r: dict) -> float:
        return r["documents"] / r["seconds"]

    assert base["mentions"] == inline["mentions"] == pooled["mentions"]  # same work, same result
    mb = 1024 * 1024
    load_rate = base["mentions"] / max(base["load_seconds"], 1e-9)
    lines = [
        f"pipeline benchmark: {ARTICLES:,} articles, {size / mb:.1f} MB JSON Lines ({gen_s:.1f} s to "
        f"generate), {pooled['mentions']:,} mentions, {os.cpu_count()} CPUs",
        f"  baseline plain loop (no Prefect, 1 process): {base['seconds']:6.1f} s {rate(base):6.0f} "
        f"articles/s  (read+normalise {base['read_seconds']:.1f} s, load {base['load_seconds']:.2f} s = "
        f"{load_rate:,.0f} mentions/s)",
        f"  flow, extraction inline in batch tasks:       {inline['seconds']:6.1f} s {rate(inline):6.0f} "
        f"articles/s = {rate(inline) / rate(base):.2f}x baseline",
        f"  flow, default (process pool):                 {pooled['seconds']:6.1f} s {rate(pooled):6.0f} "
        f"articles/s = {rate(pooled) / rate(base):.2f}x baseline, "
        f"{rate(pooled) / rate(inline):.2f}x inline;  peak RSS flow {pool_mem.peak_self / mb:.0f} MB, "
        f"flow + workers {pool_mem.peak_tree / mb:.0f} MB",
        f"  targets: >= {TARGET_RATE} articles/s ({'met' if rate(pooled) >= TARGET_RATE else 'NOT met'}), "
        f"< {TARGET_RSS_MB} MB ({'met' if pool_mem.peak_tree / mb < TARGET_RSS_MB else 'NOT met'})",
        f"  process max RSS (getrusage, whole test, measured after the default flow ran first): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    ]
    print("\n" + "\n".join(lines))
