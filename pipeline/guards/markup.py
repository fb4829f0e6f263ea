"""HTML left in a text file: how much, and whether it is a whole page."""
from __future__ import annotations

from dataclasses import dataclass

from .rules import MarkupRules


@dataclass(frozen=True)
class MarkupReport:
    tags: int  # tags and comments found in the sample
    markup_chars: int  # characters they cover
    sample_chars: int
    page_marker: bool  # <!doctype html>, <html>, <head> or <body>
    script: bool  # <script> or <style>

    @property
    def ratio(self) -> float:
        return self.markup_chars / self.sample_chars if self.sample_chars else 0.0


def markup_report(text: str, rules: MarkupRules) -> MarkupReport:
    sample = text[: rules.sample_chars]
    tags = chars = 0
    script = False
    for rule in rules.patterns:
        for match in rule.pattern.finditer(sample):
            if rule.id == "script_or_style":
                script = True
                continue  # also counted as a tag by html_tag
            tags += 1
            chars += match.end() - match.start()
    marker = rules.page_markers.pattern.search(sample) is not None
    return MarkupReport(tags, chars, len(sample), marker, script)


def is_page(report: MarkupReport, rules: MarkupRules) -> bool:
    """A web page rather than article text: refused instead of read as text."""
    if report.tags < rules.page_min_tags:
        return False
    return report.page_marker or report.script or report.ratio >= rules.page_min_markup_ratio
