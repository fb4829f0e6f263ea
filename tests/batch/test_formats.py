"""Each input format, including broken files: always one record per document."""
import json

import pytest

from pipeline.formats import expand, load
from pipeline.formats.dates import metadata_date
from pipeline.inputs import discover

from .conftest import read_lines, write_articles

ARTICLE = "Azure Active Directory was down for two hours on Monday after a faulty update."


def docs_of(path):
    """(doc_id, outcome) for every document of one file: an InputDocument or the error text."""
    from pipeline.document import InputError

    out = []
    for pending in expand(path.stem, path):
        try:
            out.append(load(pending))
        except InputError as exc:
            out.append(f"{pending.doc_id}: {exc}")
    return out


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-12-07", "2021-12-07"),
        ("2021-12-07 10:00:00", "2021-12-07"),
        ("2021-12-07T23:30:00-08:00", "2021-12-07"),
        ("2021-12-07T10:00:00Z", "2021-12-07"),
        ("Tue, 07 Dec 2021 10:00:00 GMT", "2021-12-07"),
        ("", None),
        (None, None),
    ],
)
def test_metadata_dates(value, expected):
    assert metadata_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2021-13-45", "07/12/2021", 1638871200])
def test_unrecognised_metadata_dates_raise(value):
    with pytest.raises(ValueError):
        metadata_date(value)


def test_jsonl_records_fields_and_broken_lines(tmp_path):
    path = tmp_path / "crawl.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2023-03-01", "url": "https://news.example/a1"}),
        json.dumps({"maintext": "The game's login servers failed on Friday.", "date_publish": "2022-11-04 08:12:00"}),
        "",
        '{"id": "broken", "text": "cut off',
        json.dumps({"id": 7, "body": "Bank customers saw card payments fail.", "date": "not a date"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "b2", "text": "", "maintext": "A fibre cut took the telecom's network down."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a1, second, broken, seven, empty, array, b2 = docs_of(path)
    assert (a1.doc_id, a1.published, a1.source, a1.text) == ("a1", "2023-03-01", "https://news.example/a1", ARTICLE)
    assert (second.doc_id, second.published, second.source) == ("crawl:2", "2022-11-04", f"{path}:2")
    assert broken.startswith("crawl:4: not valid JSON")
    assert seven.doc_id == "7" and seven.published is None
    assert any("not a date" in w for w in seven.warnings)
    assert "record has no text" in empty and "'maintext'" in empty
    assert "expected a JSON object" in array
    assert b2.text.startswith("A fibre cut")


@pytest.mark.parametrize("escaped", [True, False])
def test_mojibake_in_a_record_text_is_repaired_with_a_warning(tmp_path, escaped):
    broken = "The bank\u00e2\u20ac\u2122s app failed at 12:35\u00c2\u00a0PM on Monday \u00e2\u20ac\u201c for hours."
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({"id": "m", "text": broken}, ensure_ascii=escaped) + "\n", encoding="utf-8")
    (doc,) = docs_of(path)
    assert doc.text == "The bank\u2019s app failed at 12:35\u00a0PM on Monday \u2013 for hours."
    assert any("mojibake" in w for w in doc.warnings)


def test_json_object_and_list_and_broken(tmp_path):
    one = tmp_path / "story.json"
    one.write_text(json.dumps({"maintext": ARTICLE, "date_publish": "2020-01-02T03:04:05"}))
    (doc,) = docs_of(one)
    assert (doc.doc_id, doc.published, doc.source) == ("story", "2020-01-02", str(one))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "x", "text": ARTICLE}, {"text": "Slack was down."}, 5]))
    x, second, five = docs_of(many)
    assert x.doc_id == "x" and second.doc_id == "many:2" and "expected a JSON object" in five
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "unterminated')
    (error,) = docs_of(bad)
    assert "not valid JSON" in error and "line 1" in error
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    assert "no records" in docs_of(empty)[0]


def test_empty_jsonl_gives_one_error(tmp_path):
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n\n")
    (error,) = docs_of(path)
    assert "no records" in error


def test_discovery_formats_sidecars_hidden_and_output(tmp_path):
    for name in ["a.txt", "a.meta.json", "b.json", "c.jsonl", "d.html", "e.htm", "notes.md", ".hidden.txt"]:
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "z.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.TXT").write_text("x")
    (tmp_path / "out.jsonl").write_text("")
    refs = discover([tmp_path], exclude=[tmp_path / "out.jsonl"])
    assert [r.path.name for r in refs] == ["a.txt", "b.json", "c.jsonl", "d.html", "e.htm", "f.TXT"]


def test_folder_of_mixed_formats_one_record_per_document(tmp_path, cli):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "r1", "text": ARTICLE, "published": "2024-07-19"}) + "\n{oops\n"
    )
    (tmp_path / "c.json").write_text("{not json")
    (tmp_path / "d.txt").write_text("")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    result = cli(tmp_path, "-o", out, "--workers", "1")
    assert result.exit_code == 1
    records = read_lines(out)
    assert [r["doc_id"] for r in records] == ["a", "r1", "b:2", "c", "d"]
    assert [("error" in r) for r in records] == [False, False, True, True, True]
    assert records[1]["reference_date"] == {"date": "2024-07-19", "source": "metadata"}
    assert "3 of 5 documents failed" in result.stderr


HTML = """<html><head><title>Outage</title>
<meta property="article:published_time" content="2021-12-07T10:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>Cloud outage takes down streaming apps</h1>
<p>A major cloud provider suffered an outage on Tuesday that took down streaming services,
smart doorbells and delivery apps for several hours across the United States.</p>
<p>The company said an automated scaling activity caused unexpected behaviour in its internal network,
and engineers restored service by the evening.</p></article><footer>Copyright</footer></body></html>"""


def test_html_through_trafilatura_with_its_date(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "story.html"
    page.write_text(HTML, encoding="utf-8")
    (doc,) = docs_of(page)
    assert doc.published == "2021-12-07" and doc.doc_id == "story"
    assert "automated scaling activity" in doc.text and "Copyright" not in doc.text
    empty = tmp_path / "blank.html"
    empty.write_text("<html><body></body></html>")
    assert "no article text" in docs_of(empty)[0]
    binary = tmp_path / "junk.htm"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    assert isinstance(docs_of(binary)[0], str)


def test_html_record_uses_metadata_reference_date(tmp_path, cli):
    pytest.importorskip("trafilatura")
    page = tmp_path / "story.html"
    page.write_text(HTML, encoding="utf-8")
    result = cli(page)
    assert result.exit_code == 0, result.stderr
    (record,) = read_lines_from(result.stdout)
    assert record["reference_date"] == {"date": "2021-12-07", "source": "metadata"}
    assert record["sentences"]


def read_lines_from(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def no_html_extra(monkeypatch):
    """As if trafilatura were not installed: the reader refuses, naming the extra."""
    import pipeline.formats.html as html
    from pipeline.document import InputError

    def missing():
        raise InputError(html.MISSING_EXTRA)

    monkeypatch.setattr(html, "html_support", lambda: False)
    monkeypatch.setattr(html, "_extractor", missing)


def test_html_without_the_extra_is_a_clear_error(tmp_path, cli, no_html_extra):
    page = tmp_path / "story.html"
    page.write_text(HTML)
    result = cli(page)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "[html]" in result.stderr and "pip install" in result.stderr and "Traceback" not in result.stderr


def test_html_without_the_extra_costs_only_the_html_files(tmp_path, cli, no_html_extra):
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "page.html").write_text(HTML)
    result = cli(folder, "--workers", "1")
    assert result.exit_code == 1
    got = read_lines_from(result.stdout)
    assert [r["doc_id"] for r in got] == ["doc0000", "doc0001", "page"]
    assert "[html]" in got[2]["error"] and all("error" not in r for r in got[:2])
    assert "1 of 3 documents failed" in result.stderr


def test_html_reader_without_trafilatura_names_the_extra(tmp_path, monkeypatch):
    import builtins

    import pipeline.formats.html as html
    from pipeline.document import InputError

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    html._extractor.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    page = tmp_path / "story.html"
    page.write_text(HTML)
    try:
        with pytest.raises(InputError, match=r"\[html\]"):
            load(next(expand("story", page)))
    finally:
        monkeypatch.undo()
        html._extractor.cache_clear()


def test_record_dates_in_feed_formats_use_the_records_hints(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "rel", "text": ARTICLE, "date": "yesterday", "date_download": "2023-12-06T08:00:00Z"},
        {"id": "uk", "text": ARTICLE, "date": "05/12/2023", "url": "https://www.example.co.uk/a"},
        {"id": "us", "text": ARTICLE, "date": "05/12/2023", "language": "en-US"},
        {"id": "com", "text": ARTICLE, "date": "05/12/2023", "url": "https://www.example.com/a"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    rel, uk, us, com = docs_of(path)
    assert (rel.published, uk.published, us.published, com.published) == ("2023-12-05", "2023-12-05", "2023-05-12", None)
    assert any("ambiguous date" in w and "'date'" in w for w in com.warnings)
