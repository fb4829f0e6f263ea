"""Working data the components share about one ``Doc`` (sentence spans, rule scans).

Kept beside the Doc, not in ``doc.user_data``: ``user_data`` is serialised with the
Doc (``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=...)``) and holds only the
annotations (``doc._.*``); this cache is recomputable and dies with its Doc.
"""
from __future__ import annotations

import weakref
from typing import Any, Dict

from spacy.tokens import Doc

_CACHES: "weakref.WeakKeyDictionary[Doc, Dict[str, Any]]" = weakref.WeakKeyDictionary()


def doc_cache(doc: Doc) -> Dict[str, Any]:
    """The cache dictionary of ``doc``, created empty on first use."""
    cache = _CACHES.get(doc)
    if cache is None:
        cache = {}
        _CACHES[doc] = cache
    return cache
