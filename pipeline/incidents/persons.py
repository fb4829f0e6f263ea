"""Names that stand for people (``persons.json``): a person is no affected service."""
from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet, List, Pattern

import regex
from pydantic import BaseModel, ConfigDict

from ..resources import load_resource

#: how far before another occurrence of a lone name its given name may stand
GIVEN_NAME_REACH = 40
#: the first occurrences of a name are enough to tell a person (and keep the work linear)
OCCURRENCES_LOOKED_AT = 8
SENTENCE_OPENERS = '.!?:;"\'\u201c\u2018(\n'


class PersonsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    titles: List[str]
    given_name_before: str
    examples: List[dict]


class CompiledPersons:
    def __init__(self, data: PersonsFile) -> None:
        self.titles: FrozenSet[str] = frozenset(t.casefold() for t in data.titles)
        self.given_before: Pattern[str] = regex.compile(data.given_name_before)
        self.examples = data.examples


@lru_cache(maxsize=None)
def load_persons(lang: str = "en") -> CompiledPersons:
    return CompiledPersons(PersonsFile.model_validate(load_resource("incidents/persons", lang)))


def is_person(name: str, text: str, common_words: FrozenSet[str], service_words: FrozenSet[str], lang: str = "en") -> bool:
    """Whether ``name`` (a speaker found in ``text``) is a person: it holds a title or follows one
    ("Sheriff Tim Bailey"), or, as a lone word, it follows a given name or an initial somewhere
    in the text ("David J. Kautter")."""
    persons = load_persons(lang)
    words = name.split()
    if any(w.casefold() in persons.titles for w in words):
        return True
    at = text.find(name)
    seen = 0
    while at >= 0 and seen < OCCURRENCES_LOOKED_AT:
        seen += 1
        start, end = at, at + len(name)
        at = text.find(name, end)
        if (start and (text[start - 1].isalnum() or text[start - 1] == ".")) or (end < len(text) and text[end].isalnum()):
            continue  # part of a longer word
        before = text[max(0, start - GIVEN_NAME_REACH) : start]
        previous = before.split()[-1:]
        if previous and previous[0].casefold() in persons.titles:  # "Sheriff Tim Bailey"
            return True
        if len(words) != 1:
            continue
        found = persons.given_before.search(before)
        if found is None:
            continue
        given = found.group("given")
        opener = before[: found.start()].rstrip()[-1:]
        if not opener or opener in SENTENCE_OPENERS:
            continue  # a capitalised word opening a sentence is no given name ("Even Amazon said")
        if given.casefold() not in common_words and given.casefold() not in service_words:
            return True
    return False
