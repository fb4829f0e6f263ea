"""``outages_causes``: cause phrases in outage-causation context -> ``doc._.causes``.

Mentions are created affirmed and unattributed; ``outages_cause_context`` sets their
assertion, cue, attribution and speaker. ``incident`` is left to incident assembly.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from models import CauseMention

from ..causes.phrases import document_causes
from ..causes.scan import scan_doc
from ..extensions import doc_list, register_extensions, set_span_group
from ..spans import sentence_of


class CauseTagger:
    def __init__(self, nlp: Language, name: str = "outages_causes", lang: str = "en") -> None:
        register_extensions()
        self.name = name
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        scan = scan_doc(doc, self.lang)
        causes = doc_list(doc, "causes")
        for phrase in document_causes(scan, self.lang):
            causes.append(
                CauseMention(
                    text=phrase.text,
                    start=phrase.start,
                    end=phrase.end,
                    sentence=sentence_of(doc, phrase.start),
                    category=phrase.category,
                    assertion="affirmed",
                    attribution="unattributed",
                    rule=phrase.rule_id,
                )
            )
        causes.sort(key=lambda c: (c.start, c.end))
        set_span_group(doc, "cause", causes, lambda c: c.category)
        return doc


@Language.factory("outages_causes", default_config={"lang": "en"})
def make_cause_tagger(nlp: Language, name: str, lang: str) -> CauseTagger:
    return CauseTagger(nlp, name, lang)
