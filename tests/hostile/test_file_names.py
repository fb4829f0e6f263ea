"""File names are bytes: names that are not UTF-8, or hold a newline, are recorded escaped (issue 19)."""
import os

from pipeline.cli.app import extract_app
from pipeline.names import shown

from .helpers import ARTICLE, records, runner


def _bytes_of(name: str) -> bytes:
    """The bytes a shown name stands for (the escapes undone)."""
    return name.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")


def test_names_are_escaped_losslessly_and_idempotently():
    raw = os.fsdecode(b"caf\xe9 \xff.txt")
    assert shown(raw) == "caf\\xe9 \\xff.txt"
    assert _bytes_of(shown(raw)) == b"caf\xe9 \xff.txt"
    assert shown(shown(raw)) == shown(raw)
    assert shown("line\nbreak") == "line\\x0abreak" and shown("café ok") == "café ok"


def test_a_name_that_is_not_utf8_is_recorded_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for extra in ([], ["--resume"]):  # and every --resume gets past it too
        result = runner.invoke(extract_app, [str(folder), "-o", str(out), "--workers", "1", *extra])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.stderr
        got = records(out.read_text(encoding="utf-8"))
        assert [r["doc_id"] for r in got] == ["caf\\xe9", "good"]
        assert all("error" not in r for r in got)
        assert got[0]["source"].endswith("caf\\xe9.txt")


def test_a_single_argument_not_utf8(tmp_path):
    path = tmp_path / os.fsdecode(b"\xff\xfe.txt")
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(extract_app, [str(path)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["doc_id"] == "\\xff\\xfe"


def test_a_name_with_a_newline_cannot_forge_an_error_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b\nerror: forged.txt").write_bytes(b"")  # empty: an error naming the file
    result = runner.invoke(extract_app, [str(folder), "--workers", "1"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith("error: forged") for line in lines), lines
    assert any("b\\x0aerror: forged" in line for line in lines), lines
    assert [r["doc_id"] for r in records(result.stdout)] == ["a", "b\\x0aerror: forged"]
