"""--max-chars: oversized input is cut at a boundary, with a warning, offsets into the text as read."""
import hashlib

from pipeline import extract
from pipeline.cli.app import extract_app
from pipeline.guards import default_max_chars
from pipeline.guards.limits import truncate
from pipeline.guards.rules import guard_rules

from .helpers import ARTICLE, assert_spans_exact, records, runner

RULES = guard_rules().truncation


def test_short_text_is_untouched():
    assert truncate(ARTICLE, len(ARTICLE), RULES) == (ARTICLE, None)
    assert truncate(ARTICLE, 0, RULES) == (ARTICLE, None)
    assert truncate(ARTICLE, None, RULES) == (ARTICLE, None)


def test_cut_at_the_last_paragraph_break_before_the_limit():
    text = "First paragraph. Still first.\n\nSecond paragraph. More words here and there."
    kept, warning = truncate(text, len(text) - 5, RULES)
    assert kept == "First paragraph. Still first.\n\n"
    assert "paragraph boundary" in warning and f"of {len(text)} characters" in warning


def test_cut_at_a_sentence_end_when_there_is_no_paragraph_break():
    text = "One sentence here. Another one follows. And a third that is long"
    kept, warning = truncate(text, len(text) - 3, RULES)
    assert kept == "One sentence here. Another one follows. "
    assert "sentence boundary" in warning


def test_hard_cut_when_there_is_no_boundary():
    text = "x" * 1000
    kept, warning = truncate(text, 100, RULES)
    assert kept == "x" * 100 and "hard cut" in warning


def test_cut_is_always_a_prefix_within_the_limit():
    text = (ARTICLE + "\n\n") * 50
    for limit in (1, 7, 100, 999, 5000):
        kept, _ = truncate(text, limit, RULES)
        assert text.startswith(kept) and 0 < len(kept) <= limit


def test_record_keeps_whole_text_sha256_and_spans_in_the_kept_prefix():
    text = (ARTICLE + "\n\n") * 20
    record = extract(text, max_chars=1000)
    (warning,) = [w for w in record.warnings if "truncated" in w]
    assert "--max-chars 1,000" in warning
    assert record.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert record.sentences[-1].end <= 1000
    assert_spans_exact(record.model_dump(), text)


def test_default_limit_applies_without_an_option(monkeypatch):
    import pipeline.guards as guards

    monkeypatch.setattr(guards, "default_max_chars", lambda lang="en": 500)
    record = extract((ARTICLE + "\n\n") * 5)
    assert any("truncated" in w and "--max-chars 500" in w for w in record.warnings)
    assert record.sentences[-1].end <= 500


def test_default_limit_is_sensible_and_named_in_the_help():
    assert 200_000 <= default_max_chars() <= 10_000_000
    from pipeline.cli.app import MAX_CHARS_HELP

    assert f"default: {default_max_chars()};" in MAX_CHARS_HELP
    assert "--max-chars" in runner.invoke(extract_app, ["--help"]).stdout


def test_cli_option_truncates_and_zero_means_no_limit():
    text = (ARTICLE + "\n\n") * 4
    cut = runner.invoke(extract_app, ["--max-chars", "600"], input=text)
    full = runner.invoke(extract_app, ["--max-chars", "0"], input=text)
    assert cut.exit_code == full.exit_code == 0
    (short,), (whole,) = records(cut.stdout), records(full.stdout)
    assert any("truncated" in w for w in short["warnings"])
    assert not any("truncated" in w for w in whole["warnings"])
    assert short["sha256"] == whole["sha256"]
    assert short["sentences"] == whole["sentences"][: len(short["sentences"])]


def test_negative_limit_is_a_usage_error():
    result = runner.invoke(extract_app, ["--max-chars", "-1"], input="text")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_text_longer_than_spacys_limit_is_processed_when_allowed(monkeypatch):
    from pipeline.nlp import build_pipeline

    nlp = build_pipeline(None)  # the cached pipeline extract() uses
    monkeypatch.setattr(nlp, "max_length", 500)  # spaCy would refuse a longer text (E088)
    text = (ARTICLE + "\n\n") * 3
    record = extract(text, max_chars=0)
    assert record.sentences[-1].end == len(text.rstrip())
    assert nlp.max_length >= len(text)
