"""From frames, timexes and cause mentions to the article's incident records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Dict, List, Optional, Sequence, Tuple

from models import CauseMention, Incident, Timex

from .affected import affected
from .article import Article
from .cause import resolve_cause
from .cues import SentenceCues, carries_date, sentence_cues
from .frames import Frame, build_frames
from .roles import TimexRole, classify
from .segment import Draft, Segmentation, segment
from .services import ServiceEvidence, find_evidence, main_service, same_service, service_key
from .status import incident_status
from .timepoints import DateValue, Moment, clock_value, date_value, derived_duration, moment, part_of_day, stated_duration

TIMED_ROLES = ("start", "end", "duration", "observed")
PAST_GAP_DAYS = 1
STAFF_GAP = 3


@dataclass
class Assembly:
    incidents: List[Incident]
    cause_incident: List[Optional[str]]
    """incident id of each cause mention (by index), None when it is about no outage"""


class Assembler:
    def __init__(
        self,
        article: Article,
        timexes: Sequence[Timex],
        causes: Sequence[CauseMention],
        reference: Optional[str],
        service: Optional[str],
        evidence: Sequence[ServiceEvidence],
    ) -> None:
        self.article = article
        self.evidence = list(evidence)
        self.service = service
        self.timexes = list(timexes)
        self.causes = list(causes)
        self.discourse: List[SentenceCues] = sentence_cues(article)
        self.frames: List[Frame] = build_frames(
            article, evidence, self.discourse, service_key(service, article.lang) if service else None
        )
        self.frames_in: Dict[int, List[Frame]] = {}
        for frame in self.frames:
            self.frames_in.setdefault(frame.sentence, []).append(frame)
        self.roles: Dict[str, TimexRole] = classify(article, self.timexes)
        self.seg: Segmentation = segment(
            article, self.frames, self.discourse, self.timexes, self.roles, service, reference
        )

    # ------------------------------------------------------------ ownership

    def linked(self, sentence: int, char: int) -> List[Draft]:
        """Every incident a statement at ``char`` is about: its owner, and other services' outages
        its clause names when it has no outage mention of its own."""
        owner = self.owner(sentence, char)
        drafts = [owner] if owner is not None else []
        clause = self.discourse[sentence].clause_of(char)
        if not any(f.clause == clause for f in self.frames_in.get(sentence, ())):
            drafts += [d for d in self.seg.clause_extra.get((sentence, clause), []) if d not in drafts]
        return drafts

    def owner(self, sentence: int, char: int) -> Optional[Draft]:
        """The incident a word at ``char`` belongs to: the nearest frame's, else its clause's."""
        cues = self.discourse[sentence]
        clause = cues.clause_of(char)
        frames = self.frames_in.get(sentence, [])
        same = [f for f in frames if f.clause == clause] or frames
        if same:
            nearest = min(same, key=lambda f: f.distance(char, char))
            return self.seg.draft_of(nearest)
        return self.seg.clause_topic.get((sentence, clause))

    def owned_timexes(self, draft: Draft) -> List[Timex]:
        return [t for t in self.timexes if self.timex_owner.get(t.id) is draft]

    @cached_property
    def timex_owner(self) -> Dict[str, Optional[Draft]]:
        """Each timex's incident: its owner, for timexes in a sentence with an outage mention or
        with a timed role (a timex of neither kind belongs to no incident)."""
        owners: Dict[str, Optional[Draft]] = {}
        for t in self.timexes:
            if t.sentence not in self.frames_in and self.roles[t.id].role not in TIMED_ROLES:
                continue
            owners[t.id] = self.owner(t.sentence, t.start)
        return owners

    # ---------------------------------------------------------------- times

    def incident_dates(self, draft: Draft, owned: Sequence[Timex]) -> Tuple[Optional[DateValue], Optional[DateValue]]:
        """(first, last) date of the incident: its most precise dates compatible with its defining
        date (a related incident) or inside the main window (the main one)."""
        anchor = draft.date if draft.date is not None else (self.seg.main_date if draft.role == "main" else None)
        values: List[DateValue] = []
        for t in owned:
            if t.type not in ("DATE", "TIME") or self.roles[t.id].role == "none" or not carries_date(t, self.article.lang, self.roles):
                continue
            value = date_value(t.value)
            if value is None:
                continue
            if draft.date is not None and not draft.date.compatible(value):
                continue
            if draft.date is None and draft.role == "main" and not self._in_window(value):
                continue
            values.append(value)
        if not values:
            return anchor, anchor
        best = max(len(v.text) for v in values)
        if anchor is not None and len(anchor.text) > best:
            return anchor, anchor
        precise = sorted(v.text for v in values if len(v.text) == best)
        first = next(v for v in values if v.text == precise[0])
        last = next(v for v in values if v.text == precise[-1])
        return first, last

    def _in_window(self, value: DateValue) -> bool:
        low, high = self.seg.window
        if low is None or value.precision != "day":
            return True
        return low <= value.day <= high

    def moment_of(self, t: Timex, date: Optional[DateValue], zone_from: Optional[Timex]) -> Optional[Moment]:
        explicit = carries_date(t, self.article.lang, self.roles)
        override = None if explicit else date
        return moment(t, self.roles[t.id].approximate, override, zone_from, explicit)

    def times(self, draft: Draft, owned: Sequence[Timex]):
        first, last = self.incident_dates(draft, owned)
        by_role: Dict[str, List[Timex]] = {}
        for t in owned:
            by_role.setdefault(self.roles[t.id].role, []).append(t)
        zoned = [t for t in owned if t.type == "TIME" and t.timezone is not None]

        def zone_for(t: Timex) -> Optional[Timex]:
            if t.timezone is not None or not zoned:
                return None
            return min(zoned, key=lambda z: abs(z.start - t.start))

        def pick(candidates: Sequence[Timex], date: Optional[DateValue], same_day: bool) -> Optional[Moment]:
            # a clock time before a part of day ("on Tuesday morning ... began at 06:27 UTC"), before a date
            ordered = sorted(candidates, key=lambda t: (t.type != "TIME", clock_value(t.value) is None, t.start))
            for t in ordered:
                m = self.moment_of(t, date, zone_for(t))
                if m is None:
                    continue
                if not same_day or date is None or t.type == "TIME" or date_value(m.value).compatible(date):
                    return m
            return None

        start = pick(by_role.get("start", []), first, same_day=True)
        if start is None and first is not None:
            # the incident's first date, as dated by an outage mention (not by a status or report)
            outage_sentences = {f.sentence for f in draft.frames if f.source != "status"}
            sources = [
                t for t in owned
                if t.sentence in outage_sentences and date_value(t.value) == first and self.roles[t.id].role != "none"
            ]
            if sources or draft.role == "related":
                source = sources[0] if sources else None
                value = part_of_day(source.value) if source is not None else None
                start = Moment(value or first.text, source.id if source else None, False)
        end = pick(by_role.get("end", []), last, same_day=False)
        duration, implies = None, None
        # a duration whose cue says the outage is over ("lasted") before a bare "for"
        for t in sorted(by_role.get("duration", []), key=lambda t: (self.roles[t.id].implies is None, t.start)):
            duration = stated_duration(t)
            if duration is not None:
                implies = self.roles[t.id].implies
                break
        if duration is None:
            duration = derived_duration(start, end)
        return start, end, duration, implies, first

    # ---------------------------------------------------------------- build

    def ordered_drafts(self) -> List[Draft]:
        main = [d for d in self.seg.drafts if d.role == "main"]
        related = sorted((d for d in self.seg.drafts if d.role == "related"), key=lambda d: d.first)
        return main + related

    def assemble(self) -> Assembly:
        drafts = self.ordered_drafts()
        ids = {id(d): f"e{i + 1}" for i, d in enumerate(drafts)}
        cause_links: List[List[Draft]] = [self.linked(c.sentence, c.start) for c in self.causes]
        incidents = []
        for draft in drafts:
            incidents.append(self.incident(draft, ids[id(draft)], cause_links))
        cause_ids = [ids.get(id(links[0])) if links else None for links in cause_links]
        return Assembly(incidents, cause_ids)

    def incident(self, draft: Draft, incident_id: str, cause_links: Sequence[List[Draft]]) -> Incident:
        owned = self.owned_timexes(draft)
        start, end, duration, implies, date = self.times(draft, owned)
        mentions = [(i, self.as_seen_by(c, draft)) for i, c in enumerate(self.causes) if draft in cause_links[i]]
        verdict = resolve_cause(mentions)
        # an outage days before the main one is over by now (one the same day or the day before may not be)
        past = draft.role == "related" and self._before_main(date)
        status = incident_status(draft.frames, self.discourse, end is not None, implies, past)
        if status == "ongoing":
            # an outage still under way has no end yet, and no final duration
            end = None
            if duration is not None and (duration.basis == "derived" or implies != "ongoing"):
                duration = None
        sentences = set(draft.sentences)
        sentences.update(c.sentence for _, c in mentions)
        sentences.update(t.sentence for t in owned if self.roles[t.id].role in TIMED_ROLES)

        def owns(sentence: int, char: int) -> bool:
            return self.owner(sentence, char) is draft

        return Incident(
            id=incident_id,
            role=draft.role,
            service=draft.service,
            start=start.point() if start else None,
            end=end.point() if end else None,
            duration=duration,
            status=status,
            cause=verdict.cause,
            ruled_out=verdict.ruled_out,
            speculated=verdict.speculated,
            affected=affected(self.article, {f.sentence for f in draft.frames}, owns),
            sentences=sorted(sentences),
        )

    def as_seen_by(self, mention: CauseMention, draft: Draft) -> CauseMention:
        """The mention with its attribution relative to this incident's service: Telegram's founder
        speaks officially for Telegram's outage, the main service's staff do not for another's."""
        speaker = mention.speaker
        if not speaker or not draft.service or draft.service == self.service:
            return mention
        if self.speaks_for(mention, draft.service):
            return mention if mention.attribution == "official" else mention.model_copy(update={"attribution": "official"})
        if mention.attribution == "official" and same_service(speaker, self.service, self.article.lang):
            return mention.model_copy(update={"attribution": "third_party"})
        return mention

    def speaks_for(self, mention: CauseMention, service: str) -> bool:
        """The speaker is the service, or its staff named with it ("Telegram founder Pavel Durov")."""
        if same_service(mention.speaker, service, self.article.lang):
            return True
        start, end = self.article.sentences[mention.sentence]
        position = self.article.text.find(mention.speaker, start, end)
        if position < 0:
            return False
        return any(
            e.rule == "svc.staff" and e.sentence == mention.sentence and 0 <= position - e.context_end <= STAFF_GAP
            and same_service(e.name, service, self.article.lang)
            for e in self.evidence
        )

    def seg_key(self) -> Optional[str]:
        main = self.seg.main
        return main.key if main is not None else None

    def _before_main(self, date: Optional[DateValue]) -> bool:
        low, _ = self.seg.window
        if date is None or low is None:
            return False
        try:
            bound = (low - dt.timedelta(days=PAST_GAP_DAYS)).isoformat()
        except OverflowError:  # a window opening in year 1: nothing is before it
            return False
        return date.text < bound[: len(date.text)]


def assemble_incidents(
    article: Article,
    timexes: Sequence[Timex],
    causes: Sequence[CauseMention],
    reference: Optional[str],
    evidence: Optional[Sequence[ServiceEvidence]] = None,
    service: Optional[str] = None,
) -> Assembly:
    """The incidents of an article, and the incident each cause mention is about."""
    if evidence is None:
        evidence = find_evidence(article)
        service = main_service(article, evidence)
    return Assembler(article, timexes, causes, reference, service, evidence).assemble()

