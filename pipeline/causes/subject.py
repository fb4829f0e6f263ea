"""The companies an article's outage hit, for attribution.

"The company said" is official when the affected company speaks. Service
detection belongs to incident assembly (:mod:`pipeline.incidents.services`);
this module only adapts its evidence (every name standing in an outage
context, the main service first) to the questions attribution asks: which
affected company a text names, and which one a pronoun stands for.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from spacy.tokens import Doc


#: evidence kind of a name standing in an outage context ("X went down",
#: "outage at X"); names seen only as speakers or owners are not affected.
OUTAGE_EVIDENCE = "outage"


@dataclass(frozen=True)
class Subjects:
    """Affected company names, the main service first."""

    names: Tuple[str, ...]
    lang: str = "en"

    @property
    def main(self) -> Optional[str]:
        return self.names[0] if self.names else None

    def mentioned_in(self, text: str) -> Optional[str]:
        """The affected company named in ``text`` (as a whole word), if any."""
        found = self.first_mentioned_in(text)
        if found is not None:
            return found
        from ..incidents.services import same_service

        for name in self.names:
            if same_service(text, name, self.lang):
                return name
        return None

    def first_mentioned_in(self, text: str) -> Optional[str]:
        """The affected company named first in ``text`` (a sentence's subject), if any."""
        best, best_at = None, len(text) + 1
        for name in self.names:
            at = _word_at(text, name)
            if 0 <= at < best_at:
                best, best_at = name, at
        return best


def _word_at(text: str, word: str) -> int:
    """Offset of the first occurrence of ``word`` in ``text`` not inside a longer word, or -1."""
    lowered, key = text.lower(), word.lower()
    at, n = lowered.find(key), len(key)
    while at >= 0:
        before = lowered[at - 1] if at > 0 else " "
        after = lowered[at + n] if at + n < len(lowered) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = lowered.find(key, at + n)
    return -1


def subjects_from(main: Optional[str], evidence_names: Sequence[Tuple[str, float]], lang: str = "en") -> Subjects:
    """Main service first, then the other names in outage contexts by total weight."""
    weights: Dict[str, float] = {}
    for name, weight in evidence_names:
        weights[name] = weights.get(name, 0.0) + weight
    others = sorted((n for n in weights if n != main), key=lambda n: -weights[n])
    names = ([main] if main else []) + others
    return Subjects(tuple(names), lang)


def subjects_of(doc: Doc, lang: str = "en") -> Subjects:
    """The affected companies of a processed ``Doc`` (cached by the service detector)."""
    from ..incidents.services import service_evidence, speaking_owner

    main, evidence = service_evidence(doc)
    outages = [(ev.name, ev.weight) for ev in evidence if ev.kind == OUTAGE_EVIDENCE]
    owner = speaking_owner(doc)
    if owner is not None:
        # the company telling of its product's outage speaks for it
        outages.append((owner, 0.0))
    return subjects_from(main, outages, lang)
