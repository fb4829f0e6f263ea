"""``timex_tagger``: temporal expressions (``doc._.timexes``) and the resolved reference date.

Match (one compiled pass of the rules in ``resources/<lang>/temporal/``), then set
annotations: ``doc._.timexes`` (``models.Timex``, ids t1.. in text order) and
``doc._.reference_date`` when it was unknown and the text gives one (a dateline
or inference). Without any reference date the values stay underspecified and a
warning says so.

With ``dateparser_fallback`` on (config; off by default), a value the rules left
underspecified although the reference date is known goes to
``temporal/fallback.py``; ``fallback_counts`` counts the tries and the values kept.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from models import ReferenceDate

from ..extensions import add_warning
from ..spans import doc_sentence_spans
from ..temporal.rules import load_rules
from ..temporal.tagger import tag


class TimexTagger:
    def __init__(self, nlp: Language, name: str = "timex_tagger", dateparser_fallback: bool = False) -> None:
        self.name = name
        self.lang = nlp.lang
        self.dateparser_fallback = dateparser_fallback
        self.fallback_counts: Counter = Counter()  # "tried", "kept"
        load_rules(self.lang)  # compile once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.reference_date or ReferenceDate()
        result = tag(doc.text, reference, sentences=doc_sentence_spans(doc), lang=self.lang)
        doc._.timexes = result.timexes
        if self.dateparser_fallback and result.reference.date:
            doc._.timexes = self._fallback(result.timexes, dt.date.fromisoformat(result.reference.date))
        doc._.reference_date = result.reference
        for message in result.warnings:
            add_warning(doc, message)
        return doc

    def _fallback(self, timexes, reference: dt.date):
        from ..temporal.fallback import fallback_value, is_underspecified

        out = []
        for timex in timexes:
            if timex.type in ("DATE", "TIME") and timex.timezone is None and is_underspecified(timex.value):
                self.fallback_counts["tried"] += 1
                value = fallback_value(timex.text, timex.value, reference)
                if value is not None:
                    self.fallback_counts["kept"] += 1
                    timex = timex.model_copy(update={"value": value})
            out.append(timex)
        return out


@Language.factory("timex_tagger", default_config={"dateparser_fallback": False})
def make_timex_tagger(nlp: Language, name: str, dateparser_fallback: bool) -> TimexTagger:
    return TimexTagger(nlp, name, dateparser_fallback)
