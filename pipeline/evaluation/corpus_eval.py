"""``outages eval``: run the pipeline on every corpus document that has a golden file and score it."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional, Union

from .document_scoring import DocumentEvaluation, score_document
from .golden import GoldenError, check_against_text, find_golden_files, load_golden
from .report import DocumentError, EvalReport

Outcome = Union[DocumentEvaluation, DocumentError]


def evaluate_one(golden_path: Path, corpus_dir: Path, nlp) -> Outcome:
    """Score one document; every failure becomes a :class:`DocumentError`."""
    from ..document import InputError
    from ..extraction import extract_document
    from ..document import InputRef
    from ..formats.text import read_document

    doc_id = golden_path.stem
    text_path = corpus_dir / f"{doc_id}.txt"
    if not text_path.is_file():
        return DocumentError(doc_id, f"no corpus text {str(text_path)!r} for golden file {str(golden_path)!r}")
    try:
        gold = load_golden(golden_path)
        document = read_document(InputRef(doc_id, text_path))
        check_against_text(gold, document.text, document.sha256)
        predicted = extract_document(document, nlp)
    except (GoldenError, InputError) as exc:
        return DocumentError(doc_id, str(exc))
    except Exception as exc:  # a pipeline bug: report it, score the others
        return DocumentError(doc_id, f"internal error: {type(exc).__name__}: {exc}".splitlines()[0])
    return score_document(gold, predicted, document.text)


def evaluate_corpus(
    corpus_dir: Union[str, Path],
    golden_dir: Union[str, Path],
    nlp=None,
    on_document: Optional[Callable[[Outcome], None]] = None,
) -> EvalReport:
    """Score every golden file's document; raise :class:`GoldenError` if there are none."""
    golden_files = find_golden_files(golden_dir)
    if nlp is None:
        from ..nlp import build_pipeline

        nlp = build_pipeline()
    documents: List[DocumentEvaluation] = []
    errors: List[DocumentError] = []
    for path in golden_files:
        outcome = evaluate_one(path, Path(corpus_dir), nlp)
        (errors if isinstance(outcome, DocumentError) else documents).append(outcome)
        if on_document is not None:
            on_document(outcome)
    return EvalReport(documents=documents, errors=errors)
