import json
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from models import ArticleRecord
from pipeline.analysis.highlight import view_segments
from pipeline.analysis.highlight_html import html_view
from pipeline.cli.app import app, extract_app
from tests.analysis.browser import render
from tests.conftest import CORPUS, corpus_ids

runner = CliRunner()


@pytest.fixture(scope="module")
def records(corpus_jsonl):
    return {
        r["doc_id"]: ArticleRecord.model_validate(r)
        for r in map(json.loads, corpus_jsonl.read_text().splitlines())
    }


def text_of(doc_id):
    return (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", corpus_ids())
def test_segments_cover_the_text_and_every_mark_exactly(records, doc_id):
    record, text = records[doc_id], text_of(doc_id)
    segments = view_segments(record, text)
    assert "".join(text[s.start : s.end] for s in segments) == text
    marked = {}
    for segment in segments:
        for mark in segment.marks:
            marked.setdefault(mark, []).append(segment)
    assert len(marked) == len(record.timexes) + len(record.causes)
    for mark, pieces in marked.items():
        assert (pieces[0].start, pieces[-1].end) == (mark.start, mark.end)
        assert mark in pieces[-1].closes
    owners = {i for incident in record.incidents for i in incident.sentences}
    opened = sum(len(s.opens) > 0 for s in segments)
    assert opened == len(owners)


class ArticleText(HTMLParser):
    """The text of the article div, without the labels and incident tags the view adds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.parts, self.inside = [], [], False

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class", "")
        if classes == "article":
            self.inside = True
        self.stack.append(classes)

    def handle_endtag(self, tag):
        if self.stack.pop() == "article":
            self.inside = False

    def handle_data(self, data):
        if self.inside and not {"label", "tag"} & set(self.stack):
            self.parts.append(data)


@pytest.mark.parametrize("doc_id", corpus_ids())
def test_html_view_holds_the_article_unchanged(records, doc_id):
    record, text = records[doc_id], text_of(doc_id)
    page = html_view(record, text)
    parser = ArticleText()
    parser.feed(page)
    assert "".join(parser.parts) == text
    assert page.count('<mark class="timex">') >= len(record.timexes)
    assert page.count('<span class="label">') == len(record.timexes) + len(record.causes) + 2  # + legend


def test_show_prints_every_span_with_its_label(records):
    doc_id = "101_facebook_backbone"
    result = runner.invoke(app, ["show", str(CORPUS / f"{doc_id}.txt")])
    assert result.exit_code == 0, result.output
    record = records[doc_id]
    for timex in record.timexes:
        assert f"{timex.text}]({timex.type} " in result.stdout
    for cause in record.causes:
        assert f"{cause.text}]({cause.category}" in result.stdout
    assert "«e1» main · Facebook · start 2021-10-04T11:40:00-04:00" in result.stdout
    body = result.stdout.split("a sentence of incident e1\n", 1)[1]
    tags = [part.split("»")[0].split(",") for part in body.split("«")[1:]]
    for incident in record.incidents:
        assert sum(incident.id in tag for tag in tags) == len(incident.sentences), incident.id


def test_control_characters_of_the_article_do_not_reach_the_terminal(tmp_path):
    article = tmp_path / "esc.txt"
    article.write_text("Slack went down on Monday \x1b[31mfor\x1b[0m two hours.\rGone\x9b2J.\n")
    result = runner.invoke(app, ["show", str(article), "--reference-date", "2024-03-06"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\x9b" not in result.stdout
    assert "\u241b[31mfor\u241b[0m" in result.stdout and "\u240dGone\ufffd2J" in result.stdout


def test_extract_format_text_is_outages_show():
    path = str(CORPUS / "100_fastly_cdn.txt")
    shown = runner.invoke(app, ["show", path, "--reference-date", "2021-06-09"])
    extracted = runner.invoke(extract_app, [path, "--format", "text", "--reference-date", "2021-06-09"])
    assert shown.exit_code == extracted.exit_code == 0
    assert shown.stdout == extracted.stdout and "[09:47 UTC](TIME 2021-06-08T09:47:00+00:00)" in shown.stdout


def test_show_html_renders_in_chromium_without_console_messages(tmp_path):
    page = tmp_path / "view.html"
    result = runner.invoke(app, ["show", str(CORPUS / "101_facebook_backbone.txt"), "--html", str(page)])
    assert result.exit_code == 0 and result.stdout == ""
    rendered = render(page)
    assert rendered.console == []
    assert "faulty router change" in rendered.dom


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["show", "/no/such.txt"], 1, "no such file"),
        (["show", "x.txt", "--reference-date", "5 May"], 2, "--reference-date"),
        (["show", str(CORPUS / "100_fastly_cdn.txt"), str(CORPUS / "101_facebook_backbone.txt"), "--html", "v.html"], 2, "one article"),
    ],
)
def test_bad_show_input_is_one_line_error(args, code, message):
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.stderr and result.stderr.strip().count("\n") == 0


def test_format_text_refuses_an_output_file(tmp_path):
    result = runner.invoke(extract_app, [str(CORPUS / "100_fastly_cdn.txt"), "--format", "text", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--format text" in result.stderr and "-o" in result.stderr


# -- random and adversarial text -----------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.hostile.test_properties import news_like  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(news_like.filter(lambda text: "\ud800" not in text))  # a lone surrogate breaks spaCy's tokenizer
def test_views_keep_any_text_exactly(text):
    from pipeline import extract
    from pipeline.analysis.highlight_terminal import VISIBLE, terminal_view
    from pipeline.document import InputError

    try:
        record = extract(text, reference_date="2021-06-08")
    except InputError:
        return
    segments = view_segments(record, text)
    assert "".join(text[s.start : s.end] for s in segments) == text
    parser = ArticleText()
    parser.feed(html_view(record, text))
    assert "".join(parser.parts) == text
    shown, position = terminal_view(record, text).plain, 0
    for segment in segments:  # every piece of the text, in order, between the marks the view adds
        piece = text[segment.start : segment.end].translate(VISIBLE)
        found = shown.find(piece, position)
        assert found >= 0, piece
        position = found + len(piece)
