"""Fields of news other than politics, and the senses trigger words take in them.

Analysts feed mixed news: in a sports report «يلتقي الفريقان» is a match, «طرد اللاعب» a red
card, «الهجوم الفرنسي» the attack line, «حقق الفوز» a win. `event_domains.tsv` lists the words
that place a sentence in a domain (weighted: «مباراة» names the field, «الفريق» may be a rank),
and the words of a state actor («وزير», «الشرطة») that keep a trigger political there.
`event_senses.tsv` says which readings change their sense, and when:

- in a sentence of a domain (`domain`), unless a state actor stands near the trigger
  («التقى وزير الرياضة لاعبي المنتخب» is a meeting); and/or
- with a complement a few words on (`words`, within `within` words: «خطف الأضواء»,
  «ضربة جزاء», «مهددة بالإغلاق»), whatever the field; `forms` limits a row to some surface
  forms of the trigger (the participle «مهدد», not the verb «هدد»).

A sentence belongs to a domain when its domain words weigh `SENTENCE_WEIGHT`, or less in a
document of that domain (its words weigh `DOCUMENT_DENSITY` per sentence): a report of a
season names the field in one sentence and talks about the coach in the next.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv, split_list
from ..text.matcher import PhraseMatcher
from ..text.normalize import OffsetMap, fold_text
from .event_lexicon import (
    PLOVER_TYPES,
    EventLexicon,
    TriggerEntry,
    load_event_lexicon,
    noun_forms,
)

STATE = "state"  # the domain whose words keep a trigger's political sense
SENTENCE_WEIGHT = 2.0  # domain words of this weight make a sentence of the domain
DOCUMENT_DENSITY = 0.6  # domain weight per sentence that makes a document of the domain
IN_DOCUMENT_WEIGHT = 0.5  # what a sentence of such a document needs
DENSE_DOCUMENT = 1.5  # weight per sentence that puts every sentence of the document in it
STATE_WINDOW = 8  # words either side of a trigger in which a state actor keeps its sense
DEFAULT_WITHIN = 5  # words after a trigger in which a complement changes its sense


@dataclass(slots=True, frozen=True)
class DomainWord:
    domain: str
    weight: float


@dataclass(slots=True, frozen=True)
class DomainSense:
    """A reading (type, lemma; "*" = every trigger of the type) that names no act when its
    conditions hold."""

    type: str
    lemma: str
    domain: str  # "" = whatever the domain
    forms: frozenset[str]  # folded surface forms it is limited to (empty = all)
    words: tuple[str, ...]  # folded complements, one of which must follow (empty = none)
    within: int
    line: int


@dataclass(slots=True)
class EventDomains:
    words: PhraseMatcher
    senses: dict[tuple[str, str], list[DomainSense]]
    domains: frozenset[str]
    by_entry: dict[int, tuple[DomainSense, ...]] = field(default_factory=dict)

    def senses_for(self, entry: TriggerEntry) -> tuple[DomainSense, ...]:
        """The senses of a trigger entry: those of its lemma, then those of its type."""
        return self.by_entry.get(entry.index, ())


def _load_words(path: Path) -> PhraseMatcher:
    matcher = PhraseMatcher(allow_article=True, suffixes=("ه", "ها", "هم", "هما"))
    for number, row in read_tsv(path, ("domain", "word", "weight"), non_empty=("domain", "word")):
        try:
            weight = float(row["weight"] or 1)
        except ValueError:
            raise KnowledgeBaseError(
                f"{path}:{number}: weight {row['weight']!r} is no number"
            ) from None
        if not 0 < weight <= 5:
            raise KnowledgeBaseError(f"{path}:{number}: weight must lie in (0, 5]")
        entry = DomainWord(row["domain"], weight)
        forms = noun_forms(row["word"]) if " " not in row["word"] else [row["word"]]
        for form in forms:
            matcher.add(form, entry)
    return matcher


def _load_senses(path: Path, lexicon: EventLexicon, domains: set[str]) -> list[DomainSense]:
    lemmas = {(e.type, e.lemma) for e in lexicon.entries}
    columns = ("type", "lemma", "domain", "forms", "words", "within")
    senses = []
    for number, row in read_tsv(path, columns, non_empty=("type", "lemma")):
        where = f"{path}:{number}"
        if row["type"] not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"{where}: unknown PLOVER type {row['type']!r}")
        if row["lemma"] != "*" and (row["type"], row["lemma"]) not in lemmas:
            raise KnowledgeBaseError(f"{where}: no {row['type']} trigger {row['lemma']!r}")
        if row["domain"] and (row["domain"] not in domains or row["domain"] == STATE):
            raise KnowledgeBaseError(f"{where}: unknown domain {row['domain']!r}")
        words = tuple(fold_text(w) for w in split_list(row["words"]))
        forms = frozenset(fold_text(f) for f in split_list(row["forms"]))
        if not (row["domain"] or words or forms):
            raise KnowledgeBaseError(f"{where}: a sense needs a domain, words or forms")
        if not row["within"].isdigit() and row["within"]:
            raise KnowledgeBaseError(f"{where}: within must be a number of words")
        within = int(row["within"] or DEFAULT_WITHIN)
        senses.append(
            DomainSense(row["type"], row["lemma"], row["domain"], forms, words, within, number)
        )
    return senses


@functools.lru_cache(maxsize=4)
def load_event_domains(data_dir: Path | None = None) -> EventDomains:
    """Load and check event_domains.tsv and event_senses.tsv (those of `data_dir` if it has
    them) against the trigger lexicon of the same directory."""
    lexicon = load_event_lexicon(data_dir)

    def where(name: str) -> Path:
        path = Path(data_dir) / name if data_dir else None
        return path if path is not None and path.exists() else data_path(name)

    words = _load_words(where("event_domains.tsv"))
    domains = {p.domain for payloads in words._payloads.values() for p in payloads}
    by_key: dict[tuple[str, str], list[DomainSense]] = {}
    for sense in _load_senses(where("event_senses.tsv"), lexicon, domains):
        by_key.setdefault((sense.type, sense.lemma), []).append(sense)
    words.build()
    by_entry = {
        e.index: tuple(by_key.get((e.type, e.lemma), []) + by_key.get((e.type, "*"), []))
        for e in lexicon.entries
    }
    by_entry = {index: senses for index, senses in by_entry.items() if senses}
    return EventDomains(words, by_key, frozenset(domains), by_entry)


class DocDomains:
    """The domain words of one document, found when a trigger first asks."""

    def __init__(self, domains: EventDomains, folded: str, offsets: OffsetMap, sentences: int):
        self._domains = domains
        self._folded = folded
        self._offsets = offsets
        self._sentences = max(1, sentences)
        self._hits: dict[str, tuple[list[int], list[float]]] | None = None
        self._density: dict[str, float] = {}

    def _index(self) -> dict[str, tuple[list[int], list[float]]]:
        if self._hits is None:
            found: dict[str, list[tuple[int, float]]] = {}
            for match in self._domains.words.find(self._folded):
                start = (
                    self._offsets.to_original(match.start) if self._offsets.points else match.start
                )
                for word in match.payloads:
                    found.setdefault(word.domain, []).append((start, word.weight))
            self._hits = {
                domain: ([s for s, _ in hits], [0.0, *itertools.accumulate(w for _, w in hits)])
                for domain, hits in found.items()
            }
        return self._hits

    def weight(self, domain: str, start: int, end: int) -> float:
        """The weight of the domain's words that start between `start` and `end`."""
        starts, sums = self._index().get(domain, ([], [0.0]))
        return sums[bisect.bisect_left(starts, end)] - sums[bisect.bisect_left(starts, start)]

    def density(self, domain: str) -> float:
        if domain not in self._density:
            total = self._index().get(domain, ([], [0.0]))[1][-1]
            self._density[domain] = total / self._sentences
        return self._density[domain]

    def in_domain(self, domain: str, sentence: tuple[int, int]) -> bool:
        density = self.density(domain)
        if density >= DENSE_DOCUMENT:
            return True
        need = IN_DOCUMENT_WEIGHT if density >= DOCUMENT_DENSITY else SENTENCE_WEIGHT
        return self.weight(domain, *sentence) >= need


def other_sense(
    senses: tuple[DomainSense, ...],
    hit_form: str,
    text: str,
    end: int,
    ahead: Callable[[int], int],
    domain_of: Callable[[str], bool],
    state_near: Callable[[], bool],
) -> bool:
    """Whether one of `senses` holds for a trigger (folded form `hit_form`, ending at `end`):
    `ahead(n)` is the offset n words on, `domain_of(d)` whether its sentence is of domain d,
    `state_near()` whether a state actor stands near it."""
    for sense in senses:
        if sense.forms and hit_form not in sense.forms:
            continue
        if sense.words and not _follows(sense.words, text[end : ahead(sense.within)]):
            continue
        if sense.domain and not (domain_of(sense.domain) and not state_near()):
            continue
        return True
    return False


def _follows(required: tuple[str, ...], span: str) -> bool:
    """One of the required words is in the span: inside a word («بالفضل» in «بالفضل»), a word
    of two letters only as a whole word («عن»)."""
    words = fold_text(span).split()
    return any(
        (req == word) if len(req) <= 2 else (req in word) for word in words for req in required
    )


__all__ = ["DocDomains", "DomainSense", "EventDomains", "load_event_domains", "other_sense"]
