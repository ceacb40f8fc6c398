"""Source folders under attack: a file swapped for a symlink while it is read, and a very deep tree
(issue 14, defects 6 and 7). Real files, a real swapping process, the real reader.

Used to: the symlink check and the read were separate steps, so a swapping process got an outside file
read (11 times in 400 reads of a 40-file folder); and ``os.walk`` recursed, so 1,500 nested folders made
the whole folder "internal error while reading: RecursionError", losing the file beside the deep branch.
Now folders are read with ``openat``/``O_NOFOLLOW`` from the folder's descriptor and the opened file is
checked (flows/local_files.py), and the walk keeps its own stack.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability.recorder import case_log

from quantcheck.flows.config import Settings, SourceConfig
from quantcheck.flows.sources import read_source

SECRET = "TOPSECRET-OUTSIDE"
SWAPPER = textwrap.dedent("""
    import os, sys
    folder, secret, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    i = 0
    while True:
        for k in range(n):
            name, tmp = os.path.join(folder, "f%03d.txt" % k), os.path.join(folder, ".swap%d" % k)
            if i % 2:
                with open(tmp, "w") as fh:
                    fh.write("Environ %d 000 soldats.\\n" % k)
            else:
                os.symlink(secret, tmp)
            os.replace(tmp, name)
        i += 1
""")
FILES = 40
READS = 400
EXPECTED_RACE_REASONS = (
    "symlink points outside the folder",
    "became a symlink while the folder was read; not followed",
    "changed while the folder was read (swapped for another file); not read",
    "broken symlink",
)


def test_a_file_swapped_for_an_outside_symlink_is_never_read(tmp_path: Path, request) -> None:
    record = case_log(request).record(
        "Symlink race: a file swapped for a link out of the folder while it is read",
        f"{READS} reads of a {FILES}-file folder, a process swapping every file",
    )
    folder = tmp_path / "src"
    folder.mkdir()
    secret = tmp_path / "outside.txt"
    secret.write_text(f"{SECRET} 42 km\n", encoding="utf-8")
    for k in range(FILES):
        (folder / f"f{k:03d}.txt").write_text("Environ 1 km.\n", encoding="utf-8")
    swapper = subprocess.Popen([sys.executable, "-c", SWAPPER, str(folder), str(secret), str(FILES)])
    leaks, read, reasons = 0, 0, set()
    try:
        for _ in range(READS):
            result = read_source(SourceConfig("race", "folder", str(folder)), Settings())
            leaks += sum(SECRET in d.text for d in result.documents)
            read += len(result.documents)
            reasons |= {s.reason.split(" (")[0] if "outside" in s.reason else s.reason
                        for s in result.skipped}
    finally:
        swapper.kill()
        swapper.wait()
    record.observed(
        f"outside file read {leaks} times in {READS} reads; skipped: " + "; ".join(sorted(reasons)),
        f"{read:,} swapped-in files read" if not leaks else "",
    )
    assert leaks == 0, f"the outside file was read {leaks} times"
    assert read > 0
    unexpected = {r for r in reasons if not r.startswith(EXPECTED_RACE_REASONS)}
    assert not unexpected, unexpected


def _deep(root: Path, depth: int) -> Path:
    """``depth`` nested folders made without recursion (os.makedirs recurses); returns the innermost."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with os.fdopen(os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as fh:
            fh.write("Au fond, 4 200 archives.\n")
    finally:
        os.close(fd)


def _remove_deep(root: Path) -> None:
    """Remove a tree of any depth without recursion (shutil.rmtree recurses in Python 3.11)."""
    stack = [str(root)]
    while stack:
        path = stack[-1]
        entries = list(os.scandir(path))
        subdirs = [e.path for e in entries if e.is_dir(follow_symlinks=False)]
        if subdirs:
            stack.extend(subdirs)
            continue
        for e in entries:
            os.unlink(e.path)
        os.rmdir(path)
        stack.pop()


@pytest.fixture
def deep_folder(tmp_path: Path):
    root = tmp_path / "deep"
    root.mkdir()
    (root / "a-sibling.txt").write_text("À côté, 3 100 dossiers.\n", encoding="utf-8")
    cwd = os.getcwd()
    try:
        _deep(root, 1500)
        yield root
    finally:
        os.chdir(cwd)
        _remove_deep(root)


def test_a_very_deep_folder_loses_nothing(deep_folder: Path, request) -> None:
    record = case_log(request).record("Very deep folder",
                                      "1,500 nested folders, a file beside and one at the bottom")
    result = read_source(SourceConfig("deep", "folder", str(deep_folder)), Settings())
    texts = [d.text for d in result.documents]
    reasons = "; ".join(f"{s.location[-60:]}: {s.reason}" for s in result.skipped)
    record.observed(reasons or "read, nothing skipped", "the file beside and the one at the bottom stored")
    assert not result.skipped, reasons
    assert texts == ["À côté, 3 100 dossiers.", "Au fond, 4 200 archives."]


def test_the_walk_keeps_the_order_of_os_walk(tmp_path: Path) -> None:
    """Order decides which copy of a repeated text is kept: it must not change with the new walk."""
    root = tmp_path / "tree"
    for rel in ("b/z.txt", "b/a.txt", "a/c/y.txt", "a/x.txt", "m.txt", "a.txt", "b/c/d/w.txt",
                ".hidden/h.txt", "b/.h.txt"):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{rel} 12 km\n", encoding="utf-8")
    (root / "b" / "link-dir").symlink_to(root / "a", target_is_directory=True)
    (root / "link.txt").symlink_to(root / "m.txt")
    expected: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        expected += [os.path.join(dirpath, d) for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        expected += [os.path.join(dirpath, f) for f in sorted(filenames) if not f.startswith(".")]
    result = read_source(SourceConfig("tree", "folder", str(root)), Settings())
    linked_dir = str(root / "b" / "link-dir")
    want = [Path(p).read_text(encoding="utf-8").strip() for p in expected if p != linked_dir]
    assert [d.text for d in result.documents] == want
    assert [s.location for s in result.skipped] == [linked_dir]
    assert want[:3] == ["a.txt 12 km", "m.txt 12 km", "m.txt 12 km"], want
