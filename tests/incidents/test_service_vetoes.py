"""Who the affected service is not (a person, a place, a time zone), and who it is when no outage
context names one. Own phrasings, several sectors and countries."""
import pytest

from pipeline.incidents.persons import load_persons, is_person
from pipeline.incidents.services import _lexicon, detect_service


@pytest.mark.parametrize("example", load_persons().examples, ids=lambda e: e["name"])
def test_person_examples(example):
    lex = _lexicon("en")
    assert is_person(example["name"], example["text"], lex.not_names, frozenset()) is example["person"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # persons who speak are no service
        ("Emergency calls failed for three hours overnight. County Sheriff Ann Whitlow said dispatchers "
         "used radios. Whitlow said the carrier was investigating.", None),
        ("The tax portal crashed on filing day. Acting Commissioner Mara T. Lindqvist said the agency was "
         "working on it. Lindqvist said no data was lost.", None),
        # places and zones are no service
        ("Card payments failed across Singapore on Tuesday, with problems reported across Singapore "
         "from 3pm.", None),
        ("Trading was paralysed in Frankfurt for two hours.", None),
        # a two-word name opening a sentence keeps both words
        ("Harbour Bank customers could not pay by card on Tuesday.", "Harbour Bank"),
        ("Kenya Power said the blackout began at 10pm and that Kenya Power engineers were on site.", "Kenya Power"),
    ],
)
def test_who_is_not_the_service(text, expected):
    assert detect_service(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ticketing Restored After Morning Disruption\n\nCommuters could not top up their cards for hours, "
         "as the fare system of Metrolinx stalled. Metrolinx apologised and said Metrolinx staff let "
         "riders travel free.", "Metrolinx"),
        ("Payments Back After Outage\n\nMerchants using Zapcard could not take payments on Friday. By the "
         "evening Zapcard said transactions were flowing again.", "Zapcard"),
    ],
)
def test_the_name_the_story_is_about_when_no_outage_context_names_one(text, expected):
    assert detect_service(text) == expected
