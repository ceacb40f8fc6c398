"""Extraction throughput and peak memory, side by side with quantulum3 in the same run (`make bench`).

The corpus is generated at run time, deterministically, from news-style templates and vocabulary in
French, English, Spanish and German (about a quarter each, at least 1 MB of text): numbers in each
language's format, scale and number words, units, currencies, qualifiers, ranges, dates, identifiers,
and plenty of sentences with no quantity at all, as in real articles. Each system runs in its own child
process so its peak memory is its own, and each reads the same documents one article at a time, as the
pipeline does. quantulum3 is slow, so it reads a representative slice (one group of four articles in k,
so all four languages) and its figure is scaled to characters per second; it is also timed on English
articles alone, the language it was written for. Throughput is characters per CPU second of the child
(process time), so other work on a shared machine does not skew the ratio; wall time is printed too.
Peak memory is the child's maximum resident set. The target from issue 2 is at least 20x quantulum3's
throughput on the same text; the test fails with the figures when it is not met.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

MIN_CHARS = 1_000_000
TARGET_RATIO = 20.0
FILLER_SHARE = 0.7           # sentences without a quantity: about one quantity per 250 characters
PEER_SLICE = 6               # quantulum3 reads one article group in 6 (about 170 kB)

# ---- corpus ------------------------------------------------------------------------------------------

VOCAB = {
    "fr": {
        "place": ["Kharkiv", "Marseille", "Lyon", "Bamako", "Gaza", "Dakar", "Strasbourg", "Niamey"],
        "org": ["le ministère", "l'ONU", "la préfecture", "le gouvernement", "l'OTAN", "la Commission"],
        "noun": ["soldats", "migrants", "personnes", "manifestants", "réfugiés", "policiers", "électeurs"],
        "approx": ["près de", "environ", "quelque"], "least": ["au moins", "plus de", "pas moins de"],
        "most": ["jusqu'à", "moins de"], "scale": [("million", 1e6), ("milliard", 1e9)],
        "money": ["d'euros", "de dollars"], "words": ["deux", "trois", "dix", "vingt", "cinquante"],
        "month": ["janvier", "mars", "juin", "octobre"], "dur": ["jours", "semaines", "heures", "minutes"],
        "dist": ["kilomètres", "km", "mètres", "milles"],
        "templates": [
            "Selon {org}, {approx} {n} {noun} ont été recensés à {place}.",
            "{Least} {n} {noun} ont quitté {place} depuis le {day} {month} {year}.",
            "Le budget atteint {d} {scale}s {money}, contre {d2} {scale}s en {year}.",
            "L'appel de {small} {dur} s'est tenu jeudi entre {org} et {place}.",
            "Les prix ont augmenté de {d} % sur l'année, a indiqué {org}.",
            "Entre {n} et {n2} {noun} attendent à la frontière, à {small} {dist} de {place}.",
            "Il fera moins {cold} degrés à {place} dans la nuit.",
            "Le F-35 et le E-8C ont survolé la zone lors de la {small}e mission.",
            "{Words} {noun} ont été blessés, et un homme de {age} ans a été interpellé.",
            "Le gazole coûte {d} euros le litre à {place}, {most} {small} % de plus qu'en {year}.",
        ],
        "filler": [
            "Les discussions doivent reprendre la semaine prochaine, a précisé un diplomate.",
            "{org} n'a pas souhaité commenter ces informations.",
            "La situation reste tendue à {place}, selon des témoins joints par téléphone.",
            "Le président a appelé au calme et à la retenue.",
            "Des négociations sont en cours, mais aucun accord n'a été trouvé pour l'instant.",
            "Dans un communiqué publié dans la soirée, {org} a appelé les deux camps à reprendre le dialogue "
            "sans conditions préalables et à respecter les engagements pris lors des précédentes rencontres.",
            "Sur place, les habitants décrivent une atmosphère pesante, entre inquiétude et lassitude.",
            "L'opposition dénonce une décision prise dans la précipitation et réclame un débat au Parlement.",
            "Selon plusieurs analystes, cette annonce marque un tournant dans la politique régionale.",
        ],
    },
    "en": {
        "place": ["Kharkiv", "Houston", "Leeds", "Lagos", "Gaza", "Manila", "Denver", "Mosul"],
        "org": ["the ministry", "the UN", "the county", "the government", "NATO", "the Commission"],
        "noun": ["troops", "migrants", "people", "protesters", "refugees", "officers", "voters"],
        "approx": ["about", "nearly", "some", "around", "roughly"],
        "least": ["at least", "more than", "over"], "most": ["up to", "as many as", "fewer than"],
        "scale": [("million", 1e6), ("billion", 1e9)], "money": ["dollars", "pounds"],
        "words": ["two", "three", "ten", "twenty", "fifty"], "month": ["January", "March", "June", "October"],
        "dur": ["days", "weeks", "hours", "minutes"], "dist": ["kilometres", "km", "miles", "metres"],
        "templates": [
            "According to {org}, {approx} {n} {noun} were counted in {place}.",
            "{Least} {n} {noun} have left {place} since {month} {day}, {year}.",
            "The budget reached ${d} {scale}, up from ${d2} {scale} in {year}.",
            "The {small}-minute call between {org} and {place} took place on Thursday.",
            "Prices rose {d}% over the year, {org} said.",
            "Between {n} and {n2} {noun} are waiting at the border, {small} {dist} from {place}.",
            "Temperatures will fall to -{cold}C in {place} overnight.",
            "An F-35 and an E-8C flew over the area during the {small}th mission of {org}.",
            "{Words} {noun} were injured, and a {age}-year-old man was arrested.",
            "Diesel costs ${d} a gallon in {place}, {most} {small}% more than in {year}.",
        ],
        "filler": [
            "Talks are due to resume next week, a diplomat said.",
            "{org} declined to comment on the reports.",
            "The situation remains tense in {place}, according to witnesses reached by phone.",
            "The president called for calm and restraint.",
            "Negotiations are under way, but no agreement has been reached so far.",
            "In a statement released late in the evening, {org} urged both sides to return to talks without "
            "preconditions and to honour the commitments made at earlier meetings.",
            "Residents describe a heavy atmosphere, somewhere between anxiety and weariness.",
            "The opposition denounced a hasty decision and demanded a debate in parliament.",
            "Several analysts said the announcement marked a turning point in regional policy.",
        ],
    },
    "es": {
        "place": ["Járkov", "Sevilla", "Bilbao", "Lima", "Gaza", "Quito", "Valencia", "Rosario"],
        "org": ["el ministerio", "la ONU", "la alcaldía", "el Gobierno", "la OTAN", "la Comisión"],
        "noun": ["soldados", "migrantes", "personas", "manifestantes", "refugiados", "policías", "votantes"],
        "approx": ["unos", "alrededor de", "casi"], "least": ["al menos", "más de"], "most": ["hasta"],
        "scale": [("millones", 1e6)], "money": ["euros", "dólares"],
        "words": ["dos", "tres", "diez", "veinte", "cincuenta"],
        "month": ["enero", "marzo", "junio", "octubre"],
        "dur": ["días", "semanas", "horas", "minutos"], "dist": ["kilómetros", "km", "metros", "millas"],
        "templates": [
            "Según {org}, {approx} {n} {noun} fueron registrados en {place}.",
            "{Least} {n} {noun} han salido de {place} desde el {day} de {month} de {year}.",
            "El presupuesto alcanzó {d} {scale} de {money}, frente a {d2} {scale} en {year}.",
            "La llamada de {small} {dur} entre {org} y {place} tuvo lugar el jueves.",
            "Los precios subieron un {d} % en el año, informó {org}.",
            "Entre {n} y {n2} {noun} esperan en la frontera, a {small} {dist} de {place}.",
            "Se esperan menos {cold} grados en {place} esta noche.",
            "Un F-35 y un E-8C sobrevolaron la zona durante la misión.",
            "{Words} {noun} resultaron heridos y un hombre de {age} años fue detenido.",
            "El gasóleo cuesta {d} euros el litro en {place}, {most} un {small} % más que en {year}.",
        ],
        "filler": [
            "Las conversaciones se reanudarán la próxima semana, dijo un diplomático.",
            "{org} declinó hacer comentarios.",
            "La situación sigue tensa en {place}, según testigos consultados por teléfono.",
            "El presidente pidió calma y moderación.",
            "Las negociaciones continúan, pero aún no hay acuerdo.",
            "En un comunicado difundido por la noche, {org} instó a ambas partes a retomar el diálogo sin "
            "condiciones previas y a respetar los compromisos adquiridos en reuniones anteriores.",
            "Los vecinos describen un ambiente pesado, entre la inquietud y el cansancio.",
            "La oposición denunció una decisión precipitada y exigió un debate en el Parlamento.",
            "Varios analistas consideran que el anuncio supone un giro en la política regional.",
        ],
    },
    "de": {
        "place": ["Charkiw", "Köln", "Leipzig", "Lagos", "Gaza", "Graz", "Bremen", "Basel"],
        "org": ["das Ministerium", "die UNO", "die Stadt", "die Regierung", "die NATO", "die Kommission"],
        "noun": ["Soldaten", "Migranten", "Menschen", "Demonstranten", "Flüchtlinge", "Polizisten", "Wähler"],
        "approx": ["rund", "etwa", "fast"], "least": ["mindestens", "mehr als"], "most": ["bis zu"],
        "scale": [("Millionen", 1e6), ("Milliarden", 1e9), ("Mrd.", 1e9)], "money": ["Euro", "Dollar"],
        "words": ["zwei", "drei", "zehn", "zwanzig", "fünfzig"],
        "month": ["Januar", "März", "Juni", "Oktober"],
        "dur": ["Tage", "Wochen", "Stunden", "Minuten"], "dist": ["Kilometer", "km", "Meter", "Meilen"],
        "templates": [
            "In {place} wurden {approx} {n} {noun} gezählt, teilte {org} mit.",
            "{Least} {n} {noun} haben {place} seit dem {day}. {month} {year} verlassen.",
            "Der Haushalt erreichte {d} {scale} {money}, nach {d2} {scale} im Jahr {year}.",
            "Das {small}-minütige Telefonat zwischen {org} und {place} fand am Donnerstag statt.",
            "Die Preise stiegen im Jahresvergleich um {d} Prozent, teilte {org} mit.",
            "Zwischen {n} und {n2} {noun} warten an der Grenze, {small} {dist} vor {place}.",
            "In {place} werden in der Nacht minus {cold} Grad erwartet.",
            "Ein F-35 und ein E-8C überflogen das Gebiet während der Mission.",
            "{Words} {noun} wurden verletzt, ein {age}-jähriger Mann wurde festgenommen.",
            "Diesel kostet in {place} {d} Euro pro Liter, {most} {small} Prozent mehr als {year}.",
        ],
        "filler": [
            "Die Gespräche sollen nächste Woche fortgesetzt werden, sagte ein Diplomat.",
            "{org} wollte die Berichte nicht kommentieren.",
            "Die Lage in {place} bleibt angespannt, berichteten Augenzeugen am Telefon.",
            "Der Präsident rief zu Ruhe und Zurückhaltung auf.",
            "Die Verhandlungen laufen, eine Einigung gibt es bisher nicht.",
            "In einer am Abend veröffentlichten Erklärung forderte {org} beide Seiten auf, die Gespräche "
            "ohne Vorbedingungen wieder aufzunehmen und frühere Zusagen einzuhalten.",
            "Anwohner beschreiben eine bedrückte Stimmung zwischen Sorge und Müdigkeit.",
            "Die Opposition kritisierte eine überhastete Entscheidung und forderte eine Debatte.",
            "Mehrere Analysten sehen in der Ankündigung eine Wende in der Regionalpolitik.",
        ],
    },
}


def fmt_int(n: int, lang: str) -> str:
    grouped = f"{n:,}"
    return {"en": grouped, "fr": grouped.replace(",", "\u202f"), "es": grouped.replace(",", "."),
            "de": grouped.replace(",", ".")}[lang]


def fmt_dec(x: float, lang: str) -> str:
    s = f"{x:.1f}"
    return s if lang == "en" else s.replace(".", ",")


def sentence(rng: random.Random, lang: str, v: dict) -> str:
    pick = rng.choice
    if rng.random() < FILLER_SHARE:
        template = pick(v["filler"])
    else:
        template = pick(v["templates"])
    scale, _ = pick(v["scale"])
    fields = {
        "org": pick(v["org"]), "place": pick(v["place"]), "noun": pick(v["noun"]),
        "approx": pick(v["approx"]),
        "Least": pick(v["least"]).capitalize(), "most": pick(v["most"]), "scale": scale,
        "money": pick(v["money"]), "Words": pick(v["words"]).capitalize(), "month": pick(v["month"]),
        "dur": pick(v["dur"]), "dist": pick(v["dist"]),
        "n": fmt_int(rng.choice([rng.randint(2, 999), rng.randint(1000, 250_000)]), lang),
        "n2": fmt_int(rng.randint(250_001, 900_000), lang), "d": fmt_dec(rng.uniform(0.1, 99), lang),
        "d2": fmt_dec(rng.uniform(0.1, 99), lang), "small": str(rng.randint(2, 90)),
        "cold": str(rng.randint(1, 25)),
        "age": str(rng.randint(18, 90)), "day": str(rng.randint(1, 28)), "year": str(rng.randint(1990, 2026)),
    }
    text = template.format(**fields)
    return text[0].upper() + text[1:]


def build_corpus(min_chars: int = MIN_CHARS, seed: int = 20241125) -> list[dict]:
    """Articles of 8 to 30 sentences in paragraphs, cycling through the four languages."""
    rng = random.Random(seed)
    docs, total, langs = [], 0, ("fr", "en", "es", "de")
    while total < min_chars:
        lang = langs[len(docs) % 4]
        paragraphs = []
        for _ in range(rng.randint(3, 8)):
            paragraphs.append(" ".join(sentence(rng, lang, VOCAB[lang]) for _ in range(rng.randint(2, 5))))
        text = "\n\n".join(paragraphs)
        docs.append({"id": f"{lang}-{len(docs):05d}", "lang": lang, "text": text})
        total += len(text)
    return docs


# ---- measurement in child processes ---------------------------------------------------------------

_QUANTCHECK = textwrap.dedent("""
    import json, resource, sys, time
    from quantcheck.extractors import extract
    docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    given = sys.argv[2] == "given"
    extract("Près de 20 000 soldats. About 3,000 troops.", lang=None)   # load the detector once
    for warm in ("fr", "en", "es", "de"):   # compile every language's data before timing (as quantulum3
        extract("20 000 soldats, 5 km", lang=warm)  # loads its data before its timing starts)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(extract(d["text"], lang=d["lang"] if given else None)) for d in docs)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": sum(len(d["text"]) for d in docs), "seconds": seconds, "cpu": cpu,
                      "mentions": n, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024}))
""")

_QUANTULUM3 = textwrap.dedent("""
    import json, resource, sys, time, warnings
    warnings.simplefilter("ignore")
    from quantulum3 import parser
    docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    parser.parse("About 3,000 troops.")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(parser.parse(d["text"])) for d in docs)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": sum(len(d["text"]) for d in docs), "seconds": seconds, "cpu": cpu,
                      "mentions": n, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024}))
""")


def run_child(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-3000:]
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def peer_slice(docs: list[dict], every: int, lang: str | None = None) -> list[dict]:
    """Every ``every``-th group of four consecutive articles (one per language), or, with ``lang``,
    every ``every``-th article of that language: the slice keeps the corpus's language mix."""
    if lang is not None:
        return [d for d in docs if d["lang"] == lang][::every]
    return [d for i, d in enumerate(docs) if (i // 4) % every == 0]


def test_extraction_throughput_against_quantulum3(tmp_path):
    docs = build_corpus()
    chars = sum(len(d["text"]) for d in docs)
    assert chars >= MIN_CHARS
    corpus = write_jsonl(tmp_path / "corpus.jsonl", docs)
    mixed = write_jsonl(tmp_path / "slice.jsonl", peer_slice(docs, PEER_SLICE))
    english = write_jsonl(tmp_path / "slice_en.jsonl", peer_slice(docs, PEER_SLICE // 2, "en"))

    ours_auto = run_child(_QUANTCHECK, str(corpus), "detect")
    ours_given = run_child(_QUANTCHECK, str(corpus), "given")
    peer = run_child(_QUANTULUM3, str(mixed))
    peer_en = run_child(_QUANTULUM3, str(english))

    rows = [("quantcheck (language detected)", ours_auto), ("quantcheck (language given)", ours_given),
            (f"quantulum3 (1 article in {PEER_SLICE}, 4 langs)", peer),
            (f"quantulum3 (1 English article in {PEER_SLICE // 2})", peer_en)]
    per_lang = {lang: sum(len(d["text"]) for d in docs if d["lang"] == lang) for lang in VOCAB}
    lines = [
        "",
        f"corpus: {chars:,} characters in {len(docs)} articles "
        f"({', '.join(f'{k} {v:,}' for k, v in per_lang.items())}); generated, seed 20241125",
        f"{'system':<40}{'chars':>11}{'wall s':>8}{'CPU s':>8}{'chars/CPU s':>13}{'mentions':>10}"
        f"{'peak RSS MB':>13}",
    ]
    for name, r in rows:
        lines.append(f"{name:<40}{r['chars']:>11,}{r['seconds']:>8.2f}{r['cpu']:>8.2f}"
                     f"{r['chars'] / r['cpu']:>13,.0f}{r['mentions']:>10,}{r['peak_mb']:>13.1f}")
    cps = {name: r["chars"] / r["cpu"] for name, r in rows}
    ours_cps = cps[rows[0][0]]
    ratio = ours_cps / cps[rows[2][0]]
    ratio_en = ours_cps / cps[rows[3][0]]
    lines.append(f"quantcheck (language detected) vs quantulum3: {ratio:.1f}x on the same 4-language mix, "
                 f"{ratio_en:.1f}x against its English-only speed (target >= {TARGET_RATIO:.0f}x)")
    lines.append(f"language given: {cps['quantcheck (language given)'] / cps[rows[2][0]]:.1f}x on the mix")
    report = "\n".join(lines)
    print(report)
    assert ratio >= TARGET_RATIO, f"extraction is under the {TARGET_RATIO:.0f}x target:{report}"
