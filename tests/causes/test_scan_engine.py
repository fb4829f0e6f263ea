"""The anchored rule-set scan finds exactly what the single alternation finds.

``RuleSet.scan`` tries a rule only in sentences holding one of its heads and
only where one of its prefixes stands (``pipeline/causes/heads.py``); this
checks it against :meth:`RuleSet.combined` searched sentence by sentence, on
every rule example and counter-example of every rule file run together as one
document, and on the heads analysis itself.
"""
from __future__ import annotations

import pytest

from pipeline.causes import heads as H
from pipeline.causes import patterns as P
from pipeline.causes import rules as R

RULE_SETS = {
    "causes": P.cause_rule_set,
    "cues": P.cue_rule_set,
    "links": P.link_rule_set,
    "terminators": P.terminator_rule_set,
    "outage_terms": P.outage_term_rule_set,
    "reporting": P.reporting_rule_set,
}


def _example_texts():
    texts = []
    for rule_file in R.cause_rule_files():
        for rule in rule_file.rules:
            texts += [e.text for e in rule.examples] + list(rule.counter_examples)
    for rule in R.cue_rules() + R.link_rules():
        texts += [e.text for e in rule.examples] + [e.text for e in rule.counter_examples]
    for rule in R.outage_term_rules():
        texts += list(rule.examples) + list(rule.counter_examples)
    for rule in R.reporting_rules():
        texts += [e.text for e in rule.examples] + list(rule.counter_examples)
    return texts


def _document():
    """All example texts as one document, each a sentence (window)."""
    text, windows = "", []
    for sentence in _example_texts():
        start = len(text)
        text += sentence
        windows.append((start, len(text)))
        text += "\n\n" if len(windows) % 3 else "  "
    return text, windows


def _reference(rule_set, text, windows, lookahead):
    combined = rule_set.combined()
    names = [f"r{i}" for i in range(len(rule_set.rules))]
    found = []
    for number, (lo, hi) in enumerate(windows):
        limit = min(len(text), hi + lookahead)
        for match in combined.finditer(text, lo, limit):
            if match.start() >= hi:
                break
            if match.end() <= hi:
                index = next(i for i, name in enumerate(names) if match.start(name) >= 0)
                found.append((number, index, match.span()))
    return found


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_scan_equals_combined_alternation(name):
    rule_set = RULE_SETS[name]()
    text, windows = _document()
    position = {id(rule): i for i, rule in enumerate(rule_set.rules)}
    got = [(n, position[id(rule)], m.span()) for n, rule, m in rule_set.scan(text, windows)]
    assert got == _reference(rule_set, text, windows, P._LOOKAHEAD)
    assert got, "the examples must match something"


def test_heads_and_prefixes_of_a_pattern():
    analyser = H.Analyser({"det": r"(?:the|a)\s+", "noun": r"(?:hack|hacks|attack)"})
    heads, width = analyser.analyse(r"%{det}?(?:big\s+){0,2}%{noun}(?:\s+\w+)?")
    assert heads == {"hack", "attack"}
    assert width == 4
    assert analyser.prefixes(r"%{det}?%{noun}") >= {"the ", "a ha", "hack", "atta"}
    assert analyser.analyse(r"\w+\s+said")[0] == {"said"}
    assert analyser.analyse(r"(?:foo|\w+)")[0] is None  # a branch without a head: tried everywhere
    assert analyser.prefixes(r"\w+") is None


def test_fold_keeps_length():
    text = "İstanbul\u3000ſervers\u00a0DOWN\tK"
    assert len(H.fold(text)) == len(text)
    assert H.fold(text) == "istanbul servers down k"
