"""Read TimeML documents (``.tml``): the ``<TEXT>`` body as plain text, its gold
TIMEX3s with character offsets into that text, and the document creation time.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union
from xml.etree import ElementTree

from .files import sorted_files

TIMEML_SUFFIX = ".tml"
TIMEML_ENV = "OUTAGES_TIMEML_DIR"


class TimemlError(Exception):
    """A TimeML file that cannot be read; the message is one line."""


@dataclass(frozen=True)
class GoldTimex:
    tid: str
    text: str
    start: int
    end: int
    type: str
    value: Optional[str]
    mod: Optional[str] = None


@dataclass(frozen=True)
class TimemlDocument:
    doc_id: str
    path: Path
    text: str  # the <TEXT> body, tags removed, entities decoded
    dct: Optional[str]  # the creation time's TIMEX3 value as written
    timexes: Tuple[GoldTimex, ...]

    @property
    def reference_date(self) -> Optional[str]:
        """The creation time as YYYY-MM-DD, when its value starts with a full date."""
        if not self.dct or len(self.dct) < 10:
            return None
        try:
            return dt.date.fromisoformat(self.dct[:10]).isoformat()
        except ValueError:
            return None


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def flatten(element: ElementTree.Element) -> Tuple[str, List[GoldTimex]]:
    """The text inside ``element`` and the TIMEX3s in it, with offsets into that text.

    TIMEX3s with no text (non-consuming ones) are left out, as the TempEval-3
    toolkit leaves them out of scoring.
    """
    parts: List[str] = []
    found: List[Tuple[int, int, Dict[str, str]]] = []
    length = 0

    def add(chunk: Optional[str]) -> None:
        nonlocal length
        if chunk:
            parts.append(chunk)
            length += len(chunk)

    def walk(node: ElementTree.Element) -> None:
        start = length
        add(node.text)
        for child in node:
            walk(child)
            add(child.tail)
        if local_name(node.tag) == "TIMEX3" and length > start:
            found.append((start, length, dict(node.attrib)))

    walk(element)
    text = "".join(parts)
    timexes = [
        GoldTimex(
            tid=attrs.get("tid", ""),
            text=text[start:end],
            start=start,
            end=end,
            type=attrs.get("type", ""),
            value=attrs.get("value") or None,
            mod=attrs.get("mod") or None,
        )
        for start, end, attrs in sorted(found, key=lambda f: (f[0], -f[1]))
    ]
    return text, timexes


def creation_time(root: ElementTree.Element) -> Optional[str]:
    for node in root.iter():
        if local_name(node.tag) != "TIMEX3":
            continue
        if node.get("functionInDocument") == "CREATION_TIME":
            return node.get("value") or None
    for node in root.iter():
        if local_name(node.tag) == "DCT":
            for timex in node.iter():
                if local_name(timex.tag) == "TIMEX3" and timex.get("value"):
                    return timex.get("value")
    return None


def read_timeml(path: Union[str, Path]) -> TimemlDocument:
    """Parse one ``.tml`` file; raise :class:`TimemlError` with a one-line message."""
    path = Path(path)
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise TimemlError(f"{str(path)!r} is not well-formed XML: {exc}") from None
    except OSError as exc:
        raise TimemlError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    body = next((n for n in root.iter() if local_name(n.tag) == "TEXT"), None)
    if body is None:
        raise TimemlError(f"{str(path)!r} has no <TEXT> element")
    text, timexes = flatten(body)
    doc_id = next((n.text for n in root.iter() if local_name(n.tag) == "DOCID" and n.text), None)
    return TimemlDocument(
        doc_id=(doc_id or path.stem).strip(),
        path=path,
        text=text,
        dct=creation_time(root),
        timexes=tuple(timexes),
    )


def find_timeml_files(directory: Union[str, Path]) -> List[Path]:
    """The ``.tml`` files under ``directory``, recursively, sorted; :class:`TimemlError` when none."""
    try:
        return sorted_files(directory, f"*{TIMEML_SUFFIX}", recursive=True, what="TimeML")
    except ValueError as exc:
        raise TimemlError(str(exc)) from None


def default_timeml_dir(repo_root: Union[str, Path]) -> Path:
    """``$OUTAGES_TIMEML_DIR``, else ``<repo>/../shared/data/timeml``."""
    env = os.environ.get(TIMEML_ENV)
    return Path(env) if env else Path(repo_root).resolve().parent / "shared" / "data" / "timeml"


def limit_files(files: Sequence[Path], limit: Optional[int]) -> List[Path]:
    return list(files if limit is None else files[:limit])
