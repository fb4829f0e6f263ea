"""msgpack encoder and decoder for the output models stored on a ``Doc``.

``doc._.timexes``, ``doc._.causes``, ``doc._.incidents`` and ``doc._.reference_date``
hold the pydantic models of ``models/``. spaCy serialises ``doc.user_data`` with
srsly's msgpack (``Doc.to_bytes``, ``DocBin(store_user_data=True)``, the worker
processes of ``nlp.pipe(n_process=...)``); these two functions let it carry the
models: a model is written as ``{"__outages_model__": <class name>, "data": <JSON
dict>}`` and read back as the same model. They are registered with srsly through
the ``srsly_msgpack_encoders`` / ``srsly_msgpack_decoders`` entry points (so a
fresh process reads a DocBin without importing this package first) and, for a
source checkout that is not installed, by :func:`register_msgpack_types`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Optional

TAG = "__outages_model__"
ENTRY_NAME = "outage_extract_models"


@lru_cache(maxsize=1)
def _model_classes():
    import models

    return {name: getattr(models, name) for name in models.__all__ if isinstance(getattr(models, name), type)}


def encode_model(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """msgpack ``default`` hook: an output model -> a tagged plain dict."""
    from models import StrictModel

    if isinstance(obj, StrictModel):
        return {TAG: type(obj).__name__, "data": obj.model_dump(mode="json")}
    return obj if chain is None else chain(obj)


def decode_model(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """msgpack ``object_hook``: a tagged dict -> the output model it was written from."""
    if isinstance(obj, dict) and TAG in obj:
        cls = _model_classes().get(obj[TAG])
        if cls is not None:
            return cls.model_validate(obj["data"])
    return obj if chain is None else chain(obj)


def register_msgpack_types() -> None:
    """Register the hooks with srsly in this process (idempotent)."""
    import srsly

    if ENTRY_NAME not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register(ENTRY_NAME, func=encode_model)
    if ENTRY_NAME not in srsly.msgpack_decoders.get_all():
        srsly.msgpack_decoders.register(ENTRY_NAME, func=decode_model)
