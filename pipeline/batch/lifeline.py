"""A worker process lives no longer than the process that started it.

Killed with ``kill -9``, the main process cannot stop its workers, and an
orphaned worker would wait for work forever, holding memory (and, before it
closed it, the output's lock). :func:`die_with_parent` asks Linux to kill the
worker when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``); elsewhere a
daemon thread checks every :data:`POLL_SECONDS` that the parent is still there.
Either way a parent already gone when the worker starts ends it at once.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 1.0


def _pdeathsig() -> bool:
    """Ask the kernel for SIGKILL when the parent dies; whether that worked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return False


def _watch(parent: int) -> None:  # pragma: no cover - used where prctl is missing
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` (the pid that started it) ends."""
    if not _pdeathsig():  # pragma: no cover - not Linux
        threading.Thread(target=_watch, args=(parent,), name="lifeline", daemon=True).start()
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)
