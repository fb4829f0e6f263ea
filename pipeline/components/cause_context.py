"""``outages_cause_context``: assertion (ConText cues) and attribution of ``doc._.causes``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..causes.assertion import assertion_of
from ..causes.attribution import UNATTRIBUTED, Attributor
from ..causes.back_references import back_references, denier
from ..causes.scan import scan_doc
from ..causes.subject import subjects_of
from ..extensions import register_extensions, set_span_group


class CauseContext:
    def __init__(self, nlp: Language, name: str = "outages_cause_context", lang: str = "en") -> None:
        register_extensions()
        self.name = name
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        causes = doc._.causes
        if not causes:
            return doc
        scan = scan_doc(doc, self.lang)
        attributor = Attributor(scan, subjects_of(doc, self.lang), self.lang)
        updated = []
        for mention in causes:
            sentence = scan.sentence(mention.sentence)
            result = assertion_of(sentence, mention.start, mention.end)
            speaker = UNATTRIBUTED if result.reporter_voice else attributor.speaker_for(
                mention.sentence, mention.start, mention.end
            )
            updated.append(
                mention.model_copy(
                    update={
                        "assertion": result.assertion,
                        "cue": result.cue_text,
                        "attribution": speaker.attribution,
                        "speaker": speaker.text,
                    }
                )
            )
        doc._.causes = sorted(updated + self._denials(scan, attributor, updated), key=lambda c: (c.start, c.end))
        set_span_group(doc, "cause", doc._.causes, lambda c: c.category)
        return doc

    def _denials(self, scan, attributor: Attributor, mentions) -> list:
        """A denial pointing back at a speculated cause: a negated mention of that cause."""
        denials = []
        for ref in back_references(scan, mentions):
            referent = mentions[ref.referent]
            sentence = ref.sentence
            speaker = denier(scan, attributor, ref, self.lang)
            denials.append(
                referent.model_copy(
                    update={
                        "text": ref.text,
                        "start": ref.start,
                        "end": ref.end,
                        "sentence": sentence,
                        "assertion": "negated",
                        "cue": ref.hit.text,
                        "attribution": speaker.attribution,
                        "speaker": speaker.text,
                        "rule": ref.hit.rule.id,
                    }
                )
            )
        return denials


@Language.factory("outages_cause_context", default_config={"lang": "en"})
def make_cause_context(nlp: Language, name: str, lang: str) -> CauseContext:
    return CauseContext(nlp, name, lang)
