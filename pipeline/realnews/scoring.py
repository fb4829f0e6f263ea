"""Score one predicted record against an article's gold facts, field by field.

Each field of the main incident is *right*, *wrong* or not scored (the gold
leaves it open). The tolerances are those of the issue that defined the set:
service by case-insensitive alias match ignoring "the" and a possessive "'s"; event date by prefix of
the start value; start and end equal to the minute in UTC; duration by range
overlap; cause, cause status and status by membership in the accepted lists;
ruled-out as a subset (the gold labels among the predicted ones), with
``ruled_out_extra`` counting predicted labels the gold does not have.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from models import Incident

from ..evaluation.tolerances import service_key, time_key
from .gold import GoldArticle, RelatedGold

#: the scored fields, in table order
FIELDS = (
    "incident",
    "service",
    "event_date",
    "start",
    "end",
    "duration",
    "cause",
    "cause_status",
    "ruled_out",
    "ruled_out_extra",
    "status",
    "related_recall",
    "related_precision",
)


@dataclass
class FieldOutcome:
    right: int = 0
    scored: int = 0
    gold: object = None
    predicted: object = None

    def add(self, right: bool, gold=None, predicted=None) -> None:
        self.scored += 1
        self.right += int(right)
        self.gold, self.predicted = gold, predicted


@dataclass
class ArticleScore:
    article: str
    split: str
    mode: str
    fields: Dict[str, FieldOutcome] = field(default_factory=dict)

    def outcome(self, name: str) -> FieldOutcome:
        return self.fields.setdefault(name, FieldOutcome())

    def wrong(self) -> List[str]:
        return [n for n, o in self.fields.items() if o.scored and o.right < o.scored]


def main_incident(incidents: List[Incident]) -> Optional[Incident]:
    return next((i for i in incidents if i.role == "main"), None)


POSSESSIVE_ENDINGS = ("'s", "\u2019s")


def alias_key(name: Optional[str]) -> Optional[str]:
    """The service key, also without a possessive ending ("Sainsbury's" = "Sainsbury")."""
    key = service_key(name)
    if key is not None:
        for ending in POSSESSIVE_ENDINGS:
            if key.endswith(ending):
                return key[: -len(ending)]
    return key


def alias_match(aliases: List[str], predicted: Optional[str]) -> bool:
    key = alias_key(predicted)
    return key is not None and any(alias_key(a) == key for a in aliases)


def date_match(accepted: List[str], value: Optional[str]) -> bool:
    return value is not None and any(value.startswith(d) for d in accepted)


def instant_match(gold_utc: str, value: Optional[str]) -> bool:
    if value is None:
        return False
    return time_key(value) == ("utc", gold_utc[:-1])


def duration_range(incident: Optional[Incident]):
    if incident is None or incident.duration is None:
        return None
    return (incident.duration.minutes.min, incident.duration.minutes.max)


def overlaps(gold, predicted) -> bool:
    return predicted is not None and gold[0] <= predicted[1] and predicted[0] <= gold[1]


def related_pairs(gold: List[RelatedGold], predicted: List[Incident]) -> int:
    """How many gold related incidents pair with a distinct predicted one: the same
    service, and a start on an accepted date when the gold dates it."""
    free = list(predicted)
    paired = 0
    for item in gold:
        for candidate in free:
            start = candidate.start.value if candidate.start else None
            if alias_match(item.services, candidate.service) and (not item.dates or date_match(item.dates, start)):
                free.remove(candidate)
                paired += 1
                break
    return paired


def score_incidents(gold: GoldArticle, incidents: List[Incident], split: str, mode: str) -> ArticleScore:
    """The field outcomes of one article's predicted incidents (none when it failed)."""
    score = ArticleScore(gold.id, split, mode)
    want = gold.main
    got = main_incident(incidents)
    start = got.start.value if got and got.start else None
    end = got.end.value if got and got.end else None
    score.outcome("incident").add(got is not None, "main", got.id if got else None)
    score.outcome("service").add(alias_match(want.services, got.service if got else None), want.services, got.service if got else None)
    if want.event_dates:
        score.outcome("event_date").add(date_match(want.event_dates, start), want.event_dates, start)
    if want.start_utc:
        score.outcome("start").add(instant_match(want.start_utc, start), want.start_utc, start)
    if want.end_utc:
        score.outcome("end").add(instant_match(want.end_utc, end), want.end_utc, end)
    if want.duration_min:
        span = duration_range(got)
        score.outcome("duration").add(overlaps(want.duration_min, span), list(want.duration_min), span and list(span))
    category = got.cause.category if got else None
    status = got.cause.status if got else None
    score.outcome("cause").add(category in want.cause, want.cause, category)
    score.outcome("cause_status").add(status in want.cause_status, want.cause_status, status)
    ruled_out = sorted(set(got.ruled_out)) if got else []
    if want.ruled_out:
        score.outcome("ruled_out").add(set(want.ruled_out) <= set(ruled_out), want.ruled_out, ruled_out)
    score.outcome("ruled_out_extra").add(set(ruled_out) <= set(want.ruled_out), want.ruled_out, ruled_out)
    score.outcome("status").add((got.status if got else None) in want.status, want.status, got.status if got else None)
    predicted_related = [i for i in incidents if i.role == "related"]
    paired = related_pairs(gold.related, predicted_related)
    described = [f"{i.service}@{i.start.value if i.start else None}" for i in predicted_related]
    wanted = [f"{r.services[0]}@{(r.dates or [None])[0]}" for r in gold.related]
    recall, precision = score.outcome("related_recall"), score.outcome("related_precision")
    recall.right, recall.scored, recall.gold, recall.predicted = paired, len(gold.related), wanted, described
    precision.right, precision.scored = paired, len(predicted_related)
    precision.gold, precision.predicted = wanted, described
    return score
