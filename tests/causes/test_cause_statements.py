"""'X is / was the cause', 'the cause was X', 'the culprit was X', and a phrase
followed by a relative clause naming it the cause ('X, which we believe is the cause')."""
import pytest

from tests.causes.helpers import causes_of, mention_at


@pytest.mark.parametrize(
    "text, span, category, assertion",
    [
        ("Users could not log in on Monday. We've identified a recent change to the Wide Area Network (WAN) "
         "which we believe is the cause, the company said.",
         "a recent change to the Wide Area Network", "configuration", "possible"),
        ("Flights were delayed for hours. A faulty router update was the root cause, the airline said.",
         "A faulty router update", "configuration", "affirmed"),
        ("Players were locked out on Saturday. The cause was a misconfigured load balancer, the studio said.",
         "misconfigured load balancer", "configuration", "affirmed"),
        ("Cloud customers saw errors for two hours. The culprit was a bad software update, the provider said.",
         "a bad software update", "software_change", "affirmed"),
        ("Card payments failed on Friday. A failed power supply is the cause, the bank said.",
         "A failed power supply", "power", "affirmed"),
        ("Mobile customers lost service overnight. Engineers found a change to the core network (IMS), "
         "which they think was to blame, the operator said.",
         "a change to the core network", "configuration", "possible"),
        ("The game's servers went down on Friday; the studio found a database migration that was to blame.",
         "a database migration", "software_change", "affirmed"),
        ("The cloud provider said it had found a failed storage array that was responsible for the outage.",
         "a failed storage array", "hardware", "affirmed"),
    ],
)
def test_a_phrase_named_as_the_cause_is_a_mention(text, span, category, assertion):
    causes = causes_of(text)
    mention = mention_at(causes, span)
    assert mention is not None, [(c.text, c.rule) for c in causes]
    assert (mention.category, mention.assertion) == (category, assertion)


def test_responsible_needs_an_outage_in_its_sentence():
    text = "The bank hired a new vendor which is responsible for its branch network."
    assert causes_of(text) == []
