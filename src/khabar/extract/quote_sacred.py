"""God or the Prophet speaking in a verse or hadith that a sermon or an article quotes.

«قال تعالى: …», «مستشهدا بقوله صلى الله عليه وسلم: …», «وقد أخبر الله عن ذلك فقال: …», «الذي
أخبر عنه النبي … بقوله: …»: the speaker is named as written (no entity: «قوله تعالى» names none),
not the preacher who quotes nor the last person named. The names and praise formulas are the
`sacred` rows of speech_verbs.tsv.
"""

from __future__ import annotations

from ..doc import Speaker
from ..text.normalize import fold
from .quote_verbs import SubjectWords, Verb

__all__ = ["sacred_saying", "sacred_speaker"]

_CLAUSE_MARKS = '،,.:؛;\n»"”'
_REACH = 120  # how far back in its clause a verb of telling may name the sacred speaker


def sacred_speaker(
    text: str, verb: Verb, region: tuple[int, int], words: SubjectWords, sentence_start: int
) -> Speaker | None:
    """The sacred speaker of `verb` (its subject right after it, or the subject of a verb of
    telling earlier in its clause when it has none of its own), else None."""
    if words.sacred is None or verb.kind not in ("verb", "noun", "participle"):
        return None
    after = text[verb.end : verb.end + 40]
    lead = len(after) - len(after.lstrip())
    folded, mapping = fold(after[lead:])
    found = words.sacred.match(folded)
    if found is not None:
        start, end = mapping.span(found.start(), found.end())
        at = verb.end + lead
        return Speaker(None, text[at + start : at + end], at + start, at + end, None)
    if verb.kind == "participle" or words.sacred_clause is None:
        return None
    prefix = text[verb.word_start : verb.start]
    if verb.kind == "noun" and "ب" not in prefix:
        return None
    if verb.kind == "verb" and (not prefix or text[region[0] : region[1]].strip(" :،,")):
        return None  # a verb with a subject of its own, or one opening a clause
    start = max(sentence_start, verb.word_start - _REACH)
    clause = text[start : verb.word_start]
    start += max(clause.rfind(c) for c in _CLAUSE_MARKS) + 1
    folded, mapping = fold(text[start : verb.word_start])
    last = None
    for found in words.sacred_clause.finditer(folded):
        last = found
    if last is None:
        return None
    s, e = mapping.span(last.start("who"), last.end("who"))
    return Speaker(None, text[start + s : start + e], start + s, start + e, None)


def sacred_saying(text: str, open_start: int, words: SubjectWords) -> Speaker | None:
    """«… امتثالا لقول الله تعالى: "…"»: a verse opened right after «قول» and a sacred name
    is God's or the Prophet's, whichever verb further back reached it."""
    if words.sacred_saying is None:
        return None
    start = max(0, open_start - 48)
    folded, mapping = fold(text[start:open_start])
    found = words.sacred_saying.search(folded)
    if found is None:
        return None
    s, e = mapping.span(found.start("who"), found.end("who"))
    return Speaker(None, text[start + s : start + e], start + s, start + e, None)
