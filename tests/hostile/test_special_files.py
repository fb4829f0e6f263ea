"""Only regular files are read: a FIFO (or device) among the inputs is an error record, never a hang (issue 19)."""
import json
import os
import subprocess
import sys

import pytest

from .helpers import ARTICLE

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def run_extract(*args, timeout=120):
    """``extract`` in a child process, so that a hang fails the test instead of stalling it."""
    code = "from pipeline.cli.app import extract_app; extract_app()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


def test_fifos_in_a_folder_and_as_arguments_are_error_records(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "b_pipe.txt")
    os.mkfifo(folder / "c_pipe.jsonl")
    os.mkfifo(folder / "d_pipe.json")
    os.mkfifo(tmp_path / "arg.txt")
    result = run_extract(folder, tmp_path / "arg.txt", "--workers", "1")
    assert result.returncode == 1, result.stderr
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in got] == ["a", "b_pipe", "c_pipe", "d_pipe", "arg"]
    assert "error" not in got[0]
    for record in got[1:]:
        assert "not a regular file" in record["error"] and "FIFO" in record["error"]
    assert "Traceback" not in result.stderr


def test_a_device_is_refused(tmp_path):
    from pipeline.files import NotRegularFile, read_regular

    with pytest.raises(NotRegularFile):
        read_regular("/dev/zero")


def test_an_unreadable_subfolder_is_an_error_record_in_its_place(tmp_path, monkeypatch):
    from pipeline.cli.app import extract_app

    from .helpers import records, runner

    folder = tmp_path / "in"
    (folder / "b_locked").mkdir(parents=True)
    (folder / "b_locked" / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "c.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # as chmod 000 does for a user who is not root
        if os.fspath(path).endswith("b_locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(extract_app, [str(folder), "--workers", "1"])
    assert result.exit_code == 1
    got = records(result.stdout)
    assert [r["doc_id"] for r in got] == ["a", "b_locked", "c"]
    assert "cannot read folder" in got[1]["error"] and "Permission denied" in got[1]["error"]
    assert "1 of 3 documents failed" in result.stderr
