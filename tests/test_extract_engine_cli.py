"""`quantcheck extract`: the table, the JSON-lines contract, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).with_name("quantcheck")


def run(args, data: bytes):
    return subprocess.run([str(BIN), "extract", *args], input=data, capture_output=True, timeout=120)


def test_jsonl_contract_and_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "Près de 20 000 milles carrés.", "lang": "fr"}),
        "{not json",
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": 4, "text": "The deal is worth $1.9bn."}),
    ]
    proc = run(["--jsonl"], ("\n".join(lines) + "\n").encode())
    assert proc.returncode == 0
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", 4]
    assert list(out[0]) == ["id", "lang", "quantities"]
    q = out[0]["quantities"][0]
    assert (q["unit"], q["value"], q["qualifier"]) == ("mile**2", 20000.0, "approx")
    assert out[1]["error"] and out[1]["quantities"] == []
    assert out[2]["error"] and out[3]["lang"] == "en"
    assert out[3]["quantities"][0]["unit"] == "USD"
    err = proc.stderr.decode()
    assert "line 2" in err and "line 3" in err


def test_table_and_mis_encoded_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"Le contrat porte sur 35 km de voies. " + b"\xff\xfe")
    proc = run([str(f), "--lang", "fr"], b"")
    assert proc.returncode == 0
    assert "35 km" in proc.stdout.decode() and "kilometer" in proc.stdout.decode()


def test_unreadable_file_is_an_error(tmp_path):
    proc = run([str(tmp_path / "missing.txt")], b"")
    assert proc.returncode == 2 and "cannot read" in proc.stderr.decode()
