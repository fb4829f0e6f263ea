"""Hand-made upstream annotations (timexes, cause mentions) of the four seed articles.

They stand in for the temporal and cause components' output, as those would
produce it, so that incident assembly is tested on the seeds on its own.
"""
from pathlib import Path

from tests.incidents.helpers import Builder

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def text(i):
    return sorted(CORPUS.glob("*.txt"))[i].read_text(encoding="utf-8")

def seed0(nlp):
    b = Builder(nlp, text(0), "2016-01-19")
    b.timex("around 1 p.m. today", "TIME", "2016-01-19T13:00", mod="APPROX")
    b.timex("earlier today", "DATE", "2016-01-19")
    b.timex("around 3:40 a.m. ET", "TIME", "2016-01-19T03:40", zone="ET", offset="-05:00", mod="APPROX")
    b.timex("noon ET", "TIME", "2016-01-19T12:00", zone="ET", offset="-05:00")
    b.timex("10- to 30-minute", "DURATION", "PT10M", minutes=(10, 30))
    b.timex("Dec. 28, 2014", "DATE", "2014-12-28", anchor=None)
    b.timex("five hours, 25 minutes", "DURATION", "PT5H25M", minutes=(325, 325))
    b.timex("today", "DATE", "2016-01-19", occurrence=3)
    b.timex("Today", "DATE", "2016-01-19")
    b.timex("four-day", "DURATION", "P4D", minutes=(5760, 5760))
    b.timex("6:23 a.m.", "TIME", "2016-01-18T06:23", zone="PT", offset="-08:00")
    b.timex("6:33 a.m. PT", "TIME", "2016-01-18T06:33", zone="PT", offset="-08:00")
    b.timex("Monday morning", "DATE", "2016-01-18TMO")
    b.timex("three days earlier", "DATE", "2016-01-15", anchor="t13")
    b.timex("Jan. 15", "DATE", "2016-01-15")
    b.timex("12:35 p.m.", "TIME", "2016-01-15T12:35", zone="PT", offset="-08:00")
    b.timex("12:58 p.m. PT", "TIME", "2016-01-15T12:58", zone="PT", offset="-08:00")
    b.timex("two months ago", "DATE", "2015-11")
    b.timex("Nov. 19", "DATE", "2015-11-19")
    b.timex("30-minute", "DURATION", "PT30M", minutes=(30, 30), occurrence=2)
    b.timex("Seven years ago", "DATE", "2009")
    b.timex("a while", "DURATION", "PXX")
    b.cause("an internal code change", "software_change", attribution="official", speaker="Twitter")
    b.cause("a DNS or other security issue", "cyberattack", "hypothetical", "third_party", "Travis Smith", "When asked if")
    b.cause("a malicious attack", "cyberattack", "possible", "third_party", "Travis Smith", "isn't enough information")
    b.cause("an operational error", "human_error", "possible", "third_party", "Travis Smith", "isn't enough information")
    b.cause("an internal employee misconfigured a device", "configuration", "possible", "third_party", "Travis Smith", "quite possible")
    b.cause("its DNS records were temporarily compromised", "cyberattack", "affirmed", "official", "Twitter")
    return b

def seed1(nlp):
    b = Builder(nlp, text(1), "2020-10-15")
    b.timex("nearly an hour", "DURATION", "PT1H", minutes=(45, 60), mod="LESS_THAN")
    b.timex("July", "DATE", "2020-07")
    b.timex("shortly after 6 p.m. Eastern", "TIME", "2020-10-15T18:00", zone="ET", offset="-04:00", mod="AFTER")
    b.timex("Nearly an hour", "DURATION", "PT1H", minutes=(45, 60), mod="LESS_THAN")
    b.timex("July", "DATE", "2020-07", occurrence=2)
    b.timex("July", "DATE", "2020-07", occurrence=3)
    b.timex("July", "DATE", "2020-07", occurrence=4)
    b.timex("July 31", "DATE", "2020-07-31")
    b.timex("45 years", "DURATION", "P45Y", minutes=(45*525600, 45*525600))
    b.timex("five years", "DURATION", "P5Y", minutes=(5*525600, 5*525600))
    b.timex("2019", "DATE", "2019")
    b.timex("the last year or so", "DURATION", "P1Y", minutes=(525600, 525600), mod="APPROX")
    b.timex("July 2019", "DATE", "2019-07")
    b.timex("nearly an hour", "DURATION", "PT1H", minutes=(45, 60), mod="LESS_THAN", occurrence=2)
    b.timex("February 2020", "DATE", "2020-02")
    b.cause("a security breach or a hack", "cyberattack", "negated", "official", "Twitter", "not caused by")
    b.cause("another hack", "cyberattack", "negated", "official", "Twitter", "does not appear")
    b.cause("a security breach or hack", "cyberattack", "negated", "official", "Twitter", "no evidence", occurrence=1)
    b.cause("an internal configuration change", "configuration", "affirmed", "official", "Twitter")
    return b

def seed2(nlp):
    b = Builder(nlp, text(2), "2009-08-07")
    b.timex("Thursday", "DATE", "2009-08-06")
    b.timex("Friday", "DATE", "2009-08-07")
    b.timex("this morning", "DATE", "2009-08-07TMO")
    b.timex("the past 24 hours", "DURATION", "PT24H", minutes=(1440, 1440))
    b.timex("Thursday", "DATE", "2009-08-06", occurrence=2)
    b.timex("hours", "DURATION", "PTXH", minutes=(120, 720), occurrence=2)
    b.timex("June", "DATE", "2009-06")
    b.timex("a year earlier", "DATE", "2008-06")
    b.timex("about 9 a.m. EDT", "TIME", "2009-08-06T09:00", zone="ET", offset="-04:00", mod="APPROX", anchor="t5")
    b.timex("a few hours", "DURATION", "PTXH", minutes=(120, 300))
    b.cause("Thursday's denial-of-service attack", "cyberattack", "affirmed", "official", "Twitter")
    b.cause("a denial-of-service attack", "cyberattack", "affirmed", "official", "Twitter")
    b.cause("Hackers", "cyberattack")
    b.cause("overwhelmed some servers", "capacity", "affirmed", "third_party", "Woodcock")
    return b

def seed3(nlp):
    b = Builder(nlp, text(3), "2022-02-17")
    b.timex("2022-02-17", "DATE", "2022-02-17")
    b.timex("a week", "DURATION", "P1W", minutes=(10080, 10080))
    b.timex("Thursday, February 17", "DATE", "2022-02-17")
    b.timex("about 9:41 pm Indian Standard Time (IST)", "TIME", "2022-02-17T21:41", zone="IST", offset="+05:30", mod="APPROX")
    b.timex("a week", "DURATION", "P1W", minutes=(10080, 10080), occurrence=2)
    b.timex("a week", "DURATION", "P1W", minutes=(10080, 10080), occurrence=3)
    b.timex("a week’s span", "DURATION", "P1W", minutes=(10080, 10080))
    b.timex("February 11", "DATE", "2022-02-11")
    b.timex("about an hour", "DURATION", "PT1H", minutes=(50, 70), mod="APPROX")
    b.timex("almost an hour", "DURATION", "PT1H", minutes=(45, 60), mod="LESS_THAN")
    b.cause("hacking attempts", "cyberattack", "possible", "third_party", "Amit Dubey", "seems")
    b.cause("a technical bug", "software_bug", "affirmed", "official", "Twitter")
    return b


SEEDS = [seed0, seed1, seed2, seed3]
