"""Headless Chromium for the report tests: screenshots, and what a reader sees measured inside the page.

Not a test module. Chromium (Debian package ``chromium``; .ci/run installs it) is driven from the command
line only — ``--screenshot`` for pictures, ``--dump-dom`` for measurements — so no browser-automation
library is needed. A headless window is at least 500 px wide, so a page is measured inside an iframe of
the width under test (a phone is 390 px): tests/browser/layout_probe.js runs in the page, measures it and
exercises its filters, and leaves its findings as JSON in the outer document, which --dump-dom prints.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path

PROBE = Path(__file__).with_name("layout_probe.js")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--disable-extensions"]
TIMEOUT = 120


def browser() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], workdir: Path) -> subprocess.CompletedProcess:
    exe = browser()
    if exe is None:
        raise RuntimeError("chromium is not installed")
    profile = workdir / "chromium-profile"
    return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=TIMEOUT)


def screenshot(page: Path, png: Path, width: int, height: int) -> Path:
    """A PNG of ``page`` in a window of width × height CSS pixels."""
    proc = _run([f"--screenshot={png}", f"--window-size={width},{height}", page.resolve().as_uri()],
                png.parent)
    if not png.is_file():
        raise AssertionError(f"no screenshot: {proc.returncode} {proc.stderr[-2000:]}")
    return png


def measure(page: Path, width: int, workdir: Path, height: int = 900) -> dict:
    """Render ``page`` at ``width`` CSS pixels and return what layout_probe.js found (see that file)."""
    inner = page.read_text(encoding="utf-8")
    probe = PROBE.read_text(encoding="utf-8")
    inner = inner.replace("</body>", f"<script>{probe}</script></body>", 1)
    wrapper = workdir / f"measure-{width}.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe style="border:0;width:{width}px;height:{height}px" '
        f'srcdoc="{html.escape(inner, quote=True)}"></iframe></body></html>', encoding="utf-8")
    proc = _run(["--dump-dom", f"--window-size={max(width, 500) + 20},{height}", wrapper.as_uri()], workdir)
    dom = proc.stdout
    start = dom.rfind('<pre id="probe">')
    if start < 0:
        raise AssertionError(f"the probe did not run: {proc.returncode} {proc.stderr[-2000:]}")
    end = dom.find("</pre>", start)
    return json.loads(html.unescape(dom[start + len('<pre id="probe">'):end]))
