import pytest

from pipeline.segmentation import sentence_spans


def sents(text):
    return [text[s:e] for s, e in sentence_spans(text)]


CASES = [
    # abbreviations and times do not split
    ("Service returned at 3:40 a.m. ET on Tuesday. Engineers are still checking.",
     ["Service returned at 3:40 a.m. ET on Tuesday.", "Engineers are still checking."]),
    ("The outage began Dec. 28 and lasted a day.", ["The outage began Dec. 28 and lasted a day."]),
    ("Mr. Smith of Acme Inc. said the U.S. region was hit.",
     ["Mr. Smith of Acme Inc. said the U.S. region was hit."]),
    ("Latency rose 2.5 times. Errors followed.", ["Latency rose 2.5 times.", "Errors followed."]),
    ("It was fixed by 1 p.m. The company apologised.",
     ["It was fixed by 1 p.m.", "The company apologised."]),
    ("Dr. Jane Q. Public studies outages.", ["Dr. Jane Q. Public studies outages."]),
    # quoted speech stays with its sentence
    ('"We are aware of the issue. A fix is rolling out," the spokesperson said. Users waited.',
     ['"We are aware of the issue. A fix is rolling out," the spokesperson said.', "Users waited."]),
    ("She wrote: \u201cThe database failed. We restored it.\u201d Then the site came back.",
     ["She wrote: \u201cThe database failed. We restored it.\u201d", "Then the site came back."]),
    ('He asked, "Is it down?" and refreshed the page.', ['He asked, "Is it down?" and refreshed the page.']),
    # blank lines, headings and datelines end sentences
    ("Outage Hits Banks\n\nCustomers could not log in.", ["Outage Hits Banks", "Customers could not log in."]),
    ("Three Outages, One Week\nAccording to the status page, it was resolved.",
     ["Three Outages, One Week", "According to the status page, it was resolved."]),
    ("LONDON (Reuters)\nA power cut hit the data centre.", ["LONDON (Reuters)", "A power cut hit the data centre."]),
    ("The network failed because a router\nwas misconfigured by an engineer.",
     ["The network failed because a router\nwas misconfigured by an engineer."]),
    # other terminators
    ("Is the site down? Yes, it is.", ["Is the site down?", "Yes, it is."]),
    ("It is down! Everyone noticed.", ["It is down!", "Everyone noticed."]),
    ("The fix is live.It works now.", ["The fix is live.", "It works now."]),
    ("Visit status.example.com for updates.", ["Visit status.example.com for updates."]),
    ("Revenue fell to $4.04 on Friday. Shares recovered.", ["Revenue fell to $4.04 on Friday.", "Shares recovered."]),
    ("No. 2 carrier Vodafone was hit. Calls failed.", ["No. 2 carrier Vodafone was hit.", "Calls failed."]),
    ("Shares fell 3 percent in the U.S. The outage lasted hours.",
     ["Shares fell 3 percent in the U.S.", "The outage lasted hours."]),
    ("The outage hit at 9 a.m. EDT and lasted a few hours.", ["The outage hit at 9 a.m. EDT and lasted a few hours."]),
    ("e.g. mobile apps were affected.", ["e.g. mobile apps were affected."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_news_segmentation(text, expected):
    assert sents(text) == expected


def test_spans_are_trimmed_and_exact():
    text = "  First one.  Second one.\n\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_component_matches_character_segmentation(nlp):
    from pipeline.spans import doc_sentence_spans

    text = 'Acme Corp. said service was back by 6 p.m. PT. "It was a bad deploy," it said.\n\nMore Coverage\nUsers cheered.'
    doc = nlp(text)
    assert doc_sentence_spans(doc) == sentence_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was charged with \u201caiding and abetting.\u201dSheppard faced 45 years. Fazeli did not.",
        'The bank said it was "fully restored."Customers were not so sure.',
        "Service came back at 6 p.m.The company apologised.",
        "x" * 300 + ". Then the outage began.\u201dQuoted.",
    ],
)
def test_sentence_starting_inside_a_token_splits_the_token(nlp, text):
    """A missing space after a sentence end leaves one token across the boundary:
    the component splits it, so the Doc's sentences are the segmentation's."""
    from pipeline.spans import doc_sentence_spans

    doc = nlp(text)
    assert doc_sentence_spans(doc) == sentence_spans(text)
    assert doc.text == text
