"""Shared helpers for the hostile-input tests."""
from __future__ import annotations

import json
from typing import List

from typer.testing import CliRunner

runner = CliRunner()

#: English outage prose, long enough for the language check to judge it.
ARTICLE = (
    "Customers of the bank could not log in to the mobile app on Tuesday morning. "
    "The outage began at about 9:15 a.m. and lasted nearly three hours, the company said in a statement. "
    "A spokesperson said the problem was caused by a faulty configuration change and that it was not "
    "the result of a cyberattack. Service was fully restored by noon, and the bank apologised to its users.\n\n"
    "It was the second outage at the bank this year: in March its card payments failed for two hours."
)


def records(output: str) -> List[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def assert_spans_exact(record: dict, text: str) -> None:
    for item in [*record["timexes"], *record["causes"]]:
        assert text[item["start"] : item["end"]] == item["text"]
    for s in record["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
