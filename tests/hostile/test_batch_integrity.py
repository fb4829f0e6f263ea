"""For N inputs, exactly N records: when a worker dies, when disk output fails, when a run is killed."""
import errno
import json
import os
from pathlib import Path

import pytest

from pipeline.cli.app import extract_app
from pipeline.output import partial_path

from .helpers import ARTICLE, runner

CRASH = "CRASH-THIS-WORKER"


def articles(folder: Path, count: int, crash_at=()):
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(count):
        text = ARTICLE.replace("the bank", f"bank number {n}")
        if n in crash_at:
            text += f" {CRASH}"
        (folder / f"doc{n:03d}.txt").write_text(text, encoding="utf-8")
        names.append(f"doc{n:03d}")
    return names


def lines(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def crashing_worker(monkeypatch):
    """A worker process that meets the marker dies on the spot (the parent never does)."""
    import pipeline.batch.worker as worker

    parent = os.getpid()
    real = worker.extract_one

    def extract_or_die(document, options, nlp=None):
        if CRASH in document.text and os.getpid() != parent:
            os._exit(17)  # no exception, no cleanup: like a segfault or an OOM kill
        return real(document, options, nlp)

    monkeypatch.setattr(worker, "extract_one", extract_or_die)


def test_a_dying_worker_costs_only_its_document(tmp_path, crashing_worker):
    names = articles(tmp_path / "in", 40, crash_at={5, 27})
    out = tmp_path / "out.jsonl"
    result = runner.invoke(extract_app, [str(tmp_path / "in"), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 1, result.output
    records = lines(out)
    assert [r["doc_id"] for r in records] == names  # all of them, once, in order
    died = {r["doc_id"] for r in records if "worker process died" in r.get("error", "")}
    assert died == {"doc005", "doc027"}
    assert all("error" not in r for r in records if r["doc_id"] not in died)
    assert "2 of 40 documents failed" in result.stderr and "Traceback" not in result.stderr


def test_resume_after_a_dying_worker_retries_only_the_failed_documents(tmp_path, crashing_worker):
    names = articles(tmp_path / "in", 20, crash_at={3})
    out = tmp_path / "out.jsonl"
    args = [str(tmp_path / "in"), "-o", str(out), "--workers", "2"]
    assert runner.invoke(extract_app, args).exit_code == 1
    (tmp_path / "in" / "doc003.txt").write_text(ARTICLE, encoding="utf-8")  # the bad input fixed
    again = runner.invoke(extract_app, args + ["--resume"])
    assert again.exit_code == 0, again.output
    records = lines(out)
    assert sorted(r["doc_id"] for r in records) == names
    assert all("error" not in r for r in records)


class DiskFull:
    """os.write that writes ``budget`` bytes, then a short write, then fails with ENOSPC."""

    def __init__(self, budget: int):
        self.budget = budget
        self.real = os.write

    def __call__(self, fd, data):
        if self.budget <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = min(len(data), self.budget)
        self.budget -= n
        return self.real(fd, bytes(data[:n]))


def test_disk_full_mid_run_then_resume_gives_exactly_n_records(tmp_path, monkeypatch):
    import pipeline.output as output

    names = articles(tmp_path / "in", 30)
    out = tmp_path / "out.jsonl"
    args = [str(tmp_path / "in"), "-o", str(out)]
    monkeypatch.setattr(output, "FLUSH_SECONDS", 0.0)  # write each record as it comes
    monkeypatch.setattr(output.os, "write", DiskFull(budget=5000))
    full = runner.invoke(extract_app, args)
    assert full.exit_code == 1
    assert "No space left on device" in full.stderr and full.stderr.strip().count("\n") == 0
    assert not out.exists()
    written = partial_path(out).read_bytes()
    assert 0 < len(written) <= 5000 and not written.endswith(b"\n")  # a record cut short
    monkeypatch.undo()  # space freed
    resumed = runner.invoke(extract_app, args + ["--resume"])
    assert resumed.exit_code == 0, resumed.output
    records = lines(out)
    assert sorted(r["doc_id"] for r in records) == names
    assert len({(r["doc_id"], r["sha256"]) for r in records}) == len(names)


def test_hostile_folder_gives_one_record_per_file_in_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = {
        "a_good.txt": ARTICLE.encode(),
        "b_empty.txt": b"",
        "c_binary.txt": os.urandom(3000),
        "d_utf16.txt": ARTICLE.encode("utf-16"),
        "e_html.txt": b"<!DOCTYPE html><html><body>" + b"<div><a href='x'>link</a></div>" * 30 + b"</body></html>",
        "f_mojibake.txt": ARTICLE.replace("said", "said \u00e2\u20ac\u0153it\u00e2\u20ac\u2122s fixed\u00e2\u20ac\u009d").encode(),
        "g_nul.txt": ARTICLE.replace(" ", "\x00", 3).encode(),
        "h_cp1252.txt": (ARTICLE + " \u201cDone.\u201d").encode("cp1252"),
    }
    for name, data in inputs.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(extract_app, [str(folder), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 1
    records = lines(out)
    assert [r["doc_id"] for r in records] == [name[:-4] for name in sorted(inputs)]
    errors = {r["doc_id"] for r in records if "error" in r}
    assert errors == {"b_empty", "c_binary", "e_html"}
    assert "Traceback" not in result.stderr
