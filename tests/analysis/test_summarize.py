import json

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app, extract_app
from tests.analysis.browser import render

runner = CliRunner()

# Three short reports written for this test: two of one outage, one of a later one.
SAME_OUTAGE_A = """Zoomly outage leaves millions unable to join video calls

Zoomly went down on Tuesday, March 5, 2024. Zoomly users could not join calls after the outage at Zoomly began at 9:15 a.m. ET. It lasted about two hours, the company said.

Zoomly blamed a faulty configuration change for the outage.
"""
SAME_OUTAGE_B = """Zoomly says configuration error caused Tuesday outage

Users of Zoomly could not join meetings on March 5, 2024, after the service went down at around 9 a.m. ET.

Zoomly said the outage was caused by a configuration error. Service was restored by 11:30 a.m. ET.
"""
LATER_OUTAGE = """Zoomly suffers second outage in a month

Zoomly users could not log in on March 28, 2024, after an outage at Zoomly that lasted about 40 minutes. The cause was not disclosed.
"""


def summary_json(records):
    result = runner.invoke(app, ["summarize", str(records), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summary_counts_match_the_records(corpus_jsonl, corpus_records):
    summary = summary_json(corpus_jsonl)
    incidents = [(r["doc_id"], i) for r in corpus_records for i in r["incidents"]]
    assert summary["articles"] == len(corpus_records)
    assert summary["incidents"] == len(incidents)
    outages = summary["outages"]
    assert sum(summary["by_cause"].values()) == outages
    assert sum(summary["by_service"].values()) == outages
    assert sum(summary["by_month"].values()) == outages
    assert len(summary["outage_list"]) == outages
    reports = [(r["doc_id"], r["incident"]) for o in summary["outage_list"] for r in o["reports"]]
    assert sorted(reports) == sorted((doc, i["id"]) for doc, i in incidents)  # each incident in one outage
    assert summary["unknown_cause"] == summary["by_cause"].get("unknown", 0)
    assert summary["unknown_cause_share"] == round(summary["unknown_cause"] / outages, 4)
    assert summary["merged_outages"] == sum(1 for o in summary["outage_list"] if len(o["articles"]) > 1)
    with_duration = [o for o in summary["outage_list"] if o["duration_minutes"]]
    assert sum(q["count"] for q in summary["duration_by_cause"].values()) == len(with_duration)


def test_main_only_counts_the_outages_the_articles_are_about(corpus_jsonl, corpus_records):
    result = runner.invoke(app, ["summarize", str(corpus_jsonl), "--json", "--main-only"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    mains = [(r["doc_id"], i["id"]) for r in corpus_records for i in r["incidents"] if i["role"] == "main"]
    assert summary["incidents"] == len(mains) == len(corpus_records)
    assert sorted((r["doc_id"], r["incident"]) for o in summary["outage_list"] for r in o["reports"]) == sorted(mains)
    assert all(o["role"] == "main" for o in summary["outage_list"])


def test_summary_tables_show_the_same_counts(corpus_jsonl):
    summary = summary_json(corpus_jsonl)
    result = runner.invoke(app, ["summarize", str(corpus_jsonl)])
    assert result.exit_code == 0, result.output
    for title in ("Outages by cause", "Outages by service", "Outages by month", "Duration per cause"):
        assert title in result.stdout
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in result.stdout.splitlines()]
    for cause, count in summary["by_cause"].items():
        assert [cause, str(count)] in [row[:2] for row in rows], cause
    for service, count in summary["by_service"].items():
        assert [service, str(count)] in [row[:2] for row in rows], service
    assert "outages with an unknown cause" in result.stdout


@pytest.fixture(scope="module")
def three_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zoomly")
    for name, text in (("a", SAME_OUTAGE_A), ("b", SAME_OUTAGE_B), ("c", LATER_OUTAGE)):
        (folder / f"{name}.txt").write_text(text)
    records = folder / "out.jsonl"
    result = runner.invoke(extract_app, [str(folder), "-o", str(records), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return records


def test_reports_of_one_outage_in_two_articles_are_merged(three_reports):
    summary = summary_json(three_reports)
    assert (summary["incidents"], summary["outages"], summary["merged_outages"]) == (3, 2, 1)
    merged = next(o for o in summary["outage_list"] if len(o["articles"]) > 1)
    assert merged["articles"] == ["a", "b"] and merged["service"] == "Zoomly"
    assert merged["cause"] == "configuration"
    result = runner.invoke(app, ["summarize", str(three_reports)])
    assert "Outages reported by several articles" in result.stdout and "a, b" in result.stdout


def test_bad_records_file_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["summarize", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "no such file" in result.stderr and result.stderr.strip().count("\n") == 0


def test_html_without_the_extra_is_a_one_line_error(corpus_jsonl, tmp_path, monkeypatch):
    from pipeline.analysis import report

    monkeypatch.setattr(report, "report_support", lambda: False)
    result = runner.invoke(app, ["summarize", str(corpus_jsonl), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "[report]" in result.stderr
    assert not (tmp_path / "r.html").exists()


# -- the HTML report (extra [report]) -------------------------------------------


@pytest.fixture(scope="module")
def report_page(corpus_jsonl, tmp_path_factory):
    pytest.importorskip("matplotlib")
    page = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(app, ["summarize", str(corpus_jsonl), "--html", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_report_is_self_contained_and_stable(report_page, corpus_jsonl, tmp_path):
    html = report_page.read_text()
    assert html.count("<svg") == 3
    assert "<script" not in html.lower()
    for attribute in ("src=", "@import", "<link rel=\"stylesheet"):
        assert attribute not in html.lower(), attribute  # nothing fetched: no CDN, no files beside it
    targets = [part[0] for part in html.split("url(")[1:]]
    assert targets and set(targets) == {"#"}  # only the SVGs' own clip paths
    assert '<link rel="icon" href="data:,">' in html  # no favicon request either
    again = tmp_path / "again.html"
    runner.invoke(app, ["summarize", str(corpus_jsonl), "--html", str(again)])
    assert again.read_text() == html


def test_report_lists_every_outage_and_the_counts(report_page, corpus_jsonl):
    summary = summary_json(corpus_jsonl)
    html = report_page.read_text()
    assert f"<b>{summary['outages']}</b>outages after merging" in html
    assert f"<b>{summary['incidents']}</b>incidents in the records" in html
    assert html.count("<tr><td") == (  # body rows of the five tables
        len(summary["by_cause"])
        + len(summary["duration_by_cause"])
        + len(summary["by_service"])
        + len(summary["by_month"])
        + summary["outages"]
    )


def test_harness_sees_console_errors(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><title>x</title><script>console.error('boom'); missing();</script>")
    rendered = render(broken)
    assert any("boom" in line for line in rendered.console)
    assert any("ReferenceError" in line for line in rendered.console)


def test_report_renders_in_headless_chromium_without_console_messages(report_page, tmp_path):
    shot = tmp_path / "report.png"
    rendered = render(report_page, screenshot=shot)
    assert rendered.console == []
    for label in ("Timeline of outages per service", "Cause shares", "Duration distribution per cause"):
        assert f'aria-label="{label}"' in rendered.dom
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_no_records_gives_an_empty_summary_and_page(tmp_path):
    pytest.importorskip("matplotlib")
    records = tmp_path / "out.jsonl"
    records.write_text("")
    assert summary_json(records)["outages"] == 0
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["summarize", str(records), "--html", str(page)])
    assert result.exit_code == 0 and page.read_text().count("<svg") == 3
