from pipeline.evaluation.incident_alignment import align_incidents
from pipeline.evaluation.incident_scoring import score_incidents
from pipeline.evaluation.metrics import Score
from tests.evaluation.helpers import incident


MAIN = incident(
    "e1",
    "main",
    service="Twitter",
    start="2016-01-19T03:40:00-05:00",
    end="2016-01-19T12:00:00-05:00",
    minutes=(500, 500),
    status="resolved",
    cause=("software_change", "confirmed"),
    ruled_out=["cyberattack"],
)


def test_identical_incidents_score_perfectly():
    result = score_incidents([MAIN], [MAIN])
    t = result.table
    assert t.get("main.incident") == Score(tp=1)
    for name in ("service", "start", "end", "duration", "status", "cause_category", "cause_status", "ruled_out"):
        assert t.get(f"main.{name}") == Score(tp=1), name
    assert t.get("main.speculated") == Score()  # empty on both sides: nothing to score
    assert t.get("main.all").f1 == 1.0 and result.mismatches == []
    assert t.get("related.incident").empty


def test_tolerances_apply_per_field():
    predicted = MAIN.model_copy(
        update={
            "service": "the twitter",
            "start": MAIN.start.model_copy(update={"value": "2016-01-19T08:40:30+00:00", "approximate": True}),
            "duration": incident("e9", minutes=(480, 540)).duration,
        }
    )
    assert score_incidents([MAIN], [predicted]).table.get("main.all").fp == 0


def test_wrong_missing_and_spurious_fields():
    predicted = incident(
        "e1", "main", service="Twitter", end="2016-01-19T13:00:00-05:00", status="ongoing",
        cause=("software_change", "speculated"), ruled_out=["cyberattack", "power"], speculated=["capacity"],
    )
    result = score_incidents([MAIN], [predicted])
    t = result.table
    assert t.get("main.start") == Score(fn=1)  # gold only
    assert t.get("main.end") == Score(fp=1, fn=1)  # both, different
    assert t.get("main.duration") == Score(fn=1)
    assert t.get("main.status") == Score(fp=1, fn=1)
    assert t.get("main.cause_category") == Score(tp=1)
    assert t.get("main.cause_status") == Score(fp=1, fn=1)
    assert t.get("main.ruled_out") == Score(tp=1, fp=1)  # label by label
    assert t.get("main.speculated") == Score(fp=1)
    problems = {m.field: m.problem for m in result.mismatches}
    assert problems == {
        "start": "missed", "end": "wrong", "duration": "missed", "status": "wrong",
        "cause_status": "wrong", "ruled_out": "wrong", "speculated": "spurious",
    }
    end = next(m for m in result.mismatches if m.field == "end")
    assert (end.gold, end.predicted) == ("2016-01-19T12:00:00-05:00", "2016-01-19T13:00:00-05:00")


def test_no_incidents_on_either_side():
    result = score_incidents([], [])
    assert result.table.get("main.incident").empty and result.table.get("main.all").f1 == 1.0
    assert result.mismatches == []


def test_missed_and_extra_incidents_are_counted():
    earlier = incident("e2", start="2019-07-11", minutes=(45, 60), service="Twitter", status="resolved")
    extra = incident("e3", start="2009-08-06", service="Facebook", status="resolved")
    result = score_incidents([MAIN, earlier], [MAIN, extra])
    t = result.table
    assert t.get("related.incident") == Score(fp=1, fn=1)
    assert t.get("related.start") == Score(fp=1, fn=1)
    assert t.get("related.duration") == Score(fn=1)
    assert t.get("related.status") == Score(fp=1, fn=1)
    assert t.get("related.cause_category") == Score(fp=1, fn=1)  # "unknown" is an answer too
    kinds = sorted((m.field, m.problem, m.gold_id, m.predicted_id) for m in result.mismatches)
    assert kinds == [("incident", "missed", "e2", None), ("incident", "spurious", None, "e3")]


def test_predicted_main_missing_costs_every_main_field():
    related = incident("e1", start="2016-01-19")
    t = score_incidents([MAIN], [related]).table
    assert t.get("main.incident") == Score(fn=1) and t.get("main.start") == Score(fn=1)
    assert t.get("related.incident") == Score(fp=1)


def test_related_incidents_align_by_date_and_duration():
    gold = [
        incident("e2", start="2019-07", minutes=(45, 60), service="Twitter"),
        incident("e3", start="2016-01-19", service="Twitter"),
        incident("e4", minutes=(600, 600), service="Facebook"),
    ]
    predicted = [
        incident("e5", start="2016-01-19T02:00:00", service="Twitter"),  # e3: same day
        incident("e6", start="2019-07-11", minutes=(60, 60), service="twitter"),  # e2: month + duration
        incident("e7", minutes=(700, 720), service="Facebook"),  # durations disagree: no pair
    ]
    assert align_incidents(gold, predicted) == [(0, 1), (1, 0)]


def test_conflicting_dates_never_align_even_with_the_same_service():
    gold = [incident("e2", start="2019-07-11", service="Twitter")]
    assert align_incidents(gold, [incident("e9", start="2019-07-12", service="Twitter")]) == []
    # no shared date or duration: the service decides
    assert align_incidents(gold, [incident("e9", service="Twitter")]) == [(0, 0)]
    assert align_incidents(gold, [incident("e9", service="Slack")]) == []


def test_best_pair_wins():
    gold = [incident("e2", start="2019-07-11", service="Twitter")]
    predicted = [incident("e5", start="2019-07", service="Slack"), incident("e6", start="2019-07-11", service="Twitter")]
    assert align_incidents(gold, predicted) == [(0, 1)]


def test_locator_gives_mismatches_a_text_position():
    predicted = MAIN.model_copy(update={"status": "ongoing"})
    seen = []

    def locate(side, inc, name):
        seen.append((side, inc.id, name))
        return (3, 9) if side == "predicted" else None

    (m,) = score_incidents([MAIN], [predicted], locate).mismatches
    assert m.span == (3, 9) and seen == [("gold", "e1", "status"), ("predicted", "e1", "status")]
