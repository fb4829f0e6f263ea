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
from .rules import load_rules
from .services import owns, same_service, service_key
from .timepoints import DateValue, date_value

WINDOW_DAYS = 0
NEAR_REFERENCE_DAYS = 7
PRESENT_TENSE_REACH = 30
DEFINITE_REACH = 25
SUBJECT_REACH = 30
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
    clause_extra: Dict[Tuple[int, int], List[Draft]] = field(default_factory=dict)
    """(sentence, clause) -> other services' outages the clause also names"""

    def draft_of(self, frame: Frame) -> Optional[Draft]:
        return self.frame_draft.get((frame.start, frame.end, frame.rule))


def frame_key(frame: Frame) -> Tuple[int, int, str]:
    return (frame.start, frame.end, frame.rule)


@dataclass
class _Clause:
    recall: bool
    anaphora: bool
    present: bool


@dataclass
class _State:
    """Where the reading is: the outage under discussion and what else the text is on."""

    paragraph: int = -1
    previous: Optional[Draft] = None
    """the outage last spoken of"""
    previous_own: Optional[Draft] = None
    """the outage of the article's service last spoken of"""
    previous_paragraph: int = -1
    elsewhere: Optional[DateValue] = None
    """date of a non-outage event the text has turned to (until a heading, an outage or the present)"""
    elsewhere_paragraph: Optional[DateValue] = None
    """the same, within the current paragraph: an outage mentioned there belongs to that date"""
    elsewhere_clauses: List[Tuple[int, int]] = field(default_factory=list)
    topic: Dict[Tuple[int, int], object] = field(default_factory=dict)
    extra: Dict[Tuple[int, int], List[Draft]] = field(default_factory=dict)

    def heading(self) -> None:
        self.previous = self.previous_own = None
        self.elsewhere = None

    def new_paragraph(self, number: int) -> None:
        self.paragraph = number
        self.elsewhere_paragraph = None
        self.elsewhere_clauses = []

    def parallel_in_paragraph(self, own_key: Optional[str]) -> Optional[Draft]:
        """The last outage spoken of when it is another service's, within this paragraph."""
        if self.previous is not None and self.previous.key != own_key and self.previous_paragraph == self.paragraph:
            return self.previous
        return None

    def went_on(self, draft: Draft, own_key: Optional[str]) -> None:
        self.previous = draft
        self.previous_paragraph = self.paragraph
        if draft.key == own_key:
            self.previous_own = draft
        self.elsewhere = self.elsewhere_paragraph = None

    def back_to_main(self, main: Optional[Draft]) -> None:
        if main is not None:
            self.previous = self.previous_own = main
        self.elsewhere = self.elsewhere_paragraph = None

    def away(self, value: DateValue) -> None:
        self.previous = self.previous_own = None
        self.elsewhere = self.elsewhere_paragraph = value


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
        # an end ("until Tuesday") comes after the outage's day by nature: it dates no mention
        # (a range's date does: "between 6:23 and 6:33 a.m. PT Monday morning")
        self.dated = [
            t for t in dated(timexes, roles)
            if (t.type != "TIME" or carries_date(t, article.lang, roles))
            and (roles[t.id].role != "end" or roles[t.id].rule == "range")
        ]
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

    def date_near(
        self, sentence: int, clause: int, char: int, whole_sentence: bool, reach: Optional[int] = None
    ) -> Optional[DateValue]:
        """The date of the dated timex nearest ``char`` in its clause (or sentence), within ``reach``."""
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
            if reach is not None and abs(distance) > reach:
                continue
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), value)
        return best[1] if best else None

    def _frame_date(self, frame: Frame) -> Optional[DateValue]:
        cues = self.discourse[frame.sentence]
        if self.reference is not None and any(
            frame.distance(c.start, c.end) <= PRESENT_TENSE_REACH for c in cues.in_clause(cues.present_tense, frame.clause)
        ):
            # told in the present tense: under way when the article was written
            return DateValue(self.reference.isoformat(), "day")
        present = cues.in_clause(cues.present, frame.clause)
        value = self.date_near(frame.sentence, frame.clause, frame.start, whole_sentence=not present)
        if value is not None and self._definite(frame):
            # "the outage" is one already introduced: only a date right by it re-dates it
            near = self.date_near(frame.sentence, frame.clause, frame.start, whole_sentence=False, reach=DEFINITE_REACH)
            return near
        return value

    def _definite(self, frame: Frame) -> bool:
        cues = self.discourse[frame.sentence]
        return any(c.start <= frame.start < c.end or frame.start <= c.start < frame.end for c in cues.definite)

    def _key_of(self, frame: Frame, default: Optional[str]) -> Optional[str]:
        """The service key of a frame's service; the owner of the article's service written as such
        ("Blizzard's Battle.net", "Amazon's AWS") counts as that service."""
        if not frame.service:
            return default
        key = service_key(frame.service, self.article.lang)
        if key != self.key and self.service and (
            owns(self.article.text, frame.service, self.service) or owns(self.article.text, self.service, frame.service)
        ):
            return self.key
        return key

    def _main_date(self) -> Optional[DateValue]:
        """The first day of the outage the article is about: the first dated mention, recalling
        nothing, of the article's service (within a week before the story, when its date is known)."""
        days: List[Tuple[int, DateValue]] = []
        for frame in self.frames:
            if self.discourse[frame.sentence].recall:
                continue
            key = self._key_of(frame, None)
            if key is not None and key != self.key:
                continue
            value = self._frame_date(frame)
            if value is not None and value.precision == "day":
                days.append((frame.start, value))
        if self.reference is not None:
            near = [
                v for _, v in days
                if -NEAR_REFERENCE_DAYS <= (v.day - self.reference).days <= WINDOW_DAYS
            ]
            if near:
                return near[0]
        if days:
            return days[0][1]
        if self.reference is not None:
            return DateValue(self.reference.isoformat(), "day")
        return None

    def _window(self) -> Tuple[Optional[dt.date], Optional[dt.date]]:
        """The main outage's days: from its first day to the story's, reaching back a week when it
        is told as going on from before ("customers were still unable to log in on Wednesday")."""
        if self.main_date is None:
            return None, None
        day = self.main_date.day
        back = WINDOW_DAYS
        # the days from the outage's first one to the story's are the same outage going on
        last = max(day, self.reference) if self.reference is not None else day
        for frame in self.frames:
            cues = self.discourse[frame.sentence]
            if cues.in_clause(cues.continuing, frame.clause) and self._frame_date(frame) == self.main_date:
                back = NEAR_REFERENCE_DAYS
                break
        return day - dt.timedelta(days=back), last + dt.timedelta(days=WINDOW_DAYS)

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
        by_sentence: Dict[int, List[Frame]] = {}
        for frame in self.frames:
            by_sentence.setdefault(frame.sentence, []).append(frame)
        state = _State()
        for s in range(len(self.article.sentences)):
            if self.article.headings[s]:
                state.heading()
            if self.article.paragraphs[s] != state.paragraph:
                state.new_paragraph(self.article.paragraphs[s])
            cues = self.discourse[s]
            for c in range(len(cues.clause_starts)):
                frames = [f for f in by_sentence.get(s, []) if f.clause == c]
                if cues.in_clause(cues.planned, c):
                    # a planned shutdown: no incident, nothing in the clause to attach
                    state.topic[(s, c)] = None
                    continue
                clause = _Clause(
                    recall=bool(cues.recall),
                    anaphora=bool(cues.in_clause(cues.anaphora, c)),
                    present=bool(cues.in_clause(cues.present, c)),
                )
                topic: object = None
                for frame in frames:
                    draft = self._decide_frame(frame, clause, state)
                    frame_draft[frame_key(frame)] = draft
                    draft.frames.append(frame)
                    draft.sentences.add(s)
                    draft.first = min(draft.first, frame.start)
                    state.went_on(draft, self.key)
                    topic = draft
                if not frames:
                    topic = self._decide_clause(s, c, clause, state)
                    if isinstance(topic, Draft) and clause.anaphora:
                        topic.sentences.add(s)
                    if topic is None and state.elsewhere_paragraph is not None:
                        state.elsewhere_clauses.append((s, c))
                    for draft in self._named_parallel(s, c, topic):
                        state.extra.setdefault((s, c), []).append(draft)
                state.topic[(s, c)] = topic
        self._promote()
        topics = {place: (self.main if t == MAIN else t) for place, t in state.topic.items()}
        folded = self._fold_into_main()
        if folded:
            frame_draft = {k: folded.get(id(d), d) for k, d in frame_draft.items()}
            topics = {k: (folded.get(id(d), d) if isinstance(d, Draft) else d) for k, d in topics.items()}
            extra = {k: [d for d in ds if id(d) not in folded] for k, ds in state.extra.items()}
        else:
            extra = state.extra
        return Segmentation(
            self.drafts, self.main, self.main_date, frame_draft, topics, (self.low, self.high), extra
        )

    def _fold_into_main(self) -> Dict[int, Draft]:
        """One outage, one incident: a related draft of the main service itself or of a part of it
        ("Nest Aware" for Nest, "iCloud Backup" for iCloud) that no recall or other day sets apart
        is the main outage told again. Returns id(folded draft) -> main."""
        main = self.main
        if main is None or not main.key:
            return {}
        folded: Dict[int, Draft] = {}
        for draft in list(self.drafts):
            if draft is main or draft.role != "related" or draft.recalled or not draft.key:
                continue
            if f" {main.key} " not in f" {draft.key} ":  # the main name, or a name holding it whole
                continue
            if draft.date is not None and not self.in_window(draft.date):
                continue
            main.frames.extend(draft.frames)
            main.sentences.update(draft.sentences)
            main.first = min(main.first, draft.first)
            self.drafts.remove(draft)
            folded[id(draft)] = main
        main.frames.sort(key=lambda f: f.start)
        return folded

    def _continuing(self, state: "_State") -> Optional[Draft]:
        """The outage a clause without date or cue goes on about: the last one, unless that was
        another service's (a parallel outage goes on only while named), then the last of ours. An
        earlier outage of another service goes on to the end of the paragraph that recalls it."""
        if state.previous is not None and state.previous.key != self.key:
            if state.previous.recalled and state.previous_paragraph == state.paragraph:
                return state.previous
            return state.previous_own
        return state.previous

    def _decide_frame(self, frame: Frame, clause: "_Clause", state: "_State") -> Draft:
        key = self._key_of(frame, self.key)
        parallel = state.parallel_in_paragraph(self.key)
        if frame.service is None and parallel is not None and frame.source != "status" and not clause.present:
            # right after another service's outage, an outage named by no service is that service's
            # ("customers of the region had trouble", "the same group's card payments failed again")
            value = self._frame_date(frame)
            if value is None or parallel.date is None or parallel.date.compatible(value):
                if value is not None and (parallel.date is None or len(value.text) > len(parallel.date.text)):
                    parallel.date = value if parallel.date is None or parallel.date.compatible(value) else parallel.date
                return parallel
            return self._related(parallel.service, parallel.key, value, True)
        if frame.source == "status":
            # a state change ("was restored by Tuesday") belongs to the outage under discussion
            if clause.anaphora and state.previous is not None:
                return state.previous
            current = self._continuing(state)
            if current is not None and current.role == "related" and not clause.present:
                return current
            return self._main()
        value = self._frame_date(frame)
        if key is not None and self.key is not None and key != self.key:
            if value is None:
                value = self.date_near(frame.sentence, frame.clause, frame.start, whole_sentence=True)
            if value is None and state.previous is not None and state.previous.key == key:
                return state.previous
            if parallel is not None and parallel.key != key and self._goes_on(parallel, frame, value):
                # "a problem at Microsoft's cloud ... customers of Azure had trouble": one outage, named twice
                return parallel
            return self._related(frame.service, key, value, clause.recall)
        if value is not None and self.decisive(value):
            if self.in_window(value) and not clause.recall:
                return self._main()
            return self._related(frame.service, key, value, clause.recall)
        if clause.recall:
            if clause.anaphora and state.previous is not None:
                return state.previous
            return self._related(frame.service, key, value, True)
        if clause.anaphora and state.previous is not None:
            return state.previous
        current = self._continuing(state)
        if current is not None and current.role == "related" and not clause.present:
            return current
        if state.elsewhere_paragraph is not None and not clause.present:
            draft = self._related(frame.service, key, state.elsewhere_paragraph, True)
            for place in state.elsewhere_clauses:
                # the clauses that named the earlier event's date speak of this outage
                state.topic[place] = draft
                draft.sentences.add(place[0])
            state.elsewhere_clauses.clear()
            return draft
        return self._main()

    def _goes_on(self, parallel: Draft, frame: Frame, value: Optional[DateValue]) -> bool:
        """Whether another service's outage named in the next sentence is the same as ``parallel``:
        it was just introduced (one or two mentions) and the dates do not disagree."""
        last = max((f.sentence for f in parallel.frames), default=-1)
        if frame.sentence - last > 1 or len(parallel.frames) > 2:
            return False
        return value is None or parallel.date is None or parallel.date.compatible(value)

    def _decide_clause(self, sentence: int, clause: int, cues: "_Clause", state: "_State") -> object:
        """The topic of a clause without outage mentions (updates the reading state)."""
        start = self.discourse[sentence].clause_starts[clause]
        value = self.date_near(sentence, clause, start, whole_sentence=False)
        if cues.anaphora:
            return state.previous
        if value is not None and self.decisive(value):
            if self.in_window(value) and not cues.recall:
                state.back_to_main(self.main)
                return MAIN
            for draft in self.drafts:
                if draft.role == "related" and draft.date is not None and draft.date.compatible(value):
                    state.went_on(draft, self.key)
                    return draft
            state.away(value)
            return None
        if cues.present or self._opens_with_own_service(sentence, clause):
            # the text is back on the outage under way ("BA rejected that, saying ...")
            state.back_to_main(self.main)
            return MAIN
        if state.elsewhere is not None:
            return None
        current = self._continuing(state)
        if current is not None:
            return current
        return MAIN

    def _opens_with_own_service(self, sentence: int, clause: int) -> bool:
        """Whether the clause's subject is the article's service (at its start, or after an
        opening adverbial and its comma)."""
        if not self.service:
            return False
        text = self.article.text
        start, end = self.discourse[sentence].clause_span(clause, self.article.sentences[sentence][1])
        names = load_rules(self.article.lang).name_pattern
        positions = [start]
        comma = text.find(",", start, min(end, start + SUBJECT_REACH))
        if comma >= 0:
            positions.append(comma + 1)
        for pos in positions:
            while pos < end and text[pos] in " \t\"'\u201c\u2018":
                pos += 1
            match = names.match(text, pos, end)
            if match and same_service(match.group(), self.service, self.article.lang):
                return True
        return False

    def _named_parallel(self, sentence: int, clause: int, topic: object) -> List[Draft]:
        """Other services' outages that a clause names besides its topic (a cause stated for both)."""
        start, end = self.discourse[sentence].clause_span(clause, self.article.sentences[sentence][1])
        text = self.article.text[start:end]
        return [
            d for d in self.drafts
            if d is not topic and d.key != self.key and d.service and d.service in text
        ]

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
