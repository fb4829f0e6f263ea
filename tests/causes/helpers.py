"""Run the pipeline on a short text and look up the cause mention at a span."""
from __future__ import annotations

from typing import List, Optional

from models import CauseMention
from pipeline import extract


def causes_of(text: str) -> List[CauseMention]:
    return extract(text, reference_date="2024-01-10").causes


def mention_at(causes: List[CauseMention], span: str) -> Optional[CauseMention]:
    for mention in causes:
        if mention.text == span:
            return mention
    return None


def check_example(example, rule_id: Optional[str] = None, category: Optional[str] = None) -> CauseMention:
    """Assert the example's expectations; return the mention found."""
    causes = causes_of(example.text)
    found = [(c.text, c.category, c.assertion, c.rule) for c in causes]
    mention = mention_at(causes, example.span)
    assert mention is not None, f"no mention {example.span!r} in {example.text!r}; found {found}"
    if rule_id is not None:
        assert mention.rule == rule_id, f"{example.span!r} came from {mention.rule}, not {rule_id}"
    expected_category = example.category or category
    if expected_category is not None:
        assert mention.category == expected_category, (mention.category, expected_category)
    for field in ("assertion", "attribution", "speaker", "cue"):
        want = getattr(example, field)
        if want is not None:
            assert getattr(mention, field) == want, f"{field}: {getattr(mention, field)!r} != {want!r} in {example.text!r}"
    return mention
