"""A wire dateline without its year takes the year the text's own dates settle; else no date."""
import pytest

from pipeline import extract


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KT fire\n\nSEOUL, Nov. 26 (Yonhap) -- Firefighters put out a fire at the telecom building on "
         "Nov. 24, 2018. KT said on Monday services were back.", "2018-11-26"),
        ("Card outage\n\nLONDON, Jan. 2 (Reuters) - Card payments failed on Dec. 30, 2019 and again on "
         "Tuesday at several retailers.", "2020-01-02"),
        # no full date in the text: the year is not known, and no date beats a wrong one
        ("Safaricom restores services\n\nNAIROBI, April 24 (Reuters) - Safaricom said on Monday most of "
         "its services had been restored.", None),
        # the only full date is years earlier: not this story's year
        ("Bank outage\n\nMUMBAI, March 3 (PTI) - The bank's app went down, its worst since June 5, 2012.", None),
    ],
)
def test_yearless_dateline(text, expected):
    assert extract(text).reference_date.date == expected
