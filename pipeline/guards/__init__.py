"""Guards between raw input and the pipeline: refuse what is not an article, bound the size.

:func:`screen_text` runs the cheap checks (each on a bounded sample, so the hot
path pays one pass at most) and returns the text to analyse plus warnings, or
raises :class:`~pipeline.document.InputError` with a one-line reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from ..document import InputError
from .binary import binary_reason, control_count
from .language import doubt_warning, language_verdict, refusal_reason, wordless_warning
from .limits import truncate
from .markup import is_page, markup_report
from .rules import guard_rules


def default_max_chars(lang: str = "en") -> int:
    return guard_rules(lang).truncation.default_max_chars


@dataclass(frozen=True)
class Screened:
    """The text to analyse (the input, or a prefix of it) and what was noticed."""

    text: str
    warnings: Tuple[str, ...]


def screen_text(text: str, max_chars: Optional[int], lang: str = "en") -> Screened:
    """Check ``text`` before extraction; raise :class:`InputError` if it is not an article.

    ``max_chars`` (``None`` or 0: no limit) truncates at a boundary with a warning.
    Callers resolve "the default limit" with :func:`default_max_chars` first.
    """
    rules = guard_rules(lang)
    if not text or text.isspace():
        raise InputError("empty document: no text to extract from")
    reason = binary_reason(text, rules.binary)
    if reason:
        raise InputError(reason)
    warnings = []
    markup = markup_report(text, rules.markup)
    if is_page(markup, rules.markup):
        raise InputError(
            f"not article text: looks like an HTML page ({markup.tags} tags, {markup.ratio:.0%} "
            "markup); extract its text first"
        )
    if markup.tags:
        warnings.append(
            f"input contains HTML markup ({markup.tags} tags); it was read as plain text"
        )
    verdict = language_verdict(text, rules.language)
    reason = refusal_reason(verdict, rules.language)
    if reason:
        raise InputError(reason)
    doubt = doubt_warning(verdict, rules.language) or wordless_warning(verdict)
    if doubt:
        warnings.append(doubt)
    text, cut = truncate(text, max_chars, rules.truncation)
    if cut:
        warnings.append(cut)
    controls = control_count(text, rules.binary)
    if controls:
        warnings.append(
            f"input contains {controls} control character(s) such as NUL; they were kept, "
            "and offsets count them"
        )
    return Screened(text, tuple(warnings))
