"""Is the text English? A stopword-ratio heuristic over a sample: cheap, no model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional

from .rules import LanguageRules

LATIN_END = "\u0250"  # Basic Latin through Latin Extended-B


@dataclass(frozen=True)
class LanguageVerdict:
    words: int
    latin_ratio: float
    ratios: Dict[str, float]  # language code -> share of sampled words that are its stopwords

    @property
    def english(self) -> float:
        return self.ratios.get("en", 0.0)

    def likeliest_other(self) -> Optional[str]:
        others = {k: v for k, v in self.ratios.items() if k != "en" and v > 0}
        return max(others, key=others.get) if others else None


def language_verdict(text: str, rules: LanguageRules) -> LanguageVerdict:
    words = [w.lower() for w in rules.word.findall(text[: rules.sample_chars])]
    if not words:
        return LanguageVerdict(0, 0.0, {})
    latin = sum(1 for w in words if max(w) < LATIN_END)
    ratios = {
        lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in rules.stopwords.items()
    }
    return LanguageVerdict(len(words), latin / len(words), ratios)


def _describe(verdict: LanguageVerdict, rules: LanguageRules) -> str:
    other = verdict.likeliest_other()
    looks = f"; it looks like {rules.names[other]}" if other and verdict.ratios[other] > verdict.english else ""
    return (
        f"{verdict.english:.0%} of {verdict.words} sampled words are common English words{looks}"
    )


def refusal_reason(verdict: LanguageVerdict, rules: LanguageRules) -> Optional[str]:
    """Why the text is refused as not English, or ``None``."""
    if verdict.words < rules.min_words:
        return None
    if verdict.latin_ratio < rules.min_latin_ratio:
        return (
            f"not English: {1 - verdict.latin_ratio:.0%} of {verdict.words} sampled words are in a "
            "non-Latin script; only English articles are supported"
        )
    other = verdict.likeliest_other()
    other_ratio = verdict.ratios[other] if other else 0.0
    english = verdict.english
    if english < rules.refuse_always_below or (
        english < rules.refuse_below and other_ratio >= rules.refuse_when_other_above
    ):
        return f"not English: {_describe(verdict, rules)}; only English articles are supported"
    return None


def doubt_warning(verdict: LanguageVerdict, rules: LanguageRules) -> Optional[str]:
    """A warning when the text is kept but may not be English."""
    if verdict.words < rules.min_words or verdict.english >= rules.warn_below:
        return None
    return f"text may not be English: {_describe(verdict, rules)}"


def wordless_warning(verdict: LanguageVerdict) -> Optional[str]:
    """A warning when the text holds no word at all (emoji, symbols, digits only)."""
    if verdict.words:
        return None
    return "no words in the text (only emoji, symbols or numbers): it does not read as an article"
