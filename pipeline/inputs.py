"""Find input documents: the command line's files, folders (walked) and stdin, as ``InputRef``s.

Discovery only; reading a document is the formats' job (:mod:`pipeline.formats`,
``.txt`` and stdin in :mod:`pipeline.formats.text`). This module imports them, never
the other way round.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Collection, List, Optional, Sequence, Tuple, Union

from .document import InputRef as InputRef  # re-exported: where discovery's refs are defined
from .formats import SUPPORTED_SUFFIXES, format_of, is_sidecar
from .formats.text import read_document as read_document  # re-exported for older callers

STDIN = "-"


def no_inputs_message(directory: Path) -> str:
    return f"no input files ({', '.join(SUPPORTED_SUFFIXES)}) in directory {str(directory)!r}"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(directory: Path, exclude: Collection[Path] = ()) -> List[Tuple[Path, Optional[str]]]:
    """Input files under ``directory``, recursively, in sorted path order.

    Hidden files and folders, ``<stem>.meta.json`` sidecars, unsupported
    suffixes and the ``exclude`` paths (our own output) are left out. A
    subfolder that cannot be listed is kept, with the error, in its place:
    it becomes an error record instead of vanishing silently.
    """
    skip = {os.path.abspath(p) for p in exclude}
    found: List[Tuple[Path, Optional[str]]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else directory
        found.append((where, f"cannot read folder {str(where)!r}: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            path = Path(root, name)
            if _hidden(name) or is_sidecar(path) or format_of(path) is None:
                continue
            if os.path.abspath(path) not in skip:
                found.append((path, None))
    return sorted(found, key=lambda item: item[0])


def discover(paths: Sequence[Union[str, Path]], exclude: Collection[Path] = ()) -> List[InputRef]:
    """Expand the command-line paths into input files, in order.

    No paths (or ``-``) means stdin. A directory is walked recursively for the
    supported formats (``.txt``, ``.json``, ``.jsonl``, ``.html``, ``.htm``) in
    sorted order, leaving out ``exclude``. Problems become refs with an ``error``.
    """
    if not paths:
        return [InputRef("stdin", None)]
    refs: List[InputRef] = []
    for raw in paths:
        if str(raw) == STDIN:
            refs.append(InputRef("stdin", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, exclude)
            if not found:
                refs.append(InputRef(path.name or str(path), path, no_inputs_message(path)))
            refs.extend(InputRef(p.name if error else p.stem, p, error, base=path) for p, error in found)
        elif path.exists():
            refs.append(InputRef(path.stem, path))
        else:
            refs.append(InputRef(path.stem or str(path), path, f"no such file or directory: {str(path)!r}"))
    return refs
