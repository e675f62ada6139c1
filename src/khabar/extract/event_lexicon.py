"""The event-coding knowledge: PLOVER types, trigger lexicon and context cues, as data.

`triggers.tsv` holds one compact row per trigger; verb rows give the 3ms perfect and the
imperfect stem, from which the inflected forms are generated (perfect 3ms/3fs/3mp/3fp/dual,
imperfect with ي/ت/ن/أ prefixes and plural/dual endings); `forms` lists extra or irregular
forms, a trailing `*` marking a passive reading. `tail` is appended to every generated form,
so a multiword expression such as «فرض عقوبات» inflects on its verb. Matching is clitic-aware
(`PhraseMatcher` with the article, future «س» and pronoun enclitics).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv, split_list
from ..text.matcher import PRONOUN_SUFFIXES, PhraseMatcher
from ..text.normalize import fold_text

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
POS_VALUES = frozenset({"verb", "noun", "mwe"})
CUE_KINDS = frozenset(
    {"negation", "future", "hypothetical", "legal", "generic", "history", "report", "casualty",
     "block", "context", "mode", "agent", "sense", "disaster", "opinion", "total"}
)  # fmt: skip
GENITIVE_ROLES = frozenset({"", "actor", "recipient"})
# blocks go to the trigger matcher; opinion nouns are compared with actors, not searched
_NOT_MATCHED = frozenset({"block", "opinion"})
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "أ")
# nouns whose genitive complement is the one acted upon («اغتيال الحريري»)
_SUFFIXES = (*PRONOUN_SUFFIXES, "ا")


@dataclass(slots=True, frozen=True)
class TriggerEntry:
    index: int
    type: str
    mode: str
    pos: str
    lemma: str
    weight: float
    genitive: str  # the role of a noun trigger's genitive complement: actor | recipient
    line: int
    # folded words, one of which must follow in the clause; one ending in "-" is a proclitic
    # that must open a longer word («طالب … بسحب»: a demand takes «ب» + its verbal noun)
    requires: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class TriggerForm:
    entry: TriggerEntry
    passive: bool  # the form can only be read as a passive
    verbal: bool = False  # a finite verb form: takes no preposition or article proclitic


@dataclass(slots=True, frozen=True)
class PloverType:
    type: str
    quad_code: int
    cameo_root: str
    mode_roots: dict[str, str]
    modes: frozenset[str]


@dataclass(slots=True, frozen=True)
class Cue:
    kind: str
    value: str


@dataclass(slots=True)
class EventLexicon:
    types: dict[str, PloverType]
    entries: list[TriggerEntry]
    forms: dict[str, list[TriggerForm]]  # surface form -> readings
    cues: dict[str, list[Cue]] = field(default_factory=dict)

    def trigger_matcher(self) -> PhraseMatcher:
        """Triggers and blocking phrases in one automaton, so a longer block wins."""
        matcher = PhraseMatcher(allow_article=True, allow_future=True, suffixes=_SUFFIXES)
        for form, readings in self.forms.items():
            for reading in readings:
                matcher.add(form, reading)
        for phrase, cues in self.cues.items():
            for cue in cues:
                if cue.kind == "block":
                    matcher.add(phrase, cue)
        return matcher

    def cue_matcher(self) -> PhraseMatcher:
        matcher = PhraseMatcher(allow_article=False, suffixes=("ه", "ها", "هم"))
        for phrase, cues in self.cues.items():
            for cue in cues:
                if cue.kind not in _NOT_MATCHED:
                    matcher.add(phrase, cue)
        return matcher


def verb_forms(perfect: str, imperfect: str) -> list[str]:
    """Perfect 3ms/3fs/3mp/3fp/dual and imperfect forms (ي/ت/ن/أ + stem + endings)."""
    forms: list[str] = []
    if perfect:
        if perfect[-1] in "ىا":
            base = perfect[:-1]
            forms += [perfect, base + "ت", base + "وا", base + "يا", base + "تا"]
        else:
            forms += [perfect + ending for ending in ("", "ت", "وا", "ن", "ا", "تا", "نا")]
    if imperfect:
        weak = imperfect[-1] in "يو"
        stem = imperfect[:-1] if weak else imperfect
        for prefix in IMPERFECT_PREFIXES:
            forms.append(prefix + imperfect)
            if prefix == "أ":
                continue  # first person singular has no plural endings
            endings = ("ون", "وا", "ان") if weak else ("ون", "وا", "ان", "ن", "ين")
            forms += [prefix + stem + ending for ending in endings]
    return forms


def noun_forms(noun: str) -> list[str]:
    """A noun and the stem its enclitics attach to («مساعدة» → «مساعدت»)."""
    if noun.endswith("ة"):
        return [noun, noun[:-1] + "ت"]
    return [noun]


def _entry_forms(row: dict[str, str]) -> list[tuple[str, bool, bool]]:
    """(form, passive, verbal) triples of one lexicon row."""
    tail = f" {row['tail']}" if row["tail"] else ""
    paradigm = verb_forms(row["perfect"], row["imperfect"])
    # a listed passive spelt like the first person imperfect («أصيب»: "was hit", rarely
    # "I hit" in news) is read as the passive; «قتل», «يقتل» stay ambiguous
    first_person = {"أ" + row["imperfect"]} if row["imperfect"] else set()
    listed_passive = {f.rstrip("*") for f in split_list(row["forms"]) if f.endswith("*")}
    paradigm = [f for f in paradigm if not (f in first_person and f in listed_passive)]
    generated = [(f + tail, False, True) for f in paradigm]
    for form in split_list(row["forms"]):
        passive = form.endswith("*")
        form = form.rstrip("*")
        variants = noun_forms(form) if " " not in form else [form]
        verbal = passive or (row["pos"] == "verb" and _looks_finite(fold_text(form)))
        generated += [(variant, passive, verbal) for variant in variants]
    if row["pos"] != "verb" and not row["forms"] and not row["perfect"]:
        generated += [(variant, False, False) for variant in noun_forms(row["lemma"])]
    return generated


def _looks_finite(form: str) -> bool:
    """A listed form of a verb row that is a finite verb rather than its verbal noun."""
    if " " in form or form.endswith("ه") or form.endswith("ات"):
        return False
    if len(form) <= 3 or form.endswith("وا") or form.startswith(("ي", "ن")):
        return True
    return form.endswith("ت") or (form.startswith("ت") and len(form) <= 4)


def _parse_trigger(number: int, row: dict[str, str], path: Path, index: int) -> TriggerEntry:
    if row["type"] not in PLOVER_TYPES:
        raise KnowledgeBaseError(f"{path}:{number}: unknown PLOVER type {row['type']!r}")
    if row["pos"] not in POS_VALUES:
        raise KnowledgeBaseError(f"{path}:{number}: pos must be one of {sorted(POS_VALUES)}")
    if row.get("genitive", "") not in GENITIVE_ROLES:
        raise KnowledgeBaseError(f"{path}:{number}: genitive must be actor or recipient")
    try:
        weight = float(row["weight"])
    except ValueError:
        raise KnowledgeBaseError(
            f"{path}:{number}: weight {row['weight']!r} is not a number"
        ) from None
    if not 0.0 < weight < 1.0:
        raise KnowledgeBaseError(f"{path}:{number}: weight must lie strictly between 0 and 1")
    if not (row["perfect"] or row["imperfect"] or row["forms"] or row["pos"] != "verb"):
        raise KnowledgeBaseError(f"{path}:{number}: a verb row needs perfect, imperfect or forms")
    genitive = row.get("genitive", "") or "actor"
    requires = tuple(_fold_requirement(w) for w in split_list(row.get("requires", "")))
    return TriggerEntry(
        index,
        row["type"],
        row["mode"],
        row["pos"],
        row["lemma"],
        weight,
        genitive,
        number,
        requires,
    )


def _fold_requirement(word: str) -> str:
    """Fold a required word, keeping the trailing "-" of a required proclitic."""
    return fold_text(word[:-1]) + "-" if word.endswith("-") else fold_text(word)


def load_triggers(path: Path, types: dict[str, PloverType]) -> tuple[list, dict]:
    columns = ("type", "mode", "pos", "lemma", "perfect", "imperfect", "tail", "forms", "weight")
    entries: list[TriggerEntry] = []
    forms: dict[str, list[TriggerForm]] = {}
    for number, row in read_tsv(path, columns, non_empty=("type", "pos", "lemma", "weight")):
        entry = _parse_trigger(number, row, path, len(entries))
        if entry.mode and entry.mode not in types[entry.type].modes:
            raise KnowledgeBaseError(
                f"{path}:{number}: mode {entry.mode!r} not listed in plover.tsv"
            )
        entries.append(entry)
        for form, passive, verbal in _entry_forms(row):
            readings = forms.setdefault(form, [])
            if all(r.entry.index != entry.index for r in readings):
                readings.append(TriggerForm(entry, passive, verbal))
    return entries, forms


def load_plover(path: Path) -> dict[str, PloverType]:
    columns = ("type", "quad_code", "cameo_root", "mode_roots", "modes")
    types: dict[str, PloverType] = {}
    for number, row in read_tsv(path, columns, non_empty=("type", "quad_code", "cameo_root")):
        if row["type"] not in PLOVER_TYPES or row["quad_code"] not in "1234":
            raise KnowledgeBaseError(f"{path}:{number}: bad type or quad_code")
        mode_roots = dict(item.split("=", 1) for item in split_list(row["mode_roots"]))
        modes = frozenset(split_list(row["modes"]))
        types[row["type"]] = PloverType(
            row["type"], int(row["quad_code"]), row["cameo_root"], mode_roots, modes
        )
    missing = set(PLOVER_TYPES) - set(types)
    if missing:
        raise KnowledgeBaseError(f"{path}: PLOVER types missing: {sorted(missing)}")
    return types


def load_cues(path: Path) -> dict[str, list[Cue]]:
    cues: dict[str, list[Cue]] = {}
    for number, row in read_tsv(path, ("kind", "cue", "value"), non_empty=("kind", "cue")):
        if row["kind"] not in CUE_KINDS:
            raise KnowledgeBaseError(f"{path}:{number}: unknown cue kind {row['kind']!r}")
        if row["kind"] in ("mode", "agent", "context", "opinion") and not row["value"]:
            raise KnowledgeBaseError(f"{path}:{number}: a {row['kind']} cue needs a value")
        # a sense cue names a type, or a type and the lemma it is limited to
        # («CONSULT/استقبل»: «تستقبل المساعدات» receives goods, meets no one)
        if row["kind"] == "sense" and row["value"].split("/")[0] not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"{path}:{number}: a sense cue needs a PLOVER type")
        cue = Cue(row["kind"], row["value"])
        if cue not in cues.setdefault(row["cue"], []):
            cues[row["cue"]].append(cue)
    return cues


@functools.lru_cache(maxsize=4)
def load_event_lexicon(data_dir: Path | None = None) -> EventLexicon:
    """Load and validate plover.tsv, triggers.tsv and event_cues.tsv (cached per directory)."""

    def where(name: str) -> Path:
        return Path(data_dir) / name if data_dir else data_path(name)

    types = load_plover(where("plover.tsv"))
    entries, forms = load_triggers(where("triggers.tsv"), types)
    cues = load_cues(where("event_cues.tsv"))
    return EventLexicon(types, entries, forms, cues)


def check_event_lexicon(data_dir: Path | None = None) -> list[str]:
    """Problems in the event knowledge files (with the domain files read against the
    lexicon), as "file:line: message" ([] when all is well)."""
    from .event_domains import load_event_domains  # it reads the lexicon: imported late

    try:
        load_event_lexicon.__wrapped__(data_dir)
        load_event_domains.__wrapped__(data_dir)  # event_domains.tsv, event_senses.tsv
    except KnowledgeBaseError as exc:
        return [exc.message]
    return []
