"""The article as incident assembly sees it: text, sentences, paragraphs, headings."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import List, Sequence, Tuple

from ..causes.heads import fold
from ..segmentation import is_heading, segmentation_rules


@dataclass(frozen=True)
class Article:
    text: str
    sentences: Tuple[Tuple[int, int], ...]
    paragraphs: Tuple[int, ...]
    """paragraph number of each sentence (a blank line or a heading starts a new one)"""
    headings: Tuple[bool, ...]
    """whether each sentence is a headline / heading line"""
    lang: str = "en"
    _starts: Tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def build(cls, text: str, sentences: Sequence[Tuple[int, int]], lang: str = "en") -> "Article":
        rules = segmentation_rules(lang)
        sents = tuple((int(s), int(e)) for s, e in sentences)
        headings = tuple(is_heading(text[s:e], rules) for s, e in sents)
        paragraphs: List[int] = []
        number = 0
        for i, (start, _) in enumerate(sents):
            if i > 0:
                gap = text[sents[i - 1][1] : start]
                if gap.count("\n") >= 2 or headings[i] or headings[i - 1]:
                    number += 1
            paragraphs.append(number)
        return cls(text, sents, tuple(paragraphs), headings, lang, tuple(s for s, _ in sents))

    @cached_property
    def folded(self) -> str:
        """The text lowercased, every whitespace a space (same length): where rule heads are looked up."""
        return fold(self.text)

    def sentence_of(self, char: int) -> int:
        if not self._starts:
            return 0
        return max(0, bisect_right(self._starts, char) - 1)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]
