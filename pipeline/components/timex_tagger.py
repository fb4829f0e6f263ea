"""``timex_tagger``: temporal expressions (``doc._.timexes``) and the resolved reference date.

Match (one compiled pass of the rules in ``resources/<lang>/temporal/``), then set
annotations: ``doc._.timexes`` (``models.Timex``, ids t1.. in text order) and
``doc._.reference_date`` when it was unknown and the text gives one (a dateline
or inference). Without any reference date the values stay underspecified and a
warning says so.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from models import ReferenceDate

from ..extensions import add_warning
from ..spans import doc_sentence_spans
from ..temporal.rules import load_rules
from ..temporal.tagger import tag


class TimexTagger:
    def __init__(self, nlp: Language, name: str = "timex_tagger") -> None:
        self.name = name
        self.lang = nlp.lang
        load_rules(self.lang)  # compile once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.reference_date or ReferenceDate()
        result = tag(doc.text, reference, sentences=doc_sentence_spans(doc), lang=self.lang)
        doc._.timexes = result.timexes
        doc._.reference_date = result.reference
        for message in result.warnings:
            add_warning(doc, message)
        return doc


@Language.factory("timex_tagger")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
