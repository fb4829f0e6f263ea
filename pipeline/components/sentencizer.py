"""``news_sentencizer``: sentence boundaries fit for news (see ``pipeline.segmentation``)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..segmentation import sentence_starts


class NewsSentencizer:
    """Set ``token.is_sent_start`` from the character-level news segmentation."""

    def __init__(self, nlp: Language, name: str = "news_sentencizer") -> None:
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(doc.text, self.lang)
        flags = numpy.full(len(doc), -1, dtype="int64")
        k = 0
        seen_text = False
        for token in doc:
            while k < len(starts) and starts[k] < token.idx:
                k += 1
            at_start = k < len(starts) and starts[k] == token.idx
            if token.i == 0 or (at_start and seen_text and not token.is_space):
                flags[token.i] = 1
            if not token.is_space:
                seen_text = True
        if len(doc):
            # One array write: setting token.is_sent_start one by one re-checks the
            # whole doc's annotation each time, which is quadratic in its length.
            doc.from_array([SENT_START], flags.astype("uint64"))
        return doc


@Language.factory("news_sentencizer")
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    return NewsSentencizer(nlp, name)
