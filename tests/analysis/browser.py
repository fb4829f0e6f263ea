"""Headless Chromium (Debian's ``chromium``) for tests: load a page, collect its console."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",  # tests may run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # the machine's network is closed
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--log-level=0",  # console messages are logged at INFO as ":INFO:CONSOLE"
]


def chromium() -> str:
    """The Chromium binary, or skip the test (``.ci/run`` installs it)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (apt-get install chromium)")


@dataclass
class Rendered:
    console: List[str]  # every console message the page produced
    dom: str  # the document after loading


def render(page: Path, screenshot: Optional[Path] = None, width: int = 1200, height: int = 2400) -> Rendered:
    """Load ``page`` in headless Chromium: its console messages and DOM (and a PNG screenshot)."""
    binary = chromium()
    console: List[str] = []
    dom = ""
    with tempfile.TemporaryDirectory() as profile:
        for mode in ("--dump-dom", f"--screenshot={screenshot}" if screenshot else None):
            if mode is None:
                continue
            run = subprocess.run(
                [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", mode, page.resolve().as_uri()],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert run.returncode == 0, run.stderr[-2000:]
            console.extend(line for line in run.stderr.splitlines() if ":CONSOLE" in line)
            if mode == "--dump-dom":
                dom = run.stdout
    return Rendered(console, dom)
