"""Listing and reading the input files of an evaluation (golden files, real-news gold facts)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Type, TypeVar, Union

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def sorted_files(directory: Union[str, Path], pattern: str, recursive: bool, what: str) -> List[Path]:
    """The files matching ``pattern`` in ``directory``, sorted; ``ValueError`` (one line) when
    the directory is missing or holds none."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"no {what} directory {str(directory)!r}")
    found = directory.rglob(pattern) if recursive else directory.glob(pattern)
    files = sorted(p for p in found if p.is_file())
    if not files:
        raise ValueError(f"no {what} files ({pattern}) in {str(directory)!r}")
    return files


def first_error(exc: ValidationError) -> str:
    """The first validation error as one line ("main.cause.0: Input should be ...")."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def load_model_file(path: Path, model: Type[M], what: str = "") -> M:
    """A JSON file validated as ``model``; ``ValueError`` with a one-line message naming the file
    (``what``, e.g. "golden file ", comes before its name)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {what}{str(path)!r}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ValueError(f"{what}{str(path)!r} is not valid JSON: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"{what}{str(path)!r}: {first_error(exc)}") from None
