"""Who says a cause: reporting clauses, speakers, official vs third party.

Each reporting clause ("X said", "according to X", "X told CMSWire", "in a
statement, it attributed", "X wrote:") gives a speaker phrase and maybe an
appositive title. The speaker is

- ``official`` when it is the affected company (by name, or "it", "the
  company", "its status page"), or its people ("Twitter co-founder Biz Stone",
  "a spokesperson");
- ``third_party`` for anyone else: experts, analysts, officials, hacker groups,
  other organisations, people with a title at another organisation;

and the mention is ``unattributed`` when no clause speaks for its sentence.
People are remembered through the article: "Dubey" and "he" after
"cyber and technical expert Amit Dubey" are Amit Dubey, third party. A
sentence with no reporting clause of its own is spoken by the speaker of the
sentence before it when that one ends in a colon ("they noted:"), stands in the
same paragraph (a quote or an account going on: "..., he wrote. On Tuesday a
customer pushed ..."), or when it speaks in the first person plural.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from ..segmentation import segmentation_rules
from . import patterns as P
from .scan import DocScan, Hit
from .scope import distance
from .subject import Subjects


@dataclass(frozen=True)
class Speaker:
    text: Optional[str]
    attribution: str


UNATTRIBUTED = Speaker(None, "unattributed")


class _Lexicon:
    def __init__(self, lang: str) -> None:
        by_kind: Dict[str, list] = {}
        for rule, pattern in P.speaker_class_patterns(lang):
            by_kind.setdefault(rule.kind, []).append(pattern)
        self.kinds = by_kind

    def full(self, kind: str, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.kinds.get(kind, ()))

    def search(self, kind: str, text: str) -> bool:
        return any(p.search(text) for p in self.kinds.get(kind, ()))

    def findall(self, kind: str, text: str) -> List[str]:
        return [m.group(0) for p in self.kinds.get(kind, ()) for m in p.finditer(text)]

    def without(self, kind: str, text: str) -> str:
        for p in self.kinds.get(kind, ()):
            text = p.sub(" ", text)
        return text

    def trailing_name(self, text: str) -> Optional[str]:
        for p in self.kinds.get("person_name", ()):
            m = p.search(text)
            if m:
                return m.group(0)
        return None


def _strip(text: str) -> str:
    return " ".join(text.split())


class Attributor:
    """Speakers of a document's sentences, resolved once in text order."""

    def __init__(self, scan: DocScan, subjects: Subjects, lang: str = "en") -> None:
        self.scan = scan
        self.subjects = subjects
        self.lang = lang
        self.lex = _Lexicon(lang)
        self.people: Dict[str, Speaker] = {}
        self.last_person: Optional[Speaker] = None
        self.by_sentence: List[List[Tuple[Hit, Speaker]]] = []
        self.default: List[Optional[Speaker]] = []
        self._resolve_all()

    # -- classification -------------------------------------------------
    def _company(self, phrase: str, before: str = "") -> Speaker:
        """The affected company a pronoun or description stands for: the first
        affected company named earlier in the sentence, else the main one."""
        named = self.subjects.first_mentioned_in(before)
        return Speaker(named or self.subjects.main or phrase, "official")

    def _remember(self, name: str, speaker: Speaker, titled: bool) -> None:
        keys = {name, name.split()[-1]}
        for key in keys:
            if titled or key not in self.people:
                self.people[key] = speaker

    def classify(self, phrase: str, title: str, before: str = "") -> Optional[Speaker]:
        """Who the speaker phrase (and its appositive title) is; ``before`` is
        the sentence up to the reporting clause."""
        phrase, title = _strip(phrase), _strip(title or "")
        lex = self.lex
        if lex.full("company", phrase):
            return self._company(phrase, before)
        if lex.full("person_pronoun", phrase):
            return self.last_person
        name = lex.trailing_name(phrase)
        if name and (lex.search("staff", name) or lex.search("third_party", name)):
            name = None
        rest = phrase[: len(phrase) - len(name)] if name else phrase
        around = f"{rest} {title}".strip()
        affected = self.subjects.mentioned_in(phrase + " " + title)
        person_title = lex.search("staff", title) or lex.search("third_party", title)
        if name and not rest.strip() and not person_title and self.subjects.mentioned_in(name):
            return Speaker(name, "official")
        if name and not around:
            known = self.people.get(name) or self.people.get(name.split()[-1])
            if known is not None:
                return known
            if not self.subjects.names and len(name.split()) == 1:
                # No outage subject found: a one-word name speaking (of an
                # outage) is most likely the affected company itself.
                return Speaker(name, "official")
            speaker = Speaker(name, "third_party")
            if len(name.split()) > 1:
                self._remember(name, speaker, titled=False)
            return speaker
        staff = lex.search("staff", around)
        outsider = lex.search("third_party", around)
        untitled = lex.without("staff", around)  # "Chief executive Kelly Smith": no organisation "Chief"
        orgs = [w for w in lex.findall("organisation", untitled) if not lex.search("staff", w) and not lex.search("third_party", w)]
        if affected and (staff or not outsider):
            speaker = Speaker(name or (affected if not staff else phrase), "official")
        elif orgs:
            official = staff and not self.subjects.names and not outsider
            speaker = Speaker(name or phrase, "official" if official else "third_party")
        elif outsider:
            speaker = Speaker(name or phrase, "third_party")
        elif staff:
            speaker = Speaker(name or phrase, "official")
        elif name:
            speaker = Speaker(name, "third_party")
        else:
            return None
        if name:
            self._remember(name, speaker, titled=True)
        return speaker

    def _resolve_all(self) -> None:
        for sentence in self.scan.sentences:
            resolved = []
            for hit in sentence.reporting:
                before = self.scan.text[sentence.start : hit.start]
                groups = hit.match.groupdict()  # each rule is its own pattern: "title" may not exist
                speaker = self.classify(groups["speaker"], groups.get("title") or "", before)
                if speaker is None:
                    continue
                resolved.append((hit, speaker))
            self.by_sentence.append(resolved)
            self.default.append(self._default_speaker(sentence.index, resolved))
            persons = [s for _, s in resolved if s.text and s.text in self.people]
            if persons:
                self.last_person = persons[-1]

    def _same_paragraph(self, first: int, second: int) -> bool:
        gap = self.scan.text[self.scan.sentences[first].end : self.scan.sentences[second].start]
        return segmentation_rules(self.lang).paragraph_break.search(gap) is None

    def _sentence_text(self, index: int) -> str:
        sentence = self.scan.sentences[index]
        return self.scan.text[sentence.start : sentence.end]

    def _default_speaker(self, index: int, resolved: List[Tuple[Hit, Speaker]]) -> Optional[Speaker]:
        """Who speaks a sentence as a whole: its last reporting clause, else the
        speaker a colon hands on ("they noted:"), else, for a sentence in the
        first person plural (a quote going on), the previous speaker or the company."""
        if resolved:
            return resolved[-1][1]
        previous = self.default[index - 1] if index > 0 else None
        if previous is not None and self._sentence_text(index - 1).rstrip().endswith(":"):
            return previous
        if previous is not None and self._same_paragraph(index - 1, index):
            return previous
        if self.lex.search("first_person", self._sentence_text(index)):
            return previous if previous is not None else self._company("the company")
        return None

    # -- lookup -----------------------------------------------------------
    def speaker_for(self, index: int, start: int, end: int) -> Speaker:
        """The speaker of a cause phrase at [start, end) of sentence ``index``."""
        candidates = self.by_sentence[index]
        if candidates:
            # a reporting clause across a contrast or a stop speaks of its own side
            # ("users speculated that <cause>, but the bank said ...")
            walls = [t for t in self.scan.sentences[index].terminators if t.rule.ends == "all"]
            same_side = [
                (hit, speaker) for hit, speaker in candidates
                if not any(min(hit.end, end) <= w.start and w.end <= max(hit.start, start) for w in walls)
            ]
            hit, speaker = min(same_side or candidates, key=lambda hs: distance(hs[0], start, end))
            return speaker
        return self.default[index] or UNATTRIBUTED
