"""``outages_incidents``: the outages an article reports (``doc._.incidents``).

Runs last: reads the sentences, ``doc._.timexes``, ``doc._.causes`` and
``doc._.reference_date``; writes ``doc._.incidents`` and sets each cause
mention's ``incident``. See ``pipeline.incidents``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_list, register_extensions
from ..incidents import assemble_incidents
from ..incidents.services import doc_analysis


class IncidentAssembler:
    def __init__(self, nlp: Language, name: str = "outages_incidents") -> None:
        register_extensions()
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        article, evidence, service = doc_analysis(doc)
        causes = doc_list(doc, "causes")
        reference = doc._.reference_date.date if doc._.reference_date is not None else None
        result = assemble_incidents(article, doc_list(doc, "timexes"), causes, reference, list(evidence), service)
        for i, incident_id in enumerate(result.cause_incident):
            if causes[i].incident != incident_id:
                causes[i] = causes[i].model_copy(update={"incident": incident_id})
        doc._.incidents = result.incidents
        return doc


@Language.factory("outages_incidents")
def make_incident_assembler(nlp: Language, name: str) -> IncidentAssembler:
    return IncidentAssembler(nlp, name)
