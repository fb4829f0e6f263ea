"""Find the regular expressions of the rule data, and build adversarial inputs for them.

Two generic sources, so that rules added later are covered without touching the tests:

* :func:`resource_patterns` - every string in every ``pipeline/resources/**/*.json`` file
  that contains regex syntax and compiles (raw patterns and fragments as written);
* :func:`compiled_patterns` - every pattern the pipeline itself compiles while it is built
  and run once (fragments expanded, rule sets joined), recorded in a fresh interpreter by
  wrapping the compile functions of ``regex`` and ``re``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "pipeline" / "resources"
META = set("\\[](){}|*+?^$")

# Runs in a fresh interpreter: record (pattern, flags) of every compile called from pipeline/.
_RECORDER = r"""
import json, re, sys, regex
rr = sys.modules.get("regex._main") or sys.modules.get("regex.regex")  # the module defining _compile
seen = {}
def is_ours():
    # the first frame outside the regex machinery must be pipeline code
    f = sys._getframe(2)
    while f is not None and (f.f_code.co_filename.endswith(("/re/__init__.py", "/regex/_main.py", "/regex/regex.py"))):
        f = f.f_back
    name = f.f_code.co_filename if f is not None else ""
    return "/pipeline/" in name and "/site-packages/" not in name
def wrap(module, attr, family):
    original = getattr(module, attr)
    def recording(pattern, flags=0, *args, **kwargs):
        if isinstance(pattern, str) and is_ours():
            seen[(family, pattern, int(flags))] = 1
        return original(pattern, flags, *args, **kwargs)
    setattr(module, attr, recording)
wrap(rr, "_compile", "regex")
wrap(re, "_compile", "re")
from pipeline import extract
extract(sys.stdin.read(), reference_date="2021-06-08")
from pipeline.causes.patterns import compile_all  # cause rules are compiled lazily: all of them
compile_all()
json.dump([list(k) for k in seen], sys.stdout)
"""

SAMPLE = (
    "Fastly outage takes down Reddit, Amazon and the BBC\n\n"
    "LONDON, June 8 (Reuters) - Websites went dark on Tuesday morning after Fastly's network failed at "
    "about 10:47 a.m. BST (0947 GMT). The company said the outage, which lasted nearly an hour, was "
    "caused by a software bug triggered by a customer configuration change, and was not a cyberattack. "
    "\"We identified a service configuration that triggered disruptions,\" a spokesperson said. "
    "Service was restored by 11:36 a.m., 49 minutes later. Two years ago, in July 2019, Cloudflare "
    "went down for 30 minutes. Analysts said it may have been a DNS issue; others suspected hackers."
)


def _walk(value, where: str) -> Iterator[Tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{where}[{i}]")


@lru_cache(maxsize=None)
def resource_patterns() -> Dict[str, str]:
    """pattern -> where it was first found (file and JSON path), for every regex-like string."""
    import regex

    found: Dict[str, str] = {}
    for path in sorted(RESOURCES.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(RESOURCES)
        for where, text in _walk(data, str(rel)):
            if text in found or not (META & set(text)):
                continue
            try:
                regex.compile(text)
            except (regex.error, ValueError, OverflowError):
                continue
            found[text] = where
    return found


@lru_cache(maxsize=None)
def compiled_patterns() -> List[Tuple[str, str, int]]:
    """(module, pattern, flags) of every pattern the pipeline compiles building and running once."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-c", _RECORDER], input=SAMPLE, capture_output=True, text=True,
        cwd=str(ROOT), env=env, timeout=600, check=True,
    )
    return [tuple(item) for item in json.loads(done.stdout)]


def _words(pattern: str) -> List[str]:
    """Alphabetic literals of a pattern ("January", "hours", "a.m" -> ["January", "hours", "am"])."""
    words, current = [], []
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
            current = []
            continue
        if ch == "\\":
            escaped = True
            continue
        if ch.isalpha():
            current.append(ch)
        else:
            if len(current) >= 2:
                words.append("".join(current))
            current = []
    if len(current) >= 2:
        words.append("".join(current))
    return sorted(set(words))[:50]


def _literal_chars(pattern: str) -> str:
    chars = sorted({c for c in pattern if c.isprintable() and c not in "\\()[]{}|*+?^$"})
    return "".join(chars) or "a"


FAMILIES: Dict[str, str] = {
    "digits": "1",
    "digit_pairs": "12",
    "colons": "1:",
    "dots": "1.",
    "dashes": "1-",
    "slashes": "1/",
    "commas": "1, ",
    "am_chain": "a.m.",
    "am_spaced": "a.m. ",
    "initials": "A.",
    "letters": "ab",
    "words": "word ",
    "capitalised": "Word ",
    "spaces": " ",
    "newlines": "\n",
    "blank_lines": "\n \n",
    "periods": ".",
    "period_space": ". ",
    "quotes": "\"",
    "apostrophes": "'",
    "angle": "<",
    "tag_open": "<a ",
    "ampersand": "&",
    "times": "12:35 ",
    "time_ampm": "3:40 a.m. ",
    "numbers_words": "one two ",
    "hyphen_words": "ten-",
    "percent": "%",
    "non_ascii_pairs": "\u00e2\u20ac",
    "nul": "\x00",
}


#: The families every pattern meets in the test suite (the rest are for deeper runs). A plain
#: letter run ("abab...") is not among them: ``run_then_pattern_chars`` is that run, closed by
#: the pattern's own literals.
CORE_FAMILIES = ("digits", "colons", "dots", "dashes", "commas", "am_chain", "capitalised", "spaces")


def input_units(pattern: str, core: bool = False) -> Dict[str, str]:
    """Adversarial family -> the unit repeated to build it (fixed ones plus some from the pattern)."""
    units = {k: v for k, v in FAMILIES.items() if not core or k in CORE_FAMILIES}
    units["pattern_chars"] = _literal_chars(pattern)
    # a word run that fails just before the pattern's literals ("(\w+-?)+!" meets "abab... !")
    units["run_then_pattern_chars"] = RunThen(" " + _literal_chars(pattern))
    words = _words(pattern)
    if words:
        units["pattern_words"] = " ".join(words) + " "
        units["pattern_words_glued"] = "".join(words)
        units["pattern_words_numbers"] = " 1 ".join(words) + " 12 "
    units["pattern_text"] = pattern[:2000] + " "  # its literal text often nearly matches
    for char in _quantified_chars(pattern):  # "(a+)+b" meets "aaaa..."
        units[f"run_of_{ord(char):x}"] = char
    return units


def _quantified_chars(pattern: str, limit: int = 4) -> List[str]:
    """Literal characters the pattern repeats (``a+``, ``(a+)+``, ``x*``), runs of which stress it."""
    found: List[str] = []
    for i in range(1, len(pattern)):
        char, before = pattern[i - 1], pattern[i - 2] if i >= 2 else ""
        if pattern[i] in "+*" and char.isalnum() and before != "\\" and char not in found:
            found.append(char)
    return found[:limit]


class RunThen(str):
    """A unit that is not repeated: one word run as long as the input, then this text."""


def fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters (a :class:`RunThen` closes one long run)."""
    if isinstance(unit, RunThen):
        return ("ab" * size)[: max(0, size - len(unit))] + unit[:size]
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def adversarial_inputs(pattern: str, size: int) -> Iterator[Tuple[str, str]]:
    """(name, text of ``size`` characters) built to make a backtracking regex work hard."""
    for name, unit in input_units(pattern).items():
        yield name, fill(unit, size)


def is_joined(pattern: str, others) -> bool:
    """A rule set compiled as one alternation: it contains two or more other recorded patterns.

    Its alternatives are run (and timed) one by one, so it is not run again as a whole.
    """
    inside = 0
    for other in others:
        if other != pattern and len(other) > 20 and other in pattern:
            inside += 1
            if inside >= 2:
                return True
    return False


def patterns_under_test() -> Dict[str, Tuple[str, int]]:
    """pattern -> (where it comes from, flags): templates (``%{fragment}``) only after expansion."""
    import regex

    compiled = compiled_patterns()
    texts = {p for _, p, _ in compiled}
    chosen: Dict[str, Tuple[str, int]] = {}
    for module, pattern, flags in compiled:
        if not is_joined(pattern, texts):
            chosen.setdefault(pattern, (f"compiled by pipeline ({module})", flags))
    tested = [p for p in chosen]
    for pattern, where in resource_patterns().items():
        if "%{" in pattern or covered_by(pattern, tested):
            continue  # checked after expansion, or as part of a compiled pattern that holds it
        chosen.setdefault(pattern, (where, int(regex.IGNORECASE)))
    return chosen


def covered_by(pattern: str, compiled: List[str]) -> bool:
    """A rule pattern (its ``{FRAGMENT}`` placeholders expanded) that a compiled pattern holds verbatim.

    The compiled pattern meets the same adversarial families (and its alternatives meet each
    other's), so timing the rule on its own again would mostly duplicate the work.
    """
    from pipeline.incidents.rules import expand

    try:
        body = expand(pattern)
    except KeyError:  # braces that are not fragment placeholders
        body = pattern
    return any(body in other for other in compiled if other != pattern)
