"""``outages_sentencizer``: sentence boundaries fit for news (see ``pipeline.segmentation``)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..segmentation import sentence_starts


class NewsSentencizer:
    """Set ``token.is_sent_start`` from the character-level news segmentation."""

    def __init__(self, nlp: Language, name: str = "outages_sentencizer") -> None:
        register_extensions()
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(doc.text, self.lang)
        _split_tokens_at(doc, starts)
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


def _split_tokens_at(doc: Doc, starts) -> None:
    """Split every token a sentence starts inside ("computer.”Sheppard" when a space is
    missing), so that the Doc's sentences are the segmentation's."""
    cuts = {}
    k = 0
    for token in doc:
        end = token.idx + len(token.text)
        while k < len(starts) and starts[k] <= token.idx:
            k += 1
        while k < len(starts) and starts[k] < end:
            cuts.setdefault(token.i, []).append(starts[k] - token.idx)
            k += 1
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            bounds = [0, *offsets, len(token.text)]
            pieces = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


@Language.factory("outages_sentencizer")
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    return NewsSentencizer(nlp, name)
