"""Every rule's examples, run through the whole tagger: the rule files are their own test cases."""
from __future__ import annotations

import pytest

from models import ReferenceDate
from pipeline.temporal.rules import load_rules
from pipeline.temporal.tagger import tag

RULES = load_rules("en")


def _cases():
    for rule in RULES.rules:
        for index, example in enumerate(rule.examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{index}")


def _counter_cases():
    for rule in RULES.rules:
        for index, text in enumerate(rule.counter_examples):
            yield pytest.param(rule, text, id=f"{rule.id}-not-{index}")


def _run(rule, example):
    ref = example.reference_date or RULES.default_reference_dates[rule.file]
    return tag(example.text, ReferenceDate(date=ref, source="given"))


@pytest.mark.parametrize("rule,example", list(_cases()))
def test_rule_example(rule, example):
    result = _run(rule, example)
    span = example.span or example.text
    if rule.kind == "veto":
        start = example.text.index(span)
        end = start + len(span)
        clashing = [t.text for t in result.timexes if t.start < end and start < t.end]
        assert not clashing, f"vetoed span {span!r} still tagged as {clashing}"
        return
    found = [t for t in result.timexes if t.text == span]
    assert found, f"{span!r} not tagged; got {[(t.text, t.rule) for t in result.timexes]}"
    timex = found[0]
    assert timex.rule == rule.id, f"{span!r} tagged by {timex.rule}, expected {rule.id}"
    expected_type = example.type or rule.type
    if expected_type:
        assert timex.type == expected_type
    if example.value is not None:
        assert timex.value == example.value
    if example.mod is not None:
        assert timex.mod == example.mod
    if example.utc_offset is not None:
        assert timex.timezone is not None and timex.timezone.utc_offset == example.utc_offset
    if example.zone is not None:
        assert timex.timezone is not None and timex.timezone.text == example.zone
    if example.instant is not None:
        assert timex.instant == example.instant
    if example.minutes is not None:
        assert timex.minutes is not None
        assert (timex.minutes.min, timex.minutes.max) == pytest.approx(example.minutes)
    if example.anchor is not None:
        assert timex.anchor == example.anchor


@pytest.mark.parametrize("rule,text", list(_counter_cases()))
def test_rule_counter_example(rule, text):
    ref = RULES.default_reference_dates[rule.file]
    result = tag(text, ReferenceDate(date=ref, source="given"))
    fired = [t.text for t in result.timexes if t.rule == rule.id]
    assert not fired, f"{rule.id} fired on {fired!r} in {text!r}"
