"""Listing the input files of an evaluation."""
from __future__ import annotations

from pathlib import Path
from typing import List, Union


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
