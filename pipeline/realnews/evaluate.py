"""Run the pipeline over the real-news set in both modes and gather the scores.

Modes: ``given`` passes the gold publication date as the reference date (when
the gold knows it); ``none`` passes nothing, so the pipeline must find the date
in the text itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from .dataset import Entry
from .scoring import FIELDS, ArticleScore, score_incidents

MODES = ("given", "none")


@dataclass
class Tally:
    right: int = 0
    scored: int = 0

    @property
    def share(self) -> Optional[float]:
        return self.right / self.scored if self.scored else None


@dataclass
class RealNewsReport:
    scores: List[ArticleScore] = field(default_factory=list)
    missing: List[Tuple[str, str, str]] = field(default_factory=list)  # id, url, why
    errors: List[Tuple[str, str]] = field(default_factory=list)  # id, message

    def tallies(self, split: str, mode: str) -> Dict[str, Tally]:
        totals = {name: Tally() for name in FIELDS}
        for score in self.scores:
            if score.mode != mode or split not in ("all", score.split):
                continue
            for name, outcome in score.fields.items():
                totals[name].right += outcome.right
                totals[name].scored += outcome.scored
        return totals

    def articles(self, split: str) -> int:
        return len({s.article for s in self.scores if split in ("all", s.split)})

    def metrics(self) -> Dict[str, Optional[float]]:
        """``<split>.<mode>.<field>`` -> share right."""
        out = {}
        for split in ("tune", "test", "all"):
            for mode in MODES:
                for name, tally in self.tallies(split, mode).items():
                    out[f"{split}.{mode}.{name}"] = tally.share
        return out

    def to_dict(self) -> dict:
        return {
            "metrics": self.metrics(),
            "missing": [{"id": i, "url": u, "why": w} for i, u, w in self.missing],
            "errors": [{"id": i, "error": m} for i, m in self.errors],
            "articles": [
                {
                    "id": s.article,
                    "split": s.split,
                    "mode": s.mode,
                    "wrong": s.wrong(),
                    "fields": {
                        n: {"right": o.right, "scored": o.scored, "gold": o.gold, "predicted": o.predicted}
                        for n, o in s.fields.items()
                        if o.scored
                    },
                }
                for s in self.scores
            ],
        }


def evaluate_realnews(
    entries: Iterable[Entry],
    nlp,
    modes: Iterable[str] = MODES,
    on_article: Optional[Callable[[str], None]] = None,
) -> RealNewsReport:
    from ..document import InputDocument, InputError
    from ..extraction import extract_document

    report = RealNewsReport()
    modes = list(modes)
    for entry in entries:
        gold = entry.gold
        if entry.text is None:
            report.missing.append((gold.id, gold.url, entry.problem or "not in the cache"))
            continue
        for mode in modes:
            reference = gold.published.date if mode == "given" else None
            document = InputDocument(doc_id=gold.id, text=entry.text, source=gold.url)
            try:
                incidents = extract_document(document, nlp, reference_date=reference).incidents
            except InputError as exc:  # refused as no article: every field is wrong
                report.errors.append((f"{gold.id} ({mode})", str(exc)))
                incidents = []
            except Exception as exc:  # a pipeline failure is scored as nothing found, and named
                report.errors.append((f"{gold.id} ({mode})", f"pipeline failed: {type(exc).__name__}: {exc}"))
                incidents = []
            report.scores.append(score_incidents(gold, incidents, entry.split, mode))
        if on_article is not None:
            on_article(gold.id)
    return report
