"""``outages summarize --html``: one self-contained HTML page (inline CSS and SVG, no scripts,
nothing fetched), so it opens the same offline, in a mail client or years from now."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable, List, Sequence

from .summary import Summary
from .summary_view import format_minutes, share

MISSING_EXTRA = 'the HTML report draws its charts with matplotlib: pip install -e ".[report]"'

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
.tiles { display: flex; flex-wrap: wrap; gap: 1em; margin: 1.2em 0; }
.tile { background: #f4f6f8; border-radius: 8px; padding: .7em 1.1em; min-width: 9em; }
.tile b { display: block; font-size: 1.7em; }
figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9em; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-variant-numeric: tabular-nums; }
th, td { padding: .25em .8em; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
.grid { display: flex; flex-wrap: wrap; gap: 2.5em; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; }
.muted { color: #666; }
"""


def report_support() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _table(headers: Sequence[str], rows: Iterable[Sequence], numeric: Sequence[int] = ()) -> str:
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{_e(h)}</th>' for i, h in enumerate(headers))
    def cells(row: Sequence) -> str:
        return "".join(f'<td{" class=n" if i in numeric else ""}>{cell}</td>' for i, cell in enumerate(row))

    body = "".join(f"<tr>{cells(row)}</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cause(label: str) -> str:
    from .charts import CAUSE_COLOURS

    colour = CAUSE_COLOURS.get(label, "#000000")
    return f'<span class="swatch" style="background:{colour}"></span>{_e(label)}'


def _articles(outage) -> str:
    links: List[str] = []
    sources = {r.doc_id: r.source for r in outage.reports}
    for doc_id in outage.articles:
        source = sources.get(doc_id)
        if source and source.startswith(("http://", "https://")):
            links.append(f'<a href="{_e(source)}">{_e(doc_id)}</a>')
        else:
            links.append(f'<span title="{_e(source)}">{_e(doc_id)}</span>')
    return ", ".join(links)


def render_report(summary: Summary, title: str = "Outage report") -> str:
    """The whole page as a string."""
    from .charts import cause_shares_svg, duration_svg, timeline_svg

    total = len(summary.outages)
    tiles = [
        ("articles", summary.articles),
        ("incidents in the records", summary.incidents),
        ("outages after merging", total),
        ("reported by several articles", len(summary.merged)),
        ("unknown cause", f"{summary.unknown_cause} ({share(summary.unknown_cause, total)})"),
    ]
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        '<p class="muted">Incidents extracted by outage-extract; reports of one outage in several '
        "articles (same service, overlapping time) are merged into one outage.</p>",
        '<div class="tiles">'
        + "".join(f'<div class="tile"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in tiles)
        + "</div>",
        "<h2>Timeline</h2>",
        f"<figure>{timeline_svg(summary)}<figcaption>Each outage at its start, one row per service, "
        "coloured by cause.</figcaption></figure>",
        '<h2>Causes</h2><div class="grid"><div>',
        _table(
            ["cause", "outages", "share"],
            ((_cause(name), n, share(n, total)) for name, n in summary.by_cause),
            numeric=(1, 2),
        ),
        f"</div><figure>{cause_shares_svg(summary)}</figure></div>",
        "<h2>Durations</h2>",
        f"<figure>{duration_svg(summary)}<figcaption>Box: quartiles; dots: outages (the midpoint "
        "of each stated duration range).</figcaption></figure>",
        _table(
            ["cause", "with duration", "min", "q1", "median", "q3", "max"],
            (
                (_cause(c), q.count, *(format_minutes(v) for v in (q.minimum, q.q1, q.median, q.q3, q.maximum)))
                for c, q in summary.duration_by_cause.items()
            ),
            numeric=(1, 2, 3, 4, 5, 6),
        ),
        '<h2>Services and months</h2><div class="grid"><div>',
        _table(
            ["service", "outages", "share"],
            ((_e(name), n, share(n, total)) for name, n in summary.by_service),
            numeric=(1, 2),
        ),
        "</div><div>",
        _table(["month", "outages"], ((_e(m), n) for m, n in summary.by_month), numeric=(1,)),
        "</div></div>",
        "<h2>All outages</h2>",
        _table(
            ["service", "start", "end", "duration", "cause", "status", "articles"],
            (
                (
                    _e(o.service),
                    _e(o.start),
                    _e(o.end),
                    _e(
                        ""
                        if o.duration_minutes is None
                        else "–".join(dict.fromkeys(format_minutes(m) for m in o.duration_minutes))
                    ),
                    _cause(o.cause),
                    _e(o.cause_status),
                    _articles(o),
                )
                for o in sorted(summary.outages, key=lambda o: (o.start is None, o.start or "", o.id))
            ),
        ),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_report(summary: Summary, path: Path, title: str = "Outage report") -> None:
    """Write the page to ``path`` (a temp file renamed over it)."""
    from ..output import open_output
    from .files import readable_by_all

    page = render_report(summary, title)
    with open_output(path) as handle:
        handle.write(page)
    readable_by_all(path)

