"""Read the records ``extract`` wrote (JSON Lines) back into models, and their texts."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, List, Optional

from models import ArticleRecord


class RecordsError(Exception):
    """The records file cannot be used; the message is one line for the user."""


@dataclass
class LoadedRecords:
    """The article records of a JSON Lines file; error records are only counted."""

    articles: List[ArticleRecord] = field(default_factory=list)
    error_records: int = 0


def parse_records(lines: Iterable[str], name: str = "<records>") -> LoadedRecords:
    """Article records from JSON lines; a line that is no record raises :class:`RecordsError`."""
    from pydantic import ValidationError

    loaded = LoadedRecords()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            raise RecordsError(f"{name}, line {number}: not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise RecordsError(f"{name}, line {number}: not a record (a JSON object)")
        if "error" in data and "sha256" not in data:
            loaded.error_records += 1
            continue
        try:
            loaded.articles.append(ArticleRecord.model_validate(data))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise RecordsError(f"{name}, line {number}: not an article record ({where}: {first['msg']})") from None
    return loaded


def load_records(path: Path) -> LoadedRecords:
    """The records of ``extract``'s JSON Lines output ``path`` (one object per line)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_records(handle, str(path))
    except FileNotFoundError:
        raise RecordsError(f"no such file: {str(path)!r}") from None
    except IsADirectoryError:
        raise RecordsError(f"is a directory, not a JSON Lines file: {str(path)!r}") from None
    except UnicodeDecodeError:
        raise RecordsError(f"not UTF-8 JSON Lines: {str(path)!r}") from None
    except OSError as exc:
        raise RecordsError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None


def source_text(record: ArticleRecord) -> Optional[str]:
    """The text the record was extracted from, when its ``source`` file is still there unchanged.

    A ``.txt`` or ``.html`` source is read as ``extract`` reads it (same decoding and
    repair; an HTML page through trafilatura, when the extra is installed). A text whose
    SHA-256 differs from the record's is not the same text and gives None; so does a
    crawler record's URL.
    """
    from ..document import InputError
    from ..formats import expand, format_of, load

    if not record.source:
        return None
    path = Path(record.source)
    if format_of(path) not in ("text", "html") or not path.is_file():
        return None
    try:
        document = load(next(expand(record.doc_id, path)))
    except (InputError, OSError, StopIteration):
        return None
    return document.text if document.sha256 == record.sha256 else None
