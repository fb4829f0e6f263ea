"""The guard data file: typed loading, unknown keys rejected, every example runs."""
import pytest

from pipeline.guards.rules import GuardRulesError, PatternRule, all_pattern_rules, guard_rules

RULES = all_pattern_rules(guard_rules())


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_examples_match_and_counter_examples_do_not(rule):
    assert rule.examples, f"{rule.id} has no examples"
    for example in rule.examples:
        assert rule.pattern.search(example), f"{rule.id} misses {example!r}"
    for counter in rule.counter_examples:
        assert not rule.pattern.search(counter), f"{rule.id} wrongly finds {counter!r}"


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


def test_unknown_key_is_rejected():
    with pytest.raises(GuardRulesError, match="unknown keys"):
        PatternRule.load({"id": "x", "pattern": "x", "examples": [], "counter_examples": [], "flags": "i"}, "t")


def test_signatures_are_distinct_and_nonempty():
    sigs = guard_rules().binary.signatures
    assert all(s.magic for s in sigs)
    assert len({s.id for s in sigs}) == len(sigs)


def test_english_stopwords_include_the_commonest_words():
    english = guard_rules().language.stopwords["en"]
    assert {"the", "of", "and", "to", "a", "in"} <= english
