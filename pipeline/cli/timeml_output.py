"""``extract --format timeml``: one TimeML document per input document, text with inline TIMEX3 tags.

Documents are found and read as for JSON Lines (``.json`` lists and ``.jsonl``
lines are records, ``.html`` pages their article text). With ``-o DIR`` the
input folder's tree is mirrored (``a/x.txt`` -> ``DIR/a/x.tml``), a name
already written gets ``-2``, ``-3``, ... so nothing is overwritten, and the
error records of failed documents go to ``DIR/errors.jsonl``: each input
document gives a ``.tml`` file or an error record.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Set, Tuple

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
    "read; several inputs need -o DIR, whose tree mirrors the input folder's); csv / "
    "parquet: one row per incident (README: Incident table; parquet needs -o FILE); "
    "text: the article with what was found highlighted (as outages show)."
)
ERRORS_FILE = "errors.jsonl"


def safe_stem(doc_id: str) -> str:
    """A document id usable as one file name: no folder separators, no leading dot."""
    from ..names import shown

    stem = shown(doc_id).replace("/", "_").replace("\\", "_")
    return "_" + stem[1:] if stem.startswith(".") else stem or "_"


class Targets:
    """Unique ``.tml`` paths under ``DIR``, mirroring the input tree."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: Set[Path] = set()

    def __call__(self, ref, doc_id: str) -> Path:
        folder = self.directory / ref.relative_folder()
        stem = safe_stem(doc_id)
        target, n = folder / f"{stem}.tml", 1
        while target in self.used:
            n += 1
            target = folder / f"{stem}-{n}.tml"
        self.used.add(target)
        return target


def documents(refs: Sequence, options) -> Iterator[Tuple[object, object, Optional[object]]]:
    """``(ref, outcome, document or None)`` for every document of every input, in order."""
    from ..document import InputError
    from ..formats import expand, load
    from ..nlp import build_pipeline
    from ..run import error_record, extract_one, internal_error

    nlp = build_pipeline(options.model)
    for ref in refs:
        for pending in expand(ref.doc_id, ref.path, ref.error):
            try:
                document = load(pending)
            except InputError as exc:
                doc_id = getattr(exc, "doc_id", None) or pending.doc_id
                yield ref, error_record(doc_id, pending.source, str(exc)), None
                continue
            except Exception as exc:  # a bug in a reader must not stop the run
                yield ref, error_record(pending.doc_id, pending.source, internal_error(exc)), None
                continue
            yield ref, extract_one(document, options, nlp), document


def write_timeml(refs: Sequence, options, output: Optional[Path]) -> None:
    """Extract each document and write it as TimeML; exit 1 if any failed, 2 on bad usage."""
    from ..evaluation.timeml_writer import render_timeml
    from ..formats import format_of
    from ..output import open_output, render
    from .progress import progress

    several = (
        len(refs) > 1
        or any(r.base is not None or (r.path is not None and format_of(r.path) in ("json", "jsonl")) for r in refs)
        or (output is not None and output.is_dir())
    )
    if several:
        if output is None:
            error_line("--format timeml with several documents needs -o DIR (one .tml file each)")
            raise typer.Exit(2)
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            error_line(f"cannot create output directory {str(output)!r}: {exc.strerror or exc}")
            raise typer.Exit(2)
    targets = Targets(output) if several and output is not None else None
    errors: List[str] = []
    total = 0
    with progress(len(refs)) as advance:
        for ref, outcome, document in documents(refs, options):
            advance()
            total += 1
            error = getattr(outcome, "error", None)
            if error is not None or document is None:
                errors.append(render(outcome))
                error_line(f"{outcome.source or outcome.doc_id}: {error}" if several else str(error))
                continue
            page = render_timeml(document.text, outcome.timexes, outcome.doc_id, outcome.reference_date.date)
            target = targets(ref, outcome.doc_id) if targets is not None else output
            try:
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                with open_output(target) as sink:
                    sink.write(page)
            except OSError as exc:
                error_line(f"cannot write output {str(target)!r}: {exc.strerror or exc}")
                raise typer.Exit(1)
    if errors and targets is not None:
        with open_output(targets.directory / ERRORS_FILE) as sink:
            sink.write("".join(line + "\n" for line in errors))
    if errors:
        if several:
            where = f"; their error records are in {str(targets.directory / ERRORS_FILE)!r}" if targets else ""
            note_line(f"{len(errors)} of {total} documents failed{where}")
        raise typer.Exit(1)
