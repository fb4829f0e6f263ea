"""The whole pipeline's time grows linearly with the article's size (issue 7).

No fixed time limit: each component is timed on a text and on one four times as
long, and the growth ratio must stay near 4 (quadratic work gives 16). The texts
are news prose with adversarial stretches mixed in (digit runs, separator runs,
"a.m." chains, a long run without whitespace), so a rule that backtracks or a
component that compares every mention with every other shows up here.
"""
import contextlib
import gc
import time

import pytest

from tests.conftest import CORPUS
from tests.hostile.helpers import ARTICLE

SMALL = 20_000
FACTOR = 4
#: Linear work gives FACTOR; allow for timer noise and cache effects, not for n log n blow-ups.
MAX_RATIO = FACTOR * 2.0
#: Below this many seconds on the large text a ratio is timer noise: don't judge it.
NOISE_FLOOR = 0.05

ADVERSARIAL = (
    "1" * 2_000 + " " + "-/:." * 400 + " " + "a.m. " * 300 + "x" * 5_000 + " "
    + "12:35 12:35 12:35 " * 100 + "caused by " * 200 + "not " * 200 + "\n\n"
)


def news_text(size: int) -> str:
    """Corpus articles and adversarial runs, repeated and cut to ``size`` characters."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    unit = "\n\n".join([ARTICLE, *articles, ADVERSARIAL])
    return (unit * (size // len(unit) + 1))[:size]


def component_times(nlp, text: str):
    doc = nlp.make_doc(text)
    times = {}
    for name, component in nlp.pipeline:
        with gc_paused():
            started = time.process_time()
            doc = component(doc)
            times[name] = time.process_time() - started
    return times, doc


def superlinear_components(nlp, small_text: str, large_text: str):
    """{component: growth ratio} for each component whose time grows faster than the text."""
    small, _ = component_times(nlp, small_text)
    large, doc = component_times(nlp, large_text)
    ratios = {name: round(large[name] / max(small[name], 1e-6), 1) for name in large if large[name] > NOISE_FLOOR}
    return {name: r for name, r in ratios.items() if r > MAX_RATIO}, doc


def test_every_component_grows_linearly(nlp):
    nlp(news_text(2_000))  # compile lazily built rules outside the measurement
    superlinear, doc = superlinear_components(nlp, news_text(SMALL), news_text(SMALL * FACTOR))
    assert doc._.timexes and doc._.causes and doc._.incidents
    assert not superlinear, f"time grows faster than the text ({FACTOR}x longer): {superlinear}"


#: Texts that once took minutes (issue 19), by size: the tokenizer stripped 20,000 quote
#: marks one pass at a time; incident assembly compared every "Slack" with every other;
#: cause linking tried every link cue of a comma-chained sentence for every phrase.
FAMILIES = {
    "quote marks around a sentence": lambda n: '"' * n + "The bank's app failed on Monday." + '"' * n,
    "brackets and stars around a sentence": lambda n: "(*" + "(" * n + "The app failed." + "*" * n,
    "a name said again and again": lambda n: "Slack said " * n,
    "a cause and a speaker chained by commas": lambda n: "a bug caused it, Slack said " * (n // 4),
}


def whole_times(nlp, text: str):
    """{step: seconds} for the tokenizer and each component."""
    with gc_paused():
        started = time.process_time()
        doc = nlp.make_doc(text)
        times = {"tokenizer": time.process_time() - started}
    for name, component in nlp.pipeline:
        with gc_paused():
            started = time.process_time()
            doc = component(doc)
            times[name] = time.process_time() - started
    return times


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_pathological_families_grow_linearly(nlp, family):
    make = FAMILIES[family]
    nlp(make(50))
    small, large = whole_times(nlp, make(2_000)), whole_times(nlp, make(2_000 * FACTOR))
    ratios = {name: round(large[name] / max(small[name], 1e-6), 1) for name in large if large[name] > NOISE_FLOOR}
    superlinear = {name: r for name, r in ratios.items() if r > MAX_RATIO}
    assert not superlinear, f"{family}: time grows faster than the text ({FACTOR}x longer): {superlinear}"


@contextlib.contextmanager
def gc_paused():
    """No garbage collection pause inside a measurement (a full suite leaves a big heap to walk)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Pipeline:
    """A stand-in pipeline with one linear and one quadratic component."""

    @staticmethod
    def make_doc(text):
        return text.split()

    pipeline = [
        ("linear", lambda words: [w.upper() for w in words] and words),
        ("quadratic", lambda words: sum(1 for a in words for b in words if a == b) and words),
    ]


def test_the_check_catches_quadratic_work_and_passes_linear_work():
    small = " ".join(f"w{i}" for i in range(800))
    large = " ".join(f"w{i}" for i in range(800 * FACTOR))
    superlinear, _ = superlinear_components(_Pipeline, small, large)
    assert list(superlinear) == ["quadratic"]


def test_mechanism_inheritance_grows_linearly_with_the_phrases():
    """Each phrase looked back over all earlier ones ("A bug caused the outage. " x 16,000)."""
    from pipeline.causes.phrases import CausePhrase, _inherit_mechanisms

    def seconds(n):
        phrases = [CausePhrase(i, 25 * i, 25 * i + 5, "a bug", "software_bug", "r") for i in range(n)]
        with gc_paused():
            started = time.process_time()
            _inherit_mechanisms(phrases, "en")
            return time.process_time() - started

    seconds(100)
    small, large = seconds(2_000), seconds(2_000 * FACTOR)
    assert large < NOISE_FLOOR or large / max(small, 1e-6) <= MAX_RATIO, (small, large)


def test_cause_phrase_scope_checks_grow_linearly_with_the_sentence():
    """Each phrase tried every link and exclusion cue of its sentence ("a bug caused it, Slack said, ...")."""
    from pipeline.causes.phrases import _sentence_candidates
    from pipeline.causes.scan import scan_text

    def seconds(units):
        text = "a bug caused it, Slack said " * units
        scan = scan_text(text, [(0, len(text))])
        (sentence,) = scan.sentences
        with gc_paused():
            started = time.process_time()
            _sentence_candidates(text, sentence, "en")
            return time.process_time() - started

    seconds(50)
    small, large = seconds(4_000), seconds(4_000 * FACTOR)
    assert large < NOISE_FLOOR or large / max(small, 1e-6) <= MAX_RATIO, (small, large)


def test_cause_rule_scanning_grows_linearly_in_one_long_sentence():
    """The regex module checks a rule's required literal up to the end of the range at each attempt:
    attempts are first made on a short probe (a sentence of 400,000 characters took minutes)."""
    from pipeline.causes.scan import scan_text

    def seconds(units):
        text = "a bug caused it, Slack said " * units
        with gc_paused():
            started = time.process_time()
            scan_text(text, [(0, len(text))])
            return time.process_time() - started

    seconds(50)
    small, large = seconds(8_000), seconds(8_000 * FACTOR)  # the quadratic term shows from here
    assert large < NOISE_FLOOR or large / max(small, 1e-6) <= MAX_RATIO, (small, large)
