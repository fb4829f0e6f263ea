"""The indexed matcher finds exactly what one leftmost-longest scan of all rules finds."""
from __future__ import annotations

import pytest

from pipeline.temporal.matching import matcher_for
from pipeline.temporal.prefix_index import PrefixAnalyser, trie_pattern
from pipeline.temporal.fragments import load_fragments
from pipeline.temporal.rules import load_rules
from tests.conftest import CORPUS

EXTRA = [
    "The bank's app was down from 12:35 PM to 6:13 PM IST (0705 GMT) on Friday, Feb. 5, 2021.",
    "the company said it expects a fourth-quarter loss; earlier this year, about 2000 users left.",
    "Call 1-800-555-0199 or pay $27.30 by Sept. 30 - the 17-year-old's iOS 14.4 update failed.",
    "Outages hit AWS (us-east-1) for five hours, 25 minutes - the third in a four-day span.",
]


def _texts():
    rules = load_rules()
    texts = [example.text for rule in rules.rules for example in rule.examples]
    texts += [text for rule in rules.rules for text in rule.counter_examples]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return texts + EXTRA


@pytest.fixture(scope="module")
def combined():
    return load_rules().combined()


def test_indexed_matcher_equals_a_full_scan(combined):
    matcher = matcher_for(load_rules())
    for text in _texts():
        fast = [(m.start(), m.end()) for _, m in matcher.raw_matches(text)]
        slow = [(m.start(), m.end()) for m in combined.finditer(text)]
        assert fast == slow, text


def test_prefixes_of_a_pattern():
    analyser = PrefixAnalyser(load_fragments())
    prefixes = analyser.prefixes(r"(?:[Ff]iscal\s)?%{year}")
    assert "0000" in prefixes and "fiscal " in prefixes
    assert not any(p.startswith("x") for p in prefixes)


def test_trie_pattern():
    import re

    pattern = re.compile(trie_pattern(["jan", "january", "june", "now"]) + r"\Z")
    assert all(pattern.match(w) for w in ["jan", "january", "june", "now"])
    assert not pattern.match("ju")
