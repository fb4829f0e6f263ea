"""Incident segmentation: which outage each frame and clause of an article speaks of.

The article is read clause by clause, in order. A frame goes to

1. a *related* incident of another service when its own context names one
   ("while Facebook experienced access problems": a parallel outage);
2. by its date, when it has one: the *main* incident when the date lies in the
   main incident's window (a day either side of the main date) and no recall
   cue ("previously", "also occurred", "back in") says otherwise; else the
   related incident of that service and date (a new one if none matches);
3. a new related incident when a recall cue introduces it without a date;
4. the incident the discourse is on: after an anaphora cue ("at that time",
   "that issue"), or while a paragraph goes on about a related outage without
   turning to the present ("currently", "this outage");
5. else the main incident.

Clauses without frames do not create incidents; they take the incident the
discourse is on (used to attach cause statements). A date outside the main
window that matches no incident puts the discourse "elsewhere" (an earlier hack,
an old story) until a heading, a present cue or an outage mention ends it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from models import Timex

from .article import Article
from .cues import SentenceCues, carries_date
from .frames import Frame
from .roles import TimexRole, dated
from .services import service_key
from .timepoints import DateValue, date_value

WINDOW_DAYS = 1
NEAR_REFERENCE_DAYS = 7
MAIN = "main"
"""clause topic: the main incident, whether or not a frame has created it yet"""


@dataclass(eq=False)
class Draft:
    """An incident being assembled."""

    role: str
    service: Optional[str]
    key: Optional[str]
    date: Optional[DateValue] = None
    recalled: bool = False
    frames: List[Frame] = field(default_factory=list)
    sentences: Set[int] = field(default_factory=set)
    first: int = 1 << 30


@dataclass
class Segmentation:
    drafts: List[Draft]
    main: Optional[Draft]
    main_date: Optional[DateValue]
    frame_draft: Dict[Tuple[int, int, str], Draft]
    clause_topic: Dict[Tuple[int, int], Optional[Draft]]
    """(sentence, clause) -> incident the clause speaks of (None: no outage)"""
    window: Tuple[Optional[dt.date], Optional[dt.date]]

    def draft_of(self, frame: Frame) -> Optional[Draft]:
        return self.frame_draft.get((frame.start, frame.end, frame.rule))


def frame_key(frame: Frame) -> Tuple[int, int, str]:
    return (frame.start, frame.end, frame.rule)


class Segmenter:
    def __init__(
        self,
        article: Article,
        frames: Sequence[Frame],
        discourse: Sequence[SentenceCues],
        timexes: Sequence[Timex],
        roles: Dict[str, TimexRole],
        service: Optional[str],
        reference: Optional[str],
    ) -> None:
        self.article = article
        self.frames = list(frames)
        self.discourse = discourse
        self.service = service
        self.key = service_key(service, article.lang) if service else None
        # a clock time without a date of its own ("9 a.m. EDT") dates nothing: it takes its incident's date
        self.dated = [t for t in dated(timexes, roles) if t.type != "TIME" or carries_date(t, article.lang)]
        self.by_sentence: Dict[int, List[Timex]] = {}
        for t in self.dated:
            self.by_sentence.setdefault(t.sentence, []).append(t)
        ref = date_value(reference)
        self.reference = ref.day if ref else None
        self.drafts: List[Draft] = []
        self.main: Optional[Draft] = None
        self.main_date = self._main_date()
        self.low, self.high = self._window()

    # ------------------------------------------------------------- dates

    def date_near(self, sentence: int, clause: int, char: int, whole_sentence: bool) -> Optional[DateValue]:
        """The date of the dated timex nearest ``char`` in its clause (or sentence)."""
        cues = self.discourse[sentence]
        candidates = [t for t in self.by_sentence.get(sentence, []) if cues.clause_of(t.start) == clause]
        if not candidates and whole_sentence:
            candidates = self.by_sentence.get(sentence, [])
        best: Optional[Tuple[int, DateValue]] = None
        for t in candidates:
            value = date_value(t.value)
            if value is None:
                continue
            distance = t.start - char if t.start >= char else char - t.end
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), value)
        return best[1] if best else None

    def _frame_date(self, frame: Frame) -> Optional[DateValue]:
        present = self.discourse[frame.sentence].in_clause(self.discourse[frame.sentence].present, frame.clause)
        return self.date_near(frame.sentence, frame.clause, frame.start, whole_sentence=not present)

    def _main_date(self) -> Optional[DateValue]:
        """The day of the outage the article is about: the first dated frame that recalls nothing."""
        days: List[Tuple[int, DateValue]] = []
        for frame in self.frames:
            if self.discourse[frame.sentence].recall:
                continue
            key = service_key(frame.service, self.article.lang) if frame.service else None
            if key is not None and key != self.key:
                continue
            value = self._frame_date(frame)
            if value is not None and value.precision == "day":
                days.append((frame.start, value))
        if self.reference is not None:
            near = [
                (abs((v.day - self.reference).days), start, v) for start, v in days
                if -NEAR_REFERENCE_DAYS <= (v.day - self.reference).days <= WINDOW_DAYS
            ]
            if near:
                return min(near, key=lambda item: item[:2])[2]
        if days:
            return days[0][1]
        if self.reference is not None:
            return DateValue(self.reference.isoformat(), "day")
        return None

    def _window(self) -> Tuple[Optional[dt.date], Optional[dt.date]]:
        if self.main_date is None:
            return None, None
        day = self.main_date.day
        return day - dt.timedelta(days=WINDOW_DAYS), day + dt.timedelta(days=WINDOW_DAYS)

    def decisive(self, value: DateValue) -> bool:
        """Whether a date can place an outage inside or outside the main window."""
        if self.main_date is None:
            return False
        if value.precision == "year":
            return value.text != self.main_date.text[:4]
        return True

    def in_window(self, value: DateValue) -> bool:
        if self.low is None:
            return True
        if value.precision == "day":
            return self.low <= value.day <= self.high
        return self.main_date.text.startswith(value.text)

    # ------------------------------------------------------------ drafts

    def _main(self) -> Draft:
        if self.main is None:
            self.main = Draft("main", self.service, self.key)
            self.drafts.append(self.main)
        return self.main

    def _related(self, service: Optional[str], key: Optional[str], value: Optional[DateValue], recalled: bool) -> Draft:
        if value is not None:
            for draft in self.drafts:
                if draft.role == "related" and draft.key == key and draft.date is not None and draft.date.compatible(value):
                    if value.precision == "day" or draft.date.precision != "day":
                        draft.date = value if len(value.text) > len(draft.date.text) else draft.date
                    draft.recalled = draft.recalled or recalled
                    return draft
        draft = Draft("related", service or self.service, key if key is not None else self.key, value, recalled)
        self.drafts.append(draft)
        return draft

    # ------------------------------------------------------------- reading

    def run(self) -> Segmentation:
        frame_draft: Dict[Tuple[int, int, str], Draft] = {}
        clause_topic: Dict[Tuple[int, int], Optional[Draft]] = {}
        by_sentence: Dict[int, List[Frame]] = {}
        for frame in self.frames:
            by_sentence.setdefault(frame.sentence, []).append(frame)
        previous: Optional[Draft] = None
        elsewhere: Optional[DateValue] = None
        """date of what the discourse is on when that is no outage (until a heading or an outage)"""
        elsewhere_paragraph: Optional[DateValue] = None
        """the same, within the current paragraph: a frame there belongs to that earlier event"""
        paragraph = -1
        for s in range(len(self.article.sentences)):
            if self.article.headings[s]:
                elsewhere = None
            if self.article.paragraphs[s] != paragraph:
                paragraph = self.article.paragraphs[s]
                previous = None
                elsewhere_paragraph = None
            cues = self.discourse[s]
            for c in range(len(cues.clause_starts)):
                frames = [f for f in by_sentence.get(s, []) if f.clause == c]
                recall = bool(cues.recall)
                anaphora = bool(cues.in_clause(cues.anaphora, c)) or (c == 0 and bool(cues.anaphora))
                present = bool(cues.in_clause(cues.present, c))
                topic: Optional[Draft] = None
                for frame in frames:
                    draft = self._decide_frame(frame, recall, anaphora, present, previous, elsewhere_paragraph)
                    frame_draft[frame_key(frame)] = draft
                    draft.frames.append(frame)
                    draft.sentences.add(s)
                    draft.first = min(draft.first, frame.start)
                    previous = draft
                    elsewhere = elsewhere_paragraph = None
                    topic = draft
                if not frames:
                    topic, previous, after = self._decide_clause(s, c, recall, anaphora, present, previous, elsewhere)
                    if after is not elsewhere:
                        elsewhere_paragraph = after
                    elsewhere = after
                    if isinstance(topic, Draft) and anaphora:
                        topic.sentences.add(s)
                clause_topic[(s, c)] = topic
        self._promote()
        for place, topic in clause_topic.items():
            if topic == MAIN:
                clause_topic[place] = self.main
        return Segmentation(self.drafts, self.main, self.main_date, frame_draft, clause_topic, (self.low, self.high))

    def _decide_frame(
        self,
        frame: Frame,
        recall: bool,
        anaphora: bool,
        present: bool,
        previous: Optional[Draft],
        elsewhere: Optional[DateValue],
    ) -> Draft:
        key = service_key(frame.service, self.article.lang) if frame.service else self.key
        value = self._frame_date(frame)
        if key is not None and self.key is not None and key != self.key:
            if value is None:
                value = self.date_near(frame.sentence, frame.clause, frame.start, whole_sentence=True)
            if value is None and previous is not None and previous.key == key:
                return previous
            return self._related(frame.service, key, value, recall)
        if value is not None and self.decisive(value):
            if self.in_window(value) and not recall:
                return self._main()
            return self._related(frame.service, key, value, recall)
        if recall:
            if anaphora and previous is not None:
                return previous
            return self._related(frame.service, key, value, True)
        if anaphora and previous is not None:
            return previous
        if previous is not None and previous.role == "related" and not present:
            return previous
        if elsewhere is not None and not present:
            return self._related(frame.service, key, elsewhere, True)
        return self._main()

    def _decide_clause(
        self,
        sentence: int,
        clause: int,
        recall: bool,
        anaphora: bool,
        present: bool,
        previous: Optional[Draft],
        elsewhere: Optional[DateValue],
    ):
        """(topic, previous, elsewhere) after a clause without outage mentions."""
        start = self.discourse[sentence].clause_starts[clause]
        value = self.date_near(sentence, clause, start, whole_sentence=False)
        if anaphora:
            return previous, previous, elsewhere
        if value is not None and self.decisive(value):
            if self.in_window(value) and not recall:
                return MAIN, (self.main or previous), None
            for draft in self.drafts:
                if draft.role == "related" and draft.date is not None and draft.date.compatible(value):
                    return draft, draft, None
            return None, None, value
        if present:
            return MAIN, (self.main or previous), None
        if elsewhere is not None:
            return None, previous, elsewhere
        if previous is not None and (previous.key == self.key or self._names(sentence, clause, previous)):
            return previous, previous, elsewhere
        return MAIN, previous, elsewhere

    def _names(self, sentence: int, clause: int, draft: Draft) -> bool:
        """Whether a clause names the draft's service (a parallel outage goes on only while named)."""
        start, end = self.discourse[sentence].clause_span(clause, self.article.sentences[sentence][1])
        return bool(draft.service) and draft.service in self.article.text[start:end]

    def _promote(self) -> None:
        """No frame is about the present: the most reported outage that is not recalled is the main one."""
        if self.main is not None or not self.drafts:
            return
        candidates = [d for d in self.drafts if not d.recalled and d.key == self.key]
        if not candidates:
            return
        best = max(candidates, key=lambda d: (len(d.frames), -d.first))
        best.role = "main"
        self.main = best


def segment(
    article: Article,
    frames: Sequence[Frame],
    discourse: Sequence[SentenceCues],
    timexes: Sequence[Timex],
    roles: Dict[str, TimexRole],
    service: Optional[str],
    reference: Optional[str],
) -> Segmentation:
    return Segmenter(article, frames, discourse, timexes, roles, service, reference).run()
