"""Golden files: ``golden/<doc_id>.json``, hand-written records in the shape of the models.

A golden file is validated against the output models (every timex, cause
mention and incident strictly); only the bookkeeping fields a human cannot
sensibly write (``sha256``) or that the file name gives (``doc_id``) may be
left out. Every span must match the article text.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Union


from models import ArticleRecord

from .files import load_model_file, sorted_files

GOLDEN_SUFFIX = ".json"


class GoldenError(Exception):
    """A golden file that cannot be used; the message is one line."""


class GoldenRecord(ArticleRecord):
    """An :class:`ArticleRecord` whose ``doc_id`` and ``sha256`` may be omitted."""

    doc_id: Optional[str] = None  # type: ignore[assignment]
    sha256: Optional[str] = None  # type: ignore[assignment]


def load_golden(path: Union[str, Path]) -> GoldenRecord:
    """Read and validate one golden file; raise :class:`GoldenError` with a one-line message."""
    path = Path(path)
    try:
        record = load_model_file(path, GoldenRecord, "golden file ")
    except ValueError as exc:
        raise GoldenError(str(exc)) from None
    if record.doc_id is not None and record.doc_id != path.stem:
        raise GoldenError(f"golden file {str(path)!r} has doc_id {record.doc_id!r}, not {path.stem!r}")
    record.doc_id = path.stem
    return record


def check_against_text(record: GoldenRecord, text: str, sha256: str) -> None:
    """Raise :class:`GoldenError` if the golden file does not fit the article text."""
    if record.sha256 is not None and record.sha256 != sha256:
        raise GoldenError(f"golden file for {record.doc_id!r} was written for another text (sha256 differs)")
    for kind, items in (("timex", record.timexes), ("cause", record.causes)):
        for item in items:
            if text[item.start : item.end] != item.text:
                raise GoldenError(
                    f"golden {kind} {item.text!r} of {record.doc_id!r} does not match the text at "
                    f"{item.start}-{item.end} ({text[item.start:item.end]!r})"
                )


def find_golden_files(directory: Union[str, Path]) -> List[Path]:
    """The golden files in ``directory``, sorted; :class:`GoldenError` when there are none."""
    try:
        return sorted_files(directory, f"*{GOLDEN_SUFFIX}", recursive=False, what="golden")
    except ValueError as exc:
        raise GoldenError(str(exc)) from None
