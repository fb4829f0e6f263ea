"""Small hand-made timexes and TimeML files for the evaluation tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class T:
    """A timex as the scorers see it (start, end, text, type, value, mod)."""

    start: int
    end: int
    type: str = "DATE"
    value: Optional[str] = None
    mod: Optional[str] = None
    text: str = ""
    id: Optional[str] = None


def timeml_file(path, body: str, dct: Optional[str] = "1998-08-07", doc_id: str = "DOC1") -> None:
    dct_xml = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>'
        if dct
        else ""
    )
    path.write_text(
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{doc_id}</DOCID>\n{dct_xml}\n'
        f"<TITLE>A title with 1998</TITLE>\n<TEXT>{body}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )
