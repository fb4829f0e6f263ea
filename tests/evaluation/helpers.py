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


def incident(id: str, role: str = "related", **fields):
    """A models.Incident from short keyword fields (start/end values, duration minutes)."""
    from models import Incident

    data = {"id": id, "role": role}
    for name in ("start", "end"):
        if name in fields:
            data[name] = {"value": fields.pop(name)}
    if "minutes" in fields:
        low, high = fields.pop("minutes")
        data["duration"] = {"minutes": {"min": low, "max": high}, "basis": "stated"}
    if "cause" in fields:
        category, status = fields.pop("cause")
        data["cause"] = {"category": category, "status": status}
    data.update(fields)
    return Incident.model_validate(data)


ARTICLE = (
    "Acme Cloud went down on Monday morning. The outage lasted about two hours, the company "
    "said, blaming a bad software deploy. It was not a cyberattack, experts agreed. Back in "
    "July 2019, Acme Cloud was down for nearly an hour."
)


def sentences(text: str):
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append({"start": start, "end": i + 1})
            start = i + 2
    return out


def sentence_index(text: str, char: int) -> int:
    return max(i for i, s in enumerate(sentences(text)) if s["start"] <= char)


def timex(text: str, phrase: str, type: str, value: str, id: str, mod=None) -> dict:
    start = text.index(phrase)
    return {"id": id, "text": phrase, "start": start, "end": start + len(phrase),
            "sentence": sentence_index(text, start), "type": type, "value": value, "mod": mod, "rule": "hand"}


def cause(text: str, phrase: str, category: str, assertion: str, attribution: str, incident=None) -> dict:
    start = text.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase), "sentence": sentence_index(text, start),
            "category": category, "assertion": assertion, "attribution": attribution, "incident": incident,
            "rule": "hand"}


def record(text: str, doc_id: str = "doc", **lists):
    """A validated models.ArticleRecord for ``text`` with the given timexes/causes/incidents."""
    import hashlib

    from models import ArticleRecord

    data = {"doc_id": doc_id, "sha256": hashlib.sha256(text.encode()).hexdigest(), "sentences": sentences(text)}
    data.update(lists)
    return ArticleRecord.model_validate(data)


def golden_article() -> dict:
    """The golden record of ARTICLE as a careful reader writes it (JSON-ready)."""
    t = ARTICLE
    return {
        "doc_id": "acme",
        "reference_date": {"date": "2024-01-09", "source": "metadata"},
        "timexes": [
            timex(t, "Monday morning", "TIME", "2024-01-08TMO", "t1"),
            timex(t, "about two hours", "DURATION", "PT2H", "t2", "APPROX"),
            timex(t, "July 2019", "DATE", "2019-07", "t3"),
            timex(t, "nearly an hour", "DURATION", "PT1H", "t4", "LESS_THAN"),
        ],
        "causes": [
            cause(t, "a bad software deploy", "software_change", "affirmed", "official", "e1"),
            cause(t, "a cyberattack", "cyberattack", "negated", "third_party", "e1"),
        ],
        "incidents": [
            {"id": "e1", "role": "main", "service": "Acme Cloud", "start": {"value": "2024-01-08", "timex": "t1"},
             "duration": {"minutes": {"min": 120, "max": 120}, "iso": "PT2H", "basis": "stated", "timex": "t2"},
             "status": "resolved", "cause": {"category": "software_change", "status": "confirmed", "mentions": [0]},
             "ruled_out": ["cyberattack"], "sentences": [0, 1, 2]},
            {"id": "e2", "role": "related", "service": "Acme Cloud", "start": {"value": "2019-07", "timex": "t3"},
             "duration": {"minutes": {"min": 45, "max": 60}, "basis": "stated", "timex": "t4"},
             "status": "resolved", "sentences": [3]},
        ],
    }


def predicted_article():
    """A plausible, imperfect prediction for ARTICLE."""
    t = ARTICLE
    return record(
        t,
        doc_id="acme",
        timexes=[
            timex(t, "Monday", "DATE", "2024-01-08", "t1"),
            timex(t, "two hours", "DURATION", "PT2H", "t2"),
            timex(t, "July 2019", "DATE", "2019-07", "t3"),
        ],
        causes=[cause(t, "software deploy", "software_change", "affirmed", "unattributed", "e1")],
        incidents=[
            {"id": "e1", "role": "main", "service": "acme cloud", "start": {"value": "2024-01-08", "timex": "t1"},
             "duration": {"minutes": {"min": 120, "max": 120}, "basis": "stated", "timex": "t2"},
             "status": "unknown", "cause": {"category": "software_change", "status": "confirmed", "mentions": [0]},
             "sentences": [0, 1]},
        ],
    )
