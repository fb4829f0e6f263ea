"""The real-news scorer on small texts written here (the real texts are not in CI)."""
from __future__ import annotations

import json

import pytest

from models import Duration, Incident, IncidentCause, MinuteRange, TimePoint
from pipeline.realnews.dataset import article_id, load_set, loose_sha256, split_of, text_sha256
from pipeline.realnews.gold import GoldArticle, GoldError
from pipeline.realnews.scoring import score_incidents

URL = "https://news.example.org/2023/05/02/harbour-bank-outage"


def gold_dict(url=URL, text="x", **main):
    base = {
        "services": ["Harbour Bank", "Harbour"],
        "event_dates": ["2023-05-02"],
        "start_utc": "2023-05-02T08:15Z",
        "end_utc": None,
        "duration_min": [100, 140],
        "cause": ["hardware"],
        "cause_status": ["confirmed"],
        "ruled_out": ["cyberattack"],
        "status": ["resolved"],
    }
    base.update(main)
    return {
        "id": article_id(url),
        "url": url,
        "query": "harbour bank outage",
        "rank": 1,
        "sha256": text_sha256(text),
        "chars": len(text),
        "sector": "bank",
        "region": "UK",
        "kind": "news",
        "published": {"date": "2023-05-02", "in_text": False, "basis": "url"},
        "main": base,
        "related": [{"services": ["Harbour Bank", "Harbour"], "dates": ["2022-11"], "duration_min": None, "cause": ["unknown"]}],
    }


def incident(**fields):
    base = dict(id="e1", role="main", service="the harbour bank", status="resolved")
    base.update(fields)
    return Incident(**base)


def test_id_and_split_come_from_the_url():
    assert article_id(URL) == article_id(URL + " ")  # stripped
    assert article_id(URL).startswith("rn-") and len(article_id(URL)) == 13
    splits = [split_of(f"https://example.org/{i}") for i in range(600)]
    assert 150 < splits.count("test") < 250  # about one third


@pytest.mark.parametrize(
    "field,value",
    [("start_utc", "2023-05-02 08:15"), ("event_dates", ["May 2"]), ("duration_min", [9, 3]), ("cause", ["fire"])],
)
def test_gold_rejects_malformed_facts(field, value):
    data = gold_dict()
    data["main"][field] = value
    with pytest.raises(ValueError):
        GoldArticle.model_validate(data)


def test_gold_id_must_match_url():
    data = gold_dict()
    data["id"] = "rn-0000000000"
    with pytest.raises(ValueError, match="from the url"):
        GoldArticle.model_validate(data)


def test_every_field_right():
    gold = GoldArticle.model_validate(gold_dict())
    main = incident(
        start=TimePoint(value="2023-05-02T09:15:00+01:00"),
        duration=Duration(minutes=MinuteRange(min=120, max=120), basis="stated"),
        cause=IncidentCause(category="hardware", status="confirmed"),
        ruled_out=["cyberattack"],
    )
    related = Incident(id="e2", role="related", service="Harbour", start=TimePoint(value="2022-11-30"))
    score = score_incidents(gold, [main, related], "tune", "given")
    assert score.wrong() == []
    assert score.fields["related_recall"].right == 1


def test_wrong_fields_are_named():
    gold = GoldArticle.model_validate(gold_dict())
    main = incident(
        service="Harbour Pay",
        start=TimePoint(value="2023-05-01T08:15:00+00:00"),  # other day
        duration=Duration(minutes=MinuteRange(min=10, max=20), basis="stated"),
        cause=IncidentCause(category="unknown", status="unknown"),
        ruled_out=["power"],
        status="ongoing",
    )
    score = score_incidents(gold, [main], "test", "none")
    assert set(score.wrong()) == {
        "service", "event_date", "start", "duration", "cause", "cause_status",
        "ruled_out", "ruled_out_extra", "status", "related_recall",
    }


def test_no_incident_scores_every_field_wrong():
    gold = GoldArticle.model_validate(gold_dict())
    score = score_incidents(gold, [], "tune", "given")
    assert "incident" in score.wrong() and "service" in score.wrong()


def test_date_prefix_needs_at_least_the_gold_precision():
    gold = GoldArticle.model_validate(gold_dict(start_utc=None))
    month_only = incident(start=TimePoint(value="2023-05"))
    assert "event_date" in score_incidents(gold, [month_only], "tune", "given").wrong()


def write_set(root, articles):
    (root / "articles").mkdir(parents=True)
    (root / ".cache").mkdir()
    for url, text, cached in articles:
        data = gold_dict(url=url, text=text)
        (root / "articles" / f"{data['id']}.json").write_text(json.dumps(data), encoding="utf-8")
        if cached is not None:
            (root / ".cache" / f"{data['id']}.txt").write_text(cached, encoding="utf-8")


ARTICLE = (
    "Harbour Bank customers could not pay by card on Tuesday.\n\n"
    "The outage began at 9.15am and lasted about two hours, the bank said. "
    "It blamed a failed storage array and said it was not a cyber attack."
)


def test_missing_and_changed_texts_are_reported(tmp_path):
    write_set(
        tmp_path,
        [
            ("https://a.example/1", ARTICLE, ARTICLE),
            ("https://a.example/2", ARTICLE, None),
            ("https://a.example/3", ARTICLE, ARTICLE + " Edited."),
        ],
    )
    entries = load_set(tmp_path)
    problems = sorted(e.problem or "" for e in entries)
    assert problems == ["", "cached text differs from the annotated one (sha256)", "not in the cache"]


def test_a_restore_that_lost_invisible_spaces_is_used_with_a_note(tmp_path):
    original = ARTICLE.replace("the bank said", "the bank\u00a0said")
    write_set(tmp_path, [("https://a.example/1", original, ARTICLE)])
    data_path = next((tmp_path / "articles").glob("*.json"))
    data = json.loads(data_path.read_text(encoding="utf-8"))
    data["loose_sha256"] = loose_sha256(original)
    data_path.write_text(json.dumps(data), encoding="utf-8")
    (entry,) = load_set(tmp_path)
    assert entry.text == ARTICLE and entry.problem is None
    assert entry.note == "restored with whitespace differences"


def test_evaluate_runs_both_modes(tmp_path, nlp):
    from pipeline.realnews.evaluate import evaluate_realnews

    write_set(tmp_path, [("https://a.example/1", ARTICLE, ARTICLE), ("https://a.example/2", ARTICLE, None)])
    report = evaluate_realnews(load_set(tmp_path), nlp)
    assert [m for _, _, m in report.missing] == ["not in the cache"]
    assert sorted(s.mode for s in report.scores) == ["given", "none"]
    given = report.tallies("all", "given")
    assert given["service"].scored == 1 and given["event_date"].scored == 1
    assert given["cause"].right == 1  # a failed storage array: hardware


def test_bad_gold_file_is_one_line_error(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "rn-0123456789.json").write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_set(tmp_path)
