"""Sentence boundaries for news text, computed on characters.

A sentence ends at a blank line, at the end of a headline or dateline line,
or at terminal punctuation followed by a plausible sentence start. It does not
end after abbreviations ("a.m.", "Dec.", "U.S.", "Mr."), inside decimals, or
inside a quotation: quoted speech stays with the sentence that carries it.
All data (patterns, abbreviation lists) lives in ``resources/en/segmentation.json``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Pattern, Sequence, Tuple

import regex

from .resources import load_resource


@dataclass(frozen=True)
class SegmentationRules:
    paragraph_break: Pattern[str]
    line_break: Pattern[str]
    terminal: Pattern[str]
    glued_terminal: Pattern[str]
    word_before: Pattern[str]
    initialism: Pattern[str]
    initial: Pattern[str]
    heading_words: Pattern[str]
    line_terminal: Pattern[str]
    never_final: FrozenSet[str]
    ambiguous: FrozenSet[str]
    sentence_starters: FrozenSet[str]
    heading_max_words: int
    heading_min_ratio: float
    heading_always_max_words: int
    heading_function_words: FrozenSet[str]
    quote_open: Tuple[str, ...]
    quote_close: Tuple[str, ...]
    quote_max_chars: int
    word_before_max_chars: int


@lru_cache(maxsize=None)
def segmentation_rules(lang: str = "en") -> SegmentationRules:
    data = load_resource("segmentation", lang)
    pats = {name: regex.compile(p) for name, p in data["patterns"].items()}
    heading = data["heading"]
    quotes = data["quotes"]
    return SegmentationRules(
        **pats,
        never_final=frozenset(data["never_final"]),
        ambiguous=frozenset(data["ambiguous"]),
        sentence_starters=frozenset(data["sentence_starters"]),
        heading_max_words=heading["max_words"],
        heading_min_ratio=heading["min_capitalised_ratio"],
        heading_always_max_words=heading["always_heading_max_words"],
        heading_function_words=frozenset(heading["lowercase_function_words"]),
        quote_open=tuple(quotes["open"]),
        quote_close=tuple(quotes["close"]),
        quote_max_chars=quotes["max_chars"],
        word_before_max_chars=data["word_before_max_chars"],
    )


def is_heading(line: str, rules: SegmentationRules) -> bool:
    """A line that ends a sentence by itself: a headline, caption or dateline."""
    stripped = line.strip()
    if not stripped or rules.line_terminal.search(stripped):
        return False
    words = rules.heading_words.findall(stripped)
    if not words:
        return True
    if len(words) <= rules.heading_always_max_words:
        return True
    if len(words) > rules.heading_max_words:
        return False
    content = [w for w in words if w.lower() not in rules.heading_function_words]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= rules.heading_min_ratio


def quote_regions(block: str, offset: int, rules: SegmentationRules) -> List[Tuple[int, int]]:
    """Closed quotations in ``block`` as absolute (open, close_end) character ranges."""
    regions: List[Tuple[int, int]] = []
    open_at = -1
    i, n = 0, len(block)
    while i < n:
        ch = block[i]
        two = block[i : i + 2]
        token = two if two in ("``", "''") else ch
        width = len(token)
        is_open = token in rules.quote_open
        is_close = token in rules.quote_close
        if open_at < 0 and is_open and token not in ("''",):
            open_at = i
        elif open_at >= 0 and is_close:
            if i + width - open_at <= rules.quote_max_chars:
                regions.append((offset + open_at, offset + i + width))
            open_at = -1
        i += width
    return regions


def _inside(pos: int, regions: Sequence[Tuple[int, int]]) -> bool:
    """Whether ``pos`` is strictly inside one of the sorted, disjoint ``regions``."""
    i = bisect_right(regions, (pos, float("inf"))) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


def _ends_quote(pos: int, regions: Sequence[Tuple[int, int]]) -> bool:
    """Whether a region of the sorted, disjoint ``regions`` ends at ``pos``."""
    i = bisect_right(regions, (pos, float("inf"))) - 1
    return i >= 0 and regions[i][1] == pos


def _first_word(text: str) -> str:
    word = text.lstrip("\"'\u201c\u2018([`")
    end = 0
    while end < len(word) and (word[end].isalnum() or word[end] in "'\u2019"):
        end += 1
    return word[:end]


def _splits_after(word: str, next_text: str, rules: SegmentationRules) -> bool:
    """Whether ``word`` (ending in '.') followed by ``next_text`` ends a sentence."""
    nxt = _first_word(next_text)
    if nxt[:1].islower():
        return False
    if word in rules.never_final or rules.initial.match(word):
        return False
    if word in rules.ambiguous or rules.initialism.match(word):
        return nxt in rules.sentence_starters
    return True


def _block_boundaries(text: str, start: int, end: int, rules: SegmentationRules) -> List[int]:
    """Sentence start offsets inside text[start:end] (one paragraph, no headings)."""
    block = text[start:end]
    regions = quote_regions(block, start, rules)
    starts: List[int] = []
    for match in rules.terminal.finditer(block):
        term_end = start + match.end("term")
        after_close = start + match.end("close")
        if _inside(term_end, regions) and not _ends_quote(after_close, regions):
            continue
        next_text = block[match.end("space") :]
        term = match.group("term")
        if term == ".":
            # look back a bounded distance: searching from 0 each time is quadratic
            term_at = match.start("term")
            window = max(0, term_at - rules.word_before_max_chars)
            word = rules.word_before.search(block, window, term_at).group("word") + "."
            if not _splits_after(word, next_text, rules):
                continue
        elif _first_word(next_text)[:1].islower():
            continue
        starts.append(start + match.end("space"))
    for match in rules.glued_terminal.finditer(block):
        after_close = start + match.end("close")
        if _inside(start + match.end("term"), regions) and not _ends_quote(after_close, regions):
            continue
        starts.append(after_close)
    return starts


def sentence_starts(text: str, lang: str = "en") -> List[int]:
    """Character offsets at which sentences begin (sorted, first non-space char of each)."""
    rules = segmentation_rules(lang)
    cuts = [0]
    for match in rules.paragraph_break.finditer(text):
        cuts.append(match.end())
    cuts.append(len(text))
    starts: List[int] = []
    for p_start, p_end in zip(cuts, cuts[1:]):
        line_start = p_start
        seg_start = p_start
        for line_match in rules.line_break.finditer(text, p_start, p_end):
            line = text[line_start : line_match.start()]
            if is_heading(line, rules):
                starts.append(seg_start)
                starts.extend(_block_boundaries(text, seg_start, line_match.start(), rules))
                seg_start = line_match.end()
            line_start = line_match.end()
        starts.append(seg_start)
        starts.extend(_block_boundaries(text, seg_start, p_end, rules))
    result = []
    for pos in sorted(set(starts)):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos < len(text) and (not result or result[-1] != pos):
            result.append(pos)
    return result


def sentence_spans(text: str, lang: str = "en") -> List[Tuple[int, int]]:
    """(start, end) of every sentence, whitespace trimmed at both ends."""
    starts = sentence_starts(text, lang)
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def sentence_index(starts: Sequence[int], char: int) -> int:
    """Index of the sentence containing ``char``, given sorted sentence starts."""
    return max(0, bisect_right(starts, char) - 1)
