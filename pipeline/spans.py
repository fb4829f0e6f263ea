"""Sentence spans of a processed ``Doc`` and the sentence index of a character."""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Doc

from .segmentation import sentence_index

_KEY = "outages.sentence_spans"


def doc_sentence_spans(doc: Doc) -> List[Tuple[int, int]]:
    """(start, end) character spans of the doc's sentences, whitespace trimmed, empty ones dropped."""
    cached = doc.user_data.get(_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    spans: List[Tuple[int, int]] = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    doc.user_data[_KEY] = (len(doc), spans)
    return spans


def sentence_of(doc: Doc, char: int) -> int:
    """Index (into :func:`doc_sentence_spans`) of the sentence holding offset ``char``."""
    starts = [s for s, _ in doc_sentence_spans(doc)]
    return sentence_index(starts, char)
