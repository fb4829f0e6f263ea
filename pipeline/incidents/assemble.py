"""From frames, timexes and cause mentions to the article's incident records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Dict, List, Optional, Sequence, Tuple

from models import CauseMention, Duration, Incident, Timex

from .affected import affected
from .article import Article
from .cause import resolve_cause
from .cues import SentenceCues, carries_date, sentence_cues
from .frames import Frame, build_frames
from .place_zones import LentZone, place_zone
from .roles import TimexRole, classify
from .segment import Draft, Segmentation, segment
from .services import ServiceEvidence, find_evidence, main_service, same_service, service_key
from .status import incident_status
from .timepoints import DateValue, Moment, clock_value, date_value, derived_duration, moment, part_of_day, stated_duration

TIMED_ROLES = ("start", "end", "duration", "observed")
PAST_GAP_DAYS = 1
WINDOW_DAYS = 7
ONGOING_SAME_DAY_MINUTES = 12 * 60
#: duration cues that may measure a part of the outage ("could not broadcast for hours")
#: how many body sentences a text may have to count as a short summary of one failure
SHORT_TEXT_SENTENCES = 3
LOOSE_DURATION_RULES = frozenset({"duration.for", "duration.over", "duration.took"})
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
        self.reference_day = dt.date.fromisoformat(reference) if reference else None
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

    @cached_property
    def zoned_asides(self) -> Dict[str, Timex]:
        """timex id -> the zoned clock time that restates it ("0930 local time (0630 GMT)")."""
        ordered = sorted(self.timexes, key=lambda t: t.start)
        found: Dict[str, Timex] = {}
        for t, u in zip(ordered, ordered[1:]):
            if (
                t.type == "TIME" and u.type == "TIME" and t.timezone is None and u.timezone is not None
                and t.sentence == u.sentence and self.roles[u.id].rule == "range.aside"
                and clock_value(u.value) is not None
            ):
                found[t.id] = u
        return found

    def moment_of(self, t: Timex, date: Optional[DateValue], zone_from: Optional[Timex]) -> Optional[Moment]:
        aside = self.zoned_asides.get(t.id)
        if aside is not None:  # a local time told again with its zone: the zoned one is exact
            moment_ = moment(aside, self.roles[t.id].approximate, None, None, True)
            if moment_ is not None:
                return Moment(moment_.value, t.id, moment_.approximate, moment_.clock, moment_.explicit_date)
        explicit = carries_date(t, self.article.lang, self.roles)
        override = None if explicit else date
        return moment(t, self.roles[t.id].approximate, override, zone_from, explicit)

    def times(self, draft: Draft, owned: Sequence[Timex]):
        first, last = self.incident_dates(draft, owned)
        by_role: Dict[str, List[Timex]] = {}
        for t in owned:
            by_role.setdefault(self.roles[t.id].role, []).append(t)
        zoned = [t for t in owned if t.type == "TIME" and t.timezone is not None]

        def zone_for(t: Timex):
            if t.timezone is not None:
                return None
            if not zoned:
                return self.article_zone
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
        if start is None or start.clock is None:
            start = self.clock_candidate(draft, owned, first, zone_for) or start
        if start is None and first is not None:
            # the incident's first date, as dated by an outage mention (not by a status or report)
            outage_sentences = {f.sentence for f in draft.frames if f.source != "status"}
            sources = [
                t for t in owned
                if t.sentence in outage_sentences and date_value(t.value) == first and self.roles[t.id].role != "none"
            ]
            if not sources and draft.role == "main":
                start = self.undated_main_start(first)
            elif sources or draft.role == "related":
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
        elif start is None and draft.role == "main" and self.reference_day is not None:
            start = self.ongoing_since_today(duration, implies)
        return start, end, duration, implies, first

    @cached_property
    def article_zone(self) -> Optional[LentZone]:
        """The zone of clock times written without one: the article's own, when all its zoned
        times agree, else the one zone of the places it names (``place_zones.json``)."""
        zones = {t.timezone.iana or t.timezone.utc_offset: t.timezone for t in self.timexes if t.timezone is not None}
        if len(zones) == 1:
            return LentZone(next(iter(zones.values())))
        if zones:
            return None
        zone = place_zone(self.article.text, self.article.lang)
        return LentZone(zone) if zone is not None else None

    def undated_main_start(self, first: DateValue) -> Optional[Moment]:
        """The day of a main outage that no outage sentence dates: the earliest day the article
        names within a week before the story (not a report time, a dateline, a time of repair work,
        nor the day of another outage it tells), else the main date (the story's own day when nothing else dates it)."""
        reference = self.reference_day
        other_days = {d.date.text for d in self.seg.drafts if d.role != "main" and d.date is not None}
        days = []
        for t in self.timexes:
            value = date_value(t.value) if t.type in ("DATE", "TIME") else None
            if value is None or value.precision != "day" or self.roles[t.id].role == "none":
                continue
            owner = self.timex_owner.get(t.id)
            if owner is not None and owner.role != "main":
                continue
            if reference is not None and not (0 <= (reference - value.day).days <= WINDOW_DAYS):
                continue
            if value.text in other_days:  # the day of another outage the article tells
                continue
            frames = self.frames_in.get(t.sentence, ())
            if frames and all(f.source == "status" for f in frames):  # "working this morning to restore"
                continue
            days.append((value.text, t.start, t))
        if days:
            text, _, t = min(days)
            return Moment(text, t.id, False)
        return None

    def ongoing_since_today(self, duration: Duration, implies: Optional[str]) -> Optional[Moment]:
        """An outage the story tells as going on for less than a day ("has been down for more than
        an hour") began on the story's day."""
        if implies != "ongoing" or duration.minutes.max >= ONGOING_SAME_DAY_MINUTES:
            return None
        return Moment(self.reference_day.isoformat(), None, False)

    def clock_candidate(self, draft: Draft, owned: Sequence[Timex], first: Optional[DateValue], zone_for) -> Optional[Moment]:
        """The start when no cue names one: the earliest clock time that no cue claims (no end,
        observation or report time) in a sentence that reports this outage, on its first day
        ("At 4.12am PT, the bank suffered ...", "the app went dark at 10:40 a.m. GMT")."""
        outage_sentences = {f.sentence for f in draft.frames if f.source != "status"}
        found: List[Moment] = []
        for t in owned:
            if t.type != "TIME" or t.sentence not in outage_sentences or clock_value(t.value) is None:
                continue
            if self.roles[t.id].role != "context":
                continue
            m = self.moment_of(t, first, zone_for(t))
            if m is None or m.clock is None or m.clock.tzinfo is None:
                continue
            if first is not None and first.precision == "day" and not date_value(m.value).compatible(first):
                continue
            found.append(m)
        return min(found, key=lambda m: m.clock) if found else None

    # ---------------------------------------------------------------- build

    def ordered_drafts(self) -> List[Draft]:
        main = [d for d in self.seg.drafts if d.role == "main"]
        related = sorted((d for d in self.seg.drafts if d.role == "related"), key=lambda d: d.first)
        return main + related

    def short_text_draft(self) -> Optional[Draft]:
        """A text of a few sentences that tells what failed ("A bad firewall rule blocked the
        forum for an hour.") is about an outage even when no outage cue names one: its main
        incident is the clauses of its cause mentions (not when every cause is denied, nor when
        no sentence of theirs says something failed)."""
        if self.seg.drafts or not self.causes:
            return None
        body = [i for i, heading in enumerate(self.article.headings) if not heading]
        if len(body) > SHORT_TEXT_SENTENCES:
            return None
        told = [c for c in self.causes if c.assertion in ("affirmed", "possible")]
        if not told or not self.speaks_of_outage({c.sentence for c in told}):
            return None  # a data theft that took nothing offline is no outage
        key = service_key(self.service, self.article.lang) if self.service else None
        draft = Draft("main", self.service, key)
        for mention in told:
            draft.sentences.add(mention.sentence)
            draft.first = min(draft.first, mention.start)
        for sentence in draft.sentences:
            for clause in range(len(self.discourse[sentence].clause_starts)):
                self.seg.clause_topic[(sentence, clause)] = draft
        self.seg.drafts.append(draft)
        self.seg.main = draft
        return draft

    def speaks_of_outage(self, sentences) -> bool:
        """Whether one of the sentences says something went down or failed (the cause tagger's
        outage terms, ``causes/outage_terms.json``)."""
        from ..causes.heads import fold
        from ..causes.patterns import outage_term_rule_set

        windows = [self.article.sentences[s] for s in sorted(sentences)]
        found = outage_term_rule_set(self.article.lang).scan(self.article.text, windows, folded=fold(self.article.text))
        return any(True for _ in found)

    def assemble(self) -> Assembly:
        self.short_text_draft()
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
            # an outage still under way has no end yet, and no derived duration; a duration the
            # text states as the outage's length stays ("a two-hour outage", "lasted 40 minutes")
            end = None
            if duration is not None and not self.names_the_length(duration, implies):
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

    def names_the_length(self, duration: Duration, implies: Optional[str]) -> bool:
        """Whether a duration is the outage's length as the text states it (a cue saying the outage
        lasted, or has been going on, so long), not a bare "for hours" that may measure a part."""
        if duration.basis != "stated" or duration.timex is None:
            return False
        return implies is not None or self.roles[duration.timex].rule not in LOOSE_DURATION_RULES

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

