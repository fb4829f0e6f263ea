"""Every regular expression of the rule data runs in linear time on adversarial input.

Patterns are discovered generically (see ``patterns.py``): every regex-like string of
``pipeline/resources/**/*.json`` and every pattern the pipeline compiles from them, so
rules added later are covered. For each pattern and each adversarial input family the
input is sized so that one pass costs about ``TARGET_SECONDS``, then made ``GROWTH``
times longer: linear time grows ``GROWTH``-fold, quadratic time ``GROWTH**2``-fold,
and catastrophic backtracking hits the ``regex`` module's timeout.
"""
import hashlib
import time

import pytest
import regex

from .patterns import fill, input_units, patterns_under_test

GROWTH = 8
TARGET_SECONDS = 0.001
PROBE_CHARS = 256
MAX_SMALL_CHARS = 1_000_000 // GROWTH  # the longest inputs are 1 MB
ALLOWED_FACTOR = 24  # 3x headroom over linear for timing noise; quadratic is 64x
SLACK_SECONDS = 0.005
MIN_TIMEOUT = 0.25  # seconds: a catastrophic pattern is cut off here, not waited for

PATTERNS = patterns_under_test()


def _pass_seconds(compiled, text: str, timeout: float) -> float:
    start = time.process_time()
    for _ in compiled.finditer(text, timeout=timeout):
        pass
    return time.process_time() - start


def _check(compiled, unit: str, family: str) -> None:
    probe = _pass_seconds(compiled, fill(unit, PROBE_CHARS), timeout=5.0)
    n = int(PROBE_CHARS * TARGET_SECONDS / max(probe, 1e-7))
    n = max(PROBE_CHARS, min(MAX_SMALL_CHARS, n))
    small = min(_pass_seconds(compiled, fill(unit, n), timeout=5.0) for _ in range(2))
    budget = ALLOWED_FACTOR * small + SLACK_SECONDS
    try:
        big = _pass_seconds(compiled, fill(unit, n * GROWTH), timeout=max(MIN_TIMEOUT, 3 * budget))
    except TimeoutError:
        big = float("inf")
    if big > budget:  # measure once more before blaming the pattern (shared machine)
        try:
            big = _pass_seconds(compiled, fill(unit, n * GROWTH), timeout=max(MIN_TIMEOUT, 3 * budget))
        except TimeoutError:
            big = float("inf")
    assert big <= budget, (
        f"{family}: {n} chars took {small:.4f}s, {n * GROWTH} chars {big:.4f}s "
        f"(more than {ALLOWED_FACTOR}x: super-linear backtracking)"
    )


def test_patterns_were_discovered():
    from .patterns import compiled_patterns, resource_patterns

    wheres = " ".join(resource_patterns().values())
    for expected in ("segmentation.json", "guards.json", "causes/", "temporal/"):
        assert expected in wheres
    assert all(p in PATTERNS for p in resource_patterns() if "%{" not in p)
    assert len(compiled_patterns()) > 20 and len(PATTERNS) > 50


#: Patterns known to grow faster than linearly, by the sha1 of their text (first 12 hex digits).
#: Each is an open defect for the owner of its rule file; the test is a strict xfail, so when a
#: pattern is fixed (or changes) it fails as XPASS until its entry is removed. Never add a new
#: pattern here to make a run green: fix it (possessive quantifiers, bounded repeats, lookbehinds).
KNOWN_SUPERLINEAR = {
    # causes/phrases: "(det)? (adj\s+){0,3} defect|bug ... in ..." - ~150x time for 16x input on digit runs
}


def _key(pattern: str) -> str:
    return hashlib.sha1(pattern.encode("utf-8")).hexdigest()[:12]


def _cases():
    for pattern in sorted(PATTERNS):
        if _key(pattern) in KNOWN_SUPERLINEAR:
            mark = pytest.mark.xfail(strict=True, reason=KNOWN_SUPERLINEAR[_key(pattern)])
            yield pytest.param(pattern, marks=mark, id=_key(pattern))
        else:
            yield pytest.param(pattern, id=_key(pattern))


@pytest.mark.parametrize("pattern", list(_cases()))
def test_pattern_time_grows_linearly_on_adversarial_input(pattern):
    where, flags = PATTERNS[pattern]
    compiled = regex.compile(pattern, flags)
    failures = []
    for family, unit in input_units(pattern, core=True).items():
        try:
            _check(compiled, unit, family)
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, f"pattern from {where}:\n{pattern[:300]}\n" + "\n".join(failures)


@pytest.mark.parametrize(
    "pattern",
    [r"(?:[A-Z]\w*\s)*[A-Z]\w*\s+users", r"(a+)+b", r"(?:\w+-?)+!"],
    ids=["unbounded-name-run", "nested-plus", "nested-word-run"],
)
def test_the_check_catches_known_catastrophic_shapes(pattern):
    compiled = regex.compile(pattern, regex.IGNORECASE)
    with pytest.raises(AssertionError):
        for family, unit in input_units(pattern).items():
            _check(compiled, unit, family)


def test_a_catastrophic_rule_would_be_discovered_and_fail():
    """A rule file gaining ``(a+)+b`` makes the test fail: it is read like every resource pattern."""
    from .patterns import _walk

    rule_file = {"rules": [{"id": "bad", "pattern": r"(?:outage\s+)?(a+)+b"}]}
    found = [text for _, text in _walk(rule_file, "x.json") if "(" in text]
    assert found == [r"(?:outage\s+)?(a+)+b"]
    with pytest.raises(AssertionError, match="super-linear"):
        _check_all(found[0], int(regex.IGNORECASE))  # as the parametrized test runs each pattern


def _check_all(pattern: str, flags: int) -> None:
    compiled = regex.compile(pattern, flags)
    for family, unit in input_units(pattern, core=True).items():
        _check(compiled, unit, family)
