"""Fuzzing the command line: whatever a user or a scheduler passes, a clear error, never a traceback.

Three surfaces, each driven with hypothesis (derandomised in ``make test``): ``--source`` locations and
TOML configs (``flows.config.build_config``: a valid config or a ``ConfigError`` naming the problem,
never another exception — a stray ``ValueError`` would surface as a traceback in a scheduled run), the
``quantcheck sql`` command with arbitrary query text (exit 0/1, a message, the warehouse unchanged), and
``quantcheck extract`` with arbitrary bytes on stdin (exit 0, JSON out).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability.recorder import case_log
from reliability.warehouse_state import dir_listing, file_sha256

from quantcheck.flows.config import ConfigError, build_config
from quantcheck.warehouse.db import open_writer
from quantcheck.warehouse.records import DocumentIn

CAMPAIGN = int(os.environ.get("QUANTCHECK_FUZZ_EXAMPLES", "0"))
FAST = settings(
    max_examples=CAMPAIGN or 200,
    derandomize=not CAMPAIGN,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

LOCATION_PARTS = st.sampled_from(
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "http://",
        "https://[::1",
        "http://127.0.0.1:99999/x",
        "data:text/plain,12",
        "javascript:alert(1)",
        "~",
        "~nobody/x",
        "/dev/zero",
        "/proc/self/mem",
        "..",
        "/",
        "C:\\news\\a.txt",
        "http://[::1",
        "\x00",
        "\n",
        " ",
        "a" * 300,
        "/" + "b" * 5000,
        "\udcff",
        "é",
        "./a.rss",
        "x.jsonl",
        "http://127.0.0.1/feed",
        "HTTP://127.0.0.1/a.xml",
        "http://user:pw@127.0.0.1/",
        "%00",
        "?",
        "#",
    ]
)
LOCATIONS = st.one_of(
    st.text(max_size=40),
    LOCATION_PARTS,
    st.lists(st.one_of(LOCATION_PARTS, st.text(max_size=8)), max_size=4).map("".join),
)

TOML_KEYS = st.sampled_from(
    [
        "name",
        "kind",
        "location",
        "lang",
        "schedule",
        "locaton",
        "db",
        "batch_size",
        "max_bytes",
        "deadline",
        "retries",
        "task_runner",
        "schedule",
        "backoff",
        "fetch_linked_articles",
        "extract_processes",
        "user_agent",
        "x",
    ]
)
TOML_VALUES = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    LOCATION_PARTS,
    st.sampled_from(
        ["*/5 * * * *", "61 * * * *", "0", "-1", "fr", "FR", "feed", "folder", "dask", "process", "@hourly"]
    ),
    st.lists(st.integers(0, 3), max_size=2),
)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(v)  # a TOML basic string is a JSON string (escapes included)


CONFIGS = st.builds(
    lambda settings_, sources: (
        "[settings]\n"
        + "".join(f"{k} = {toml_value(v)}\n" for k, v in settings_)
        + "".join(
            "\n[[source]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in dict(s).items())
            for s in sources
        )
    ),
    st.lists(st.tuples(TOML_KEYS, TOML_VALUES), max_size=4, unique_by=lambda kv: kv[0]),
    st.lists(st.lists(st.tuples(TOML_KEYS, TOML_VALUES), max_size=4, unique_by=lambda kv: kv[0]), max_size=3),
)


N = CAMPAIGN or 200
N_PROCESS = CAMPAIGN or 50  # examples that open the warehouse or run the extractor: slower each
FEWER = settings(FAST, max_examples=N_PROCESS)
# Table rows for the property tests: name -> (case, what happens). Results come from the test reports.
PROPERTIES = {
    "test_any_source_argument_gives_a_config_or_a_config_error": (
        f"{N} --source argument lists",
        "a config, or 'config error: ...' (exit 2)",
    ),
    "test_any_toml_config_gives_a_config_or_a_config_error": (
        f"{N} TOML configs with random keys and values",
        "a config, or 'config error: FILE: ...' (exit 2)",
    ),
    "test_sql_command_any_text": (
        f"{N_PROCESS} arbitrary `quantcheck sql` query texts",
        "rows, or 'error: ...' (exit 1); file byte-identical",
    ),
    "test_extract_command_any_stdin": (
        f"{N_PROCESS} arbitrary byte strings on `quantcheck extract` stdin",
        "mentions or nothing, exit 0",
    ),
}


@pytest.fixture(autouse=True)
def _cwd_and_record(tmp_path, monkeypatch, request):
    monkeypatch.chdir(tmp_path)  # relative --source values resolve inside the test folder
    if request.node.originalname in PROPERTIES:
        case, outcome = PROPERTIES[request.node.originalname]
        case_log(request).record("Fuzzed command line (hypothesis)", case).observed(outcome)


@settings(FAST)
@given(locations=st.lists(LOCATIONS.filter(lambda s: "\x00" not in s), min_size=1, max_size=3))
@example(locations=["\udcff"])
@example(locations=["~nobody/x"])
def test_any_source_argument_gives_a_config_or_a_config_error(locations: list[str], request) -> None:
    """Shell arguments cannot hold NUL (a config can: see the TOML property)."""
    try:
        cfg = build_config(None, locations)
    except ConfigError as exc:
        assert str(exc).strip()
        return
    for s in cfg.sources:
        assert s.kind in ("file", "folder", "url", "feed") and s.name


@pytest.mark.parametrize("where", ["--source", "config"])
def test_over_long_location_is_a_config_error(where: str, tmp_path: Path, request) -> None:
    """Regression: OSError 'File name too long' escaped as a traceback."""
    location = "/" + "b" * 5000
    case_log(request).record("Fuzzed command line (hypothesis)", f"5,000-character location in {where}")
    if where == "--source":
        with pytest.raises(ConfigError):
            build_config(None, [location])
    else:
        path = tmp_path / "long.toml"
        path.write_text(f"[[source]]\nlocation = {json.dumps(location)}\n", encoding="utf-8")
        with pytest.raises(ConfigError):
            build_config(str(path))


def _config_error_for(where: str, location: str, tmp_path: Path) -> None:
    if where == "--source":
        with pytest.raises(ConfigError):
            build_config(None, [location])
    else:
        path = tmp_path / "loc.toml"
        path.write_text(f"[[source]]\nlocation = {json.dumps(location)}\n", encoding="utf-8")
        with pytest.raises(ConfigError):
            build_config(str(path))


@pytest.mark.parametrize("where", ["--source", "config"])
@pytest.mark.parametrize("location", ["http://[::1", "A://["])
def test_malformed_url_is_a_config_error(location: str, where: str, tmp_path: Path, request) -> None:
    """Regression: urlsplit's ValueError('Invalid IPv6 URL') escaped as a traceback."""
    case_log(request).record("Fuzzed command line (hypothesis)", f"malformed URL {location!r} in {where}")
    _config_error_for(where, location, tmp_path)


@pytest.mark.parametrize("where", ["--source", "config"])
def test_unknown_user_home_is_a_config_error(where: str, tmp_path: Path, request) -> None:
    """Regression: Path.expanduser's RuntimeError escaped as a traceback."""
    case_log(request).record("Fuzzed command line (hypothesis)", f"'~nosuchuser-qc/a.txt' in {where}")
    _config_error_for(where, "~nosuchuser-qc/a.txt", tmp_path)


@settings(FAST)
@given(text=CONFIGS)
def test_any_toml_config_gives_a_config_or_a_config_error(text: str, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        build_config(str(path))
    except ConfigError as exc:
        assert str(path) in str(exc) or "config" in str(exc)


def run_cli(*argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    from quantcheck.flows import cli

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="replace")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(list(argv))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "ftp://127.0.0.1/x.txt", "javascript:alert(1)", "data:text/plain,12", "", "   "],
)
def test_run_refuses_unusable_sources_before_starting(location: str, tmp_path: Path, request) -> None:
    db = tmp_path / "w.duckdb"
    code, out, err = run_cli("run", "--db", str(db), "--source", location)
    case_log(request).record(
        "Unusable --source locations (file://, ftp:, data:, empty)", repr(location)
    ).observed(err.strip().splitlines()[0] if err.strip() else f"exit {code}", "nothing written")
    assert code == 2, (code, out, err)
    assert err.strip() and "Traceback" not in err
    assert not db.exists()


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("clifuzz") / "w.duckdb"
    with open_writer(db, wait_seconds=30) as w:
        w.start_run()
        w.load_batch(
            [
                DocumentIn(
                    source="s",
                    text="About 20,000 square miles.",
                    lang="en",
                    source_kind="file",
                    source_location="s.txt",
                )
            ]
        )
    return db


SQL_WORDS = st.sampled_from(
    [
        "SELECT",
        "FROM",
        "documents",
        "mentions",
        "claims",
        "runs",
        "*",
        ";",
        "--",
        "/*",
        "*/",
        "'",
        '"',
        "(",
        ")",
        "COPY",
        "TO",
        "ATTACH",
        "DROP",
        "INSERT",
        "INTO",
        "PRAGMA",
        "CALL",
        "SET",
        "LOAD",
        "INSTALL",
        "EXPORT",
        "DATABASE",
        "CREATE",
        "TABLE",
        "VIEW",
        "UPDATE",
        "DELETE",
        "read_csv('/etc/passwd')",
        "'/tmp/x'",
        "1",
        "count(*)",
        "WHERE",
        "=",
        ",",
        "\\",
        "\x00",
        "\n",
        "é",
        "🙂",
        "$1",
        "?",
    ]
)
QUERIES = st.one_of(st.text(max_size=60), st.lists(SQL_WORDS, max_size=12).map(" ".join))


def _has_statement(query: str) -> bool:
    try:
        return bool(duckdb.extract_statements(query))
    except duckdb.Error:
        return True  # a parse error must be reported cleanly too: keep it


@settings(FEWER)
@given(query=QUERIES.filter(_has_statement))
@example(query="SELECT 1; SELECT 2")
def test_sql_command_any_text(query: str, small_warehouse: Path) -> None:
    """Any text holding at least one statement (empty ones are the known bug below)."""
    if query.startswith("-") and query.strip("-"):
        query = " " + query  # argparse would read it as an option, which is argparse's business
    before, listing = file_sha256(small_warehouse), dir_listing(small_warehouse.parent)
    code, out, err = run_cli("sql", "--db", str(small_warehouse), query)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    if code:
        assert err.strip(), "a failure without a message"
    assert "root:x:0:0" not in out
    assert file_sha256(small_warehouse) == before and dir_listing(small_warehouse.parent) == listing


@pytest.mark.parametrize("query", ["", "   ", ";", "-- only a comment", "\x00"])
def test_sql_command_without_a_statement(query: str, small_warehouse: Path, request) -> None:
    """Regression: these crashed with AttributeError ('NoneType' has no 'description') before sql.py
    checked the statements."""
    case_log(request).record("Fuzzed command line (hypothesis)", f"`quantcheck sql` with {query!r}")
    code, out, err = run_cli("sql", "--db", str(small_warehouse), query)
    assert code in (1, 2) and err.strip() and "Traceback" not in err


def run_extract(argv: list[str], data: bytes) -> tuple[int, bytes, str]:
    """``quantcheck extract`` in this process with real byte streams on stdin/stdout."""
    from quantcheck.flows import cli

    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")
    out_bytes = io.BytesIO()
    stdout = io.TextIOWrapper(out_bytes, encoding="utf-8")
    err = io.StringIO()
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = stdin, stdout
    try:
        with redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
        with contextlib.suppress(ValueError):
            stdout.flush()
    finally:
        sys.stdin, sys.stdout = old_in, old_out
    return code, out_bytes.getvalue(), err.getvalue()


@settings(FEWER)
@given(data=st.binary(max_size=300), lang=st.sampled_from([None, "fr", "en", "es", "de"]))
@example(data=b'{"id": 1, "text": "\\ud800 12 km"}\n{"text": 5}\n[1]\n', lang=None)
def test_extract_command_any_stdin(data: bytes, lang: str | None) -> None:
    argv = ["extract", "--jsonl", "-"] if data[:1] == b"{" else ["extract", "-"]
    if lang:
        argv += ["--lang", lang]
    code, out, err = run_extract(argv, data)
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err
    if argv[1] == "--jsonl" and code == 0:
        for line in out.decode("utf-8").splitlines():
            json.loads(line)
