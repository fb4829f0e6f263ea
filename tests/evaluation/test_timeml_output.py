"""extract --format timeml -o DIR: nothing overwritten, failures recorded, records read as records (issue 19)."""
import json

from pipeline.cli.app import extract_app
from pipeline.evaluation.timeml import read_timeml
from tests.hostile.helpers import ARTICLE, runner

OTHER = ARTICLE.replace("the bank", "the airline")


def test_the_input_tree_is_mirrored_and_failures_are_error_records(tmp_path):
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    (folder / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b" / "x.txt").write_text(OTHER, encoding="utf-8")
    (folder / "b" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "tml"
    result = runner.invoke(extract_app, [str(folder), "--format", "timeml", "-o", str(out)])
    assert result.exit_code == 1
    assert read_timeml(out / "a" / "x.tml").text == ARTICLE
    assert read_timeml(out / "b" / "x.tml").text == OTHER
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert error["doc_id"] == "empty" and "empty document" in error["error"]
    assert "1 of 3 documents failed" in result.stderr


def test_same_names_given_as_arguments_get_unique_files(tmp_path):
    for sub, text in (("a", ARTICLE), ("b", OTHER)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "tml"
    args = [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "--format", "timeml", "-o", str(out)]
    result = runner.invoke(extract_app, args)
    assert result.exit_code == 0, result.output
    assert read_timeml(out / "x.tml").text == ARTICLE
    assert read_timeml(out / "x-2.tml").text == OTHER


def test_a_json_list_gives_one_timeml_document_per_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"id": "one", "text": ARTICLE}, {"id": "two/../../escape", "text": OTHER}]
    (folder / "feed.json").write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "tml"
    result = runner.invoke(extract_app, [str(folder), "--format", "timeml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tml"))
    assert written == ["one.tml", "two_.._.._escape.tml"]
    assert read_timeml(out / "one.tml").text == ARTICLE
