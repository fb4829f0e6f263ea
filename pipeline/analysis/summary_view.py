"""The summary as rich tables (terminal) and as a plain dict (``--json``)."""
from __future__ import annotations

from typing import Any, Dict, List

from .summary import Summary


def format_minutes(minutes: float) -> str:
    """``45`` -> ``45m``, ``257`` -> ``4h 17m``, ``4320`` -> ``3d``, ``5790`` -> ``4d 0h``."""
    minutes = round(minutes)
    if minutes < 60:
        return f"{minutes}m"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {rest:02d}m" if rest else f"{hours}h"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h" if hours else f"{days}d"


def share(count: int, total: int) -> str:
    return f"{100 * count / total:.0f}%" if total else "-"


def summary_tables(summary: Summary) -> List[Any]:
    """Rich renderables, in the order printed."""
    from rich.table import Table

    total = len(summary.outages)
    heading = Table.grid(padding=(0, 2))
    heading.add_column(style="bold")
    heading.add_column(justify="right")
    heading.add_row("articles", str(summary.articles))
    if summary.error_records:
        heading.add_row("error records (skipped)", str(summary.error_records))
    heading.add_row("incidents in the records", str(summary.incidents))
    heading.add_row("outages (reports of one outage merged)", str(total))
    heading.add_row("outages reported by several articles", str(len(summary.merged)))
    heading.add_row(
        "outages with an unknown cause",
        f"{summary.unknown_cause} ({share(summary.unknown_cause, total)})",
    )
    tables: List[Any] = [heading]
    for title, rows, label in (
        ("Outages by cause", summary.by_cause, "cause"),
        ("Outages by service", summary.by_service, "service"),
        ("Outages by month (of the start)", summary.by_month, "month"),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column(label)
        table.add_column("outages", justify="right")
        table.add_column("share", justify="right")
        for name, count in rows:
            table.add_row(name, str(count), share(count, total))
        tables.append(table)
    durations = Table(title="Duration per cause (quartiles of the outages' durations)", title_justify="left")
    for name in ("cause", "with duration", "min", "q1", "median", "q3", "max"):
        durations.add_column(name, justify="left" if name == "cause" else "right")
    for cause, q in summary.duration_by_cause.items():
        durations.add_row(
            cause, str(q.count), *(format_minutes(v) for v in (q.minimum, q.q1, q.median, q.q3, q.maximum))
        )
    tables.append(durations)
    if summary.merged:
        merged = Table(title="Outages reported by several articles", title_justify="left")
        for name in ("service", "start", "cause", "articles"):
            merged.add_column(name)
        for outage in summary.merged:
            merged.add_row(outage.service or "", outage.start or "", outage.cause, ", ".join(outage.articles))
        tables.append(merged)
    return tables


def outage_dict(outage) -> Dict[str, Any]:
    minutes = outage.duration_minutes
    return {
        "id": outage.id,
        "service": outage.service,
        "role": outage.role,
        "start": outage.start,
        "end": outage.end,
        "duration_minutes": None if minutes is None else {"min": minutes[0], "max": minutes[1]},
        "cause": outage.cause,
        "cause_status": outage.cause_status,
        "articles": outage.articles,
        "reports": [{"doc_id": r.doc_id, "incident": r.incident.id} for r in outage.reports],
    }


def summary_dict(summary: Summary) -> Dict[str, Any]:
    """Everything the tables show, as JSON-ready data."""
    return {
        "articles": summary.articles,
        "error_records": summary.error_records,
        "incidents": summary.incidents,
        "outages": len(summary.outages),
        "merged_outages": len(summary.merged),
        "unknown_cause": summary.unknown_cause,
        "unknown_cause_share": round(summary.unknown_cause_share, 4),
        "by_cause": dict(summary.by_cause),
        "by_service": dict(summary.by_service),
        "by_month": dict(summary.by_month),
        "duration_by_cause": {
            cause: {"count": q.count, "min": q.minimum, "q1": q.q1, "median": q.median, "q3": q.q3, "max": q.maximum}
            for cause, q in summary.duration_by_cause.items()
        },
        "outage_list": [outage_dict(o) for o in summary.outages],
    }

