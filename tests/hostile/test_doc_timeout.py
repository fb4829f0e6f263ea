"""--doc-timeout: a runaway document becomes an error record, the others go on (issue 19)."""
import time

import pytest

from pipeline.cli.app import extract_app

from .helpers import ARTICLE, records, runner

SLOW = "THIS-DOCUMENT-NEVER-ENDS"
SLOW_SECONDS = 60  # bounded: without a budget the document ends, late, and the test fails


@pytest.fixture
def runaway(monkeypatch):
    """A document holding the marker takes a minute (in a worker or in-process alike)."""
    import pipeline.extraction as extraction

    real = extraction.check_spans

    def slow_check(record, text):
        if SLOW in text:
            deadline = time.monotonic() + SLOW_SECONDS
            while time.monotonic() < deadline:
                time.sleep(0.01)
        return real(record, text)

    monkeypatch.setattr(extraction, "check_spans", slow_check)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_runaway_document_is_an_error_record_and_the_run_goes_on(tmp_path, runaway, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        text = ARTICLE.replace("the bank", f"bank number {n}") + (f" {SLOW}" if n == 1 else "")
        (folder / f"doc{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [str(folder), "-o", str(out), "--workers", workers, "--doc-timeout", "1"]
    result = runner.invoke(extract_app, args)
    assert result.exit_code == 1, result.output
    got = records(out.read_text(encoding="utf-8"))
    assert [r["doc_id"] for r in got] == ["doc0", "doc1", "doc2", "doc3"]
    assert "--doc-timeout" in got[1]["error"]
    assert all("error" not in r for i, r in enumerate(got) if i != 1), [r.get("error") for r in got]
    assert "Traceback" not in result.stderr


def test_the_budget_is_disarmed_after_each_document():
    import signal

    from pipeline.budget import time_budget

    with time_budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
