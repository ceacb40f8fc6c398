"""Child processes that end with the ``quantcheck`` command that started them, even after ``kill -9``.

A ``quantcheck run`` starts Prefect's temporary API server (~250 MB) and, for larger runs, an extraction
pool: a fork server, a resource tracker and one worker per CPU (~160 MB each). A normal exit stops them
all, but ``kill -9`` of the command (an impatient user, an OOM killer, a scheduler's hard timeout) gave
them nothing to react to: they lived on as orphans, 748 MB still alive long after. Each is now tied to
its parent:

- the temporary Prefect server is started by ``own_temporary_prefect_server`` from the command's main
  thread (before Prefect would start it lazily, possibly from a short-lived thread) with a parent-death
  signal: Linux sends it SIGTERM when the command's main thread, hence the command, ends;
- the extraction pool's fork server watches its parent process (``exit_with_parent``: a thread that
  exits the process once the parent is gone; the parent-death signal cannot be used there, because the
  pool is created by a task thread whose end must not end the fork server);
- each pool worker gets a parent-death SIGKILL (``die_with_parent``): its parent is the fork server's
  only, long-lived thread;
- the resource tracker exits by itself once every process holding its pipe has ended.

``prctl(PR_SET_PDEATHSIG)`` is Linux-only and called through ctypes; elsewhere the calls do nothing but
the fork server's watch, which works on any POSIX system.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from typing import Any

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5  # seconds between two looks at the parent process

_libc: Any = None
if sys.platform.startswith("linux"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        _prctl = _libc.prctl  # resolved now: a preexec function must not load anything after fork
    except (OSError, AttributeError):
        _libc = None


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Have the kernel send ``sig`` to this process when the thread that created it exits (Linux).

    Safe in a ``preexec_fn`` (between fork and exec): it only calls prctl. True when it was set.
    """
    if _libc is None:
        return False
    parent = os.getppid()
    if _prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
        return False
    if os.getppid() != parent:  # the parent ended before the signal was armed
        os.kill(os.getpid(), sig)
    return True


def _die_with_parent_term() -> None:
    die_with_parent(signal.SIGTERM)


def exit_with_parent(interval: float = WATCH_INTERVAL) -> threading.Thread:
    """Watch the parent process from a daemon thread; exit this process as soon as it has gone."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)  # the parent is gone: nobody will collect what this process would produce
            time.sleep(interval)

    thread = threading.Thread(target=watch, name="quantcheck-parent-watch", daemon=True)
    thread.start()
    return thread


def own_temporary_prefect_server() -> str | None:
    """Start Prefect's temporary API server now, from this (main) thread, bound to this process's life.

    Only when Prefect would start one (no ``PREFECT_API_URL``, ephemeral mode allowed). Prefect keeps one
    temporary server per process (``SubprocessASGIServer()`` returns the same instance), so the flow uses
    this one. Returns its API URL, or None when an external server is configured.
    """
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE

    if PREFECT_API_URL.value() or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value():
        return None
    if threading.current_thread() is not threading.main_thread():
        return None  # the parent-death signal follows the creating thread: only the main thread is safe
    existing = SubprocessASGIServer._instances.get(None)
    if existing is not None and existing.running:
        return existing.api_url
    server = _OwnedServer()
    server.start()
    return server.api_url


def _server_class():
    from prefect.server.api.server import SubprocessASGIServer

    class OwnedServer(SubprocessASGIServer):
        """Prefect's temporary server, started with a parent-death signal.

        The command line is Prefect's own (``SubprocessASGIServer._run_uvicorn_command`` in Prefect 3.4);
        only ``preexec_fn`` is added. tests/reliability/test_kill_orphans.py checks it still starts.
        """

        def _run_uvicorn_command(self):  # noqa: ANN202 - Prefect's signature
            import subprocess

            import prefect
            from prefect.settings import get_current_settings

            server_env = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                          "PREFECT__SERVER_FINAL": "1"}
            return subprocess.Popen(
                args=[sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
                      "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
                      "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
                env={**os.environ, **server_env,
                     **get_current_settings().to_environment_variables(exclude_unset=True)},
                preexec_fn=_die_with_parent_term,
            )

    return OwnedServer


def _OwnedServer():  # noqa: N802 - a class, built on first use (importing Prefect's server is slow)
    return _server_class()()
