"""The rule-by-rule scanner finds exactly what each rule file's single alternation finds."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.incidents.rules import combined, load_rules, rule_index
from pipeline.incidents.scanner import RuleScanner, scanners

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules()
SCANNERS = scanners()

OWN_TEXTS = [
    "Lloyds Bank's app went down on Friday, and Lloyds Bank customers could not log in. "
    "Lloyds said the outage was caused by a faulty update.",
    "An outage at Microsoft Azure hit Xbox Live players; Azure's status page blamed a DNS change. "
    "Xbox Live users could not sign in for hours. Microsoft said the issue has since been resolved.",
    "Delta Air Lines grounded flights nationwide after a computer glitch. Delta, the Atlanta carrier, "
    "blamed a power failure for the disruption. It was the second outage this year.",
    "Problems accessing Vodafone's network were reported across the UK. Vodafone engineers are still "
    "working to restore service, and the disruption is ongoing.",
    "Fortnite was offline for six hours. Epic Games CEO Tim Sweeney apologised. Earlier this week "
    "players of Fortnite had trouble logging in.",
]


def texts():
    found = list(OWN_TEXTS)
    found += [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    return found


def _combined_overlapped(rules, text):
    pattern = combined(tuple(rules))
    return [(rule_index(m), m.span(), m.span("svc")) for m in pattern.finditer(text, overlapped=True)]


def _combined_leftmost(rules, text):
    pattern = combined(tuple(rules))
    return [(rules[rule_index(m)].id, m.span()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", texts())
def test_service_matches_equal_the_overlapped_alternation(text):
    got = [(i, m.span(), m.span("svc")) for i, m in SCANNERS.services.overlapped(text)]
    assert got == _combined_overlapped(RULES.service_rules, text)


@pytest.mark.parametrize("text", texts())
def test_cue_matches_equal_the_leftmost_alternation(text):
    for scanner in (SCANNERS.outages, SCANNERS.status):
        got = [(scanner.rules[i].id, m.span()) for i, m in scanner.leftmost(text)]
        assert got == _combined_leftmost(scanner.rules, text)
    discourse = SCANNERS.discourse
    for kind, indices in SCANNERS.discourse_kinds.items():
        got = [(discourse.rules[i].id, m.span()) for i, m in discourse.leftmost(text, only=indices)]
        assert got == _combined_leftmost([discourse.rules[i] for i in indices], text), kind


def test_ties_go_to_the_rule_listed_first():
    first, second = RULES.outage_rules[0], RULES.outage_rules[0]
    scanner = RuleScanner((first, second))
    example = first.examples[0].text
    found = scanner.leftmost(example)
    assert found and all(i == 0 for i, _ in found)
    assert all(i == 0 for i, _ in scanner.overlapped(example))


def test_a_rule_without_its_head_words_is_skipped():
    scanner = SCANNERS.outages
    text = "The weather was fine and the markets were calm."
    active = scanner.active(text.lower())
    skipped = [i for i in range(len(scanner.rules)) if i not in active]
    assert skipped, "every outage rule was searched in a text with no outage words"
    assert scanner.leftmost(text) == []


@pytest.mark.parametrize("text", OWN_TEXTS)
def test_one_head_pass_equals_each_files_own(text):
    from pipeline.causes.heads import fold

    folded = fold(text)
    together = SCANNERS.active(folded)
    for name in ("services", "outages", "status", "discourse"):
        assert together[name] == getattr(SCANNERS, name).active(folded), name


def test_a_docs_service_analysis_is_computed_once_and_follows_its_sentences():
    from pipeline.incidents.services import doc_analysis
    from pipeline.nlp import build_pipeline

    nlp = build_pipeline()
    doc = nlp(OWN_TEXTS[0])
    first = doc_analysis(doc)
    assert doc_analysis(doc) is first
    assert first[2] == "Lloyds Bank"
    assert first[0].text == doc.text
