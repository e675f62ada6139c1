"""A city or country that is a sports team: «فاز ليون على ميلان», «تعادلت بلجيكا مع البرتغال»,
«منتخب مصر».

Sports news names a club by its city and a national team by its country. Such a place is a
team (ORG, kind `team`, the place's country) after «منتخب», and in a sentence with the words
of the field (the `sport` rows of `event_domains.tsv`, read only) after «فريق» or «نادي»
(«نادي جدة الأدبي» is a literary club), as the subject of a match verb («فاز», «تعادل»,
«خسر»…) or as the side a team meets after «على», «مع», «أمام».
"""

from __future__ import annotations

from collections.abc import Callable

from ..kb.tsv import data_path, read_tsv
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold_text
from .entity_found import Seed
from .entity_link import Located

DOMAINS_FILE = "event_domains.tsv"
SPORT = "sport"
SPORT_WEIGHT = 1.0  # sport words of this weight in the sentence make a match report
_PLACES = frozenset({"country", "place", "region", "territory"})
_VERBS = frozenset(
    [
        "فاز",
        "فازت",
        "تعادل",
        "تعادلت",
        "خسر",
        "خسرت",
        "تغلب",
        "تغلبت",
        "هزم",
        "هزمت",
        "واجه",
        "واجهت",
        "يواجه",
        "تواجه",
        "التقى",
        "يلتقي",
        "تلتقي",
        "اكتسح",
        "اكتسحت",
        "أقصى",
        "أقصت",
        "سحق",
        "سحقت",
    ]
)
_TEAM_NOUNS = frozenset({"منتخب"})  # a national team, whatever the sentence
# «نادي جدة الأدبي» is a literary club, «فريق» any team: the sentence must be about sport
_CLUB_NOUNS = frozenset({"فريق", "نادي"})
_MET = frozenset({"على", "مع", "أمام", "امام", "ضد"})  # the side a team meets
_ALL = _VERBS | _TEAM_NOUNS | _CLUB_NOUNS | _MET
_LOOK_BACK = 16  # characters: one word and its clitics
_MET_WITHIN = 40  # characters from a team to the side it meets («فاز ليون 2-1 على ميلان»)
_SIDES = frozenset({"team", "company"})  # a club is filed as a company («باريس سان جيرمان»)


def load_sport_words(path: str | None = None) -> PhraseMatcher:
    """The sport rows of `event_domains.tsv` (weights), as a matcher over folded text."""
    where = data_path(DOMAINS_FILE) if path is None else path
    matcher = PhraseMatcher(allow_article=True)
    for _, row in read_tsv(where, ("domain", "word", "weight"), non_empty=("domain", "word")):
        if row["domain"] == SPORT:
            matcher.add(fold_text(row["word"]), float(row["weight"] or 1))
    matcher.build()
    return matcher


def name_teams(
    text: str,
    located: list[Located],
    sport: PhraseMatcher,
    sentences: Callable[[], Callable[[int], tuple[int, int]]],
) -> None:
    """Turn (in place) place mentions that name a team into the team. `sentences()` gives
    the function from an offset to its sentence's (start, end), made only when needed."""
    weights: dict[tuple[int, int], bool] = {}
    teams: list[Located] = []
    chosen: set[int] = set()
    sentence_of = None
    framed = [
        (item, before)
        for item in located
        if item.seed.type == "LOC" and item.seed.kind in _PLACES and item.source != "role"
        and (before := _word_before(text, item.start)) is not None
    ]  # fmt: skip
    # the common case: no team noun, match verb or «على» right before any place
    for item, before in sorted(framed, key=lambda pair: pair[0].start):
        if before in _TEAM_NOUNS:
            teams.append(item)
            chosen.add(id(item))
            continue
        sentence_of = sentence_of or sentences()
        sentence = sentence_of(item.start)
        if before in _MET and not any(
            (_side(t) or id(t) in chosen)
            and sentence[0] <= t.start
            and 0 < item.start - t.end < _MET_WITHIN
            for t in located
        ):
            continue
        if sentence not in weights:
            weights[sentence] = _sport_weight(text[sentence[0] : sentence[1]], sport)
        if weights[sentence]:
            teams.append(item)
            chosen.add(id(item))
    for item in teams:
        name = " ".join(text[item.start : item.end].split())
        country = item.seed.id if item.seed.kind == "country" else item.seed.country
        folded = " ".join(fold_text(name).split())
        item.seed = Seed(f"team:{folded}", name, name, "ORG", country, None, "team")


def _word_before(text: str, pos: int) -> str | None:
    """The word right before `pos` without its proclitics, when it is a team noun, a match
    verb or a preposition of the side met."""
    words = text[max(0, pos - _LOOK_BACK) : pos].split()
    if not words or not text[pos - 1 : pos].isspace():
        return None
    word = words[-1]
    for form in (word, word[1:], word[2:]):  # «وفاز», «لمنتخب», «ولمنتخب»
        if form in _ALL:
            return form
    return None


def _side(item: Located) -> bool:
    """An organisation that may play: a club, or a name only the tagger knows («ميلان»)."""
    return item.seed.type == "ORG" and (item.seed.kind in _SIDES or item.source == "model")


def _sport_weight(sentence: str, sport: PhraseMatcher) -> bool:
    total = 0.0
    for match in sport.find(fold_text(sentence)):
        total += max(match.payloads)
    return total >= SPORT_WEIGHT
