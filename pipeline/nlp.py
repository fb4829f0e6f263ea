"""Build the spaCy pipeline: ``spacy.blank("en")`` (or a user's model) plus our components."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Tuple

#: Our components in pipeline order: (factory name, module that registers it). The
#: factories are also registered through the ``spacy_factories`` entry points, so
#: ``spacy.blank("en").add_pipe("outages_timex")`` and ``spacy.load`` find them.
COMPONENTS: Tuple[Tuple[str, str], ...] = (
    ("outages_sentencizer", "pipeline.components.sentencizer"),
    ("outages_timex", "pipeline.components.timex_tagger"),
    ("outages_causes", "pipeline.components.cause_tagger"),
    ("outages_cause_context", "pipeline.components.cause_context"),
    ("outages_incidents", "pipeline.components.incident_assembler"),
)


@lru_cache(maxsize=4)
def build_pipeline(model: Optional[str] = None):
    """The pipeline, built once per process and cached.

    ``model`` names an installed spaCy pipeline (package or path) to start from;
    by default a blank English pipeline is used, so nothing is downloaded.
    """
    import importlib

    import spacy

    from .extensions import register_extensions
    from .tokenizer import harden_tokenizer

    register_extensions()
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise PipelineError(f"cannot load spaCy model {model!r}: {exc}") from None
    else:
        nlp = spacy.blank("en")
        harden_tokenizer(nlp)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        if factory in nlp.pipe_names:
            continue
        if factory == "outages_sentencizer" and first is not None:
            nlp.add_pipe(factory, before=first)
        else:
            nlp.add_pipe(factory)
    return nlp


class PipelineError(RuntimeError):
    """The pipeline could not be built (bad ``--model``)."""
