"""Find input documents (files, folders, stdin) and read them into ``InputDocument``s."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterator, List, Optional, Sequence, Tuple, Union

from .decoding import decode_bytes
from .document import InputDocument, InputError
from .files import read_regular, unreadable_message
from .formats import SUPPORTED_SUFFIXES, format_of, is_sidecar

STDIN = "-"


def no_inputs_message(directory: Path) -> str:
    return f"no input files ({', '.join(SUPPORTED_SUFFIXES)}) in directory {str(directory)!r}"


@dataclass(frozen=True)
class InputRef:
    """One document to read: a file path, or stdin. ``error`` is set when it cannot be."""

    doc_id: str
    path: Optional[Path]  # None means stdin
    error: Optional[str] = None
    base: Optional[Path] = None  # the folder it was found in, when a folder was walked

    def relative_folder(self) -> Path:
        """Its folder relative to the walked folder (``.`` for files given by name)."""
        if self.path is None or self.base is None:
            return Path(".")
        try:
            return self.path.parent.relative_to(self.base)
        except ValueError:
            return Path(".")

    @property
    def source(self) -> Optional[str]:
        return None if self.path is None else str(self.path)


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


def read_sidecar(path: Path) -> Optional[str]:
    """``published`` from ``<stem>.meta.json`` beside ``path``, if there is one."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable metadata file {str(meta)!r}: {exc}") from None
    published = data.get("published") if isinstance(data, dict) else None
    if published is not None and not isinstance(published, str):
        raise InputError(f"metadata file {str(meta)!r}: 'published' must be a YYYY-MM-DD string")
    return published


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def read_bytes(ref: InputRef) -> bytes:
    if ref.path is None:
        return read_stdin()
    try:
        return read_regular(ref.path)
    except OSError as exc:
        raise InputError(unreadable_message(ref.path, exc)) from None


def read_document(ref: InputRef, data: Optional[bytes] = None) -> InputDocument:
    """Read and decode one document; raise ``InputError`` with a one-line message."""
    if ref.error:
        raise InputError(ref.error)
    if data is None:
        data = read_bytes(ref)
    text, warnings = decode_bytes(data)
    del data  # the bytes of a big file are not kept while it is extracted
    if not text or text.isspace():  # no copy of a big text, unlike strip()
        what = "stdin" if ref.path is None else repr(str(ref.path))
        raise InputError(f"empty document: {what} has no text")
    published = read_sidecar(ref.path) if ref.path is not None else None
    return InputDocument(
        doc_id=ref.doc_id, text=text, source=ref.source, published=published, warnings=warnings
    )


def iter_documents(refs: Sequence[InputRef]) -> Iterator[Union[InputDocument, InputError]]:
    """Each ref read into a document, or the error that stopped it (never raises)."""
    for ref in refs:
        try:
            yield read_document(ref)
        except InputError as exc:
            yield exc
