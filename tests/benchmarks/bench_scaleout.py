"""Scale-out throughput (`make bench`): the same flow on the default runner and on 1 and 2 Dask workers.

One session, one generated corpus (the multi-language news generator of bench_extract.py, written as
JSON Lines files in a folder source), three runs of the real flow into fresh embedded warehouses:

- ``thread``: the default (threads in the flow process; extraction batches in a local process pool);
- ``dask-1``: a local Dask cluster of one worker process;
- ``dask-2``: a local Dask cluster of two worker processes.

The Prefect server is started once before the runs (its start is excluded); the Dask cluster's start is
part of each Dask run, as it is in production for a local cluster. Figures are articles per second and
ratios against the default measured in the same run. Every run must load exactly the same documents
and mentions. A second part measures DuckLake loading alone (SQLite catalog; PostgreSQL when
.ci/postgres.sh is running) with one writer process and with two concurrent ones, against the embedded
writer. Corpus size: ``QUANTCHECK_BENCH_SCALEOUT_CHARS`` (default 3,000,000 characters).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import build_corpus  # noqa: E402  (the shared news-corpus generator)

CHARS = int(os.environ.get("QUANTCHECK_BENCH_SCALEOUT_CHARS", "3000000"))
FILES = 8  # JSON Lines files in the corpus folder


def write_corpus(folder: Path) -> int:
    docs = build_corpus(min_chars=CHARS, seed=6)
    folder.mkdir(parents=True, exist_ok=True)
    handles = [(folder / f"part-{i}.jsonl").open("w", encoding="utf-8") for i in range(FILES)]
    try:
        for i, doc in enumerate(docs):
            record = {"url": f"https://bench.example/{doc['id']}", "title": doc["id"], "text": doc["text"],
                      "lang": doc["lang"]}
            handles[i % FILES].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return len(docs)


def write_config(path: Path, corpus: Path, runner: str) -> Path:
    settings = [f'task_runner = "{runner}"', "batch_size = 200"]
    path.write_text(
        "[settings]\n" + "\n".join(settings) + "\n\n"
        f'[[source]]\nname = "bench"\nkind = "folder"\nlocation = {json.dumps(str(corpus))}\n',
        encoding="utf-8",
    )
    return path


def test_scaleout_throughput(prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quantcheck.flows.pipeline import quantcheck_pipeline

    corpus = tmp_path / "corpus"
    n_docs = write_corpus(corpus)
    runs = [("thread", "thread", None), ("dask-1", "dask", "1"), ("dask-2", "dask", "2")]
    figures: dict[str, dict] = {}
    for label, runner, workers in runs:
        if workers:
            monkeypatch.setenv("QUANTCHECK_DASK_WORKERS", workers)
        config = write_config(tmp_path / f"{label}.toml", corpus, runner)
        started = time.perf_counter()
        summary = quantcheck_pipeline(config_path=str(config), db=str(tmp_path / f"{label}.duckdb"))
        seconds = time.perf_counter() - started
        figures[label] = {"seconds": seconds, "docs": summary["documents_added"],
                          "mentions": summary["mentions_added"], "batches": summary["batches"]}
    base = figures["thread"]
    print(f"\nscale-out: {n_docs} generated articles ({CHARS / 1e6:.1f} M characters), "
          f"{base['batches']} batches of 200, {os.cpu_count()} CPU(s)")
    print(f"{'runner':<8} {'seconds':>8} {'articles/s':>11} {'mentions':>9} {'vs thread':>10}")
    for label, fig in figures.items():
        rate = fig["docs"] / fig["seconds"]
        print(f"{label:<8} {fig['seconds']:>8.1f} {rate:>11.0f} {fig['mentions']:>9} "
              f"{base['seconds'] / fig['seconds']:>9.2f}x")
    print(f"speed-up dask-2 / dask-1: {figures['dask-1']['seconds'] / figures['dask-2']['seconds']:.2f}x")
    for label, fig in figures.items():
        assert (fig["docs"], fig["mentions"]) == (base["docs"], base["mentions"]), label
    assert base["docs"] == n_docs


# --- DuckLake loading ------------------------------------------------------------------------------------

LOADER = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, sys.argv[1])
    spec = json.loads(sys.argv[2])
    from quantcheck.warehouse.records import DocumentIn
    from quantcheck.extractors.model import Mention
    docs = []
    for i in range(spec["lo"], spec["hi"]):
        text = "Report %d. " % i + " ".join("Item %d cost %d,%03d dollars." % (k, i, k) for k in range(20))
        mentions, pos = [], 0
        for k in range(20):
            surface = "%d,%03d" % (i, k)
            start = text.index(surface, pos)
            pos = start + len(surface)
            mentions.append(Mention(start=start, end=pos, surface=surface, value=float(i * 1000 + k),
                                    low=None, high=None, unit="USD", dimension="currency_USD"))
        docs.append(DocumentIn(source="bench", text=text, mentions=mentions, source_kind="file",
                               source_location="bench"))
    if spec["backend"] == "embedded":
        from quantcheck.flows.warehouse_writer import open_run_writer
        opener = lambda: open_run_writer(spec["db"], wait_seconds=None)
    else:
        from quantcheck.checks import refresh
        from quantcheck.warehouse import ducklake
        config = ducklake.LakeConfig(spec["catalog"], spec["data_path"], metadata_schema=spec["schema"])
        opener = lambda: ducklake.open_writer(config, before_publish=refresh)
    t0 = time.perf_counter()
    with opener() as writer:
        for k in range(0, len(docs), spec["batch"]):
            writer.load_batch(docs[k:k + spec["batch"]])
        conflicts = getattr(writer, "conflicts", 0)
    print(json.dumps({"seconds": time.perf_counter() - t0, "conflicts": conflicts}))
    """
)


def load_in_processes(specs: list[dict]) -> tuple[float, int]:
    """Start one loader process per spec at once; wall time from first start to last end."""
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", LOADER, str(ROOT), json.dumps(s)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in specs]
    conflicts = 0
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        assert proc.returncode == 0, err[-3000:]
        conflicts += json.loads(out.strip().splitlines()[-1])["conflicts"]
    return time.perf_counter() - started, conflicts


def test_ducklake_loading(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_scaleout_ducklake import pg_dsn, pg_execute

    n, batch = 4000, 200
    rows = []
    embedded, _ = load_in_processes([{"backend": "embedded", "db": str(tmp_path / "e.duckdb"), "lo": 0,
                                      "hi": n, "batch": batch}])
    rows.append(("embedded, 1 writer", embedded, 0))
    catalogs = [("sqlite", f"sqlite:{tmp_path / 'lake.sqlite'}", None)]
    dsn = pg_dsn()
    if dsn:
        try:
            pg_execute(dsn, "CREATE SCHEMA qc_bench_scaleout")
            catalogs.append(("postgres", f"postgres:{dsn}", "qc_bench_scaleout"))
        except Exception as exc:  # the figure is optional without a server
            print(f"PostgreSQL not used: {exc}")
    try:
        for kind, catalog, schema in catalogs:
            for writers in (1, 2):
                data = tmp_path / f"{kind}-{writers}"
                cat = catalog.replace("lake.sqlite", f"lake-{writers}.sqlite")
                sch = f"{schema}_{writers}" if schema else None
                if sch:
                    pg_execute(dsn, f"CREATE SCHEMA {sch}")
                step = n // writers
                specs = [{"backend": "lake", "catalog": cat, "data_path": str(data), "schema": sch,
                          "lo": w * step, "hi": (w + 1) * step, "batch": batch} for w in range(writers)]
                from quantcheck.warehouse import ducklake

                ducklake.connect(ducklake.LakeConfig(cat, str(data), metadata_schema=sch)).close()
                seconds, conflicts = load_in_processes(specs)
                rows.append((f"ducklake/{kind}, {writers} writer(s)", seconds, conflicts))
                con = ducklake.connect_read_only(ducklake.LakeConfig(cat, metadata_schema=sch))
                assert con.execute("SELECT count(*) FROM documents").fetchone() == (n,)
                assert con.execute("SELECT count(*) FROM mentions").fetchone() == (n * 20,)
                con.close()
    finally:
        if dsn and len(catalogs) > 1:
            for sch in ("qc_bench_scaleout", "qc_bench_scaleout_1", "qc_bench_scaleout_2"):
                try:
                    pg_execute(dsn, f"DROP SCHEMA IF EXISTS {sch} CASCADE")
                except Exception:  # cleanup only
                    pass
    print(f"\nloading {n} documents / {n * 20} mentions in batches of {batch} (process start included)")
    print(f"{'writer':<32} {'seconds':>8} {'mentions/s':>11} {'vs embedded':>12} {'retries':>8}")
    for label, seconds, conflicts in rows:
        rate = n * 20 / seconds
        print(f"{label:<32} {seconds:>8.2f} {rate:>11.0f} {embedded / seconds:>11.2f}x {conflicts:>8}")


# --- the distributed part alone: extraction batches on a warm cluster -----------------------------------


def corpus_documents(n_chars: int):
    from quantcheck.flows.documents import Document
    from quantcheck.warehouse.records import content_hash

    return [Document(source="bench", url=f"https://bench.example/{d['id']}", text=d["text"],
                     content_hash=content_hash(d["text"]), lang=d["lang"])
            for d in build_corpus(min_chars=n_chars, seed=6)]


def test_extraction_batches_on_a_warm_dask_cluster(prefect_harness) -> None:
    """Extraction throughput without the fixed costs (cluster start, imports): 1 process vs 1/2 workers."""
    from prefect import flow

    from quantcheck.flows.extraction import extract_documents
    from quantcheck.flows.pipeline import extract_batch_task
    from quantcheck.flows.runners import make_task_runner

    docs = corpus_documents(CHARS // 2)
    batches = [docs[i:i + 100] for i in range(0, len(docs), 100)]
    extract_documents(docs[:4])  # this process: registry and language data loaded before timing
    started = time.perf_counter()
    inline = sum(sum(len(m) for m in extract_documents(b).mentions) for b in batches)
    figures = {"in-process": time.perf_counter() - started}

    @flow
    def on_dask(workers: int) -> tuple[float, int]:
        with make_task_runner({"task_runner": "dask", "dask_workers": workers}) as runner:
            warm = [runner.submit(extract_batch_task, {"documents": docs[:2], "processes": 1, "number": 0})
                    for _ in range(4 * workers)]
            [f.result() for f in warm]
            t0 = time.perf_counter()
            futures = [runner.submit(extract_batch_task, {"documents": b, "processes": 1, "number": i})
                       for i, b in enumerate(batches, 1)]
            mentions = sum(sum(len(m) for m in f.result().mentions) for f in futures)
            return time.perf_counter() - t0, mentions

    for workers in (1, 2):
        seconds, mentions = on_dask(workers)
        assert mentions == inline
        figures[f"dask-{workers}"] = seconds
    base = figures["in-process"]
    print(f"\nextraction of {len(docs)} articles in {len(batches)} batches of 100 (warm workers)")
    print(f"{'where':<11} {'seconds':>8} {'articles/s':>11} {'vs in-process':>14}")
    for label, seconds in figures.items():
        print(f"{label:<11} {seconds:>8.1f} {len(docs) / seconds:>11.0f} {base / seconds:>13.2f}x")
    print(f"speed-up dask-2 / dask-1: {figures['dask-1'] / figures['dask-2']:.2f}x")
