"""Temporal arithmetic out of range (issue 19): each temporal rule's examples, with no reference date,
with the calendar's first and last days as reference, and with extreme numbers in place of its digits,
give a record (the value left underspecified, with a warning), never an internal error."""
import json
from pathlib import Path

import pytest
import regex

from pipeline.document import InputDocument
from pipeline.run import ExtractOptions, extract_one

TEMPORAL = Path(__file__).resolve().parents[2] / "pipeline" / "resources" / "en" / "temporal"
DIGITS = regex.compile(r"\d+")
EXTREME_NUMBERS = ("3000", "13800000000", "0")
REFERENCES = (None, "0001-01-01", "9999-12-31")
ISSUE_TEXTS = (
    "The outage began 3000 years ago, the bank said.",
    "The universe started 13800000000 years ago, long before the outage.",
    "It was the worst outage this century.",
    "It was the worst outage this decade, and the next one came 99999 years later.",
)


def _examples(value):
    if isinstance(value, dict):
        for item in value.get("examples", []):
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                yield item["text"]
        for child in value.values():
            yield from _examples(child)
    elif isinstance(value, list):
        for child in value:
            yield from _examples(child)


def example_texts():
    texts = []
    for path in sorted(TEMPORAL.glob("*.json")):
        texts.extend(_examples(json.loads(path.read_text(encoding="utf-8"))))
    return sorted(set(texts)) + list(ISSUE_TEXTS)


def variants(text):
    yield text
    for number in EXTREME_NUMBERS:
        yield DIGITS.sub(number, text)


TEXTS = example_texts()


def test_there_are_examples_to_run():
    assert len(TEXTS) > 50


@pytest.mark.parametrize("reference", REFERENCES, ids=lambda r: r or "no-reference")
def test_rule_examples_at_the_calendar_edges_never_fail(reference):
    failures = []
    for text in TEXTS:
        for variant in variants(text):
            outcome = extract_one(InputDocument("x", variant), ExtractOptions(reference_date=reference))
            error = getattr(outcome, "error", None)
            if error is not None and error.startswith("internal error"):
                failures.append((variant, error))
    assert not failures, f"{len(failures)} failures, e.g. {failures[:3]}"


@pytest.mark.parametrize("text", ISSUE_TEXTS[:2])
def test_an_out_of_range_value_is_underspecified_with_a_warning(text):
    record = extract_one(InputDocument("x", text), ExtractOptions(reference_date="2024-01-10"))
    assert getattr(record, "error", None) is None
    (timex,) = [t for t in record.timexes if t.type != "DURATION"]
    assert timex.value == "PAST_REF"
    assert any("beyond the calendar's range" in w for w in record.warnings)


def test_this_century_without_a_reference_date_is_underspecified():
    record = extract_one(InputDocument("x", ISSUE_TEXTS[2]), ExtractOptions())
    assert getattr(record, "error", None) is None
    assert [t.value for t in record.timexes] == ["XX"]  # a century, its digits unknown (TIMEX3: "20" for the 2000s)
