"""Speech verbs and the words around a speaker, as data: speech_verbs.tsv.

Each row is a form of a speech verb (perfect, participle, verbal noun, a «source» word such as
«نقلا عن», an «afterword» such as «على حد قوله») with its lemma, or a word that delimits the subject phrase: adverbs between the verb
and its subject, boundaries and circumstances that end it, and governors that make the «أن»
after them no reported speech («دون أن»). The loader checks every row (file:line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold_text

__all__ = ["SHOWED", "SubjectWords", "Verb", "load_speech_verbs"]

# «أظهرت دراسة أن»: a study or a figure shows; it reports only an «أن» clause, speaks for no
# one later words continue, and inside another quotation it is part of what was said
SHOWED = "أظهر"
# verbs of telling whose subject, when God or the Prophet, speaks the verse or hadith that follows
# (folded; grammar, not a lexicon)
_TELLING = (
    "قال|يقول|اخبر|يخبر|بين|يبين|وصف|يصف|امر|يامر|ذكر|يذكر|خاطب|يخاطب|انزل|وعد|يعد|حذر|يحذر"
    "|نهي|ينهي|اثني|يثني|اوصي|يوصي|حث|يحث|علمنا|ارشد|يرشد|وجه|يوجه|امتدح|مدح|بشر|يبشر"
)
_KINDS = ("verb", "participle", "noun", "source", "afterword")
_WORD_KINDS = (
    "adverb",
    "boundary",
    "circumstance",
    "governor",
    "relation",
    "title",
    "sacred",
    "work",
)


@dataclass(slots=True)
class Verb:
    start: int  # original offsets
    end: int
    word_start: int
    lemma: str
    kind: str


@dataclass(slots=True)
class SubjectWords:
    """Regexes over folded text that delimit the subject phrase of a speech verb."""

    lead: re.Pattern[str]  # adverbs between the verb and its subject
    end: re.Pattern[str]  # where the subject phrase stops
    before: tuple[re.Pattern[str], ...]  # a subject before the verb, ending the clause so far
    # a word that governs the «أن» right after it («دون أن», «يمكن أن»): no reported speech
    governed: re.Pattern[str] | None = None
    # the circumstance nouns that are documents («بيان», «تقرير»), folded, one word each:
    # «وأضاف البيان» speaks for whoever issued the statement
    documents: frozenset[str] = frozenset()
    # given names (given_names.tsv, folded): an unknown name after a title starts with one
    given_names: frozenset[str] = frozenset()
    # nouns whose genitive is someone other than the speaker («محامي ترامب», «مؤيدي الأسد»)
    relations: frozenset[str] = frozenset()
    # person nouns heading a construct chain («رئيس لجنة صياغة الدستور الذي قال»): the relative
    # after the chain is the person's, not the organisation's
    titles: frozenset[str] = frozenset()
    # God or the Prophet as a verse or hadith names them («تعالى», «صلى الله عليه وسلم»), folded
    sacred: re.Pattern[str] | None = None
    # «وقد أخبر الله عن ذلك فقال», «الذي أخبر عنه النبي … بقوله»: the sacred subject of a verb
    # of telling earlier in the clause, group «who»
    sacred_clause: re.Pattern[str] | None = None
    # «امتثالا لقول الله تعالى: …»: a saying named right before a quote mark or colon
    sacred_saying: re.Pattern[str] | None = None
    # «كتاب», «فيلم», «بعنوان» right before a quote mark: the quoted words are a title
    work: re.Pattern[str] | None = None


def load_speech_verbs(path: Path | None = None) -> tuple[PhraseMatcher, SubjectWords]:
    """speech_verbs.tsv: the verb matcher, and the words that delimit a subject phrase."""
    path = path or data_path("speech_verbs.tsv")
    matcher = PhraseMatcher()
    words: dict[str, list[str]] = {kind: [] for kind in _WORD_KINDS}
    for number, row in read_tsv(path, ("form", "lemma", "kind"), non_empty=("form", "kind")):
        kind = row["kind"]
        if kind in words:
            words[kind].append(" ".join(fold_text(row["form"]).split()))
            if kind == "sacred" and words[kind][-1] != "الله":
                # found in the same pass as the verbs: whether a verse may be quoted at all
                # (a bare «الله» is too common: «حزب الله», «إن شاء الله»)
                matcher.add(row["form"], ("", kind))
        elif kind in _KINDS and row["lemma"]:
            matcher.add(row["form"], (row["lemma"], kind))
        else:
            raise KnowledgeBaseError(f"{path}:{number}: bad kind {kind!r} or missing lemma")
    matcher.build()
    adverb, boundary = _alternation(words["adverb"]), _alternation(words["boundary"])
    circumstance = _alternation(words["circumstance"])
    # «في بيانها», «في رسالته»: a noun with a possessive after «في» is a circumstance too; a
    # bare «ه» is also a folded «ة» («في منظمة الوحدة»), so only «ته» counts without the list
    stop = rf"(?:[وف]?(?:{boundary})|في\s+(?:{circumstance}|\w+(?:ته|ها|هم)))(?!\w)"
    return matcher, SubjectWords(
        lead=re.compile(rf"(?:[\s،,]*(?:{adverb})(?!\w))*[\s،,]*"),
        end=re.compile(rf"(?<!\w){stop}|[،,]\s*(?:(?:{adverb})(?!\w)|{stop})|[.:؟!?\n(]"),
        before=(  # tried in this order: relative clause, «كان … قد», a short clause-initial phrase
            re.compile(r"(?P<np2>[^.،,\n]{2,60}?)\s+(?P<rel>الذي|التي|الذين)\s+$"),
            re.compile(
                r"(?<!\w)[وف]?(?P<kana>كان|كانت|كانوا)\s+(?P<np>[^.،,]{2,80}?)\s+(?:قد\s+)?$"
            ),
            re.compile(r"(?:^|(?:^|\s)(?:ب?ان|ان)\s)\s*(?P<np3>(?:\S+\s+){0,5}\S+)\s+$"),
        ),
        governed=re.compile(rf"(?<!\w)[وف]?(?:{_alternation(words['governor'])})\s+$")
        if words["governor"]
        else None,
        documents=frozenset(w for w in words["circumstance"] if " " not in w),
        given_names=_given_names(),
        relations=frozenset(words["relation"]),
        titles=frozenset(words["title"]),
        sacred=re.compile(rf"(?:{_alternation(words['sacred'])})(?!\w)")
        if words["sacred"]
        else None,
        sacred_clause=re.compile(
            rf"(?<!\w)[وف]?(?:{_TELLING})\s+(?:\w+\s+)?(?P<who>{_alternation(words['sacred'])})(?!\w)"
        )
        if words["sacred"]
        else None,
        sacred_saying=re.compile(
            rf"(?<!\w)[وف]?[بل]?قول(?:ه)?\s+(?P<who>{_alternation(words['sacred'])})\s*$"
        )
        if words["sacred"]
        else None,
        work=re.compile(rf"(?<!\w)[وف]?[بلك]?(?:{_alternation(words['work'])})\s*$")
        if words["work"]
        else None,
    )


def _given_names() -> frozenset[str]:
    path = data_path("given_names.tsv")
    return frozenset(
        fold_text(row["name_ar"]) for _, row in read_tsv(path, ("name_ar",), non_empty=("name_ar",))
    )


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))
