"""A publication date written in the source address is the reference date when nothing else gives one."""
import pytest

from pipeline.document import InputDocument
from pipeline.extraction import extract_document
from pipeline.formats.published import url_date
from pipeline.resources import load_resource


@pytest.mark.parametrize("example", load_resource("metadata_dates")["url_date"]["examples"], ids=lambda e: e["url"][-30:])
def test_url_date_examples(example):
    assert url_date(example["url"]) == example["expect"]


TEXT = "Kestrel Bank's app went down on Thursday morning, leaving customers unable to pay."


def test_the_address_dates_the_story_with_a_warning(nlp):
    doc = InputDocument(doc_id="x", text=TEXT, source="https://news.example.com/2019/02/10/kestrel-bank-outage")
    record = extract_document(doc, nlp)
    assert record.reference_date.date == "2019-02-10" and record.reference_date.source == "metadata"
    assert any("source address" in w for w in record.warnings)
    main = next(i for i in record.incidents if i.role == "main")
    assert main.start.value.startswith("2019-02-07")


def test_a_given_date_wins_over_the_address(nlp):
    doc = InputDocument(doc_id="x", text=TEXT, source="https://news.example.com/2019/02/10/kestrel-bank-outage")
    record = extract_document(doc, nlp, reference_date="2020-01-01")
    assert record.reference_date.date == "2020-01-01" and not any("source address" in w for w in record.warnings)
