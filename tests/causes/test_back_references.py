"""A denial pointing back at a speculated cause ('... but the bank said there was
no evidence of that') rules that cause out for the incident."""
import pytest

from pipeline import extract
from pipeline.causes import rules as R
from tests.causes.helpers import causes_of, check_example, mention_at


def _cases(counter: bool):
    for rule in R.back_reference_rules():
        for i, example in enumerate(rule.counter_examples if counter else rule.examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{'not-' if counter else ''}{i}")


@pytest.mark.parametrize("rule, example", list(_cases(False)))
def test_back_reference_rule_example(rule, example):
    check_example(example, rule_id=rule.id)


@pytest.mark.parametrize("rule, example", list(_cases(True)))
def test_back_reference_rule_counter_example(rule, example):
    causes = causes_of(example.text)
    assert not [c for c in causes if c.rule == rule.id], [(c.text, c.rule) for c in causes]
    if example.span is not None:
        check_example(example)


def _main(text):
    record = extract(text, reference_date="2024-01-10")
    mains = [i for i in record.incidents if i.role == "main"]
    assert mains, f"no incident in {text!r}"
    return mains[0]


@pytest.mark.parametrize(
    "text, label",
    [
        ("Customers of Halvorsen Bank could not log in to online banking on Monday. Some users on social media "
         "speculated that the bank had been hit by a cyber attack, but the bank said there was no evidence of that.",
         "cyberattack"),
        ("Flights were delayed across Europe on Friday after the airline's check-in system went down. "
         "Some passengers claimed a computer virus had crippled the system. The airline later denied this.",
         "cyberattack"),
        ("The online game was offline for six hours on Saturday. Players speculated that a DDoS attack had "
         "knocked the servers offline. The studio has since ruled that out.",
         "cyberattack"),
        ("Thousands of websites went down on Tuesday in an outage at a cloud provider. Analysts suggested that "
         "a traffic surge had overwhelmed its servers, but the company dismissed those suggestions.",
         "capacity"),
        ("Mobile customers lost service for most of the day on Wednesday. Some engineers online suggested a "
         "power cut might have caused the outage. The operator said that was not the case.",
         "power"),
    ],
)
def test_speculation_denied_by_the_company_is_ruled_out_not_speculated(text, label):
    main = _main(text)
    assert label in main.ruled_out, (main.ruled_out, main.speculated)
    assert label not in main.speculated
    assert not (main.cause.category == label and main.cause.status in ("confirmed", "speculated"))


def test_a_denial_by_another_outsider_leaves_the_speculation_standing():
    text = ("Customers of the bank could not log in on Monday. Some users speculated that a cyber attack had "
            "caused the outage, but security researchers said there was no evidence of that.")
    main = _main(text)
    assert "cyberattack" in main.speculated and "cyberattack" in main.ruled_out


def test_a_denial_after_a_confirmed_cause_points_back_at_nothing():
    text = ("The airline's booking site went down on Monday. The outage was caused by a power failure, the "
            "airline said, and it denied that.")
    assert [c for c in causes_of(text) if c.assertion == "negated"] == []


def test_a_denial_with_a_clause_after_it_is_no_back_reference():
    text = ("The bank's app was down for hours on Monday. Users suspected a cyber attack caused the outage, "
            "but the bank denied that it had been hacked.")
    assert not [c for c in causes_of(text) if R.back_reference_rules() and c.rule.startswith("denial.")]


@pytest.mark.parametrize(
    "text, span, category",
    [
        ("The airline's website crashed on Monday. Some passengers suggested a cyberattack might be to blame. "
         "The airline said it had found no evidence of that and blamed a faulty software update instead.",
         "a faulty software update", "software_change"),
        ("Players could not connect on Friday. Some gamers suspected a DDoS attack, but the studio denied it "
         "and said a power failure at a data centre had caused the outage.",
         "a power failure", "power"),
    ],
)
def test_a_denial_of_an_earlier_cause_does_not_negate_the_cause_named_after_it(text, span, category):
    mention = mention_at(causes_of(text), span)
    assert mention is not None and mention.category == category
    assert mention.assertion == "affirmed"
