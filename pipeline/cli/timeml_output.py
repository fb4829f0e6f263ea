"""``extract --format timeml``: one TimeML document per input, text with inline TIMEX3 tags."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional, Sequence

import typer

from .console import error_line, note_line


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    timeml = "timeml"
    csv = "csv"
    parquet = "parquet"
    text = "text"


FORMAT_HELP = (
    "jsonl: one JSON record per line (JSON Lines); json: one JSON array of the records; "
    "timeml: the text with inline TIMEX3 tags (a TimeML document the TempEval-3 tools "
    "read; several inputs need -o DIR); csv / parquet: one row per incident (README: "
    "Incident table; parquet needs -o FILE); text: the article with what was found "
    "highlighted (as outages show)."
)


def timeml_target(output: Optional[Path], doc_id: str, several: bool) -> Optional[Path]:
    """Where one document's TimeML goes: stdout (None), the file, or DIR/<doc_id>.tml."""
    if output is None:
        return None
    if several or output.is_dir():
        return output / f"{doc_id}.tml"
    return output


def write_timeml(refs: Sequence, options, output: Optional[Path]) -> None:
    """Extract each ref and write it as TimeML; exit 1 if any failed, 2 on bad usage."""
    from ..evaluation.timeml_writer import render_timeml
    from ..output import open_output
    from ..run import extract_pairs
    from .progress import progress

    several = len(refs) > 1
    if several:
        if output is None:
            error_line("--format timeml with several documents needs -o DIR (one .tml file each)")
            raise typer.Exit(2)
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            error_line(f"cannot create output directory {str(output)!r}: {exc.strerror or exc}")
            raise typer.Exit(2)
    failed = 0
    with progress(len(refs)) as advance:
        for document, outcome in extract_pairs(refs, options):
            advance()
            error = getattr(outcome, "error", None)
            if error is not None or document is None:
                failed += 1
                error_line(f"{outcome.source or outcome.doc_id}: {error}" if several else str(error))
                continue
            page = render_timeml(document.text, outcome.timexes, outcome.doc_id, outcome.reference_date.date)
            target = timeml_target(output, outcome.doc_id, several)
            try:
                with open_output(target) as sink:
                    sink.write(page)
            except OSError as exc:
                error_line(f"cannot write output {str(target)!r}: {exc.strerror or exc}")
                raise typer.Exit(1)
    if failed:
        if several:
            note_line(f"{failed} of {len(refs)} documents failed")
        raise typer.Exit(1)
