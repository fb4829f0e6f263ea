"""With and without the dateparser fallback (not a test): TimeML and real-news figures, and how often it fires.

    python bench/dateparser_fallback.py [--timeml DIR] [--realnews DIR]

Runs ``timeml-eval`` (TempEval-3 strict / relaxed / type / value F1) and
``realnews-eval`` (main-incident fields, date given and no date, tune and test)
in this process twice: ``timex_tagger`` with ``dateparser_fallback`` off and on.
Prints one table per set (figures without -> with) and the fallback's counts
(spans tried, values kept). ``--realnews`` defaults to ``realnews/`` (texts in
its git-ignored ``.cache``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def timeml_figures(directory: Path, nlp) -> Dict[str, float]:
    from pipeline.evaluation.timeml import find_timeml_files
    from pipeline.evaluation.timeml_eval import evaluate_timeml

    totals = evaluate_timeml(find_timeml_files(directory), nlp).totals.to_dict()
    return {name: totals[name]["f1"] for name in ("strict", "relaxed", "type", "value")}


def realnews_figures(root: Path, nlp) -> Dict[str, Optional[float]]:
    from pipeline.realnews.dataset import load_set
    from pipeline.realnews.evaluate import evaluate_realnews

    metrics = evaluate_realnews(load_set(root, "all"), nlp).metrics()
    return {k: v for k, v in metrics.items() if not k.startswith("all.")}


def show(title: str, without: Dict[str, Optional[float]], with_: Dict[str, Optional[float]]) -> None:
    print(f"{title}\n| measure | without | with |\n|---|---:|---:|")
    for name in without:
        a, b = without[name], with_[name]
        fmt = lambda v: "" if v is None else f"{100 * v:.1f}"
        mark = "" if a == b else " *"
        print(f"| {name}{mark} | {fmt(a)} | {fmt(b)} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeml", type=Path, default=REPO.parent / "shared" / "data" / "timeml")
    parser.add_argument("--realnews", type=Path, default=REPO / "realnews")
    args = parser.parse_args()
    from pipeline.nlp import build_pipeline

    nlp = build_pipeline()
    tagger = nlp.get_pipe("timex_tagger")
    runs = {}
    for flag in (False, True):
        tagger.dateparser_fallback = flag
        tagger.fallback_counts.clear()
        tml = timeml_figures(args.timeml, nlp)
        tml_counts = dict(tagger.fallback_counts)
        tagger.fallback_counts.clear()
        rn = realnews_figures(args.realnews, nlp)
        runs[flag] = (tml, tml_counts, rn, dict(tagger.fallback_counts))
    tagger.dateparser_fallback = False
    show("TimeML (F1)", runs[False][0], runs[True][0])
    show("Real news (share right; split.mode.field)", runs[False][2], runs[True][2])
    for name, index in (("TimeML", 1), ("real news", 3)):
        counts = runs[True][index]
        print(f"fallback on {name}: tried {counts.get('tried', 0)}, kept {counts.get('kept', 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
