"""-o FILE survives interruption; --resume continues: exactly one record per input, no bad line."""
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline.output import partial_path

from .conftest import write_articles


def all_lines_valid(path):
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_resume_of_a_finished_run_skips_everything(tmp_path, cli):
    write_articles(tmp_path / "in", 6)
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    before = out.read_bytes()
    result = cli(tmp_path / "in", "-o", out, "-w", "1", "--resume")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == before
    assert "6 documents already done" in result.stderr
    assert not partial_path(out).exists()


def test_resume_continues_a_cut_partial_file_and_retries_errors(tmp_path, cli):
    names = write_articles(tmp_path / "in", 8)
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    full = out.read_text().splitlines(keepends=True)
    # An interrupted run: three records, an error record for a document that
    # failed then, a record cut short in the middle of a write.
    error = json.dumps({"schema_version": "1.0", "doc_id": names[3], "source": None, "error": "boom"})
    partial_path(out).write_text("".join(full[:3]) + error + "\n" + full[4][:40])
    out.unlink()
    result = cli(tmp_path / "in", "-o", out, "-w", "1", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "3 records kept, 1 error records to retry, 1 damaged lines dropped" in result.stderr
    records = all_lines_valid(out)
    assert sorted(r["doc_id"] for r in records) == names
    assert sorted(out.read_text().splitlines(keepends=True)) == sorted(full)
    assert not partial_path(out).exists()


def test_resume_picks_up_new_documents_added_to_the_folder(tmp_path, cli):
    write_articles(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    write_articles(tmp_path / "in", 3, start=4)
    (tmp_path / "in" / "doc0000.txt").write_text("The text changed: the bank's app was down again.")
    result = cli(tmp_path / "in", "-o", out, "-w", "1", "--resume")
    assert result.exit_code == 0
    records = all_lines_valid(out)
    ids = [r["doc_id"] for r in records]
    # doc0000 changed (new sha256): extracted again, and only its new record is kept
    assert sorted(ids) == [f"doc{n:04d}" for n in range(7)]
    (changed,) = [r for r in records if r["doc_id"] == "doc0000"]
    new_text = (tmp_path / "in" / "doc0000.txt").read_text(encoding="utf-8")
    assert changed["sha256"] == hashlib.sha256(new_text.encode("utf-8")).hexdigest()


def test_resume_ends_with_exactly_one_record_per_current_input(tmp_path, cli):
    names = write_articles(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    (tmp_path / "in" / "doc0001.txt").write_text("Edited: the bank's app was down again on Friday.")
    (tmp_path / "in" / "doc0003.txt").unlink()  # deleted
    foreign = json.dumps({"doc_id": "elsewhere", "sha256": "0" * 64})
    with out.open("a", encoding="utf-8") as handle:  # a line that is no record of ours
        handle.write(foreign + "\n")
    result = cli(tmp_path / "in", "-o", out, "-w", "1", "--resume")
    assert result.exit_code == 0, result.stderr
    records = all_lines_valid(out)
    assert sorted(r["doc_id"] for r in records) == [n for n in names if n != "doc0003"]
    (edited,) = [r for r in records if r["doc_id"] == "doc0001"]
    assert edited["sentences"][0]["end"] <= len("Edited: the bank's app was down again on Friday.")
    assert "3 records of documents no longer in the input" in result.stderr


def test_identical_documents_each_get_a_record_on_resume(tmp_path, cli):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "same.txt").write_text("The airline's booking site went down.")
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    first, second = out.read_text().splitlines(keepends=True)
    partial_path(out).write_text(first)  # interrupted after the first copy
    out.unlink()
    assert cli(tmp_path / "in", "-o", out, "-w", "1", "--resume").exit_code == 0
    assert [r["doc_id"] for r in all_lines_valid(out)] == ["same", "same"]


def test_a_fresh_run_does_not_touch_the_old_output_until_it_ends(tmp_path, cli):
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    out.write_text("old complete output\n")
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    assert len(all_lines_valid(out)) == 3


def test_option_errors(tmp_path, cli):
    write_articles(tmp_path / "in", 2)
    cases = [
        (["--resume"], "--resume needs an output file"),
        (["--resume", "--pretty", "-o", tmp_path / "o.jsonl"], "cannot be combined with --pretty"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--engine", "spark"], "--engine must be one of"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
        (["--engine", "dask"], "give an output folder with -o DIR"),
    ]
    for args, message in cases:
        result = cli(tmp_path / "in", *args)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.startswith("error: ") and message in result.stderr
        assert result.stderr.strip().count("\n") == 0


def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    from pipeline.output import OutputBusy, RecordSink

    out = tmp_path / "out.jsonl"
    first = RecordSink(out)
    first.start()
    with pytest.raises(OutputBusy):
        RecordSink(out).start()
    first.commit()


def _wait_for_records(path, proc, count, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_killed_run_then_resume_gives_exactly_one_record_per_input(tmp_path, how):
    names = write_articles(tmp_path / "in", 48)  # small: a run costs ~0.1 s of CPU per document
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path / "in"), "-o", str(out)]
    proc = subprocess.Popen(
        command + ["--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        started = _wait_for_records(partial_path(out), proc, 1)
        if how == "SIGKILL":
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: parent and workers
        else:
            proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if not started or proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert not out.exists()  # FILE appears only when a run completes
    if how == "SIGTERM":
        assert proc.returncode == 130 and b"--resume" in stderr and b"Traceback" not in stderr
        all_lines_valid(partial_path(out))  # a clean stop leaves whole lines only
    done_before = partial_path(out).read_bytes().count(b"\n")
    if done_before == len(names):  # stopped between the last record and the rename
        pytest.skip("the run had written every record before it was interrupted")
    assert 1 <= done_before < len(names)
    resumed = subprocess.run(command + ["--workers", "2", "--resume"], capture_output=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    records = all_lines_valid(out)
    assert sorted(r["doc_id"] for r in records) == names
    assert all("error" not in r for r in records)
    assert not partial_path(out).exists()


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield 0o640
    os.umask(previous)


def test_resumed_and_atomic_outputs_honour_the_umask(tmp_path, cli, umask_027):
    from pipeline.output import open_output

    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    assert cli(tmp_path / "in", "-o", out, "-w", "1").exit_code == 0
    assert out.stat().st_mode & 0o777 == umask_027  # a fresh run
    partial_path(out).write_text(out.read_text().splitlines(keepends=True)[0])
    out.unlink()
    assert cli(tmp_path / "in", "-o", out, "-w", "1", "--resume").exit_code == 0
    assert out.stat().st_mode & 0o777 == umask_027  # a resumed run: the same, not 0600
    with open_output(tmp_path / "shard.jsonl") as handle:  # Dask shards, .tml files
        handle.write("{}\n")
    assert (tmp_path / "shard.jsonl").stat().st_mode & 0o777 == umask_027
