"""The outages_incidents component's contract on the Doc."""


def test_component_is_last_in_the_pipeline(nlp):
    assert nlp.pipe_names[-1] == "outages_incidents"


def test_incidents_are_models_with_one_main(nlp):
    from models import Incident

    doc = nlp("Optus went down on Wednesday. Optus customers could not make calls. "
              "Optus said service was restored by 2 p.m.")
    assert all(isinstance(i, Incident) for i in doc._.incidents)
    assert [i.role for i in doc._.incidents].count("main") == 1
    assert doc._.incidents[0].id == "e1" and doc._.incidents[0].service == "Optus"


def test_article_without_outage_has_no_incidents(nlp):
    doc = nlp("Revenue was up in reported third-quarter earnings in October. Shares fell 13 percent.")
    assert doc._.incidents == []


def test_extract_document_validates_with_incidents(nlp):
    from pipeline.document import InputDocument
    from pipeline.extraction import extract_document

    text = "TSB went down on Friday. TSB customers were locked out for hours."
    record = extract_document(InputDocument(doc_id="x", text=text), nlp)
    assert record.incidents and record.incidents[0].service == "TSB"
