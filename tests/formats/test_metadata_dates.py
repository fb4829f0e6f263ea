"""Metadata dates: the rules of resources/en/metadata_dates.json and the test set metadata_dates.json."""
import json
from pathlib import Path

import pytest

from pipeline.formats.date_hints import date_hints
from pipeline.formats.dates import typed_date
from pipeline.formats.freeform_dates import DateHints, date_rules, parse_freeform
from pipeline.formats.published import published_date
from pipeline.resources import load_resource

CASES = json.loads((Path(__file__).parent / "metadata_dates.json").read_text(encoding="utf-8"))["cases"]
RULES = load_resource("metadata_dates")["rules"]


def read(record):
    try:
        return published_date(record)[1]
    except ValueError:
        return None


def test_the_set_is_large_enough_and_ids_are_unique():
    assert len([c for c in CASES if c["expected"]]) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metadata_date_set(case):
    if case["expected"] is None:
        with pytest.raises(ValueError) as info:
            published_date(case["record"])
        assert "\n" not in str(info.value) and "'date'" in str(info.value)
    else:
        assert published_date(case["record"]) == ("date", case["expected"])


def test_without_dateparser_the_set_loses_dates():
    """The ISO / RFC 2822 reader alone (before issue 20) gets far fewer of the set right."""
    from pipeline.formats.dates import fast_date

    dated = [c for c in CASES if c["expected"]]
    fast = sum(fast_date(c["record"]["date"]) == c["expected"] for c in dated)
    full = sum(read(c["record"]) == c["expected"] for c in dated)
    assert full == len(dated) and fast < len(dated) / 2


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_rule_examples(rule):
    compiled = {r.id: r.pattern for r in date_rules()}[rule["id"]]
    for text in rule["examples"]:
        assert compiled.search(text), f"{rule['id']} should match {text!r}"
    for text in rule["counter_examples"]:
        assert not compiled.search(text), f"{rule['id']} should not match {text!r}"


def test_a_written_zone_is_kept_not_converted():
    moment = parse_freeform("December 5, 2023 11:32 PM PST")
    assert moment.tzinfo is not None and moment.utcoffset().total_seconds() == -8 * 3600
    assert moment.date().isoformat() == "2023-12-05"
    assert parse_freeform("5 December 2023 at 10:00").tzinfo is None


def test_hints_language_beats_domain_and_unknown_languages_are_ignored():
    hints = date_hints("https://www.example.co.uk/a", "en-US")
    assert hints.languages == ("en",) and hints.date_order == "MDY"
    assert date_hints("https://example.com/a").date_order is None
    assert date_hints("https://example.de/a").languages == ("de",)
    assert parse_freeform("5 December 2023", DateHints(languages=("xx",))).day == 5


def test_dateparser_is_not_imported_for_iso_and_rfc_dates():
    import subprocess
    import sys

    code = (
        "import sys; from pipeline.formats.published import published_date; "
        "published_date({'date': '2023-12-05T10:00:00Z', 'crawled': '5 December 2023 at 10:00'}); "
        "published_date({'date': 'Tue, 05 Dec 2023 10:00:00 GMT'}); "
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "typed, expected",
    [("2022-02-17", "2022-02-17"), ("17/02/2022", "2022-02-17"), ("Thu, 17 Feb 2022 09:00:00 GMT", "2022-02-17"),
     ("17 February 2022", "2022-02-17")],
)
def test_typed_reference_dates(typed, expected):
    assert typed_date(typed) == expected


@pytest.mark.parametrize("typed", ["02/03/2022", "20220", "someday", "  "])
def test_typed_reference_dates_refused(typed):
    with pytest.raises(ValueError) as info:
        typed_date(typed)
    assert "YYYY-MM-DD" in str(info.value) and "\n" not in str(info.value)


def test_long_values_are_refused_unread_with_a_short_message():
    for value in ["5 December 2023 " * 300, "x" * 5000]:
        with pytest.raises(ValueError) as info:
            published_date({"date": value})
        assert "over 100 characters" in str(info.value) and len(str(info.value)) < 200
    with pytest.raises(ValueError) as info:
        published_date({"date": list(range(1000))})
    assert len(str(info.value)) < 200
