"""Which service an article's outage hit, found from outage context.

There is no NER model: a capitalised name counts as a service when it stands in
an outage context of ``resources/<lang>/incidents/services.json`` ("X went
down", "outage at X", "X's servers", "X users"). Names are grouped (possessives,
".com", aliases of well-known services) and ranked by the weight of their
contexts and how often they recur; the well-known list only adds a small bonus
and supplies aliases, so services missing from it are found all the same.

Plain functions, reusable outside the pipeline:
:func:`detect_service` (text), :func:`affected_service` (processed ``Doc``),
:func:`service_evidence`, :func:`same_service` (is a speaker the service itself?).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .article import Article
from .persons import is_person
from .place_zones import is_place
from .rules import ServiceRule, load_rules
from .scanner import scanners

_TLDS = (".com", ".net", ".org", ".co.uk", ".io")
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")
KNOWN_BONUS = 1.0
JOINERS = frozenset({"of", "de", "&"})
TITLE_BONUS = 3.0
REPEAT_WEIGHT = 0.5
REPEAT_CAP = 10


@dataclass(frozen=True)
class ServiceEvidence:
    """A service name standing in an outage context."""

    name: str
    start: int
    end: int
    context_start: int
    context_end: int
    sentence: int
    rule: str
    kind: str
    weight: float


@dataclass(frozen=True)
class _Lexicon:
    not_names: frozenset
    monitors: frozenset
    modifiers: frozenset
    corporate_suffixes: frozenset
    coordinators: frozenset
    date_words: frozenset
    alias_to_key: Dict[str, str]
    canonical: Dict[str, str]
    written: Tuple[Tuple[str, str], ...]
    """(name or alias as listed, key) of every well-known service"""


@lru_cache(maxsize=None)
def _lexicon(lang: str = "en") -> _Lexicon:
    data = load_rules(lang).services
    alias_to_key: Dict[str, str] = {}
    canonical: Dict[str, str] = {}
    written: List[Tuple[str, str]] = []
    for service in data.known:
        key = service.name.lower()
        canonical[key] = service.name
        for alias in (service.name, *service.aliases):
            alias_to_key[alias.lower()] = key
            written.append((alias, key))
    return _Lexicon(
        not_names=frozenset(w.lower() for w in data.not_names),
        monitors=frozenset(m.lower() for m in data.monitors),
        modifiers=frozenset(m.lower() for m in data.modifiers),
        corporate_suffixes=frozenset(w.lower() for w in data.corporate_suffixes),
        coordinators=frozenset(w.lower() for w in data.coordinators),
        date_words=frozenset(w.lower() for w in data.date_words),
        alias_to_key=alias_to_key,
        canonical=canonical,
        written=tuple(written),
    )


def _strip_possessive(token: str) -> str:
    for suffix in _POSSESSIVES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    return token


def service_key(name: str, lang: str = "en") -> str:
    """Grouping key of a written name: lower case, no possessive or domain, aliases merged."""
    key = _strip_possessive(name.strip()).lower()
    if key.startswith("the "):
        key = key[4:]
    for tld in _TLDS:
        if key.endswith(tld) and len(key) > len(tld):
            key = key[: -len(tld)]
            break
    lex = _lexicon(lang)
    if key in lex.alias_to_key:
        return lex.alias_to_key[key]
    return lex.alias_to_key.get(_short_name(key, lex), _short_name(key, lex))


def _short_name(key: str, lex: "_Lexicon") -> str:
    """A company's name without its trailing corporate words ("lloyds banking group" -> "lloyds")."""
    words = key.split(" ")
    while len(words) > 1 and words[-1] in lex.corporate_suffixes:
        words.pop()
    return " ".join(words)


def is_known(name: str, lang: str = "en") -> bool:
    """Whether a name is (an alias of) a well-known service."""
    return service_key(name, lang) in _lexicon(lang).canonical


def clean_name(
    raw: str,
    rule: ServiceRule,
    heading: bool,
    body_names: frozenset = frozenset(),
    lang: str = "en",
    initial: bool = False,
) -> Optional[str]:
    """The service name inside a matched ``svc`` group, or None if it is no name.

    Headlines capitalise every word, so there only a word that the body also
    capitalises mid-sentence (``body_names``) or a well-known name counts; the
    one nearest the cue is kept. The same holds for the first word of a
    sentence (``initial``): "Shares went down" names nothing, "Botched CrowdStrike" is
    CrowdStrike; but "Harbour Bank" stays whole, "Bank" naming nothing on its own.
    """
    lex = _lexicon(lang)
    tokens = raw.split(" ")
    if initial and not heading:
        # a capitalised word opening a sentence may be any word ("Shares went down", "Botched
        # CrowdStrike update"); it stays when the words after it name nothing on their own
        # ("Harbour Bank customers could not pay": "Bank" alone is no name of the text)
        first = _strip_possessive(tokens[0])
        rest = tokens[1:]
        while rest and rest[0].lower() in lex.coordinators | JOINERS:
            rest = rest[1:]  # "Thousands of TSB": the name after the joiner
        tail = _strip_possessive(" ".join(rest))
        tail_named = bool(tail) and (tail in body_names or tail.lower() in lex.alias_to_key)
        if (len(tokens) == 1 or tail_named) and (
            first not in body_names and first.lower() not in lex.alias_to_key and service_key(raw, lang) not in lex.canonical
        ):
            tokens = tokens[1:]
            if not tokens:
                return None
    if heading:
        named = [
            t for t in tokens
            if _strip_possessive(t) in body_names or _strip_possessive(t).lower() in lex.alias_to_key
        ]
        if not named:
            return None
        tokens = [named[-1]] if rule.side == "before" else [named[0]]
    for n in range(len(tokens), 1, -1):
        # a well-known multi-word name keeps its generic words ("PlayStation Network")
        if _strip_possessive(" ".join(tokens[:n])).lower() in lex.alias_to_key:
            tokens = tokens[:n]
            return " ".join(tokens[:-1] + [_strip_possessive(tokens[-1])])
    if len(tokens) > 1 and _strip_possessive(tokens[-1]).lower() in lex.date_words:
        return None  # a name ending in a weekday or month names a day ("Cyber Monday"), no service
    while tokens and _strip_possessive(tokens[0]).lower() in lex.not_names:
        tokens.pop(0)
    while tokens and _strip_possessive(tokens[-1]).lower() in lex.not_names:
        tokens.pop()
    if not tokens or all(_strip_possessive(t).lower() in lex.modifiers for t in tokens):
        # "failures at British banks": an adjective before a plural noun names no service
        return None
    name = " ".join(tokens)
    if name.lower() in lex.monitors or service_key(name, lang) in lex.monitors:
        return None
    if is_place(_strip_possessive(name), lang):  # "issues across Singapore", "trading in London"
        return None
    return name


def find_evidence(article: Article) -> List[ServiceEvidence]:
    """Every service name in an outage context, in text order."""
    rules = load_rules(article.lang)
    found: List[ServiceEvidence] = []
    body_names: Optional[frozenset] = None
    files = scanners(article.lang)
    active = files.active(article.folded)["services"]
    for index, match in files.services.overlapped(article.text, active=active):
        rule = rules.service_rules[index]
        start, end = match.span("svc")
        if start < 0:
            continue
        sentence = article.sentence_of(start)
        heading = article.headings[sentence]
        initial = _sentence_initial(article, sentence, start)
        if (heading or initial) and body_names is None:
            body_names = capitalised_in_body(article)
        name = clean_name(match.group("svc"), rule, heading, body_names or frozenset(), article.lang, initial)
        if name is None:
            continue
        offset = match.group("svc").find(name)
        found.append(
            ServiceEvidence(
                name=name,
                start=start + max(offset, 0),
                end=start + max(offset, 0) + len(name),
                context_start=match.start(),
                context_end=match.end(),
                sentence=sentence,
                rule=rule.id,
                kind=rule.kind,
                weight=rule.weight,
            )
        )
    return _dedupe(without_persons(article, found))


def without_persons(article: Article, found: List[ServiceEvidence]) -> List[ServiceEvidence]:
    """The evidence less the names that stand for people ("Sheriff Tim Bailey said", "Kautter said")."""
    lex = _lexicon(article.lang)
    common = lex.not_names | lex.modifiers
    service_words = frozenset(w.casefold() for e in found if e.kind != "speaker" for w in e.name.split())
    speakers = {e.name for e in found if e.kind == "speaker"}
    persons = {name for name in speakers if is_person(name, article.text, common, service_words, article.lang)}
    return [e for e in found if e.name not in persons] if persons else found


_OPENERS = ".!?:;\"'\u201c\u2018([-\u2014"


def _sentence_initial(article: Article, sentence: int, start: int) -> bool:
    """Whether a word at ``start`` opens its sentence (or a quotation, or follows a colon)."""
    s_start = article.sentences[sentence][0]
    before = article.text[s_start:start].rstrip()
    return not before or before[-1] in _OPENERS


def capitalised_in_body(article: Article) -> frozenset:
    """Capitalised words that occur inside body sentences on their own (not first, not in
    headlines, not continuing a capitalised name)."""
    pattern = load_rules(article.lang).name_pattern
    names = set()
    for i, (start, end) in enumerate(article.sentences):
        if article.headings[i]:
            continue
        for match in pattern.finditer(article.text, start, end):
            at = match.start()
            if at > start and article.text[at - 1] not in "\"'“‘(" and not _after_capitalised(article.text, start, at):
                names.add(match.group())
    return frozenset(names)


_PREVIOUS_WORD_REACH = 40


def _after_capitalised(text: str, start: int, at: int) -> bool:
    """Whether the word at ``at`` continues a capitalised name ("Bank" in "Harbour Bank")."""
    before = text[max(start, at - _PREVIOUS_WORD_REACH) : at]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1][:1].isupper()


def _dedupe(found: Iterable[ServiceEvidence]) -> List[ServiceEvidence]:
    """Overlapped matching also finds the tail of a name ("Airlines" in "Southwest Airlines")
    and the same name twice: keep the whole names, once per rule."""
    found = sorted(found, key=lambda e: (e.start, -e.weight))
    # a longer name around ev starts before it and ends at or after it, or starts with it and
    # ends after it: the furthest end of the names starting before each start (one pass, not
    # a comparison of every pair, which made "Slack said " x 16,000 quadratic)
    end_from: Dict[int, int] = {}
    for ev in found:
        end_from[ev.start] = max(end_from.get(ev.start, ev.end), ev.end)
    reach_before: Dict[int, int] = {}
    reach = -1
    for start in sorted(end_from):
        reach_before[start] = reach
        reach = max(reach, end_from[start])
    seen = set()
    result = []
    for ev in found:
        key = (ev.start, ev.end, ev.rule)
        inside = reach_before[ev.start] >= ev.end or end_from[ev.start] > ev.end
        if key not in seen and not inside:
            seen.add(key)
            result.append(ev)
    return result


def occurrences(text: str, form: str) -> List[Tuple[int, int]]:
    """Spans of ``form`` in ``text`` as a whole word (case-sensitive)."""
    spans, pos = [], text.find(form)
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + len(form)] if pos + len(form) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            spans.append((pos, pos + len(form)))
        pos = text.find(form, pos + 1)
    return spans


def count_mentions(text: str, form: str) -> int:
    return len(occurrences(text, form))


def count_forms(text: str, forms: Iterable[str]) -> Counter:
    """Occurrences of each form, longest first: "Southwest" inside "Southwest Airlines" is not counted."""
    starts: List[int] = []  # the spans taken, disjoint, sorted by start (their ends too)
    ends: List[int] = []
    counts: Counter = Counter()
    for form in sorted(set(forms), key=len, reverse=True):
        for a, b in occurrences(text, form):
            i = bisect_left(starts, b)  # spans starting before b: only the last can reach past a
            if i and ends[i - 1] > a:
                continue
            starts.insert(i, a)
            ends.insert(i, b)
            counts[form] += 1
    return counts


@dataclass(frozen=True)
class RankedService:
    name: str
    key: str
    score: float
    evidence: Tuple[ServiceEvidence, ...]


def rank_services(article: Article, evidence: Sequence[ServiceEvidence]) -> List[RankedService]:
    """Services of the article, best first: context weight + recurrence + well-known bonus
    + a bonus for being named in the headline."""
    lex = _lexicon(article.lang)
    title = article.sentence_text(0) if article.sentences and article.headings[0] else ""
    groups: Dict[str, List[ServiceEvidence]] = {}
    for ev in evidence:
        groups.setdefault(service_key(ev.name, article.lang), []).append(ev)
    ranked: List[RankedService] = []
    for key, items in groups.items():
        forms = count_forms(article.text, {ev.name for ev in items} | _known_forms(key, lex))
        mentions = sum(forms.values())
        score = sum(ev.weight for ev in items) + REPEAT_WEIGHT * min(mentions, REPEAT_CAP)
        if key in lex.canonical:
            score += KNOWN_BONUS
        if title and any(occurrences(title, form) for form in forms):
            score += TITLE_BONUS
        ranked.append(RankedService(_best_form(key, forms, items, lex), key, score, tuple(items)))
    ranked.sort(key=lambda r: (-r.score, r.evidence[0].start))
    return ranked


def _known_forms(key: str, lex: _Lexicon) -> set:
    return {alias for alias, k in lex.written if k == key}


def _best_form(key: str, forms: Counter, items: Sequence[ServiceEvidence], lex: _Lexicon) -> str:
    """The written form to report: the well-known name when the text writes it, else the most frequent."""
    canonical = lex.canonical.get(key)
    cleaned = Counter()
    written = {f.lower() for f, n in forms.items() if n}
    for form, n in forms.items():
        base = form
        for tld in _TLDS:
            short = base[: -len(tld)]
            # "Amazon.com" is Amazon, a brand with its domain in its name ("Battle.net") is not
            if base.lower().endswith(tld) and service_key(short) == key and (
                canonical is not None or short.lower() in written
            ):
                base = short
        cleaned[base] += n
    if not cleaned:
        return canonical or (items[0].name if items else key)
    if canonical and any(f.lower() == canonical.lower() for f in cleaned):
        # a well-known service written out in full is reported by that name ("British Airways", not "BA")
        return next(f for f in cleaned if f.lower() == canonical.lower())
    best = max(cleaned.values())
    top = [f for f, n in cleaned.items() if n == best]
    order = {ev.name: ev.start for ev in reversed(items)}
    return min(top, key=lambda f: order.get(f, 1 << 30))


def fallback_service(article: Article) -> Optional[str]:
    """No outage context names a service: the most mentioned well-known service, as written."""
    lex = _lexicon(article.lang)
    counts = count_forms(article.text, (alias for alias, _ in lex.written))
    totals: Counter = Counter()
    for form, n in counts.items():
        totals[service_key(form, article.lang)] += n
    if not totals:
        return None
    key = max(totals, key=lambda k: totals[k])
    forms = Counter({f: n for f, n in counts.items() if service_key(f, article.lang) == key})
    return _best_form(key, forms, (), lex)


SALIENT_LEAD_SENTENCES = 3
SALIENT_MIN_COUNT = 2


def salient_name(article: Article) -> Optional[str]:
    """No outage context and no well-known service: the name the story is about, if one stands
    out: the capitalised word written most often inside sentences (at least twice), that the
    headline or the first sentences name, and that is no common word, place or person
    ("Square Payment Systems Restored After Two-Hour Outage ... mobile payment system Square")."""
    lex = _lexicon(article.lang)
    pattern = load_rules(article.lang).name_pattern
    counts: Counter = Counter()
    forms: Dict[str, Counter] = {}
    lead: set = set()
    for i, (start, end) in enumerate(article.sentences):
        for match in pattern.finditer(article.text, start, end):
            form = _strip_possessive(match.group())
            key = form.casefold()
            if key in lex.not_names or key in lex.modifiers or len(form) < 2 or is_place(form, article.lang):
                continue
            if i < SALIENT_LEAD_SENTENCES or article.headings[i]:
                lead.add(key)
            if article.headings[i] or _sentence_initial(article, i, match.start()):
                continue
            counts[key] += 1
            forms.setdefault(key, Counter())[form] += 1
    lex_common = lex.not_names | lex.modifiers
    for key, n in counts.most_common():
        if n < SALIENT_MIN_COUNT:
            return None
        form = forms[key].most_common(1)[0][0]
        if key in lead and not is_person(form, article.text, lex_common, frozenset(), article.lang):
            return form
    return None


def affected_services(article: Article, evidence: Sequence[ServiceEvidence]) -> List[Tuple[str, float]]:
    """Services named in an outage context (not merely as speakers), best first, with scores;
    the article's service first even when it is found only by the well-known fallback."""
    ranked = [(r.name, r.score) for r in rank_services(article, evidence) if _affected(r)]
    main = main_service(article, evidence)
    if main is not None and all(name != main for name, _ in ranked):
        if any(r.name == main for r in rank_services(article, evidence)):
            return ranked  # the best name only speaks: it is no affected service
        ranked.insert(0, (main, 0.0))
    elif main is not None and ranked[0][0] != main:
        ranked.sort(key=lambda item: item[0] != main)
    return ranked


def _affected(ranked: "RankedService") -> bool:
    """Named where an outage hit it or its users, not only as a speaker."""
    return any(e.kind != "speaker" for e in ranked.evidence)


def main_service(article: Article, evidence: Sequence[ServiceEvidence]) -> Optional[str]:
    """The best-ranked service named where an outage hit it; a name that only speaks ("Amazon
    said") is the company telling of its product's outage ("S3 cloud outage"), unless nothing
    else is named in an outage context."""
    ranked = rank_services(article, evidence)
    affected = [r for r in ranked if _affected(r)]
    if affected:
        return affected[0].name
    if ranked:
        return ranked[0].name
    return fallback_service(article) or salient_name(article)


def coordinated(text: str, start: int, end: int, key: Optional[str], lang: str = "en") -> bool:
    """Whether the name at ``start:end`` is listed with a name of service ``key`` in one mention,
    joined only by commas and "and"/"or" ("Lloyds, Halifax and Bank of Scotland customers")."""
    if key is None:
        return False
    lex = _lexicon(lang)
    before, after = _nearest_words(text, start, reverse=True), _nearest_words(text, end, reverse=False)
    for words in (_list_words(before, lex, reverse=True), _list_words(after, lex, reverse=False)):
        name: List[str] = []
        for word in words + [","]:
            if word.lower() in lex.coordinators:
                if name and service_key(" ".join(name), lang) == key:
                    return True
                name = []
            else:
                name.append(word)
    return False


LIST_REACH = 8
NEAR_CHARS = 256  # first window around a name; doubled while it holds too few words


def _nearest_words(text: str, at: int, reverse: bool) -> str:
    """The text before (``reverse``) or after ``at``, cut to a window holding more than
    :data:`LIST_REACH` words: only those are read, and reading the whole text for each name
    made assembly quadratic ("Slack said " x 16,000)."""
    size = NEAR_CHARS
    while True:
        piece = text[max(0, at - size) : at] if reverse else text[at : at + size]
        whole = size >= (at if reverse else len(text) - at)
        if whole or len(piece.replace(",", " , ").split()) > LIST_REACH:
            return piece
        size *= 2


def _list_words(text: str, lex: "_Lexicon", reverse: bool) -> List[str]:
    """The words of a list of names next to a name, nearest first read outwards, in reading order
    within each name; stops at the first word that is neither capitalised nor a coordinator."""
    raw = text.replace(",", " , ").split()
    seq = list(reversed(raw)) if reverse else raw
    taken: List[str] = []
    for word in seq[:LIST_REACH]:
        if word.lower() in lex.coordinators or word[:1].isupper():
            taken.append(word)
        else:
            break
    if not taken or taken[0].lower() not in lex.coordinators:
        return []
    if not reverse:
        return taken
    # back to reading order inside each name: split at coordinators, reverse each run
    out: List[str] = []
    run: List[str] = []
    for word in taken:
        if word.lower() in lex.coordinators:
            out.extend(reversed(run))
            out.append(word)
            run = []
        else:
            run.append(word)
    out.extend(reversed(run))
    return out


# ------------------------------------------------------------ public helpers


@lru_cache(maxsize=8)
def _analysis(
    text: str, lang: str = "en", sentences: Optional[Tuple[Tuple[int, int], ...]] = None
) -> Tuple[Article, Tuple[ServiceEvidence, ...], Optional[str]]:
    """(article, evidence, service) of a text, computed once: the cause tagger and incident
    assembly both ask for the same document. ``sentences`` are the document's sentence spans
    (its ``Doc``'s, which follow token boundaries); without them the text is segmented here."""
    if sentences is None:
        from ..segmentation import sentence_spans

        sentences = tuple(sentence_spans(text, lang))
    article = Article.build(text, sentences, lang)
    evidence = tuple(find_evidence(article))
    return article, evidence, main_service(article, evidence)


def detect_service(text: str, lang: str = "en") -> Optional[str]:
    """The affected service of an outage article, as written (None if none is found)."""
    return _analysis(text, lang)[2]


def detect_services(text: str, lang: str = "en") -> List[Tuple[str, float]]:
    """Every service an outage article names in outage context, best first, with its score."""
    article, evidence, _ = _analysis(text, lang)
    return affected_services(article, evidence)


_DOC_KEY = "outages.service_analysis"


def doc_analysis(doc) -> Tuple[Article, Tuple[ServiceEvidence, ...], Optional[str]]:
    """(article, evidence, service) of a processed ``Doc``, computed once per document and
    kept in ``pipeline.doc_cache`` (``doc.text`` is rebuilt from the tokens on every access: the
    cause tagger and incident assembly both ask, it is read once). Kept while the Doc has the
    same tokens count and sentences, as :func:`pipeline.spans.doc_sentence_spans` is."""
    from ..doc_cache import doc_cache
    from ..spans import doc_sentence_spans

    spans = tuple((int(start), int(end)) for start, end in doc_sentence_spans(doc))
    lang = doc.lang_ or "en"
    cached = doc_cache(doc).get(_DOC_KEY)
    if cached is not None and cached[0] == (len(doc), spans, lang):
        return cached[1]
    result = _analysis(doc.text, lang, spans)
    doc_cache(doc)[_DOC_KEY] = ((len(doc), spans, lang), result)
    return result


def service_evidence(doc) -> Tuple[Optional[str], List[ServiceEvidence]]:
    """(affected service, evidence) of a processed ``Doc``."""
    _, evidence, service = doc_analysis(doc)
    return service, list(evidence)


def speaking_owner(doc) -> Optional[str]:
    """The company that tells of its product's outage: the best-ranked name of a processed ``Doc``
    when it only speaks ("Amazon said ... S3 cloud outage") and is not the affected service."""
    article, evidence, service = doc_analysis(doc)
    ranked = rank_services(article, evidence)
    if ranked and ranked[0].name != service and not _affected(ranked[0]):
        return ranked[0].name
    return None


def affected_service(doc) -> Optional[str]:
    """The affected service of a processed ``Doc`` (needs sentence boundaries)."""
    return service_evidence(doc)[0]


def owns(text: str, owner: Optional[str], service: Optional[str]) -> bool:
    """Whether ``text`` writes ``owner`` as the possessor of ``service`` ("Blizzard's Battle.net",
    "Meta's WhatsApp"): an outage told under the owner's name is the service's own."""
    if not owner or not service:
        return False
    owner = _strip_possessive(owner.strip())
    return any(f"{owner}{suffix} {service}" in text for suffix in _POSSESSIVES)


def same_service(name: Optional[str], service: Optional[str], lang: str = "en") -> bool:
    """Whether ``name`` (a speaker, a subject as written) is ``service`` itself or part of it.

    "Twitter", "Twitter's", "Twitter Support", "Twitter officials" and
    "twitter.com" are all Twitter; an alias of a well-known service counts.
    """
    if not name or not service:
        return False
    target = service_key(service, lang)
    words = _strip_possessive(name.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for n in range(len(words), 0, -1):
        if service_key(" ".join(words[:n]), lang) == target:
            return True
    return False
