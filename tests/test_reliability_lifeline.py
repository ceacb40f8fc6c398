"""The two ways a child of ``quantcheck`` ends with its parent (flows/lifeline.py), each tried with a real
``kill -9`` of a real parent process (issue 14, defect 9; the whole run is killed in
tests/reliability/test_kill_orphans.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

# The parent starts one child the way quantcheck does, prints the child's pid, then waits to be killed.
PARENT = textwrap.dedent("""
    import subprocess, sys, time
    from quantcheck.flows import lifeline
    mode = sys.argv[1]
    if mode == "pdeathsig":
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                                 preexec_fn=lifeline.die_with_parent)
    else:
        child = subprocess.Popen([sys.executable, "-c",
                                  "import time; from flows import lifeline; lifeline.exit_with_parent(0.1); "
                                  "time.sleep(120)"])
    print(child.pid, flush=True)
    time.sleep(120)
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) and /proc: Linux")
@pytest.mark.parametrize("mode", ["pdeathsig", "watch"])
def test_a_child_ends_when_its_parent_is_killed(mode: str) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, mode], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    child = int(parent.stdout.readline())
    try:
        time.sleep(0.5)  # the child is set up (prctl done, or its watch thread running)
        assert _alive(child)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), f"{mode}: the child outlived its killed parent"
    finally:
        for pid in (child, parent.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
