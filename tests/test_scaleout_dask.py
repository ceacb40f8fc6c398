"""The pipeline on Dask: runner choice from the config, picklable tasks, same warehouse as the local runner.

What each test shows:
- ``make_task_runner`` builds the runner the settings ask for (threads by default, a local Dask cluster of
  N worker processes, or an existing scheduler's address) and rejects impossible settings clearly;
- the extraction task, its input and its output pickle, and extraction in a brand-new process (spawned,
  nothing inherited) gives exactly what it gives here: no process-local state is assumed;
- a real local Dask cluster runs submitted tasks in two worker processes other than the flow's, and
  ``quote()``-d parameters (how the flow passes batches) arrive intact;
- the real flow over the bundled sample corpus, once on the local thread runner and once on a local Dask
  cluster of two workers, leaves exactly the same warehouse content (every table and view, load times
  and run bookkeeping aside).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import tomllib
from pathlib import Path

import cloudpickle
import duckdb
import pytest
from prefect import flow, task

from quantcheck.flows.runners import RunnerConfigError, describe, make_task_runner, runner_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "flows" / "sample"


# --- runner selection ----------------------------------------------------------------------------------


def test_runner_from_settings() -> None:
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from quantcheck.flows.config import Settings

    assert isinstance(make_task_runner(Settings()), ThreadPoolTaskRunner)
    local = make_task_runner({"task_runner": "dask", "dask_workers": 3})
    assert isinstance(local, DaskTaskRunner)
    assert local.cluster_kwargs["n_workers"] == 3 and local.cluster_kwargs["processes"] is True
    remote = make_task_runner(Settings(task_runner="dask", dask_address="tcp://10.0.0.5:8786"))
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://10.0.0.5:8786"
    assert describe({"task_runner": "dask", "dask_workers": 2}).startswith("local Dask cluster (2 worker")


def test_local_cluster_size_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUANTCHECK_DASK_WORKERS", "2")
    assert runner_settings({"task_runner": "dask"}).local_dask_workers == 2
    monkeypatch.setenv("QUANTCHECK_DASK_WORKERS", "two")
    with pytest.raises(RunnerConfigError, match="QUANTCHECK_DASK_WORKERS"):
        runner_settings({"task_runner": "dask"})


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"task_runner": "spark"}, "expected one of thread, process, dask"),
        ({"task_runner": "dask", "dask_workers": 0}, None),  # 0 = unset: falls back, no error
        ({"task_runner": "dask", "dask_workers": -1}, "dask_workers = -1"),
        ({"task_runner": "dask", "dask_address": "10.0.0.5:8786"}, "expected e.g. 'tcp://host:8786'"),
        ({"task_runner": "thread", "dask_address": "tcp://h:1"}, "task_runner is not"),
    ],
)
def test_bad_runner_settings_are_clear_errors(settings: dict, message: str | None) -> None:
    from quantcheck.flows.config import ConfigError

    if message is None:
        runner_settings(settings)
        return
    with pytest.raises(ConfigError, match=message):
        make_task_runner(settings)


# --- no process-local state ----------------------------------------------------------------------------


def sample_documents():
    from quantcheck.flows.documents import Document
    from quantcheck.warehouse.records import content_hash

    texts = [
        ("fr", "Pas moins de 100 000 soldats russes sont massés à la frontière, selon Kiev."),
        ("en", "The fire burned nearly 20,000 square miles and cost $1.9bn, officials said."),
        ("de", "Die Stadt investiert 2,5 Millionen Euro in neue Radwege."),
        (None, "La temperatura alcanzó 44 grados y ardieron 12.000 hectáreas en Extremadura."),
    ]
    return [
        Document(source="s", url=f"file:///doc{i}", text=t, content_hash=content_hash(t), lang=lang)
        for i, (lang, t) in enumerate(texts)
    ]


def _extract_in_child(docs, queue) -> None:
    from quantcheck.flows.extraction import extract_documents

    queue.put(pickle.dumps(extract_documents(docs)))


def test_extraction_task_pickles_and_needs_no_inherited_state() -> None:
    from quantcheck.flows.extraction import extract_documents
    from quantcheck.flows.pipeline import extract_batch_task

    docs = sample_documents()
    here = extract_documents(docs)
    assert here.mentions.table.num_rows >= 4, "the extractor found too little to compare"
    # What Dask ships to a worker: the task (by value) and its arguments, and the result back.
    assert cloudpickle.loads(cloudpickle.dumps(extract_batch_task)).name == "extract-batch"
    assert pickle.loads(pickle.dumps(docs)) == docs
    assert pickle.loads(pickle.dumps(here)) == here
    # A spawned process starts from nothing (no fork-inherited registry or caches): same result.
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_extract_in_child, args=(docs, queue))
    child.start()
    there = pickle.loads(queue.get(timeout=180))
    child.join(timeout=60)
    assert child.exitcode == 0
    assert there == here


# --- a real Dask cluster -------------------------------------------------------------------------------


@task
def where_am_i(i: int, batch: list[int]) -> tuple[int, int, list[int]]:
    import time

    time.sleep(0.2)  # long enough for both workers to take tasks
    return os.getpid(), i * i, batch


@flow
def fan_out(n: int) -> list[tuple[int, int, list[int]]]:
    from prefect.utilities.annotations import quote

    with make_task_runner({"task_runner": "dask", "dask_workers": 2}) as runner:
        # quote(): how the pipeline passes batches (Prefect must not walk them); Dask used to mangle it
        futures = [runner.submit(where_am_i, {"i": i, "batch": quote([i, i + 1])}) for i in range(n)]
        return [f.result() for f in futures]


def test_local_dask_cluster_runs_tasks_in_two_worker_processes(prefect_harness) -> None:
    results = fan_out(8)
    assert [square for _, square, _ in results] == [i * i for i in range(8)]
    assert [batch for _, _, batch in results] == [[i, i + 1] for i in range(8)]
    pids = {pid for pid, _, _ in results}
    assert len(pids) == 2 and os.getpid() not in pids


# --- the real flow: Dask vs local threads --------------------------------------------------------------


def write_config(path: Path, task_runner: str) -> Path:
    """The bundled sample corpus (absolute locations) with small batches, on the given runner."""
    sample = tomllib.loads((SAMPLE / "sources.toml").read_text(encoding="utf-8"))
    lines = ["[settings]", f'task_runner = "{task_runner}"', "batch_size = 3", ""]
    for source in sample["source"]:
        lines.append("[[source]]")
        for key, value in source.items():
            if key == "location":
                value = str((SAMPLE / value).resolve())
            lines.append(f"{key} = {json.dumps(value)}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


RUN_SPECIFIC = {"run_id", "fetched_at", "added_at", "started_at", "finished_at", "flow_run_id",
                "applied_at", "loaded_at", "refreshed_at", "created_at", "updated_at"}


def warehouse_content(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every public table and view, rows sorted, without what legitimately differs between two runs."""
    database = con.execute("SELECT current_database()").fetchone()[0]
    relations = [
        name for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = $db AND schema_name = 'main' "
            "AND table_name <> 'runs' UNION ALL SELECT view_name FROM duckdb_views() "
            "WHERE database_name = $db AND schema_name = 'main' AND NOT internal ORDER BY 1",
            {"db": database},
        ).fetchall()
    ]
    out = {}
    for name in relations:
        columns = [d[0] for d in con.execute(f"SELECT * FROM {name} LIMIT 0").description
                   if d[0] not in RUN_SPECIFIC]
        select = ", ".join(f'"{c}"' for c in columns)
        out[name] = con.execute(f"SELECT {select} FROM {name} ORDER BY ALL").fetchall()
    out["runs"] = con.execute(
        "SELECT status, documents_added, mentions_added, documents_seen, documents_duplicate FROM runs"
    ).fetchall()
    return out


def embedded_content(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return warehouse_content(con)
    finally:
        con.close()


@pytest.mark.slow
def test_flow_on_two_dask_workers_gives_the_same_warehouse_as_threads(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quantcheck.flows.pipeline import quantcheck_pipeline

    monkeypatch.setenv("QUANTCHECK_DASK_WORKERS", "2")
    results = {}
    for runner in ("thread", "dask"):
        db = tmp_path / f"{runner}.duckdb"
        summary = quantcheck_pipeline(config_path=str(write_config(tmp_path / f"{runner}.toml", runner)),
                                      db=str(db))
        assert summary["batches"] >= 4, "the corpus should span several batches to distribute"
        results[runner] = (summary, embedded_content(db))
    (local_summary, local), (dask_summary, dasked) = results["thread"], results["dask"]
    assert local_summary["documents_added"] == dask_summary["documents_added"] > 0
    assert local_summary["mentions_added"] == dask_summary["mentions_added"] > 0
    assert local.keys() == dasked.keys()
    assert {"sources", "documents", "mentions", "claims", "claim_groups", "conflicts"} <= local.keys()
    for name in local:
        assert dasked[name] == local[name], f"{name} differs between the Dask and the thread runner"
    assert len(local["claims"]) == local_summary["mentions_added"]


@pytest.mark.slow
def test_flow_on_dask_into_a_ducklake_matches_the_embedded_default(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dask workers extract, the flow loads into a DuckLake (SQLite catalog): same tables and views."""
    from quantcheck.flows.pipeline import quantcheck_pipeline
    from quantcheck.warehouse.db import connect_read_only

    monkeypatch.setenv("QUANTCHECK_DASK_WORKERS", "2")
    embedded_db = tmp_path / "embedded.duckdb"
    thread_config = write_config(tmp_path / "thread.toml", "thread")
    quantcheck_pipeline(config_path=str(thread_config), db=str(embedded_db))
    lake = f"ducklake:sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}"
    summary = quantcheck_pipeline(config_path=str(write_config(tmp_path / "dask.toml", "dask")), db=lake)
    assert summary["documents_added"] > 0
    con = connect_read_only(lake)
    try:
        got = warehouse_content(con)
    finally:
        con.close()
    expected = embedded_content(embedded_db)
    assert got.keys() == expected.keys()
    for name in expected:
        assert got[name] == expected[name], f"{name} differs between the lake and the embedded file"
