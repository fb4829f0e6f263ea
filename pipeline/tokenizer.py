"""Tokenizer additions (``resources/en/tokenizer.json``): punctuation runs are one token.

spaCy splits a prefix or suffix off a chunk one match at a time and goes on
with the rest, so a chunk opening with 20,000 quote marks costs 20,000 passes
over what is left: quadratic time (minutes). The patterns here, tried before
spaCy's own, take a run of the same character in one match.
"""
from __future__ import annotations

from spacy.util import compile_prefix_regex, compile_suffix_regex

from .resources import load_resource


def harden_tokenizer(nlp, lang: str = "en") -> None:
    """Put the run patterns first in ``nlp``'s tokenizer prefixes and suffixes."""
    data = load_resource("tokenizer", lang)
    tokenizer = nlp.tokenizer
    prefixes = [*data["prefixes_first"], *nlp.Defaults.prefixes]
    suffixes = [*data["suffixes_first"], *nlp.Defaults.suffixes]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
