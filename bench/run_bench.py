"""Throughput benchmark of ``extract`` (not a test): docs/s, tokens/s, peak RSS.

    python bench/run_bench.py [--repeat 3] [--dateparser-docs 40] [--json results.json]

Corpus: the bodies of the TimeML documents in ``<repo>/../shared/data/timeml``
(or ``$OUTAGES_TIMEML_DIR``), read at run time, plus ``corpus/*.txt``; written
``--repeat`` times under new names into a temporary folder that is deleted at
the end (nothing of the TimeML data is kept).

Rows, all over the same texts:

- ``extract --workers 1`` and ``--workers 2``: the console command as a user
  runs it (a subprocess writing ``-o FILE``), end to end, and "steady" with
  the start-up time (a one-document run: Python, spaCy, the pipeline) taken out;
  peak RSS of the main process and of the largest worker (``VmHWM``).
- ``spaCy blank("en") tokenizer``: ``nlp.make_doc`` over the texts in this
  process, a fresh pipeline each time (a cold tokenizer cache, as in extract):
  the floor under any spaCy pipeline.
- ``dateparser.search_dates``: what a user would otherwise reach for
  (``languages=["en"]``), on an evenly spaced sample of ``--dateparser-docs``
  texts (it is slow), rates scaled from the sample.

Each timing is the best of ``--runs``. The machine's load matters: say how
loaded it was when you quote the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TARGET_FLOOR_RATIO = 1.5
TARGET_DATEPARSER_SPEEDUP = 5.0
TARGET_SCALING = 1.7
TARGET_RSS_MB = 400


@dataclass
class Row:
    name: str
    docs: int
    tokens: int
    seconds: float
    steady_seconds: Optional[float] = None
    peak_rss_main_mb: Optional[float] = None
    peak_rss_worker_mb: Optional[float] = None
    note: str = ""

    @property
    def docs_per_s(self) -> float:
        return self.docs / (self.steady_seconds or self.seconds)

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / (self.steady_seconds or self.seconds)


# --- corpus -------------------------------------------------------------------
def load_texts() -> Tuple[List[str], str]:
    """The benchmark texts and a one-line description of where they came from."""
    from pipeline.evaluation.timeml import default_timeml_dir, find_timeml_files, read_timeml

    texts: List[str] = []
    timeml = default_timeml_dir(REPO)
    if timeml.is_dir():
        texts += [read_timeml(p).text for p in find_timeml_files(timeml)]
    timeml_count = len(texts)
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    where = f"{timeml_count} TimeML bodies from {timeml} + {len(texts) - timeml_count} corpus/ articles"
    return [t for t in texts if t.strip()], where


def write_folder(texts: Sequence[str], repeat: int, folder: Path) -> List[str]:
    written = []
    for r in range(repeat):
        for i, text in enumerate(texts):
            (folder / f"r{r}_{i:05d}.txt").write_text(text, encoding="utf-8")
            written.append(text)
    return written


# --- measuring a process tree ---------------------------------------------------
def _children(pid: int) -> List[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _peak_rss_mb(pid: int) -> Optional[float]:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_measured(command: Sequence[str]) -> Tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) of the process and of its largest child."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: Dict[int, float] = {}
    while proc.poll() is None:
        for pid in [proc.pid, *_children(proc.pid)]:
            rss = _peak_rss_mb(pid)
            if rss is not None:
                peaks[pid] = max(rss, peaks.get(pid, 0.0))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some documents failed (error records), still timed
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{proc.stderr.read().decode()}")
    main = peaks.pop(proc.pid, 0.0)
    return seconds, main, max(peaks.values(), default=0.0)


def extract_command(folder: Path, out: Path, workers: int) -> List[str]:
    return [sys.executable, "-m", "pipeline.cli", "extract", str(folder), "-o", str(out), "--workers", str(workers)]


# --- the rows ---------------------------------------------------------------------
def bench_extract(folder: Path, one_doc: Path, workers: int, docs: int, tokens: int, runs: int) -> Row:
    out = folder.parent / f"out{workers}.jsonl"
    best = min((run_measured(extract_command(folder, out, workers)) for _ in range(runs)), key=lambda r: r[0])
    lines = out.read_bytes().count(b"\n")
    if lines != docs:
        raise SystemExit(f"extract wrote {lines} records for {docs} documents")
    startup = min(run_measured(extract_command(one_doc, out, workers))[0] for _ in range(runs))
    seconds, main_mb, worker_mb = best
    return Row(
        f"extract --workers {workers}",
        docs,
        tokens,
        seconds,
        steady_seconds=max(seconds - startup, 1e-9),
        peak_rss_main_mb=main_mb,
        peak_rss_worker_mb=worker_mb or None,
        note=f"start-up {startup:.2f}s taken out",
    )


def bench_tokenizer(texts: Sequence[str], runs: int) -> Row:
    import spacy

    best = float("inf")
    tokens = 0
    for _ in range(runs):
        nlp = spacy.blank("en")
        start = time.perf_counter()
        tokens = sum(len(nlp.make_doc(text)) for text in texts)
        best = min(best, time.perf_counter() - start)
    return Row('spaCy blank("en") tokenizer', len(texts), tokens, best, note="in process, cold cache")


def bench_dateparser(texts: Sequence[str], sample: int, tokens: int) -> Row:
    from dateparser.search import search_dates

    search_dates("warm-up on Monday", languages=["en"])  # load its data outside the timing
    step = max(1, len(texts) // sample) if sample else 1
    picked = list(texts[::step])[: sample or None]
    start = time.perf_counter()
    for text in picked:
        search_dates(text, languages=["en"])
    seconds = time.perf_counter() - start
    scale = len(texts) / len(picked)
    return Row(
        "dateparser.search_dates",
        len(texts),
        tokens,
        seconds * scale,
        note=f"timed on {len(picked)} of {len(texts)} texts, scaled",
    )


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| run | docs | docs/s | tokens/s | seconds (end to end) | peak RSS main / worker (MB) | note |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        rss = "" if r.peak_rss_main_mb is None else f"{r.peak_rss_main_mb:.0f}"
        if r.peak_rss_worker_mb:
            rss += f" / {r.peak_rss_worker_mb:.0f}"
        lines.append(
            f"| {r.name} | {r.docs} | {r.docs_per_s:,.1f} | {r.tokens_per_s:,.0f} | {r.seconds:.2f} | {rss} | {r.note} |"
        )
    return "\n".join(lines)


def verdicts(one: Row, two: Row, floor: Row, dateparser: Row) -> List[str]:
    ratio = (one.steady_seconds or one.seconds) / floor.seconds
    speedup = dateparser.seconds / (one.steady_seconds or one.seconds)
    scaling = two.docs_per_s / one.docs_per_s
    worst_rss = max(x or 0 for x in (one.peak_rss_main_mb, two.peak_rss_worker_mb))

    def mark(ok: bool) -> str:
        return "met" if ok else "NOT met"

    return [
        f"- one worker / tokenizer floor: {ratio:.1f}x (target <= {TARGET_FLOOR_RATIO}x: {mark(ratio <= TARGET_FLOOR_RATIO)})",
        f"- one worker vs dateparser.search_dates: {speedup:.1f}x faster (target >= {TARGET_DATEPARSER_SPEEDUP}x: {mark(speedup >= TARGET_DATEPARSER_SPEEDUP)})",
        f"- two workers / one worker: {scaling:.2f}x (target >= {TARGET_SCALING}x: {mark(scaling >= TARGET_SCALING)})",
        f"- peak RSS per worker: {worst_rss:.0f} MB (target < {TARGET_RSS_MB} MB: {mark(worst_rss < TARGET_RSS_MB)})",
    ]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus (more: steadier rates)")
    parser.add_argument("--runs", type=int, default=2, help="timings per row; the best is kept")
    parser.add_argument("--dateparser-docs", type=int, default=40, help="sample size for dateparser (0: all)")
    parser.add_argument("--json", type=Path, help="also write the rows here as JSON")
    args = parser.parse_args(argv)

    base, where = load_texts()
    print(f"corpus: {where}; x{args.repeat} = {len(base) * args.repeat} documents; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="outages-bench-") as tmp:
        folder, one_doc = Path(tmp, "in"), Path(tmp, "one")
        folder.mkdir()
        one_doc.mkdir()
        texts = write_folder(base, args.repeat, folder)
        (one_doc / "one.txt").write_text(base[0], encoding="utf-8")
        floor = bench_tokenizer(texts, args.runs)
        rows = [
            bench_extract(folder, one_doc, 1, len(texts), floor.tokens, args.runs),
            bench_extract(folder, one_doc, 2, len(texts), floor.tokens, args.runs),
            floor,
            bench_dateparser(texts, args.dateparser_docs, floor.tokens),
        ]
    report = table(rows) + "\n\n" + "\n".join(verdicts(rows[0], rows[1], floor, rows[3]))
    print(report)
    print(f"load average at the end {os.getloadavg()[0]:.2f}", file=sys.stderr)
    if args.json:
        payload = [dict(asdict(r), docs_per_s=r.docs_per_s, tokens_per_s=r.tokens_per_s) for r in rows]
        args.json.write_text(json.dumps({"corpus": where, "repeat": args.repeat, "rows": payload}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
