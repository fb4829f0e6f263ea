"""The report's charts, drawn with matplotlib as inline SVG (text kept as text, no scripts).

Each function takes a :class:`~pipeline.analysis.summary.Summary` and returns an
``<svg>`` element as a string; the same summary gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Dict, List

from .summary import Summary, midpoint
from .timepoints import precision

# One colour per cause label (TAXONOMY.md), Okabe-Ito / Tableau hues: stable across reports.
CAUSE_COLOURS: Dict[str, str] = {
    "software_change": "#0072B2",
    "configuration": "#56B4E9",
    "software_bug": "#009E73",
    "capacity": "#E69F00",
    "network": "#CC79A7",
    "hardware": "#8C564B",
    "power": "#F0E442",
    "natural_disaster": "#17BECF",
    "cyberattack": "#D55E00",
    "human_error": "#9467BD",
    "third_party": "#7F7F7F",
    "unknown": "#C7C7C7",
}
TIMELINE_SERVICES = 15  # the services with most outages get a row each; the rest share "other"


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: selectable, searchable, small
    matplotlib.rcParams["svg.hashsalt"] = "outage-report"  # stable element ids
    matplotlib.rcParams["font.family"] = "sans-serif"
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure, label: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Title": label})
    text = buffer.getvalue()
    start = text.index("<svg")
    svg = text[start:]
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def _start_day(value: str) -> dt.date:
    """A start at month precision or finer as a calendar date (a month: its first day)."""
    return dt.date.fromisoformat(value[:10] if precision(value) != "month" else value + "-01")


def timeline_svg(summary: Summary) -> str:
    """Outages over time, one row per service, coloured by cause (month-precision starts hollow)."""
    dated = [o for o in summary.outages if o.month is not None]
    counts: Dict[str, int] = {}
    for outage in dated:
        counts[outage.service or "(no service)"] = counts.get(outage.service or "(no service)", 0) + 1
    top = sorted(counts, key=lambda s: (-counts[s], s))[:TIMELINE_SERVICES]
    rows = top + (["other"] if len(counts) > len(top) else [])
    figure = _figure(9, 0.9 + 0.32 * max(len(rows), 1))
    axes = figure.add_subplot()
    seen: Dict[str, bool] = {}
    for outage in dated:
        service = outage.service or "(no service)"
        row = rows.index(service if service in top else "other")
        colour = CAUSE_COLOURS.get(outage.cause, "#000000")
        exact = precision(outage.start) != "month"
        axes.scatter(
            [_start_day(outage.start)],
            [row],
            s=36 + 18 * (len(outage.articles) - 1),
            facecolors=colour if exact else "none",
            edgecolors=colour,
            linewidths=1.5,
            zorder=3,
        )
        seen[outage.cause] = True
    axes.set_yticks(range(len(rows)), rows)
    axes.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    axes.grid(axis="x", color="#e5e5e5")
    axes.set_xlabel("start (hollow: month only; larger: several articles)")
    if seen:
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], linestyle="none", marker="o", markersize=7, color=colour, label=cause)
            for cause, colour in CAUSE_COLOURS.items()
            if cause in seen
        ]
        axes.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small", title="cause"
        )
    return _svg(figure, "Timeline of outages per service")


def cause_shares_svg(summary: Summary) -> str:
    """Share of outages per cause, largest first."""
    rows = summary.by_cause
    total = len(summary.outages) or 1
    figure = _figure(7, 0.8 + 0.3 * max(len(rows), 1))
    axes = figure.add_subplot()
    names = [name for name, _ in rows]
    values = [100 * count / total for _, count in rows]
    bars = axes.barh(names, values, color=[CAUSE_COLOURS.get(n, "#000000") for n in names])
    axes.bar_label(bars, labels=[f"{count} ({v:.0f}%)" for (_, count), v in zip(rows, values)], padding=3)
    axes.invert_yaxis()
    axes.set_xlabel("share of outages (%)")
    axes.set_xlim(0, max(values + [1]) * 1.25)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, "Cause shares")


def duration_svg(summary: Summary) -> str:
    """Durations per cause on a log scale: a box (quartiles) and every outage as a dot."""
    causes: List[str] = list(summary.duration_by_cause)
    figure = _figure(8, 0.9 + 0.38 * max(len(causes), 1))
    axes = figure.add_subplot()
    if causes:
        values = {c: [] for c in causes}
        for outage in summary.outages:
            minutes = midpoint(outage)
            if minutes is not None and outage.cause in values:
                values[outage.cause].append(max(minutes, 1.0))
        data = [values[c] for c in causes]
        axes.boxplot(data, orientation="horizontal", widths=0.5, showfliers=False, medianprops={"color": "#222222"})
        for row, (cause, points) in enumerate(zip(causes, data), start=1):
            axes.scatter(points, [row] * len(points), s=22, color=CAUSE_COLOURS.get(cause, "#000000"), zorder=3)
        axes.set_yticks(range(1, len(causes) + 1), causes)
        axes.set_xscale("log")
        ticks = [(1, "1m"), (10, "10m"), (60, "1h"), (360, "6h"), (1440, "1d"), (10080, "1w"), (43200, "30d")]
        axes.set_xticks([t for t, _ in ticks], [label for _, label in ticks])
        axes.invert_yaxis()
    axes.set_xlabel("duration (midpoint of the stated range, log scale)")
    axes.grid(axis="x", color="#e5e5e5")
    return _svg(figure, "Duration distribution per cause")
