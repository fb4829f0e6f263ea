import hashlib
import json

import pytest

from pipeline.evaluation.golden import (
    GoldenError,
    check_against_text,
    find_golden_files,
    load_golden,
)
from tests.evaluation.helpers import ARTICLE, golden_article


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_golden_file_validates_against_the_models(tmp_path):
    gold = load_golden(write(tmp_path / "acme.json", golden_article()))
    assert gold.doc_id == "acme" and len(gold.timexes) == 4 and gold.incidents[0].role == "main"
    check_against_text(gold, ARTICLE, hashlib.sha256(ARTICLE.encode()).hexdigest())


def test_doc_id_and_sha256_may_be_left_out(tmp_path):
    data = {k: v for k, v in golden_article().items() if k != "doc_id"}
    assert load_golden(write(tmp_path / "other.json", data)).doc_id == "other"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["timexes"][0].pop("value"), "timexes.0.value: Field required"),
        (lambda d: d["causes"][0].update(category="gremlins"), "causes.0.category"),
        (lambda d: d.update(notes="x"), "notes: Extra inputs are not permitted"),
        (lambda d: d.update(doc_id="zzz"), "has doc_id 'zzz', not 'acme'"),
    ],
)
def test_invalid_golden_files_give_one_line_errors(tmp_path, change, message):
    data = golden_article()
    change(data)
    with pytest.raises(GoldenError, match=message) as info:
        load_golden(write(tmp_path / "acme.json", data))
    assert "\n" not in str(info.value)


def test_golden_spans_must_match_the_text(tmp_path):
    gold = load_golden(write(tmp_path / "acme.json", golden_article()))
    with pytest.raises(GoldenError, match="does not match the text"):
        check_against_text(gold, "x" + ARTICLE, "0" * 64)
    gold.sha256 = "f" * 64
    with pytest.raises(GoldenError, match="another text"):
        check_against_text(gold, ARTICLE, "0" * 64)


def test_not_json_and_missing_folders(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(GoldenError, match="not valid JSON"):
        load_golden(tmp_path / "bad.json")
    with pytest.raises(GoldenError, match="no golden directory"):
        find_golden_files(tmp_path / "absent")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldenError, match="no golden files"):
        find_golden_files(tmp_path / "empty")
