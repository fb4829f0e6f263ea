"""Killed processes (issue 19): real runs are started, and their main process or a worker is killed with SIGKILL.

No fixed time limit decides a result: each wait is a generous bound that only
keeps a hang from stalling the suite.
"""
import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.output import partial_path

from .conftest import write_articles

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

DOCS = 1500
WAIT = 120  # seconds: only a bound on a hang


def start(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    code = "from pipeline.cli.app import extract_app; extract_app()"
    args = [sys.executable, "-c", code, str(folder), "-o", str(out), "--workers", "2", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def children(pid: int) -> list:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, timeout=WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def underway(process: subprocess.Popen, out: Path) -> list:
    """Wait until records are being written by two workers; their pids."""
    partial = partial_path(out)
    ok = wait_for(lambda: process.poll() is not None or (partial.exists() and partial.stat().st_size > 0))
    assert ok and process.poll() is None, "the run ended before it could be killed: give it more documents"
    workers = children(process.pid)
    assert len(workers) >= 2, workers
    return workers


def cleanup(process: subprocess.Popen, pids=()) -> None:
    """Kill what is left of the run: its process group (its own session) and the given pids."""
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    process.wait()


def test_killing_the_main_process_ends_its_workers_and_frees_the_lock(tmp_path):
    write_articles(tmp_path / "in", DOCS)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path / "in", out)
    workers = []
    try:
        workers = underway(process, out)
        process.kill()
        process.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in workers)), "orphaned workers still running"
        with open(partial_path(out), "rb") as handle:  # what --resume takes: the lock is free
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        cleanup(process, workers)


def test_a_worker_killed_with_sigkill_the_run_still_ends_complete(tmp_path):
    names = write_articles(tmp_path / "in", DOCS)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path / "in", out)
    try:
        victim = underway(process, out)[0]
        os.kill(victim, signal.SIGKILL)
        try:
            _, stderr = process.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail("the main process never exited after one worker was killed")
        assert process.returncode in (0, 1), stderr
        assert b"Traceback" not in stderr
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["doc_id"] for r in records] == names
        assert all("error" not in r or "worker process died" in r["error"] for r in records)
    finally:
        cleanup(process)


def test_sigterm_to_the_process_group_stops_quietly(tmp_path):
    write_articles(tmp_path / "in", DOCS)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path / "in", out)
    try:
        underway(process, out)
        os.killpg(process.pid, signal.SIGTERM)  # what a service manager or `kill -- -PGID` does
        try:
            _, stderr = process.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail("the run did not stop on SIGTERM")
        assert process.returncode == 130, stderr
        assert b"Traceback" not in stderr and b"Interrupted" not in stderr, stderr.decode()
        assert b"--resume" in stderr
    finally:
        cleanup(process)


def _sigterm_handler():
    handler = signal.getsignal(signal.SIGTERM)
    return "default" if handler == signal.SIG_DFL else repr(handler)


def test_a_worker_ends_on_sigterm_instead_of_raising_the_parents_interrupt():
    """An idle worker that raised the parent's Interrupted printed "Process ForkProcess-2: Traceback"."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.batch.worker import start_worker
    from pipeline.cli.extract_run import _terminate
    from pipeline.output import render
    from pipeline.run import ExtractOptions

    previous = signal.signal(signal.SIGTERM, _terminate)  # as run_local sets it before forking
    try:
        initargs = (ExtractOptions(), render, frozenset(), os.getpid())
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=context, initializer=start_worker, initargs=initargs) as pool:
            assert pool.submit(_sigterm_handler).result(timeout=WAIT) == "default"
    finally:
        signal.signal(signal.SIGTERM, previous)
