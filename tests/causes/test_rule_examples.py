"""Every example in every cause rule file runs as a test."""
from __future__ import annotations

import pytest

from pipeline.causes import patterns as P
from pipeline.causes import rules as R

from .helpers import causes_of, check_example


def _cause_cases():
    for rule_file in R.cause_rule_files():
        for rule in rule_file.rules:
            for i, example in enumerate(rule.examples):
                yield pytest.param(rule_file.label, rule, example, id=f"{rule.id}-{i}")


def _cause_counter_cases():
    for rule_file in R.cause_rule_files():
        for rule in rule_file.rules:
            for i, text in enumerate(rule.counter_examples):
                yield pytest.param(rule, text, id=f"{rule.id}-not-{i}")


@pytest.mark.parametrize("label, rule, example", list(_cause_cases()))
def test_cause_rule_example(label, rule, example):
    check_example(example, rule_id=rule.id, category=label)


@pytest.mark.parametrize("rule, text", list(_cause_counter_cases()))
def test_cause_rule_counter_example(rule, text):
    fired = [c.text for c in causes_of(text) if c.rule == rule.id]
    assert not fired, f"{rule.id} fired on {text!r}: {fired}"


def _context_cases():
    for kind, rules in (
        ("cue", R.cue_rules()),
        ("link", R.link_rules()),
        ("chain", R.chain_rules()),
        ("mechanism", R.mechanism_rules()),
        ("terminator", R.terminator_rules()),
        ("speaker", R.speaker_classes()),
    ):
        for rule in rules:
            for i, example in enumerate(rule.examples):
                yield pytest.param(rule, example, id=f"{rule.id}-{i}")
            for i, example in enumerate(getattr(rule, "counter_examples", ())):
                yield pytest.param(rule, example, id=f"{rule.id}-not-{i}")


@pytest.mark.parametrize("rule, example", list(_context_cases()))
def test_context_rule_example(rule, example):
    if example.span is None:
        assert causes_of(example.text) == [], f"{rule.id}: expected no cause in {example.text!r}"
        return
    check_example(example)


def _reporting_cases():
    for rule in R.reporting_rules():
        for i, example in enumerate(rule.examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{i}")


@pytest.mark.parametrize("rule, example", list(_reporting_cases()))
def test_reporting_rule_example(rule, example):
    hits = [(r.id, m.group("speaker"), m.groupdict().get("title")) for r, m in P.reporting_rule_set().finditer(example.text)]
    assert (rule.id, example.speaker, example.title) in hits or (
        example.title is None and any(h[:2] == (rule.id, example.speaker) for h in hits)
    ), hits


@pytest.mark.parametrize(
    "rule, text", [pytest.param(r, t, id=f"{r.id}-not-{i}") for r in R.reporting_rules() for i, t in enumerate(r.counter_examples)]
)
def test_reporting_rule_counter_example(rule, text):
    assert not [m for r, m in P.reporting_rule_set().finditer(text) if r.id == rule.id]


@pytest.mark.parametrize(
    "rule", [pytest.param(r, id=r.id) for r in R.outage_term_rules()]
)
def test_outage_term_examples(rule):
    rule_set = P.outage_term_rule_set()
    for text in rule.examples:
        assert any(r.id == rule.id for r, _ in rule_set.finditer(text)), text
    for text in rule.counter_examples:
        assert not any(True for _ in rule_set.finditer(text)), text
