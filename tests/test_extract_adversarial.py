"""Adversarial and bad input for the extractor and for `quantcheck extract`.

Two kinds of danger. Catastrophic regex backtracking turns a megabyte of digits and separators into a
hang; the extractor therefore runs those inputs in a child process, so a hang is killed and reported as
a failure instead of blocking CI. Bad input (empty, binary garbage, lone surrogates, mixed scripts, a
50 MB string, malformed JSON lines, invalid UTF-8 on stdin) must give a clear error or an empty/valid
result: never a traceback, never a hang, and never losing the good documents around a bad one.
"""

from __future__ import annotations

import json
import math
import os
import queue
import random
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from quantcheck.extractors import extract

MB = 1_000_000
PER_INPUT_SECONDS = 45.0     # CPU seconds per MB; linear extraction takes 0.1-10 s, a quadratic one hours


def _megabyte(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


def _random_separators(seed: int) -> str:
    rng = random.Random(seed)
    alphabet = "0123456789" * 4 + " ,.'-–/%$€£\u00a0\u202f+−:hkmb" + "\n"
    return "".join(rng.choice(alphabet) for _ in range(MB))


# Inputs known to make naive number grammars backtrack: long runs that almost, but never quite, match
# (grouped thousands, ranges, dates, decimal runs), number-word chains and qualifier chains.
ADVERSARIAL = {
    "grouped-mixed": lambda: _megabyte("1 000,000.000 "),
    "dash-chain": lambda: "1" + "-1" * (MB // 2),
    "nines": lambda: "9" * MB,
    "commas": lambda: "," * MB,
    "comma-digits": lambda: "1" + ",1" * (MB // 2),
    "dot-digits": lambda: "1" + ".1" * (MB // 2),
    "space-thousands": lambda: "1" + " 000" * (MB // 4),
    "nbsp-thousands-broken": lambda: _megabyte("12\u00a0345\u00a067 "),
    "apostrophe-thousands": lambda: "1" + "'000" * (MB // 4),
    "digits-then-dot": lambda: _megabyte("123456789.") + "x",
    "date-like": lambda: _megabyte("12/12/12-"),
    "percent-runs": lambda: _megabyte("1 % 2 %% "),
    "minus-runs": lambda: "-" * (MB // 2) + "−" * (MB // 2) + "5",
    "random-separators": lambda: _random_separators(20241125),
    "number-words-fr": lambda: _megabyte("vingt-deux mille cent "),
    "number-words-en": lambda: _megabyte("twenty-two thousand hundred and "),
    "qualifier-chain": lambda: _megabyte("entre plus de près de between at least up to "),
    "range-chain": lambda: _megabyte("between 1 and 2 and 3 to 4 to "),
    "units-without-numbers": lambda: _megabyte("km/h € $ % degrés miles milles "),
}

# The child reads each input file, extracts, checks the offsets and prints one JSON line per input.
_CHILD = textwrap.dedent("""
    import json, resource, sys, time, traceback
    from quantcheck.extractors import extract
    for path in sys.argv[1:]:
        text = open(path, encoding="utf-8").read()
        print(json.dumps({"start": path}), flush=True)
        t0 = time.process_time()
        try:
            mentions = extract(text)
        except Exception:
            print(json.dumps({"done": path, "error": traceback.format_exc()[-1500:]}), flush=True)
            continue
        seconds = time.process_time() - t0
        bad = [m.start for m in mentions if text[m.start:m.end] != m.surface][:5]
        print(json.dumps({"done": path, "seconds": seconds, "mentions": len(mentions), "bad_offsets": bad,
                          "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
""")


def _pump(stream, lines: queue.Queue) -> None:
    for raw in stream:
        lines.put(raw)
    lines.put(None)


def _cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by a process (Linux /proc), or None where that is not available."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _run_battery(paths: list[Path], per_input: float) -> dict[str, dict]:
    """Feed the inputs to one child process in turn; an input that uses more than ``per_input`` CPU
    seconds is recorded as hung, the child is killed and a fresh one carries on with the rest.

    CPU time, not wall time, so a busy machine (other test runs, a slow CI box) does not turn a slow
    but linear input into a "hang"; wall time is still capped at six times the bound."""
    results: dict[str, dict] = {}
    pending = [str(p) for p in paths]
    while pending:
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen([sys.executable, "-c", _CHILD, *pending], stdout=subprocess.PIPE,
                                    stderr=err)
            lines: queue.Queue = queue.Queue()
            threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
            current, cpu0, wall0 = None, 0.0, time.monotonic()
            while True:
                try:
                    raw = lines.get(timeout=0.25)
                except queue.Empty:
                    cpu = _cpu_seconds(proc.pid)
                    wall = time.monotonic() - wall0
                    used = wall if cpu is None else cpu - cpu0
                    limit = per_input if current is not None else per_input * 2  # imports before input 1
                    if used > limit or wall > limit * 6:
                        proc.kill()
                        proc.wait()
                        hung = current or pending[0]
                        results[hung] = {"hung": True, "cpu": used, "wall": wall}
                        pending = pending[pending.index(hung) + 1:]
                        break
                    continue
                if raw is None:  # the child ended: all done, or it crashed
                    proc.wait()
                    err.seek(0)
                    tail = err.read().decode("utf-8", "replace")[-1500:]
                    for path in pending:
                        results.setdefault(path, {"crashed": True, "stderr": tail})
                    pending = []
                    break
                rec = json.loads(raw)
                if "start" in rec:
                    current, cpu0, wall0 = rec["start"], _cpu_seconds(proc.pid) or 0.0, time.monotonic()
                else:
                    results[rec["done"]] = rec
                    current = None
            proc.stdout.close()
    return results


@pytest.fixture(scope="module")
def adversarial_results(tmp_path_factory) -> dict[str, dict]:
    """Every adversarial input's outcome, measured in child processes (see ``_run_battery``)."""
    folder = tmp_path_factory.mktemp("adversarial")
    paths = {}
    for name, make in ADVERSARIAL.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(make(), encoding="utf-8")
    by_path = _run_battery(list(paths.values()), PER_INPUT_SECONDS)
    return {name: by_path[str(path)] for name, path in paths.items()}


@pytest.mark.timeout(60 * 10)
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_a_megabyte_of_adversarial_input_finishes_quickly(adversarial_results, name):
    rec = adversarial_results[name]
    assert not rec.get("hung"), (f"{name}: killed after {rec['cpu']:.0f} CPU s ({rec['wall']:.0f} s wall) "
                                 "without finishing 1 MB (catastrophic backtracking or quadratic work?)")
    assert not rec.get("crashed"), f"{name}: the child process died:\n{rec['stderr']}"
    assert not rec.get("error"), f"{name}: extract raised:\n{rec['error']}"
    assert rec["seconds"] < PER_INPUT_SECONDS, f"{name}: {rec['seconds']:.1f} CPU s for 1 MB"
    assert rec["bad_offsets"] == [], f"{name}: text[start:end] != surface at {rec['bad_offsets']}"


# ---- bad input through the API ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", [None, "fr", "en", "es", "de"])
@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\x00", "\ufeff"], ids=repr)
def test_empty_and_blank_text_gives_no_mentions(text, lang):
    assert extract(text, lang=lang) == []


def _check(text: str, mentions) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.surface
        assert 0 <= m.start < m.end <= len(text)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("errors", ["replace", "surrogateescape", "ignore"])
def test_binary_garbage_decoded_any_way_is_harmless(seed, errors):
    rng = random.Random(seed)
    blob = bytes(rng.randrange(256) for _ in range(20_000))
    text = blob.decode("utf-8", errors=errors)
    _check(text, extract(text))
    _check(text, extract(text, lang="fr"))


def test_lone_surrogates_around_a_real_mention_keep_offsets():
    text = "\ud800Pas moins de 100\u202f000 soldats\udfff russes \udc80."
    mentions = extract(text, lang="fr")
    _check(text, mentions)
    assert [m.value for m in mentions] == [100_000]
    assert text[mentions[0].start:mentions[0].end].startswith(("100", "Pas"))


@pytest.mark.parametrize("text", [
    "Москва направила 100 000 солдат, а Киев — 50 000. Then 3,000 troops left.",
    "北京派出了 2000 名士兵。Le Monde dit 2 000 soldats.",
    "الجيش أرسل ١٢٣ جنديا and 45 km of road",
    "😀 12 % 😀 $3bn 🚀 ١٢٣ ४२ ½ ² Ⅻ",
    "mixed\u202escripts 12\u200b000 km\u200d and 5\u00ad000 €",
], ids=["cyrillic", "cjk", "arabic", "emoji-and-odd-digits", "bidi-and-invisible"])
def test_mixed_scripts_are_harmless(text):
    for lang in (None, "fr", "en"):
        _check(text, extract(text, lang=lang))


@pytest.mark.parametrize("text", [
    pytest.param("1e999999 km", id="exp-huge"),
    pytest.param("1.0000000272564224e+16100 000 troops", id="exp-glued-to-grouped"),
    pytest.param("1.5e+308 km and 1.5e308 m", id="near-max-double"),
    pytest.param("9" * 400 + " km", id="400-digits"),
    pytest.param("9" * 400 + ",5 km", id="400-digits-decimal"),
    pytest.param("0." + "0" * 400 + "1 km", id="tiny-decimal"),
    pytest.param("1e-999999 km", id="exp-tiny"),
    pytest.param("10^99999 joules", id="caret-power"),
    pytest.param("1 × 10^400 J", id="times-ten-power"),
    pytest.param("$" + "9" * 400 + "bn", id="money-400-digits"),
    pytest.param("-" + "9" * 400 + " °C", id="negative-400-digits"),
    pytest.param("between 1e308 and 1e309 km", id="range-overflow"),
])
def test_extreme_magnitudes_never_raise_nor_give_infinity(text):
    """Numbers beyond a double's range are dropped or clipped to a finite value, never an exception and
    never inf/NaN (which JSON cannot carry)."""
    for lang in ("en", "fr"):
        mentions = extract(text, lang=lang)
        _check(text, mentions)
        for m in mentions:
            for number in (m.value, m.low, m.high, m.si_value, m.si_low, m.si_high):
                assert number is None or math.isfinite(number), m


@pytest.mark.parametrize("value", [None, b"100 soldats", 42, ["100 soldats"]], ids=repr)
def test_non_text_input_is_a_clear_type_error(value):
    with pytest.raises(TypeError):
        extract(value)


def test_unknown_language_is_a_clear_error_or_a_valid_result():
    text = "About 12,000 troops crossed."
    try:
        mentions = extract(text, lang="xx")
    except ValueError as exc:
        assert "xx" in str(exc)
    else:
        _check(text, mentions)


_HUGE = textwrap.dedent("""
    import json, resource, sys, time
    from quantcheck.extractors import extract
    # 50 MB of news-like prose without digits, with a real claim every ~100 kB.
    chunk = ("The committee met again on the question of the border and said nothing new. " * 1300)
    claim = "Some 1,200 troops crossed. "
    text = "".join(chunk + claim for _ in range(500))
    text = (text * 2)[: 50 * 1000 * 1000]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    try:
        result = {"mentions": len(extract(text))}
    except ValueError as exc:  # a documented size limit is an acceptable answer
        result = {"error": str(exc)}
    result["seconds"] = time.perf_counter() - t0
    result["growth_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    result["chars"] = len(text)
    print(json.dumps(result))
""")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_50_megabyte_string_gives_a_result_or_a_clear_error_in_bounded_memory():
    proc = subprocess.run([sys.executable, "-c", _HUGE], capture_output=True, timeout=240)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    rec = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    if "error" in rec:
        assert rec["error"].strip(), "a refusal must say why"
    else:
        assert rec["mentions"] >= 500, rec
    # A 50 MB ASCII string is 50 MB in memory; copies (lower-casing, normalising) are fine, but not a
    # per-character object graph.
    assert rec["growth_mb"] < 1500, rec


# ---- the command line ------------------------------------------------------------------------------

def _quantcheck() -> str:
    exe = Path(sys.executable).with_name("quantcheck")
    if not exe.exists():
        pytest.skip(f"{exe} not installed (pip install -e .)")
    return str(exe)


def run_cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess:
    proc = subprocess.run([_quantcheck(), "extract", *args], input=stdin, capture_output=True, timeout=120)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    return proc


def _records(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]


GOOD_1 = {"id": "a", "text": "Près de 20 000 soldats.", "lang": "fr"}
GOOD_2 = {"id": "b", "text": "About 3,000 troops.", "lang": "en"}


def _line(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")


def test_cli_jsonl_contract_on_good_input():
    proc = run_cli(["--jsonl"], _line(GOOD_1) + _line({"id": 7, "text": "No numbers here."}) + _line(GOOD_2))
    assert proc.returncode == 0, proc.stderr.decode()
    recs = _records(proc)
    assert [r["id"] for r in recs] == ["a", 7, "b"]
    assert [r["lang"] for r in recs] == ["fr", "en", "en"]
    assert [[q["value"] for q in r["quantities"]] for r in recs] == [[20000], [], [3000]]


BAD_LINES = {
    "not-json": b"this is not json\n",
    "truncated": b"{\"id\": \"x\", \"text\": \n",
    "array": b"[1, 2, 3]\n",
    "no-text": b"{\"id\": \"x\"}\n",
    "text-not-string": b"{\"id\": \"x\", \"text\": 12}\n",
    "lang-not-string": b"{\"id\": \"x\", \"text\": \"5 km\", \"lang\": 3}\n",
    "json-string": b"\"just a string\"\n",
    "binary-line": b"\xff\xfe\x00\x01\x02\x03\n",
}


@pytest.fixture(scope="module")
def cli_bad_lines() -> tuple[subprocess.CompletedProcess, list[dict]]:
    """One run over every bad line, each between two good documents (one process start for all)."""
    payload = b"".join(_line({**GOOD_1, "id": f"before-{name}"}) + bad
                       + _line({**GOOD_2, "id": f"after-{name}"})
                       for name, bad in BAD_LINES.items())
    proc = run_cli(["--jsonl"], payload)
    return proc, _records(proc)


@pytest.mark.parametrize("name", list(BAD_LINES))
def test_cli_jsonl_bad_line_is_reported_and_loses_nothing(cli_bad_lines, name):
    """A bad line is named on stderr with its line number and answered in place by a record with an
    ``error`` field, so output lines stay aligned with input lines; the documents around it are still
    extracted, in order."""
    proc, recs = cli_bad_lines
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert len(recs) == 3 * len(BAD_LINES), proc.stdout.decode("utf-8", "replace")
    i = 3 * list(BAD_LINES).index(name)
    before, bad, after = recs[i:i + 3]
    assert (before["id"], after["id"]) == (f"before-{name}", f"after-{name}")
    assert [q["value"] for q in before["quantities"]] == [20000]
    assert [q["value"] for q in after["quantities"]] == [3000]
    assert bad.get("error") and bad["quantities"] == [], bad
    assert f"line {i + 2}:" in proc.stderr.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def test_cli_jsonl_invalid_utf8_inside_a_document_is_replaced_not_fatal():
    """Undecodable bytes become U+FFFD: the document is still extracted, the offsets index the
    decoded text, and its neighbours are untouched."""
    bad = b"{\"id\": \"x\", \"text\": \"caf\xff\xfe: 5 km\", \"lang\": \"en\"}\n"
    proc = run_cli(["--jsonl"], _line(GOOD_1) + bad + _line(GOOD_2))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    recs = _records(proc)
    assert [r["id"] for r in recs] == ["a", "x", "b"]
    text = "caf\ufffd\ufffd: 5 km"
    assert [(q["value"], text[q["start"]:q["end"]] == q["surface"]) for q in recs[1]["quantities"]] == \
        [(5, True)]


def test_cli_jsonl_blank_lines_are_skipped():
    proc = run_cli(["--jsonl"], b"\n" + _line(GOOD_1) + b"   \n\n" + _line(GOOD_2))
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["id"] for r in _records(proc)] == ["a", "b"]


def test_cli_jsonl_empty_input_gives_empty_output():
    proc = run_cli(["--jsonl"], b"")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.strip() == b""


def test_cli_jsonl_from_an_empty_file(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    proc = run_cli(["--jsonl", str(empty)])
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.strip() == b""


def test_cli_table_on_an_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli([str(empty)])
    assert proc.returncode == 0, proc.stderr.decode()


def test_cli_table_on_a_text_file_and_on_stdin(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Pas moins de 100 000 soldats russes.", encoding="utf-8")
    from_file = run_cli([str(article)])
    from_stdin = run_cli(["-"], article.read_bytes())
    assert from_file.returncode == from_stdin.returncode == 0
    assert "100" in from_file.stdout.decode() and "soldats" in from_file.stdout.decode()
    assert from_file.stdout == from_stdin.stdout


def test_cli_on_a_binary_file_is_a_clear_error_or_a_valid_result(tmp_path):
    rng = random.Random(7)
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(rng.randrange(256) for _ in range(50_000)))
    for args in ([str(binary)], ["--jsonl", str(binary)]):
        proc = run_cli(args)
        if proc.returncode != 0:
            assert proc.stderr.strip(), f"{args}: failed without saying why"


def test_cli_on_a_missing_file_is_a_clear_error(tmp_path):
    proc = run_cli([str(tmp_path / "nope.txt")])
    assert proc.returncode != 0
    assert "nope.txt" in proc.stderr.decode("utf-8", "replace")


def test_cli_table_on_latin1_text_is_readable(tmp_path):
    """A mis-encoded article (Latin-1 bytes) still yields its numbers, or a clear error."""
    article = tmp_path / "latin1.txt"
    article.write_bytes("Près de 20 000 soldats à la frontière.".encode("latin-1"))
    proc = run_cli([str(article)])
    if proc.returncode == 0:
        assert "20" in proc.stdout.decode("utf-8", "replace")
    else:
        assert proc.stderr.strip()
