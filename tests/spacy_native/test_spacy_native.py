"""The components behave as spaCy components: entry points, serialisation, span groups.

The fresh-process tests run ``python -c`` in a subprocess, so nothing this test
session imported or registered can help them: only the installed entry points can.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

from spacy.tokens import Doc, DocBin

TEXT = (
    "Slack went down on Monday morning at 9:40 a.m. ET after a configuration change, "
    "the company said. Service was restored two hours later."
)
FACTORIES = ["outages_sentencizer", "outages_timex", "outages_causes", "outages_cause_context", "outages_incidents"]


def _python(code: str, cwd) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _facts(doc):
    return (
        doc._.reference_date,
        list(doc._.timexes),
        list(doc._.causes),
        list(doc._.incidents),
        [(s.start_char, s.end_char, s.label_) for s in doc.spans["timex"]],
        [(s.start_char, s.end_char, s.label_) for s in doc.spans["cause"]],
    )


def test_factories_are_namespaced_and_registered_by_entry_point(tmp_path):
    out = _python(
        f"""
        import spacy
        from spacy.tokens import Doc
        nlp = spacy.blank("en")
        for name in {FACTORIES!r}:
            nlp.add_pipe(name)
        doc = nlp({TEXT!r})
        print(Doc.has_extension("timexes"), [t.text for t in doc._.timexes], [c.category for c in doc._.causes])
        """,
        tmp_path,  # not the checkout: the package is found as installed
    )
    assert out.split() == ["True", "['Monday", "morning',", "'9:40", "a.m.", "ET',", "'two", "hours", "later']",
                           "['configuration']"]


def test_one_component_alone_registers_its_extensions(tmp_path):
    out = _python(
        """
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("outages_timex")
        doc = nlp("The site was down for 49 minutes.")
        print([t.type for t in doc._.timexes], [s.label_ for s in doc.spans["timex"]])
        """,
        tmp_path,
    )
    assert out.strip() == "['DURATION'] ['DURATION']"


def test_to_disk_then_spacy_load_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    expected = nlp(TEXT)
    out = _python(
        f"""
        import json, spacy
        nlp = spacy.load({str(tmp_path / "model")!r})
        doc = nlp({TEXT!r})
        print(json.dumps({{"pipes": nlp.pipe_names,
                          "timexes": [t.model_dump(mode="json") for t in doc._.timexes],
                          "incidents": [i.model_dump(mode="json") for i in doc._.incidents]}}))
        """,
        tmp_path,
    )
    import json

    loaded = json.loads(out)
    assert loaded["pipes"] == nlp.pipe_names == FACTORIES
    assert loaded["timexes"] == [t.model_dump(mode="json") for t in expected._.timexes]
    assert loaded["incidents"] == [i.model_dump(mode="json") for i in expected._.incidents]


def test_doc_to_bytes_round_trip(nlp):
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _facts(back) == _facts(doc)
    assert doc._.causes and doc._.incidents  # the round trip carried something


def test_docbin_with_user_data_round_trip(nlp):
    docs = [nlp(TEXT), nlp("Gmail failed on Tuesday because of a power outage.")]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [_facts(d) for d in back] == [_facts(d) for d in docs]


def test_docbin_read_in_a_fresh_process(nlp, tmp_path):
    path = tmp_path / "docs.spacy"
    DocBin(docs=[nlp(TEXT)], store_user_data=True).to_disk(path)
    out = _python(
        f"""
        import spacy
        from spacy.tokens import Doc, DocBin
        Doc.set_extension("causes", default=None)
        doc = next(DocBin().from_disk({str(path)!r}).get_docs(spacy.blank("en").vocab))
        print(type(doc._.causes[0]).__name__, doc._.causes[0].category)
        """,
        tmp_path,
    )
    assert out.strip() == "CauseMention configuration"


def test_pipe_with_two_processes_matches_one(nlp):
    texts = [TEXT, "Gmail failed on Tuesday because of a power outage.", "Nothing happened."]
    single = [_facts(d) for d in nlp.pipe(texts)]
    double = [_facts(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert double == single


def test_reference_date_per_document_through_pipe_context(nlp):
    texts = [(TEXT, {"reference_date": "2024-01-10"}), (TEXT, {"published": "2024-02-14"}), (TEXT, None)]
    docs = [doc for doc, _ in nlp.pipe(texts, as_tuples=True)]
    assert [(d._.reference_date.date, d._.reference_date.source) for d in docs] == [
        ("2024-01-10", "given"), ("2024-02-14", "metadata"), (None, "none")
    ]
    assert [d._.timexes[0].value for d in docs] == ["2024-01-08TMO", "2024-02-12TMO", "XXXX-WXX-1TMO"]


def test_reference_date_set_on_the_doc(nlp):
    doc = nlp.make_doc(TEXT)
    doc._.reference_date = "2024-01-10"
    doc = next(nlp.pipe([doc]))
    assert doc._.reference_date.date == "2024-01-10" and doc._.timexes[0].value == "2024-01-08TMO"


def test_span_groups_carry_labels_and_displacy_renders_them(nlp):
    from spacy import displacy

    doc = nlp(TEXT)
    assert [(s.text, s.label_) for s in doc.spans["cause"]] == [("a configuration change", "configuration")]
    assert [s.label_ for s in doc.spans["timex"]] == [t.type for t in doc._.timexes]
    html = displacy.render(doc, style="span", options={"spans_key": "timex"})
    for timex in doc._.timexes:
        assert timex.type in html
    assert "9:40" in html


def test_span_inside_a_token_is_widened_to_whole_tokens(nlp):
    from types import SimpleNamespace

    from pipeline.extensions import set_span_group

    doc = nlp.make_doc("Slack's outage")
    set_span_group(doc, "timex", [SimpleNamespace(start=0, end=3)], lambda _: "X")
    assert [(s.text, s.label_) for s in doc.spans["timex"]] == [("Slack", "X")]
