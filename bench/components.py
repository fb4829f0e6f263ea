"""Per-component timings of the pipeline against the blank tokenizer (not a test).

    python bench/components.py [--runs 3] [--timeml-limit N] [--wall]
    python bench/components.py --profile outages_causes      # cProfile of one component
    python bench/components.py --dump causes.jsonl         # every doc._.causes, for diffs

Texts: ``corpus/*.txt`` (reference date from the ``.meta.json`` sidecar) plus
the bodies of the TimeML documents in ``$OUTAGES_TIMEML_DIR`` or
``<repo>/../shared/data/timeml`` (their creation date as reference date), read
at run time and never stored. Each component is timed on the Docs the
components before it produced, summed over all texts; the tokenizer row is
``make_doc`` of a fresh ``spacy.blank("en")`` (a cold cache, as in extract).
Each figure is the best of ``--runs``. CPU time of this process is the
default clock (``time.process_time``): on a shared, loaded machine it moves far
less than wall time; ``--wall`` uses ``time.perf_counter`` instead.

``--dump`` writes one JSON line per text: its name and every cause mention
(all fields), in order, so two versions of the code can be compared with
``diff`` over the same texts.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: (name, text, reference date)
Text = Tuple[str, str, Optional[str]]


def load_texts(timeml_limit: Optional[int]) -> Tuple[List[Text], str]:
    from pipeline.evaluation.timeml import default_timeml_dir, find_timeml_files, read_timeml
    from pipeline.formats.text import read_sidecar

    texts: List[Text] = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        texts.append((f"corpus/{path.name}", path.read_text(encoding="utf-8"), read_sidecar(path)))
    corpus = len(texts)
    folder = default_timeml_dir(REPO)
    if folder.is_dir():
        for path in find_timeml_files(folder)[:timeml_limit]:
            document = read_timeml(path)
            if document.text.strip():
                texts.append((f"timeml/{path.relative_to(folder)}", document.text, document.reference_date))
    where = f"{corpus} corpus/ articles + {len(texts) - corpus} TimeML bodies from {folder}"
    return texts, where


def fresh_docs(nlp, texts: Sequence[Text]):
    from models import ReferenceDate

    for _, text, ref in texts:
        doc = nlp.make_doc(text)
        doc._.reference_date = ReferenceDate(date=ref, source="metadata") if ref else ReferenceDate()
        doc._.warnings = []
        yield doc


def time_tokenizer(texts: Sequence[Text], clock: Callable[[], float]) -> float:
    import spacy

    nlp = spacy.blank("en")
    start = clock()
    for _, text, _ in texts:
        nlp.make_doc(text)
    return clock() - start


def time_components(nlp, texts: Sequence[Text], clock: Callable[[], float]) -> Dict[str, float]:
    totals = {name: 0.0 for name in nlp.pipe_names}
    for doc in fresh_docs(nlp, texts):
        for name, proc in nlp.pipeline:
            start = clock()
            doc = proc(doc)
            totals[name] += clock() - start
    return totals


def profile_component(nlp, texts: Sequence[Text], component: str, top: int) -> None:
    profiler = cProfile.Profile()
    for doc in fresh_docs(nlp, texts):
        for name, proc in nlp.pipeline:
            if name == component:
                doc = profiler.runcall(proc, doc)
            else:
                doc = proc(doc)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def dump_causes(nlp, texts: Sequence[Text], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for (name, _, _), doc in zip(texts, fresh_docs(nlp, texts)):
            doc = nlp(doc)
            causes = [c.model_dump(mode="json") for c in doc._.causes or []]
            count += len(causes)
            fh.write(json.dumps({"text": name, "causes": causes}, ensure_ascii=False) + "\n")
    return count


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument("--timeml-limit", type=int, default=None, help="use only the first N TimeML files")
    parser.add_argument("--wall", action="store_true", help="wall-clock time instead of process CPU time")
    parser.add_argument("--profile", metavar="COMPONENT", help="cProfile one component instead of timing")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile (default 30)")
    parser.add_argument("--dump", type=Path, metavar="FILE", help="write every doc._.causes as JSON lines")
    args = parser.parse_args(argv)

    from pipeline.nlp import build_pipeline

    texts, where = load_texts(args.timeml_limit)
    nlp = build_pipeline()
    longest = max(len(text) for _, text, _ in texts)
    nlp.max_length = max(nlp.max_length, longest)
    list(fresh_docs(nlp, texts[:1]))  # load every lazy resource outside the timings
    nlp(next(fresh_docs(nlp, texts[:1])))
    from pipeline.causes.patterns import compile_all

    compile_all()  # cause rules are compiled when first needed: all of them now

    if args.dump:
        count = dump_causes(nlp, texts, args.dump)
        print(f"{count} cause mentions of {len(texts)} texts ({where}) -> {args.dump}")
        return 0
    if args.profile:
        if args.profile not in nlp.pipe_names:
            print(f"error: no component {args.profile!r}; have {', '.join(nlp.pipe_names)}", file=sys.stderr)
            return 2
        profile_component(nlp, texts, args.profile, args.top)
        return 0

    clock = time.perf_counter if args.wall else time.process_time
    floor = min(time_tokenizer(texts, clock) for _ in range(args.runs))
    best: Dict[str, float] = {}
    for _ in range(args.runs):
        for name, seconds in time_components(nlp, texts, clock).items():
            best[name] = min(best.get(name, float("inf")), seconds)
    chars = sum(len(text) for _, text, _ in texts)
    print(f"{len(texts)} texts, {chars:,} characters: {where}")
    print(f"clock: {'wall' if args.wall else 'process CPU'}, best of {args.runs}")
    print(f"| {'component':<20} | {'ms':>9} | {'x tokenizer':>11} |")
    print(f"|{'-' * 22}|{'-' * 11}:|{'-' * 12}:|")
    print(f"| {'tokenizer (blank en)':<20} | {floor * 1000:>9.1f} | {1.0:>11.2f} |")
    for name, seconds in best.items():
        print(f"| {name:<20} | {seconds * 1000:>9.1f} | {seconds / floor:>11.2f} |")
    total = floor + sum(best.values())
    print(f"| {'whole pipeline':<20} | {total * 1000:>9.1f} | {total / floor:>11.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
