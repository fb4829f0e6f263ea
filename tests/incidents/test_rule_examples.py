"""Every incident rule's examples match (and yield what they say); counter-examples do not."""
import pytest

from pipeline.incidents.article import Article
from pipeline.incidents.affected import affected
from pipeline.incidents.cues import drop_contained, scan
from pipeline.incidents.rules import compile_pattern, load_rules
from pipeline.incidents.scanner import scanners
from pipeline.incidents.services import find_evidence
from pipeline.segmentation import sentence_spans

RULES = load_rules()


def article(text):
    return Article.build(text, sentence_spans(text))


def ids(rules):
    return [r.id for r in rules]


def test_rule_ids_are_unique_and_files_validate():
    from pipeline.incidents.rules import all_pattern_rules

    all_ids = [r.id for r in all_pattern_rules()]
    assert len(all_ids) == len(set(all_ids))


@pytest.mark.parametrize("rule", RULES.service_rules, ids=ids(RULES.service_rules))
def test_service_rule_examples(rule):
    pattern = compile_pattern(rule.pattern)
    for example in rule.examples:
        assert pattern.search(example.text), (rule.id, example.text)
        found = {e.name for e in find_evidence(article(example.text)) if e.rule == rule.id}
        assert example.expect in found, (rule.id, example.text, found)
    for counter in rule.counter:
        names = {e.name for e in find_evidence(article(counter)) if e.rule == rule.id}
        assert not names, (rule.id, counter, names)


CUE_RULES = [*RULES.outage_rules, *RULES.discourse_rules, *RULES.affected.users]


@pytest.mark.parametrize("rule", CUE_RULES, ids=ids(CUE_RULES))
def test_cue_rule_examples(rule):
    pattern = compile_pattern(rule.pattern)
    for example in rule.examples:
        match = pattern.search(example.text)
        assert match, (rule.id, example.text)
        if example.expect:
            assert match.group("users") == example.expect
    for counter in rule.counter:
        assert not pattern.search(counter), (rule.id, counter)


@pytest.mark.parametrize("rule", RULES.outage_rules, ids=ids(RULES.outage_rules))
def test_outage_examples_survive_blockers(rule):
    """An outage cue's examples still count as outages after not_outage contexts are applied."""
    from pipeline.incidents.frames import outage_cues

    if rule.kind != "outage":
        return
    for example in rule.examples:
        cues = outage_cues(article(example.text))
        assert any(c.rule == rule.id for c in cues), (rule.id, example.text)


def bracketed(example):
    """'It started around [3:40 a.m. ET]' -> (text, [(start, end), ...])."""
    text, spans, i = "", [], 0
    raw = example
    while i < len(raw):
        if raw[i] == "[":
            close = raw.index("]", i)
            start = len(text)
            text += raw[i + 1 : close]
            spans.append((start, len(text)))
            i = close + 1
        else:
            text += raw[i]
            i += 1
    return text, spans


def _timexes(text, spans, type_):
    from models import Timex

    return [
        Timex(id=f"t{k + 1}", text=text[a:b], start=a, end=b, sentence=0, type=type_, value="2020-01-01T10:00"
              if type_ == "TIME" else ("PT1H" if type_ == "DURATION" else "2020-01-01"), rule="test")
        for k, (a, b) in enumerate(spans)
    ]


@pytest.mark.parametrize("rule", RULES.roles.rules, ids=ids(RULES.roles.rules))
def test_role_rule_examples(rule):
    """The bracketed timex of each example gets the rule's role, by this very rule (file order included)."""
    from pipeline.incidents.roles import classify

    for example in rule.examples:
        text, spans = bracketed(example.text)
        assert len(spans) == 1, example.text
        a = Article.build(text, [(0, len(text))])
        timexes = _timexes(text, spans, rule.types[0])
        role = classify(a, timexes)["t1"]
        assert (role.role, role.rule) == (rule.role, rule.id), (example.text, role)


def test_range_rule_examples():
    from models import Timex
    from pipeline.incidents.roles import asides, range_pairs

    ranges = RULES.roles.ranges
    for rule in (ranges.open, ranges.link, ranges.bare_link, ranges.joiner, ranges.aside):
        for example in rule.examples:
            text, spans = bracketed(example.text)
            expected = (example.expect or "start,end").split(",")
            timexes = [
                Timex(id=f"t{k + 1}", text=text[a:b], start=a, end=b, sentence=0,
                      type="DATE" if text[a].isupper() else "TIME", value="2020-01-01", rule="test")
                for k, (a, b) in enumerate(spans)
            ]
            a = Article.build(text, [(0, len(text))])
            pairs = range_pairs(a, timexes)
            aside = asides(a, timexes)
            found = ["aside" if t.id in aside else pairs.get(t.id, "") for t in timexes]
            assert found == [e or "" for e in expected], (rule.id, example.text, found)


def test_date_at_time_examples():
    """A clock time right after its date takes the date's start or end cue (roles.json examples)."""
    from pipeline.incidents.roles import classify

    for example in RULES.roles.ranges.date_at_time.examples:
        text, spans = bracketed(example.text)
        timexes = _timexes(text, spans, "TIME")
        timexes = [t.model_copy(update={"type": "DATE" if text[t.start].isalpha() else "TIME"}) for t in timexes]
        a = Article.build(text, [(0, len(text))])
        roles = classify(a, timexes)
        found = [roles[t.id].role for t in timexes]
        assert found == example.expect.split(","), (example.text, found)


@pytest.mark.parametrize("rule", RULES.status_rules, ids=ids(RULES.status_rules))
def test_status_rule_examples(rule):
    for example in rule.examples:
        a = article(example.text)
        cues = drop_contained(scan(a, scanners().status))
        assert any(c.rule == rule.id for c in cues), (rule.id, example.text, cues)
    for counter in rule.counter:
        cues = drop_contained(scan(article(counter), scanners().status))
        assert not any(c.rule == rule.id for c in cues), (rule.id, counter, cues)


def _owns_all(sentence, char):
    return True


CONTEXTS = [*RULES.affected.platform_contexts, *RULES.affected.region_contexts]


@pytest.mark.parametrize("rule", CONTEXTS, ids=ids(CONTEXTS))
def test_affected_context_examples(rule):
    for example in rule.examples:
        a = article(example.text)
        result = affected(a, range(len(a.sentences)), _owns_all)
        labels = result.platforms if rule.id.startswith("platform.") else result.regions
        assert labels == example.expect.split(","), (rule.id, example.text, labels)


LEXICON = [*RULES.affected.platforms, *RULES.affected.regions]


@pytest.mark.parametrize("entry", LEXICON, ids=[e.label for e in LEXICON])
def test_lexicon_examples(entry):
    pattern = compile_pattern(entry.pattern)
    for example in entry.examples:
        assert pattern.search(example), (entry.label, example)
