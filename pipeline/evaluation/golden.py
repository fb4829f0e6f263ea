"""Golden files: ``golden/<doc_id>.json``, hand-written records in the shape of the models.

A golden file is validated against the output models (every timex, cause
mention and incident strictly); only the bookkeeping fields a human cannot
sensibly write (``sha256``) or that the file name gives (``doc_id``) may be
left out. Every span must match the article text.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional, Union

from pydantic import ValidationError

from models import ArticleRecord

from .files import sorted_files

GOLDEN_SUFFIX = ".json"


class GoldenError(Exception):
    """A golden file that cannot be used; the message is one line."""


class GoldenRecord(ArticleRecord):
    """An :class:`ArticleRecord` whose ``doc_id`` and ``sha256`` may be omitted."""

    doc_id: Optional[str] = None  # type: ignore[assignment]
    sha256: Optional[str] = None  # type: ignore[assignment]


def first_error(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def load_golden(path: Union[str, Path]) -> GoldenRecord:
    """Read and validate one golden file; raise :class:`GoldenError` with a one-line message."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldenError(f"cannot read golden file {str(path)!r}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise GoldenError(f"golden file {str(path)!r} is not valid JSON: {exc}") from None
    try:
        record = GoldenRecord.model_validate(data)
    except ValidationError as exc:
        raise GoldenError(f"golden file {str(path)!r}: {first_error(exc)}") from None
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
