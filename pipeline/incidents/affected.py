"""What an outage affected: platforms, regions and user counts, from its sentences.

A lexicon word (``affected.json``) counts only in a context that makes it
affected ("via mobile and web", "access to apps", "customers in the UK",
"ATMs were unavailable"): a web page mentioned in passing is not an outage of
the web.
"""
from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Pattern, Sequence, Tuple

from models import Affected

from .article import Article
from .rules import load_rules

CONTEXT_CHARS = 100

Owner = Callable[[int, int], bool]
"""owner(sentence, char): whether the word at ``char`` belongs to the incident at hand"""


def _labels(
    article: Article,
    sentences: Iterable[int],
    terms: Sequence[Tuple[str, Pattern[str]]],
    before: Pattern[str],
    after: Pattern[str],
    owns: Owner,
) -> List[str]:
    text = article.text
    found: List[Tuple[int, str]] = []
    for s in sorted(set(sentences)):
        start, end = article.sentences[s]
        spans: List[Tuple[int, int, str]] = []
        for label, pattern in terms:
            for m in pattern.finditer(text, start, end):
                spans.append((m.start(), m.end(), label))
        for a, b, label in spans:
            if any(x <= a and b <= y and (y - x) > (b - a) for x, y, _ in spans):
                continue
            if not owns(s, a):
                continue
            left = text[max(start, a - CONTEXT_CHARS) : a]
            right = text[b : min(end, b + CONTEXT_CHARS)]
            if before.search(left) or after.search(right):
                found.append((a, label))
    labels: List[str] = []
    for _, label in sorted(found):
        if label not in labels:
            labels.append(label)
    return labels


def users_count(article: Article, sentences: Iterable[int], owns: Owner) -> Optional[str]:
    pattern = load_rules(article.lang).users_pattern
    for s in sorted(set(sentences)):
        start, end = article.sentences[s]
        for m in pattern.finditer(article.text, start, end):
            if owns(s, m.start()):
                return m.group("users")
    return None


def affected(article: Article, sentences: Iterable[int], owns: Owner) -> Affected:
    rules = load_rules(article.lang)
    sentences = list(sentences)
    return Affected(
        platforms=_labels(article, sentences, rules.platform_terms, rules.platform_before, rules.platform_after, owns),
        regions=_labels(article, sentences, rules.region_terms, rules.region_before, rules.region_after, owns),
        users=users_count(article, sentences, owns),
    )
