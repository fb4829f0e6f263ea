"""``outages_timex``: temporal expressions (``doc._.timexes``) and the resolved reference date.

Match (one compiled pass of the rules in ``resources/<lang>/temporal/``), then set
annotations: ``doc._.timexes`` (``models.Timex``, ids t1.. in text order) and
``doc._.reference_date`` when it was unknown and the text gives one (a dateline
or inference), and ``doc.spans["timex"]`` (label: the type). The reference
date known beforehand comes from ``doc._.reference_date`` (a ``models.ReferenceDate``
or a ``YYYY-MM-DD`` string) or, through ``nlp.pipe(..., as_tuples=True)``, from a
context dict with ``"reference_date"`` (given) or ``"published"`` (metadata). Without any reference date the values stay underspecified and a
warning says so.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from models import ReferenceDate

from ..extensions import add_warning, register_extensions, set_span_group
from ..spans import doc_sentence_spans
from ..temporal.rules import load_rules
from ..temporal.tagger import tag


class TimexTagger:
    def __init__(self, nlp: Language, name: str = "outages_timex") -> None:
        register_extensions()
        self.name = name
        self.lang = nlp.lang
        load_rules(self.lang)  # compile once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        reference = known_reference_date(doc)
        result = tag(doc.text, reference, sentences=doc_sentence_spans(doc), lang=self.lang)
        doc._.timexes = result.timexes
        doc._.reference_date = result.reference
        set_span_group(doc, "timex", result.timexes, lambda t: t.type)
        for message in result.warnings:
            add_warning(doc, message)
        return doc


def known_reference_date(doc: Doc) -> ReferenceDate:
    """The reference date given with ``doc``: ``doc._.reference_date``, else the
    ``nlp.pipe(..., as_tuples=True)`` context's ``reference_date`` / ``published``."""
    from ..extraction import initial_reference_date

    value = doc._.reference_date
    if isinstance(value, ReferenceDate):
        return value
    if value:
        return initial_reference_date(str(value), None)
    context = getattr(doc, "_context", None)
    if isinstance(context, dict):
        given, published = context.get("reference_date"), context.get("published")
        if given or published:
            return initial_reference_date(
                str(given) if given else None, str(published) if published else None
            )
    return ReferenceDate()


@Language.factory("outages_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
