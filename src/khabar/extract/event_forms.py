"""Checks on the word a trigger was found in and on what governs it, from an audit on
articles the rules were never tuned on.

- Folding reads «ة» as «ه» and the matcher allows pronoun enclitics, so «طلبة» (students)
  looked like «طلب» + «ه» (his request), and «الاجتماعي» (social), «وزاري» (ministerial) like
  a meeting or a visit + «ي». A trigger whose word goes on with «ة», or with a lone «ي» (a
  nisba adjective far more often than "my …"), is another word.
- «أنْ» right before an imperfect verb makes it a subjunctive: what is wished, owed or
  feared («ليس من مصلحة أحد أن ينسحب», «على إيران أن تمتنع», «على أن يلتزم»), not done; a
  scheduled act («من المقرر أن يلتقي») is future, «بعد أن» / «قبل أن» open a time clause.
- A natural disaster or an accident kills without an attacker: its dead are no ASSAULT,
  whether the sentence names the disaster or the article's title or lead does.
- «يوافق» + a date is "falls on" («الذي يوافق 30 مارس»), no agreement.
"""

from __future__ import annotations

import bisect
import re

from .event_triggers import Candidate, CueHit, TriggerHit

# the letters that may follow a trigger key inside its word
_WORD_REST = re.compile(r"[\u0621-\u064A]*")
_SPACE = re.compile(r"\s+")
# «أن» / «بأن» / «وأن» / «ألا» / «لكي» as the word right before a verb
_SUBJUNCTIVE_BEFORE = re.compile(r"(?<!\S)(?:[وف]?[بل]?[أا]ن|[أا]لا|لكي|كي|لئلا)\s+$")
_TEMPORAL_BEFORE = re.compile(r"(?<!\S)[وف]?(?:بعد|قبل|منذ|حين|ريثما)\s+[أا]ن\s+$")
# deaths and wounds with no attack named: these lose their sense in a disaster report
CASUALTY_LEMMAS = frozenset(
    {"قتل", "مقتل", "قتيل", "لقي مصرعه", "أصاب", "دمر", "انفجار", "انفجر", "ضرب"}
)


def other_word(text: str, hit: TriggerHit, ta_keys: frozenset[str]) -> bool:
    """The trigger key ends inside a longer word («الاجتماعي», «وزاري»), or a key listed
    with a pronoun «ه» («طلبه»: his request) stands for a word in «ة» («طلبة»: students);
    `ta_keys` are the folded keys the lexicon spells with «ة»."""
    rest = _WORD_REST.match(text, hit.end).group()
    if rest.startswith("ة"):
        # «التظاهرة» found as the listed «التظاهر» + «ة»: the lexicon has «تظاهرة» too
        return _without_article(hit.folded) + "ه" not in ta_keys
    if rest == "ي":
        return True
    return text[hit.end - 1 : hit.end] == "ة" and hit.folded not in ta_keys


def _without_article(folded: str) -> str:
    return folded[2:] if folded.startswith("ال") else folded


def subjunctive(text: str, cand: Candidate, imperfect: bool) -> bool:
    """An imperfect verb right after «أنْ» (or «كي», «ألا»): not a reported act."""
    if not (cand.verbal and imperfect) or cand.hit.prefix not in ("", "و", "ف"):
        return False
    start = cand.hit.word_start
    if not _SUBJUNCTIVE_BEFORE.search(text, max(0, start - 8), start):
        return False
    # «بعد أن يلتقي», «قبل أن»: a time clause, not a wish
    return not _TEMPORAL_BEFORE.search(text, max(0, start - 16), start)


def disaster_deaths(cand: Candidate, armed_actor: bool, disaster: bool) -> bool:
    """Deaths or wounds in a sentence (or an article) about a storm, a quake, a crash."""
    if not disaster or armed_actor or cand.entry.type != "ASSAULT":
        return False
    return cand.entry.lemma in CASUALTY_LEMMAS


def disaster_document(lead: list[CueHit], title_cues: list[CueHit]) -> bool:
    """An article about a disaster: its title or its lead sentence names one."""
    return any(c.kind == "disaster" for c in (*lead, *title_cues))


def date_follows(text: str, cand: Candidate, date_starts: list[int]) -> bool:
    """«يوافق» + a date within two words: the day falls on it."""
    if cand.entry.type != "AGREE" or not cand.verbal:
        return False
    start = cand.hit.end + len(_WORD_REST.match(text, cand.hit.end).group())
    gap = _SPACE.match(text, start)
    start = gap.end() if gap else start
    i = bisect.bisect_left(date_starts, start)
    return i < len(date_starts) and date_starts[i] <= start + 6
