import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"


def corpus_ids():
    return sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import build_pipeline

    return build_pipeline()


def published(doc_id):
    meta = CORPUS / f"{doc_id}.meta.json"
    return json.loads(meta.read_text())["published"] if meta.exists() else None
