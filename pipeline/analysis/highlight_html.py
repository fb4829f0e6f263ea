"""The article view as one HTML page, displaCy style: marked spans with their label after them,
incident sentences tinted and tagged. No scripts, nothing fetched."""
from __future__ import annotations

import html
from typing import List

from models import ArticleRecord

from .highlight import incident_lines, view_segments

STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
       max-width: 900px; margin: 2em auto; padding: 0 1em; }
.article { white-space: pre-wrap; line-height: 2.2; }
mark { padding: .2em .35em; margin: 0 .1em; border-radius: .35em; color: inherit; }
mark.timex { background: #c6dbef; } mark.cause { background: #fdd0a2; }
mark mark { padding: .1em .2em; }
.label { font-size: .7em; font-weight: bold; margin-left: .4em; vertical-align: middle;
         text-transform: none; white-space: nowrap; }
.incident { background: #f3ecfa; }
.tag { font-size: .7em; font-weight: bold; color: #6a3d9a; vertical-align: super; margin-right: .2em; }
.meta { color: #555; } .legend mark { margin-right: 1em; }
ul.incidents { padding-left: 1.2em; }
"""


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def html_view(record: ArticleRecord, text: str) -> str:
    """The whole page as a string; ``text[start:end]`` of every mark appears escaped, unchanged."""
    reference = record.reference_date
    parts: List[str] = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(record.doc_id)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(record.doc_id)}</h1>",
        f'<p class="meta">reference date {_e(reference.date or "unknown")} ({_e(reference.source)})'
        + (f" · {_e(record.source)}" if record.source else "")
        + "</p>",
        '<ul class="incidents">'
        + "".join(f"<li>{_e(line)}</li>" for line in incident_lines(record))
        + "</ul>",
        '<p class="legend"><mark class="timex">time<span class="label">TYPE value</span></mark>'
        '<mark class="cause">cause<span class="label">label</span></mark>'
        '<span class="incident"><span class="tag">e1</span>a sentence of incident e1</span></p>',
    ]
    article: List[str] = []
    for segment in view_segments(record, text):
        if segment.opens:
            article.append(f'<span class="tag">{_e(",".join(segment.opens))}</span>')
        piece = _e(text[segment.start : segment.end])
        for mark in reversed(segment.marks):  # innermost first
            label = ""
            if mark in segment.closes:
                title = f"{mark.label} {mark.detail}".strip()
                label = f'<span class="label">{_e(title)}</span>'
            piece = f'<mark class="{mark.kind}">{piece}{label}</mark>'
        if segment.incidents:
            piece = f'<span class="incident" title="{_e(", ".join(segment.incidents))}">{piece}</span>'
        article.append(piece)
    return "\n".join(parts) + '\n<div class="article">' + "".join(article) + "</div>\n</body></html>\n"
