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

SMALL_CHARS = 2_000
GROWTH = 8
ALLOWED_FACTOR = 24  # 3x headroom over linear for timing noise; quadratic is 64x
SLACK_SECONDS = 0.002
#: A pass shorter than this on the small text is timer noise: it is repeated (up to
#: MAX_REPEATS times) to be measured, and a pattern still below it after that cannot be
#: super-linear at SMALL_CHARS (quadratic work on 2,000 chars is millions of steps).
RESOLUTION_SECONDS = 0.0005
MAX_REPEATS = 8
MIN_TIMEOUT = 0.25  # seconds: a pass on the small text is cut off here (catastrophic), not waited for
MAX_TIMEOUT = 3.0  # seconds: the same for a pass on the large text (wall clock: the machine is shared)
PATTERN_CUTOFF_SECONDS = 5.0  # one pattern's whole check: more is a failure, not a wait

PATTERNS = patterns_under_test()


def _pass_seconds(compiled, text: str, timeout: float) -> float:
    start = time.process_time()
    for _ in compiled.finditer(text, timeout=timeout):
        pass
    return time.process_time() - start


def _small_seconds(compiled, text: str) -> float:
    """Seconds per pass on ``text``, repeating passes below timer resolution (bounded)."""
    total, runs = 0.0, 0
    while runs < MAX_REPEATS and (runs == 0 or total < RESOLUTION_SECONDS):
        total += _pass_seconds(compiled, text, timeout=MIN_TIMEOUT)
        runs += 1
    return total / runs


def _check(compiled, unit: str, family: str, n: int = SMALL_CHARS) -> None:
    try:
        small = _small_seconds(compiled, fill(unit, n))
    except TimeoutError:
        small = float("inf")
    if small * MAX_REPEATS < RESOLUTION_SECONDS:
        return  # too fast to be super-linear at this size
    budget = ALLOWED_FACTOR * small + SLACK_SECONDS
    big = float("inf")
    for _ in range(2 if small < MIN_TIMEOUT else 0):  # twice before blaming the pattern (shared machine)
        try:
            big = min(big, _pass_seconds(compiled, fill(unit, n * GROWTH), timeout=min(MAX_TIMEOUT, 2 * budget)))
        except TimeoutError:
            break  # cut off: catastrophic, not worth a second wait
        if big <= budget:
            return
    raise AssertionError(
        f"{family}: {n} chars took {small:.5f}s, {n * GROWTH} chars {big:.5f}s "
        f"(more than {ALLOWED_FACTOR}x: super-linear backtracking)"
    )


def test_patterns_were_discovered():
    from .patterns import compiled_patterns, resource_patterns

    wheres = " ".join(resource_patterns().values())
    for expected in ("segmentation.json", "guards.json", "causes/", "temporal/"):
        assert expected in wheres
    from .patterns import covered_by

    tested = list(PATTERNS)
    assert all(p in PATTERNS or covered_by(p, tested) for p in resource_patterns() if "%{" not in p)
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
    started = time.process_time()
    for family, unit in input_units(pattern, core=True).items():
        if time.process_time() - started > PATTERN_CUTOFF_SECONDS:
            failures.append(f"cut off after {PATTERN_CUTOFF_SECONDS}s (before family {family})")
            break
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
