"""Benchmark: comparing 1,000,000 claims — facts, conflicts, claim_groups — against the 10 s target, and the
cost of reading claims' frames (once per mention, when it arrives).

Run with `make bench` (pytest --benchmarks). The generated warehouse mimics news coverage: 140,000 articles
from 60 sources over three years, about seven claims each, in 24 kinds of claim (people killed, injured,
evacuated, missing, arrested; troops, homes, jobs, flights, seats; areas burnt, amounts in euros, prices,
temperatures, rainfall, turnout ...), about events in 1,000 towns of 100 countries (a third of the claims
placed only by the dateline, 8 % by no place at all), dated by their words or by the article, with kinds of
incident, organisations and the words around the number. Each event has a true value; most outlets report
it within rounding and 3 % contradict it (the conflicts to find). Frames are
written straight into claim_frames (the refresh reads them as the cached frames it would have read from the
articles); the frame reader itself is timed on 20,000 generated sentences. The baseline, measured in the
same run, is scoring every pair of a 20,000-claim sample with the one-pair definition
(checks.identity.score), extrapolated to all pairs of the block sizes of the 1M run.
"""

from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from quantcheck import checks
from quantcheck.checks.claim_columns import frame_from_row
from quantcheck.checks.frame_store import frame_version, refresh_frames
from quantcheck.checks.gazetteer import skeleton
from quantcheck.checks.identity import score, word_mask
from quantcheck.checks.lexicon import load_lexicon
from quantcheck.warehouse.create_views import apply_views
from quantcheck.warehouse.migrate import apply_migrations

N_CLAIMS = int(os.environ.get("QUANTCHECK_BENCH_CLAIMS", "1000000"))
PER_DOC = 7
FRAME_SAMPLE = 20_000
NAIVE_SAMPLE = 20_000
TARGET_SECONDS = 10.0
SMALL_RUN_CLAIMS = 7_000   # a run of 1,000 articles about floods and fires: homes destroyed, areas burnt
SMALL_RUN_KINDS = [6, 20]
START = date(2022, 1, 1)
# (measure, group, action, topic, unit, dimension, typical value, weight)
KINDS = [
    ("count", "women", "killed", None, "", "count", 4, 1),
    ("count", "people", "missing", None, "", "count", 6, 1),
    ("count", "people", "arrested", None, "", "count", 12, 1),
    ("count", "people", "rescued", None, "", "count", 30, 1),
    ("count", "nonstate_fighters", "killed", None, "", "count", 25, 1),
    ("count", "migrants", "rescued", None, "", "count", 80, 1),
    ("count", "homes", "destroyed", None, "", "count", 200, 1),
    ("count", "workers", "cut", None, "", "count", 1500, 1),
    ("count", "flights", "cancelled", None, "", "count", 900, 1),
    ("count", "seats", "elected", None, "", "count", 25, 1),
    ("currency_EUR", None, None, "budget", "EUR", "currency_EUR", 5e10, 1),
    ("currency_EUR", None, None, "debt", "EUR", "currency_EUR", 1.2e9, 1),
    ("[temperature]", None, None, "temperature", "degC", "[temperature]", 40, 1),
    ("[length]", None, None, "rainfall", "millimeter", "[length]", 0.12, 1),
    ("count", "people", "killed", None, "", "count", 20, 10),
    ("count", "people", "injured", None, "", "count", 40, 6),
    ("count", "children", "killed", None, "", "count", 5, 2),
    ("count", "state_forces", "deployed", None, "", "count", 50000, 1),
    ("count", "people", "evacuated", None, "", "count", 3000, 2),
    ("count", "people", "protesting", None, "", "count", 100000, 1),
    ("[length] ** 2", None, "burnt", None, "hectare", "[length] ** 2", 12000, 1),
    ("currency_EUR", None, None, "aid", "EUR", "currency_EUR", 1.9e9, 1),
    (
        "currency_EUR / [length] ** 3",
        None,
        None,
        "diesel",
        "EUR/liter",
        "currency_EUR / [length] ** 3",
        2.19,
        1,
    ),
    ("dimensionless", None, None, "turnout", "percent", "dimensionless", 64, 1),
]
INCIDENTS = ["airstrike", "shelling", "explosion", "flood", "earthquake", "wildfire", "crash", "protest"]
WORDS = "market strike hospital school convoy village officials said army rebels police ministry".split()


def towns(rng: random.Random) -> list[tuple[str, str, str, int]]:
    """1,000 (name, cc, admin1, gid) towns in 100 countries."""
    out = []
    for c in range(100):
        cc = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
        for t in range(10):
            out.append((f"Town{c}x{t}", cc, str(rng.randrange(8)), 1_000_000 + c * 100 + t))
    return out


def generate(con: duckdb.DuckDBPyConnection, n: int, seed: int = 7, first_doc: int = 0,
             kinds: list[int] | None = None) -> None:
    """Sources (with the first batch), documents, mentions and their cached frames for ``n`` claims.

    Articles report events: an event is a (kind of claim, town, day) with a true value; most outlets report
    it within rounding, 3 % contradict it (the conflicts to find). A later batch numbers its documents from
    ``first_doc``; ``kinds`` (indexes of KINDS) keeps its claims to a few kinds, like a run on one story."""
    rng = random.Random(seed)
    lex = load_lexicon()
    version = frame_version(lex)
    # a later batch reports on the towns of the first one (drawn with the default seed)
    places = towns(rng) if first_doc == 0 else towns(random.Random(7))
    weights = [k[-1] if kinds is None or i in kinds else 0 for i, k in enumerate(KINDS)]
    if first_doc == 0:
        con.execute(
            "INSERT INTO sources SELECT 'src' || lpad(CAST(i AS VARCHAR), 2, '0'), 's' || "
            "lpad(CAST(i AS VARCHAR), 2, '0'), 'feed', 'bench', NULL, now() FROM range(60) t(i)"
        )
    docs = {k: [] for k in ("document_id", "source_id", "lang", "published_at")}
    m = {
        k: []
        for k in (
            "mention_id",
            "document_id",
            "start",
            "end",
            "surface",
            "sentence",
            "value",
            "qualifier",
            "unit",
            "dimension",
            "si_value",
            "si_unit",
            "concept",
            "ordinal",
            "lang",
        )
    }
    f: dict[str, list] = {
        k: []
        for k in (
            "mention_id",
            "lexicon_version",
            "measure",
            "grp",
            "fine_group",
            "thing",
            "action",
            "topic",
            "part",
            "scope",
            "incidents",
            "place",
            "place_kind",
            "place_cc",
            "place_admin1",
            "place_gid",
            "place_source",
            "spot",
            "day",
            "day_source",
            "words",
            "wording",
            "entity",
            "year",
            "spot_key",
            "place_key",
            "words_mask",
        )
    }
    n_docs = n // PER_DOC
    for d in range(first_doc, first_doc + n_docs):
        doc_id = f"d{d:07d}"
        day = START + timedelta(days=rng.randrange(1095))
        docs["document_id"].append(doc_id)
        docs["source_id"].append(f"src{rng.randrange(60):02d}")
        docs["lang"].append(rng.choice(("en", "fr", "es", "de")))
        docs["published_at"].append(day)
        home = rng.choice(places)
        for j in range(PER_DOC):
            kind_i = rng.choices(range(len(KINDS)), weights)[0]
            measure, grp, action, topic, unit, dim, typical, _ = KINDS[kind_i]
            town = home if rng.random() < 0.6 else rng.choice(places)
            placed = rng.random()
            source = "clause" if placed < 0.55 else ("dateline" if placed < 0.92 else "none")
            has_place = source != "none"
            claim_day = day - timedelta(days=rng.choice((0, 0, 0, 1)))
            event = random.Random(hash((kind_i, town[3], claim_day.toordinal())))
            truth = typical * event.uniform(0.5, 1.5)
            value = float(f"{truth * (rng.uniform(1.6, 2.5) if rng.random() < 0.03 else 1):.2g}")
            mid = f"{doc_id}:{j}"
            surface = f"{value:,.0f}"
            for k, v in (
                ("mention_id", mid),
                ("document_id", doc_id),
                ("start", 0),
                ("end", len(surface)),
                ("surface", surface),
                ("sentence", surface),
                ("value", value),
                ("qualifier", rng.choice(("exact", "exact", "exact", "approx"))),
                ("unit", unit),
                ("dimension", dim),
                ("si_value", value),
                ("si_unit", unit),
                ("concept", grp),
                ("ordinal", j),
                ("lang", docs["lang"][-1]),
            ):
                m[k].append(v)
            words = tuple(sorted(rng.sample(WORDS, 4)))
            spot = town[0].lower() if has_place and rng.random() < 0.3 else None
            for k, v in (
                ("mention_id", mid),
                ("lexicon_version", version),
                ("measure", measure),
                ("grp", grp),
                ("fine_group", grp),
                ("thing", None),
                ("action", action),
                ("topic", topic),
                ("part", ""),
                ("scope", "cumulative" if rng.random() < 0.08 else "incident"),
                ("incidents", [INCIDENTS[kind_i % len(INCIDENTS)]] if rng.random() < 0.6 else []),
                ("place", town[0] if has_place else None),
                ("place_kind", "town" if has_place else None),
                ("place_cc", town[1] if has_place else None),
                ("place_admin1", town[2] if has_place else None),
                ("place_gid", town[3] if has_place else None),
                ("place_source", source),
                ("spot", spot),
                ("day", claim_day),
                ("day_source", "weekday" if rng.random() < 0.4 else "article"),
                ("words", list(words)),
                ("wording", f"w{rng.randrange(10**6)}"),
                ("entity", "SPD" if topic == "turnout" and rng.random() < 0.5 else None),
                ("year", None),
                ("spot_key", skeleton(spot) if spot else None),
                ("place_key", skeleton(town[0]) if has_place else ""),
                ("words_mask", word_mask(words)),
            ):
                f[k].append(v)
    for name, cols in (("documents", docs), ("mentions", m), ("claim_frames", f)):
        con.register("gen_arrow", pa.table(cols))
        if name == "documents":
            con.execute(
                "INSERT INTO documents (document_id, source_id, lang, published_at, fetched_at, "
                "content_hash, text) SELECT document_id, source_id, lang, published_at, now(), "
                "document_id, '' FROM gen_arrow"
            )
        elif name == "mentions":
            con.execute(
                'INSERT INTO mentions (mention_id, document_id, start, "end", surface, sentence, value, '
                "qualifier, unit, dimension, si_value, si_unit, concept, extractor_version, ordinal, "
                'sentence_start, sentence_end, lang) SELECT mention_id, document_id, start, "end", '
                "surface, sentence, value, qualifier, unit, dimension, si_value, si_unit, concept, "
                "'bench', ordinal, 0, length(sentence), lang FROM gen_arrow"
            )
        else:
            con.execute("INSERT INTO claim_frames BY NAME SELECT * FROM gen_arrow")
        con.unregister("gen_arrow")


SENTENCES = [
    (
        "en",
        "At least {n} civilians were killed in an air strike on the market in {town} on Sunday, "
        "officials said.",
    ),
    ("fr", "Au moins {n} personnes ont été tuées dimanche dans un bombardement à {town}, selon les secours."),
    ("es", "Al menos {n} personas murieron el domingo en un ataque aéreo en {town}, según las autoridades."),
    ("de", "Mindestens {n} Menschen wurden am Sonntag bei einem Luftangriff in {town} getötet."),
]


def frame_sample(con: duckdb.DuckDBPyConnection, n: int, seed: int = 11) -> None:
    """``n`` generated sentences with one mention each, for the frame reader."""
    rng = random.Random(seed)
    cities = ["Idlib", "Aleppo", "Valencia", "Lyon", "Sevilla", "Dresden", "Kharkiv", "Oliva"]
    docs = {k: [] for k in ("document_id", "source_id", "lang", "published_at", "text")}
    m = {
        k: []
        for k in (
            "mention_id",
            "document_id",
            "start",
            "end",
            "surface",
            "sentence",
            "value",
            "dimension",
            "concept",
            "ordinal",
            "lang",
        )
    }
    for k in range(n):
        lang, template = rng.choice(SENTENCES)
        num = str(rng.randrange(2, 90))
        text = template.format(n=num, town=rng.choice(cities))
        start = text.index(num)
        doc_id = f"f{k:06d}"
        for key, v in (
            ("document_id", doc_id),
            ("source_id", "src00"),
            ("lang", lang),
            ("published_at", START + timedelta(days=rng.randrange(900))),
            ("text", text),
        ):
            docs[key].append(v)
        for key, v in (
            ("mention_id", f"{doc_id}:0"),
            ("document_id", doc_id),
            ("start", start),
            ("end", start + len(num)),
            ("surface", num),
            ("sentence", text),
            ("value", float(num)),
            ("dimension", "count"),
            ("concept", "people"),
            ("ordinal", 0),
            ("lang", lang),
        ):
            m[key].append(v)
    con.register("gen_arrow", pa.table(docs))
    con.execute(
        "INSERT INTO documents (document_id, source_id, lang, published_at, fetched_at, content_hash, "
        "text) SELECT document_id, source_id, lang, published_at, now(), document_id, text FROM gen_arrow"
    )
    con.register("gen_arrow", pa.table(m))
    con.execute(
        'INSERT INTO mentions (mention_id, document_id, start, "end", surface, sentence, value, '
        "qualifier, unit, dimension, si_value, si_unit, concept, extractor_version, ordinal, "
        'sentence_start, sentence_end, lang) SELECT mention_id, document_id, start, "end", surface, '
        "sentence, value, 'exact', '', dimension, value, '', concept, 'bench', ordinal, 0, "
        "length(sentence), lang FROM gen_arrow"
    )
    con.unregister("gen_arrow")


CPU: dict[str, float] = {}


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it forked and waited for (a large refresh
    grows its blocks' facts on forked workers: checks/block_facts.py)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(label: str, fn, results: dict[str, float]):
    """Wall time into ``results`` and CPU time into ``CPU``: on a shared machine the wall time partly
    measures the other tenants, the CPU time measures our work."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    out = fn()
    results[label] = time.perf_counter() - t0
    CPU[label] = cpu_seconds() - c0
    return out


def test_bench_compare_1m(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "bench.duckdb"))
    apply_migrations(con)
    apply_views(con)
    t0 = time.perf_counter()
    generate(con, N_CLAIMS)
    gen_s = time.perf_counter() - t0
    results: dict[str, float] = {}
    counts = timed("refresh: intervals, facts, conflicts", lambda: checks.refresh(con, force=True), results)
    n_groups = timed(
        "claim_groups query", lambda: con.execute("SELECT count(*) FROM claim_groups").fetchone()[0], results
    )
    n_conf = timed(
        "conflicts query", lambda: con.execute("SELECT count(*) FROM conflicts").fetchone()[0], results
    )
    n_facts = con.execute("SELECT count(DISTINCT fact_id) FROM claim_keys").fetchone()[0]
    # what a change that should only be faster must leave as it is (compare two runs' lines)
    digests = {t: con.execute(f"SELECT count(*), sum(hash(*COLUMNS(*))::HUGEINT) FROM {t}").fetchone()
               for t in ("claim_keys", "fact_pairs", "conflicts", "fact_labels")}
    blocked = sum(results.values())
    blocked_cpu = sum(CPU.values())
    extra: dict[str, float] = {}
    skipped = timed("refresh, nothing new (skipped)", lambda: checks.refresh(con), extra)
    assert skipped["skipped"] == 1 and skipped["claim_keys"] == counts["claim_keys"]
    # a small run: only the blocks its claims fall in are recomputed
    generate(con, SMALL_RUN_CLAIMS, seed=8, first_doc=N_CLAIMS // PER_DOC, kinds=SMALL_RUN_KINDS)
    small = timed("refresh after a small run (incremental)", lambda: checks.refresh(con), extra)
    assert small["skipped"] == 0 and small["recomputed_blocks"] < small["blocks"]

    # the baseline: the one-pair definition on every pair of a 20,000-claim sample of one block
    rows = (
        con.execute(
            "SELECT f.* FROM claim_frames f JOIN claim_keys k USING (mention_id) WHERE k.block = "
            "(SELECT block FROM claim_keys WHERE block IS NOT NULL GROUP BY block "
            "ORDER BY count(*) DESC LIMIT 1) "
            "ORDER BY mention_id LIMIT $n",
            {"n": NAIVE_SAMPLE},
        )
        .to_arrow_table()
        .to_pylist()
    )
    lex = load_lexicon()
    sample = [frame_from_row(r["mention_id"], r) for r in rows[:2000]]
    t_naive = time.perf_counter()
    for i in range(len(sample)):
        for j in range(i + 1, len(sample)):
            score(sample[i], sample[j], lex)
    naive_pair = (time.perf_counter() - t_naive) / (len(sample) * (len(sample) - 1) / 2)
    block_sizes = [
        c
        for (c,) in con.execute(
            "SELECT count(*) FROM claim_keys WHERE block IS NOT NULL GROUP BY block"
        ).fetchall()
    ]
    naive_all = naive_pair * sum(c * (c - 1) / 2 for c in block_sizes)

    # frames: read once per mention when it arrives
    fcon = duckdb.connect(str(tmp_path / "frames.duckdb"))
    apply_migrations(fcon)
    fcon.execute("INSERT INTO sources VALUES ('src00', 's00', 'feed', 'bench', NULL, now())")
    frame_sample(fcon, FRAME_SAMPLE)
    frames_s: dict[str, float] = {}
    n_read = timed("frames, 20,000 sentences", lambda: refresh_frames(fcon), frames_s)
    fcon.close()
    con.close()

    load = os.getloadavg()[0]
    print(
        f"\n== bench_compare: {N_CLAIMS:,} claims generated in {gen_s:.1f} s (not timed); "
        f"load average {load:.1f} on {os.cpu_count()} CPUs =="
    )
    for label, secs in {**results, **extra, **frames_s}.items():
        print(f"  {label:<40} {secs:7.2f} s wall {CPU[label]:7.2f} s CPU")
    print(
        f"  claim_keys {counts['claim_keys']:,}, facts {n_facts:,}, claim_groups {n_groups:,}, "
        f"conflicts {n_conf:,}; blocks {counts['blocks']}"
    )
    print("  table digests (rows, sum of row hashes): "
          + "; ".join(f"{t} {n:,} {h}" for t, (n, h) in digests.items()))
    print(
        f"  small run: {SMALL_RUN_CLAIMS:,} new claims of {len(SMALL_RUN_KINDS)} kinds, "
        f"{small['recomputed_blocks']} of {small['blocks']} blocks recomputed"
    )
    verdict = "met" if blocked < TARGET_SECONDS else f"NOT met at load average {load:.1f}"
    print(
        f"  comparison of 1M claims: {blocked:.2f} s wall, {blocked_cpu:.2f} s CPU "
        f"(target < {TARGET_SECONDS:.0f} s: {verdict})"
    )
    print(
        f"  one-pair definition on every pair of each block: {naive_pair * 1e6:.1f} us a pair, "
        f"{naive_all:,.0f} s extrapolated → blocking and arrays are {naive_all / blocked:,.0f}x faster"
    )
    print(
        f"  frame reader: {n_read / frames_s['frames, 20,000 sentences']:,.0f} claims/s "
        f"({n_read:,} read once per mention, when it arrives)"
    )
    assert n_read == FRAME_SAMPLE
    assert naive_all / blocked > 100, "blocking should beat scoring every pair by orders of magnitude"
