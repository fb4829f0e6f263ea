import pytest

from pipeline.evaluation.document_scoring import score_document
from pipeline.evaluation.metrics import Score
from pipeline.evaluation.report import EvalReport
from tests.evaluation.helpers import ARTICLE, golden_article, predicted_article, record


@pytest.fixture
def evaluation():
    gold = record(ARTICLE, **{k: v for k, v in golden_article().items() if k != "doc_id"}, doc_id="acme")
    return score_document(gold, predicted_article(), ARTICLE)


def test_timexes_are_scored_tempeval_style(evaluation):
    c = evaluation.timexes.counts
    assert (c.gold, c.predicted, c.relaxed_matches, c.strict_matches) == (4, 3, 3, 1)
    assert c.accuracy("value") == pytest.approx(2 / 3)  # "Monday" lost the part of day
    assert c.attribute("value").f1 == pytest.approx(2 / 3 * c.relaxed.f1)


def test_cause_mentions_match_by_overlap_then_compare_labels(evaluation):
    c = evaluation.causes.counts
    assert (c.gold, c.predicted, c.relaxed_matches) == (2, 1, 1)
    assert c.accuracy("category") == 1.0 and c.accuracy("assertion") == 1.0
    assert c.accuracy("attribution") == 0.0
    problems = [m.problems for m in evaluation.causes.mismatches]
    assert problems == [("extent", "attribution"), ("missed",)]


def test_incidents_are_aligned_then_scored_by_field(evaluation):
    t = evaluation.incidents.table
    assert t.get("main.incident") == Score(tp=1)
    assert t.get("main.service") == Score(tp=1)  # case-insensitive
    assert t.get("main.status") == Score(fp=1, fn=1)
    assert t.get("main.ruled_out") == Score(fn=1)
    assert t.get("related.incident") == Score(fn=1)


def test_mismatches_point_into_the_text(evaluation):
    by_field = {m.field: m for m in evaluation.incidents.mismatches}
    status = by_field["status"]  # no timex: the incident's first sentence
    assert ARTICLE[status.span[0] : status.span[1]] == "Acme Cloud went down on Monday morning."
    ruled_out = by_field["ruled_out"]  # the denied cause mention
    assert ARTICLE[ruled_out.span[0] : ruled_out.span[1]] == "a cyberattack"
    missed = by_field["incident"]
    assert missed.problem == "missed" and missed.gold_id == "e2"
    assert ARTICLE[missed.span[0] : missed.span[1]].startswith("Back in July 2019")


def test_report_micro_averages_rows_and_names_metrics(evaluation):
    perfect = score_document(predicted_article(), predicted_article(), ARTICLE)
    report = EvalReport(documents=[evaluation, perfect])
    m = report.metrics()
    assert m["timexes.relaxed.recall"] == pytest.approx(6 / 7)
    assert m["incidents.main.incident.f1"] == 1.0
    assert m["incidents.main.status.f1"] == pytest.approx(0.5)
    assert "timexes.value.accuracy" in m and "causes.attribution.accuracy" in m
    assert {r.section for r in report.rows()} == {"timexes", "causes", "incidents.main", "incidents.related"}
    data = report.to_dict()
    assert data["documents"] == ["acme", "acme"]
    context = data["per_document"][0]["mismatches"]["timexes"][0]["context"]
    assert "[[Monday morning]]" in context
    with pytest.raises(KeyError, match="several documents"):
        report.find("ac")
