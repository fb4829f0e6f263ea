"""extract with stdin or stdout closed by the shell (<&-, >&-): one line, exit 2, no traceback (issue 19)."""
import shlex
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX shell redirections")

CODE = "from pipeline.cli.app import extract_app; extract_app()"


def run_shell(args: str, redirection: str):
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(CODE)} {args} {redirection}"
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=120)


def test_closed_stdin_is_one_line_and_exit_2():
    result = run_shell("", "<&-")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "error: stdin is closed: give input files or folders, or pipe a document in"


def test_closed_stdout_is_one_line_and_exit_2(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The bank's app failed on Monday, the company said.", encoding="utf-8")
    result = run_shell(shlex.quote(str(article)), ">&-")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "error: stdout is closed: give an output file with -o FILE"
    with_output = run_shell(f"{shlex.quote(str(article))} -o {shlex.quote(str(tmp_path / 'out.jsonl'))}", ">&-")
    assert with_output.returncode == 0, with_output.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1
