"""Typer wrappers of the evaluation commands: parse options, run the scorer, print the report."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import typer

from .console import error_line, note_line

JSON_HELP = "Also write the full report (every document, every mismatch) as JSON here; '-' prints it instead of the table."


def write_json_report(report: Dict[str, Any], json_file: Path) -> None:
    from ..output import open_output

    try:
        with open_output(json_file) as sink:
            sink.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        error_line(f"cannot write {str(json_file)!r}: {exc.strerror or exc}")
        raise typer.Exit(1)


def print_tables(*tables) -> None:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    for table in tables:
        console.print(table)


def write_system_timeml(report, gold_dir: Path, out_dir: Path) -> None:
    """Each scored document as TimeML at the same relative path under ``out_dir``."""
    from ..evaluation.timeml_writer import render_timeml
    from ..output import open_output

    try:
        for result in report.documents:
            target = out_dir / Path(result.path).relative_to(gold_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open_output(target) as sink:
                sink.write(render_timeml(result.text, result.predicted, result.doc_id, result.reference_date))
    except OSError as exc:
        error_line(f"cannot write TimeML under {str(out_dir)!r}: {exc.strerror or exc}")
        raise typer.Exit(1)


def timeml_eval_command(
    directory: Path = typer.Argument(..., metavar="DIR", help="Folder of TimeML .tml files (walked recursively)."),
    json_file: Optional[Path] = typer.Option(None, "--json", metavar="FILE", help=JSON_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, metavar="N", help="Score only the first N files (sorted by path)."),
    write_tml: Optional[Path] = typer.Option(
        None, "--write-tml", metavar="DIR", help="Also write our output as TimeML here, mirroring DIR, for the official TempEval-3 tools."
    ),
) -> None:
    """Score the pipeline's timexes on TimeML documents as TempEval-3 Task A does."""
    from ..evaluation.tables import timex_summary_table, timex_table
    from ..evaluation.timeml import TimemlError, find_timeml_files, limit_files
    from ..evaluation.timeml_eval import evaluate_timeml
    from ..nlp import build_pipeline
    from .progress import progress

    try:
        files = limit_files(find_timeml_files(directory), limit)
    except TimemlError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    nlp = build_pipeline()
    with progress(len(files), label="scoring") as advance:
        report = evaluate_timeml(files, nlp, on_document=lambda _: advance())
    for failed in report.errors:
        error_line(f"{failed.path}: {failed.error}")
    if write_tml is not None:
        write_system_timeml(report, directory, write_tml)
    if json_file is not None:
        write_json_report(report.to_dict(), json_file)
    if json_file is None or str(json_file) != "-":
        groups = report.totals_by_folder()
        tables = [timex_table(report.totals)]
        if len(groups) > 1:
            tables.append(timex_summary_table(groups))
        print_tables(*tables)
    note_line(f"{len(report.documents)} documents scored, {len(report.errors)} failed")


def eval_command(
    corpus: Path = typer.Option(Path("corpus"), "--corpus", metavar="DIR", help="Folder of <doc_id>.txt articles (with .meta.json sidecars)."),
    golden: Path = typer.Option(Path("golden"), "--golden", metavar="DIR", help="Folder of hand-written <doc_id>.json golden records."),
    json_file: Optional[Path] = typer.Option(None, "--json", metavar="FILE", help=JSON_HELP),
    show: Optional[str] = typer.Option(None, "--show", metavar="DOC", help="List every mismatch of this document (id or unique prefix) with the text around it."),
    fail_under: List[str] = typer.Option(
        [], "--fail-under", metavar="KEY=MIN", help="KEY=MIN (e.g. timexes.relaxed=0.95, incidents.main.start.f1=1) or MIN for every F1; exit 1 below it. Repeatable."
    ),
) -> None:
    """Score the pipeline against the golden files: timexes, cause mentions, incidents."""
    from ..evaluation.corpus_eval import evaluate_corpus
    from ..evaluation.golden import GoldenError, find_golden_files
    from ..evaluation.report import EvalReport
    from ..evaluation.show import mismatch_lines
    from ..evaluation.tables import eval_table
    from ..evaluation.thresholds import ThresholdError, parse_thresholds, shortfalls
    from ..nlp import build_pipeline
    from .progress import progress

    try:
        count = len(find_golden_files(golden))
    except GoldenError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    nlp = build_pipeline()
    with progress(count, label="evaluating") as advance:
        report = evaluate_corpus(corpus, golden, nlp, on_document=lambda _: advance())
    try:
        thresholds = parse_thresholds(fail_under, list(report.metrics()))
        shown = report.find(show) if show else None
    except (ThresholdError, KeyError) as exc:
        error_line(str(exc).strip("'\""))
        raise typer.Exit(2)
    for failed in report.errors:
        error_line(f"{failed.doc_id}: {failed.message}")
    if json_file is not None:
        write_json_report(report.to_dict(), json_file)
    if json_file is None or str(json_file) != "-":
        if shown is not None:
            single = EvalReport(documents=[shown])
            print_tables(eval_table(single.rows(), f"{shown.doc_id}"), *mismatch_lines(shown))
        else:
            print_tables(eval_table(report.rows(), f"Evaluation against {golden} ({len(report.documents)} documents)"))
    below = shortfalls(report.metrics(), thresholds)
    for shortfall in below:
        error_line(f"below threshold: {shortfall}")
    note_line(f"{len(report.documents)} documents evaluated, {len(report.errors)} failed")
    if below or report.errors:
        raise typer.Exit(1)

