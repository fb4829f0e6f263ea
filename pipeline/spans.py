"""Sentence spans of a processed ``Doc`` and the sentence index of a character."""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Doc

from .doc_cache import doc_cache
from .segmentation import sentence_index, sentence_starts

_KEY = "outages.sentence_spans"


def doc_sentence_spans(doc: Doc) -> List[Tuple[int, int]]:
    """(start, end) character spans of the doc's sentences, whitespace trimmed, empty ones dropped."""
    cached = doc_cache(doc).get(_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    spans: List[Tuple[int, int]] = []
    text = doc.text
    for start, end in _sentence_bounds(doc, text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    doc_cache(doc)[_KEY] = (len(doc), spans)
    return spans


def _sentence_bounds(doc: Doc, text: str) -> List[Tuple[int, int]]:
    """The Doc's sentences; without boundaries (a component used without
    ``outages_sentencizer``), the news segmentation's."""
    if doc.has_annotation("SENT_START"):
        return [(sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [s for s in sentence_starts(text, doc.lang_ or "en") if 0 < s < len(text)]
    bounds = [0, *starts, len(text)]
    return list(zip(bounds, bounds[1:]))


def sentence_of(doc: Doc, char: int) -> int:
    """Index (into :func:`doc_sentence_spans`) of the sentence holding offset ``char``."""
    starts = [s for s, _ in doc_sentence_spans(doc)]
    return sentence_index(starts, char)
