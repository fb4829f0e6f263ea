"""Typed rule objects of the cause package, read from ``resources/<lang>/causes/*.json``.

Every model is frozen and rejects unknown keys, so a typo in a rule file is an
error at load time rather than a silently ignored setting. Every rule carries
an ``id`` and ``examples``; ``tests/causes/test_rule_examples.py`` runs them all.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Literal, Optional, Tuple, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.cause import Assertion, Attribution
from models.common import CauseLabel

from ..resources import load_resource

Direction = Literal["forward", "backward", "bidirectional"]
Scope = Literal["clause", "sentence", "adjacent"]


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(RuleModel):
    """A text and what the pipeline must find in it.

    ``span`` is the cause phrase expected (exactly as written); the other
    fields, when given, are checked on the mention found at that span.
    """

    text: str
    span: Optional[str] = None
    category: Optional[CauseLabel] = None
    assertion: Optional[Assertion] = None
    attribution: Optional[Attribution] = None
    speaker: Optional[str] = None
    cue: Optional[str] = None

    @model_validator(mode="after")
    def _span_in_text(self) -> "Example":
        if self.span is not None and self.span not in self.text:
            raise ValueError(f"example span {self.span!r} not in {self.text!r}")
        return self


class CauseRule(RuleModel):
    """A cause phrase of one taxonomy label.

    ``needs_link``: the phrase counts only inside the scope of a causation link
    ("caused by", "due to", "X took down ...") in a sentence that speaks of an
    outage; phrases that name a failure event on their own ("a power outage",
    "a denial-of-service attack") set it to false. ``anaphor``: a definite
    description ("the attacks") that also counts, without a link, when an
    earlier sentence named a cause of the same label and its own sentence
    speaks of an outage.
    """

    id: str
    pattern: str
    needs_link: bool = True
    anaphor: bool = False
    examples: Tuple[Example, ...] = Field(min_length=1)
    counter_examples: Tuple[str, ...] = ()


class CauseRuleFile(RuleModel):
    label: CauseLabel
    description: str
    rules: Tuple[CauseRule, ...] = Field(min_length=1)


CueKind = Literal["negated", "possible", "hypothetical", "pseudo"]


class CueRule(RuleModel):
    """A ConText cue: a phrase that changes the assertion of causes in its scope.

    ``pseudo`` cues look like a cue but are not ("not only", "no doubt"); they
    are matched so the shorter cue inside them is not. ``reporter_voice`` marks
    a reporter's question: the causes it asks about are nobody's claim.
    """

    id: str
    kind: CueKind
    pattern: str
    direction: Direction = "forward"
    scope: Scope = "clause"
    reporter_voice: bool = False
    examples: Tuple[Example, ...] = Field(min_length=1)
    counter_examples: Tuple[Example, ...] = ()


LinkKind = Literal["link", "exclude"]


class LinkRule(RuleModel):
    """A causation link ("caused by", "due to", "knocked ... offline") or an
    exclusion context ("protects against") for cause phrases in its scope."""

    id: str
    kind: LinkKind = "link"
    pattern: str
    direction: Direction = "forward"
    scope: Scope = "clause"
    needs_outage_term: bool = True
    examples: Tuple[Example, ...] = Field(min_length=1)
    counter_examples: Tuple[Example, ...] = ()


class ChainRule(RuleModel):
    """Text between two cause phrases of one sentence that relates them.

    ``trigger`` says which of the two phrases is the trigger; the other is the
    mechanism and is dropped (the taxonomy's trigger-over-mechanism rule).
    ``both``: the two are coordinated ("a security breach or a hack") and
    become one mention when their labels agree.
    """

    id: str
    pattern: str
    trigger: Literal["first", "second", "both"]
    examples: Tuple[Example, ...] = Field(min_length=1)


class MechanismRule(RuleModel):
    """A label that, in the sentence right after a mention of ``trigger``, is
    that trigger's mechanism and takes its label ("hackers using a botnet ..."
    then "... overwhelmed some servers" is the attack, not capacity)."""

    id: str
    mechanism: CauseLabel
    trigger: CauseLabel
    max_sentences: int = Field(default=1, ge=1, le=3)
    examples: Tuple[Example, ...] = Field(min_length=1)


class BackReferenceRule(RuleModel):
    """A denial pointing back at a cause named before ("there was no evidence of
    that", "ruled that out"); group ``ref`` marks its anaphor. ``reach``: how many
    sentences back the cause it denies may stand (0: its own sentence only)."""

    id: str
    pattern: str
    reach: int = Field(default=1, ge=0, le=2)
    examples: Tuple[Example, ...] = Field(min_length=1)
    counter_examples: Tuple[Example, ...] = ()

    @model_validator(mode="after")
    def _has_ref_group(self) -> "BackReferenceRule":
        if "(?P<ref>" not in self.pattern:
            raise ValueError(f"back-reference rule {self.id}: pattern has no (?P<ref>...) group")
        return self


class BackReferenceFile(RuleModel):
    """The back-reference rules, and the words (auxiliaries, adverbs) that may
    stand between a denial and its subject ("The studio has since ruled that out")."""

    description: str
    subject_trail: Tuple[str, ...]
    rules: Tuple[BackReferenceRule, ...] = Field(min_length=1)


class TerminatorRule(RuleModel):
    """Where a cue's scope stops: ``all`` scopes, or only ``clause`` scopes."""

    id: str
    pattern: str
    ends: Literal["clause", "all"]
    examples: Tuple[Example, ...] = Field(min_length=1)


class TermRule(RuleModel):
    """A pattern whose presence in a sentence says something (e.g. it speaks of an outage)."""

    id: str
    pattern: str
    examples: Tuple[str, ...] = Field(min_length=1)
    counter_examples: Tuple[str, ...] = ()


class ReportingExample(RuleModel):
    text: str
    speaker: str
    title: Optional[str] = None

    @model_validator(mode="after")
    def _speaker_in_text(self) -> "ReportingExample":
        if self.speaker not in self.text:
            raise ValueError(f"example speaker {self.speaker!r} not in {self.text!r}")
        return self


class ReportingRule(RuleModel):
    """A reporting clause; the pattern has a ``speaker`` group and maybe a ``title`` group."""

    id: str
    pattern: str
    examples: Tuple[ReportingExample, ...] = Field(min_length=1)
    counter_examples: Tuple[str, ...] = ()


SpeakerKind = Literal["company", "person_pronoun", "staff", "third_party", "organisation", "person_name", "first_person"]


class SpeakerClass(RuleModel):
    """Words that say who a speaker is: the affected company itself ("the company",
    "it"), a pronoun for a person named earlier, its staff ("spokesperson", "CEO"),
    or an outsider ("analyst", "expert", "officials", "hacker group")."""

    id: str
    kind: SpeakerKind
    pattern: str
    examples: Tuple[Example, ...] = Field(min_length=1)


class Fragments(RuleModel):
    description: str
    fragments: Dict[str, str]


class RuleFile(RuleModel):
    """Generic rule file: a description and a list of rules of one type."""

    description: str
    rules: Tuple[dict, ...]


def cause_labels() -> Tuple[str, ...]:
    """Every taxonomy label, in taxonomy order (each has a phrase file)."""
    return tuple(get_args(CauseLabel))


@lru_cache(maxsize=None)
def fragments(lang: str = "en") -> Dict[str, str]:
    return dict(Fragments.model_validate(load_resource("causes/fragments", lang)).fragments)


@lru_cache(maxsize=None)
def cause_rule_files(lang: str = "en") -> Tuple[CauseRuleFile, ...]:
    """One file per taxonomy label, in the order their rules are tried."""
    files = []
    for label in cause_labels():
        data = load_resource(f"causes/phrases/{label}", lang)
        parsed = CauseRuleFile.model_validate(data)
        if parsed.label != label:
            raise ValueError(f"causes/phrases/{label}.json declares label {parsed.label!r}")
        files.append(parsed)
    return tuple(files)


def _rules(name: str, model, lang: str):
    data = RuleFile.model_validate(load_resource(f"causes/{name}", lang))
    return tuple(model.model_validate(rule) for rule in data.rules)


@lru_cache(maxsize=None)
def cue_rules(lang: str = "en") -> Tuple[CueRule, ...]:
    return _rules("assertion_cues", CueRule, lang)


@lru_cache(maxsize=None)
def link_rules(lang: str = "en") -> Tuple[LinkRule, ...]:
    return _rules("links", LinkRule, lang)


@lru_cache(maxsize=None)
def chain_rules(lang: str = "en") -> Tuple[ChainRule, ...]:
    return _rules("chains", ChainRule, lang)


@lru_cache(maxsize=None)
def mechanism_rules(lang: str = "en") -> Tuple[MechanismRule, ...]:
    return _rules("mechanisms", MechanismRule, lang)


@lru_cache(maxsize=None)
def back_reference_file(lang: str = "en") -> BackReferenceFile:
    return BackReferenceFile.model_validate(load_resource("causes/back_references", lang))


def back_reference_rules(lang: str = "en") -> Tuple[BackReferenceRule, ...]:
    return back_reference_file(lang).rules


@lru_cache(maxsize=None)
def terminator_rules(lang: str = "en") -> Tuple[TerminatorRule, ...]:
    return _rules("terminators", TerminatorRule, lang)


@lru_cache(maxsize=None)
def outage_term_rules(lang: str = "en") -> Tuple[TermRule, ...]:
    return _rules("outage_terms", TermRule, lang)


@lru_cache(maxsize=None)
def reporting_rules(lang: str = "en") -> Tuple[ReportingRule, ...]:
    return _rules("reporting", ReportingRule, lang)


@lru_cache(maxsize=None)
def speaker_classes(lang: str = "en") -> Tuple[SpeakerClass, ...]:
    return _rules("speakers", SpeakerClass, lang)
