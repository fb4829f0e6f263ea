"""Build docs whose upstream annotations (timexes, causes) are set by hand, then assemble incidents."""
from __future__ import annotations

from typing import List, Optional, Sequence

from models import CauseMention, MinuteRange, ReferenceDate, Timex, Timezone

ZONES = {
    "ET": "America/New_York", "EDT": "America/New_York", "Eastern": "America/New_York",
    "PT": "America/Los_Angeles", "CT": "America/Chicago", "GMT": "Europe/London", "BST": "Europe/London",
    "UTC": "UTC", "IST": "Asia/Kolkata", "AEST": "Australia/Sydney",
}


def find(text: str, phrase: str, occurrence: int = 1) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(phrase, pos + 1)
        if pos < 0:
            raise ValueError(f"{phrase!r} not found {occurrence} time(s)")
    return pos


class Builder:
    """Collects hand-made timexes and cause mentions for one text."""

    def __init__(self, nlp, text: str, reference: Optional[str] = None) -> None:
        from pipeline.spans import sentence_of

        self.nlp = nlp
        self.text = text
        self.reference = reference
        self.doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "outages_sentencizer":
                self.doc = proc(self.doc)
        self._sentence_of = lambda char: sentence_of(self.doc, char)
        self.timexes: List[Timex] = []
        self.causes: List[CauseMention] = []

    def timex(self, phrase: str, type_: str, value: str, occurrence: int = 1, zone: Optional[str] = None,
              offset: Optional[str] = None, minutes: Optional[Sequence[float]] = None, mod: Optional[str] = None,
              anchor: Optional[str] = "reference_date") -> "Builder":
        start = find(self.text, phrase, occurrence)
        timezone, instant = None, None
        if zone:
            iana = ZONES[zone]
            timezone = Timezone(text=zone, iana=iana, utc_offset=offset)
            if type_ == "TIME":
                instant = f"{value}:00{offset}"
        self.timexes.append(Timex(
            id="t0", text=phrase, start=start, end=start + len(phrase), sentence=self._sentence_of(start),
            type=type_, value=value, mod=mod, timezone=timezone, instant=instant,
            minutes=MinuteRange(min=minutes[0], max=minutes[1]) if minutes else None,
            anchor=anchor, rule="test.hand",
        ))
        return self

    def cause(self, phrase: str, category: str, assertion: str = "affirmed", attribution: str = "unattributed",
              speaker: Optional[str] = None, cue: Optional[str] = None, occurrence: int = 1) -> "Builder":
        start = find(self.text, phrase, occurrence)
        self.causes.append(CauseMention(
            category=category, assertion=assertion, attribution=attribution, speaker=speaker,
            text=phrase, start=start, end=start + len(phrase), sentence=self._sentence_of(start),
            cue=cue, rule="test.hand",
        ))
        return self

    def run(self):
        """Run the whole pipeline, then re-assemble with the hand-made annotations."""
        doc = self.nlp(self.doc)
        timexes = sorted(self.timexes, key=lambda t: t.start)
        doc._.timexes = [t.model_copy(update={"id": f"t{i + 1}"}) for i, t in enumerate(timexes)]
        doc._.causes = sorted(self.causes, key=lambda c: c.start)
        doc._.reference_date = ReferenceDate(date=self.reference, source="given" if self.reference else "none")
        return self.nlp.get_pipe("outages_incidents")(doc)


def incidents(doc):
    return doc._.incidents


def main_of(doc):
    mains = [i for i in doc._.incidents if i.role == "main"]
    assert len(mains) == 1, [i.model_dump() for i in doc._.incidents]
    return mains[0]


def extracted_main(text: str, reference: Optional[str] = None):
    """The main incident of ``text`` run through the whole pipeline (``pipeline.extract``)."""
    from pipeline import extract

    mains = [i for i in extract(text, reference_date=reference).incidents if i.role == "main"]
    assert mains, f"no main incident in {text!r}"
    return mains[0]


def related(doc):
    return [i for i in doc._.incidents if i.role == "related"]
