"""A sentence's participants adjusted with what the document knows: a bare «الصحيفة» or
«التحالف» is the outlet or coalition named before; an agent noun with no country takes the
nearest party's; coordinated names («روسيا والصين») form one group; a title after a name is
its apposition («محمد بن زايد ولي عهد أبوظبي»)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..doc import Entity
from .event_actors import ENCLITIC, PLACE_KINDS, WORD_WITH_MARKS, MentionIndex, Participant
from .event_context import fold_word as fold_text  # cached: the same short gaps recur

_MEDIA_NOUNS = frozenset(
    fold_text(w) for w in ("الصحيفة", "الجريدة", "الوكالة", "المجلة", "القناة", "الإذاعة")
)
_MEDIA_KINDS = frozenset({"media", "agency"})


def resolve_media(parts: list[Participant], index: MentionIndex) -> None:
    """«نشرت صحيفة الرياض … واتهمت الصحيفة …»: the generic noun is that newspaper."""
    for part in parts:
        if part.sector != "JRN" or part.kind != "agent":
            continue
        if fold_text(part.text).removeprefix("و") in _MEDIA_NOUNS:
            named = index.last_of(part.start, _MEDIA_KINDS)
            if named is not None and named.country:
                part.country, part.kind = named.country, "media"


# «التحالف», «قوات التحالف», «مقاتلات التحالف»: a bare coalition is the one named before
# («التحالف العربي», «التحالف الدولي»), whose leader codes it; not the country it fights in
_COALITION = "تحالف"
_ARMED_KINDS = frozenset({"armed"})


def resolve_coalitions(parts: list[Participant], index: MentionIndex) -> None:
    """Agent nouns ending in «التحالف» take the country of the last coalition named
    before them in the document (an armed group whose mention holds that word)."""
    for part in parts:
        if part.kind != "agent" or part.country or _COALITION not in part.text:
            continue
        if not fold_text(part.text).split()[-1].endswith(_COALITION):
            continue
        named = _last_coalition(index, part.start)
        if named is not None:
            part.country, part.sector, part.entity_id = named.country, named.sector, named.id


def _last_coalition(index: MentionIndex, offset: int) -> Entity | None:
    for row in reversed(index.rows[: bisect.bisect_left(index.starts, offset)]):
        if row[5] in _ARMED_KINDS and _COALITION in row[3].text and row[4].country:
            return row[4]
    return None


# between an agent noun and the name of its group: quotation marks, and a generic head noun
# («مسلحي حركة "طالبان"», «عناصر تنظيم «داعش»») when the name is quoted apart from it
_NAME_GAP = re.compile(
    r' ?["«“]? ?|\s(?:حركة|تنظيم|جماعة|جبهة|حزب|ميليشيا|ميليشيات|مليشيا|مليشيات|كتائب)\s?["«“] ?'
)


def add_agent_fallback(
    found: list[Participant],
    agents: list[tuple[int, int, str, str]],
    text: str,
    antecedent: Callable[[int], Participant | None] | None = None,
) -> None:
    """Agent nouns (start, end, text, sector) that no entity mention already covers.

    An agent noun with a pronoun enclitic («قواتها») refers back to an actor named earlier:
    it takes the country of the first one of the sentence with a country, else of
    `antecedent(offset)` (the subject of an earlier sentence), else it is left out;
    «بلاده» (his country) becomes the country of the last person named.
    """
    for start, end, surface, sector in agents:
        if any(p.start < end and start < p.end for p in found):
            continue
        if sector == "@country":
            owner = _last_with_country(found, start)
            if owner is not None:
                found.append(Participant(start, end, surface, owner.country, owner.country,
                                         None, "country"))  # fmt: skip
            continue
        if end < len(text) and text[end].isalpha():
            pronoun = ENCLITIC.match(text, end)
            owner = _first_with_country(found, start) if pronoun else None
            if owner is None and pronoun and antecedent is not None:
                owner = antecedent(start)
            if owner is not None:
                # «قواتها», «مقتل اثنين من جنوده»: the forces of the one named before
                found.append(Participant(start, pronoun.end(), text[start : pronoun.end()],
                                         f"agent:{sector}", owner.country, sector, "agent"))  # fmt: skip
            continue
        named = [
            p for p in found if 0 <= p.start - end <= 16 and _NAME_GAP.fullmatch(text, end, p.start)
        ]
        if named:
            # «مسلحي حركة طالبان»: the name after the agent noun is the referent; the mention
            # grows to cover the noun, so that «القوات ومسلحي طالبان» reads as coordination
            named[0].text = text[start : named[0].end]
            named[0].start = start
            continue
        found.append(Participant(start, end, surface, f"agent:{sector}", None, sector, "agent"))


def _first_with_country(found: list[Participant], before: int) -> Participant | None:
    """The first actor with a country before `before`: the sentence's subject, whom a
    pronoun on soldiers or forces refers to («قالت الولايات المتحدة إن طالبان قتلت ثلاثة
    من جنودها»: the soldiers are American, not Taliban)."""
    owners = [p for p in found if p.end <= before and p.country and p.kind not in PLACE_KINDS]
    return min(owners, key=lambda p: p.start) if owners else None


def _last_with_country(found: list[Participant], before: int) -> Participant | None:
    owners = [p for p in found if p.end <= before and p.country and p.kind not in PLACE_KINDS]
    return max(owners, key=lambda p: p.end) if owners else None


def group_coordination(text: str, parts: list[Participant]) -> None:
    """Participants joined by «و» or an appositive comma form one group (after the
    mentions of one person in apposition become one participant: `merge_apposition`)."""
    split_nominatives(parts)
    merge_apposition(text, parts)
    titled_people(text, parts)
    group = -1
    for i, part in enumerate(parts):
        if i and _joined(text, parts[i - 1], part):
            part.group = group
        else:
            group += 1
            part.group = group


_PERSONS = frozenset({"person", "role"})


def merge_apposition(text: str, parts: list[Participant]) -> None:
    """«الرئيس الصيني شي جينبينغ», «الأمين العام للأمم المتحدة، أنطونيو غوتيريس»: a title
    and the name beside it (the entity stage links both to one person) are one participant,
    not a subject and its object; a body named inside the title («للأمم المتحدة») is part
    of it. Sorts `parts` by position and changes it in place."""
    parts.sort(key=lambda p: (p.start, -p.end))
    out: list[Participant] = []
    for part in parts:
        last = out[-1] if out else None
        if last is not None and last.kind in _PERSONS and part.end <= last.end:
            continue  # inside the title
        if (
            last is not None
            and last.entity_id is not None
            and (last.entity_id == part.entity_id or _title_after(last, part))
            and part.kind in _PERSONS
            and not text[last.end : part.start].strip(" ،,#")
        ):
            last.end, last.text = part.end, text[last.start : part.end]
            last.apposed = True
            continue
        out.append(part)
    parts[:] = out


def _title_after(name: Participant, title: Participant) -> bool:
    """«استقبل الشيخ محمد بن زايد ولي عهد أبوظبي …»: a title of the name's own country
    right after a named person is his, not a second person (who has a name of his own)."""
    return (
        name.kind == "person"
        and title.kind == "role"
        and name.country is not None
        and title.country == name.country
    )


def _joined(text: str, left: Participant, right: Participant) -> bool:
    if right.start - left.end > 40:
        return False
    gap = text[left.end : right.start]
    words = WORD_WITH_MARKS.findall(fold_text(gap))
    # gap is a comma, «و» as a proclitic of the next word, or an article/prefix of it
    stripped = gap.strip(" ،,")
    if not stripped:
        if left.apposed and right.apposed:
            return False  # «استقبل الرئيس س، الزعيم ع»: two named people, subject and object
        return "،" in gap or "," in gap  # apposition needs its comma: «مسلحون القوات» is not one
    return len(words) == 1 and words[0] in ("و", "وال", "ول", "وب")


def split_nominatives(parts: list[Participant]) -> None:
    """«اغتال مسلحون الجندي أحمد»: a nominative plural («…ون») stands in no construct, so
    an agent mention that runs from it over another participant ends after its first word."""
    for part in parts:
        if part.kind != "agent" or " " not in part.text:
            continue
        head = part.text.split(" ", 1)[0]
        if not fold_text(head).endswith("ون"):
            continue
        cut = part.start + len(head)
        if any(q is not part and cut <= q.start < part.end for q in parts):
            part.end, part.text = cut, head


# singular nouns of a person («الجندي», «رجل الدين», «عميد كلية») and the role words that
# make a person of a collective («زعيمة المعارضة»): a name right after them is that person
_PERSON_HEADS = frozenset(fold_text(w) for w in (
    "رجل", "ضابط", "إمام", "ناشط", "معارض", "مراسل", "طبيب", "مسؤول", "حارس", "مرجع", "عميد",
    "أستاذ", "قائد", "زعيم", "زعيمة", "عضو", "منسق", "أمين", "مدير", "رئيس", "ناطق", "متحدث",
    "مصور", "قاض", "قاضي", "مستشار", "موظف", "سفير", "محافظ", "حاكم", "نائب"))  # fmt: skip
_ROLE_WORD = re.compile(r"(?:^|\s)(?:[وفبل]|ال|وال|بال|لل)?([^\W\d_]+)\s+$")
_NAME_BREAK = re.compile(r"[،,؛;:.()«»\"]|(?<!\S)و")


def titled_people(text: str, parts: list[Participant]) -> None:
    """«الجندي أحمد سالم», «رجل الدين الشيعي حجة الإسلام هشام سيموري», «زعيمة المعارضة
    سارة خليل», «جاسم الذهبي، عميد كلية الإدارة»: a person the KB gives no sector takes the
    sector of the agent noun that titles him, and the two are one participant (the title
    is no second party)."""
    dropped: set[int] = set()
    for i, person in enumerate(parts):
        if person.kind != "person" or person.sector or id(person) in dropped:
            continue
        title = parts[i - 1] if i else None
        if title is not None and id(title) not in dropped and _titles(text, title, person):
            person.start, person.text = title.start, text[title.start : person.end]
        else:
            title = parts[i + 1] if i + 1 < len(parts) else None
            if title is None or not _apposed_title(text, person, title):
                continue
            person.end, person.text = title.end, text[person.start : title.end]
        person.sector = title.sector
        person.country = person.country or title.country
        # the title and what its words name («عميد كلية الإدارة»: «الإدارة») are no parties
        dropped.update(id(p) for p in parts if p is not person
                       and person.start <= p.start and p.end <= person.end)  # fmt: skip
    if dropped:
        parts[:] = [p for p in parts if id(p) not in dropped]


def _person_noun(text: str, agent: Participant) -> bool:
    """An agent mention that names one person: its head is a person noun or a nisba
    («الجندي»), or a role word stands right before it («زعيمة المعارضة»)."""
    head = fold_text(agent.text.split(" ", 1)[0])
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if head.startswith(prefix) and len(head) - len(prefix) > 2:
            head = head[len(prefix) :]
            break
    if head in _PERSON_HEADS or (" " not in agent.text and head.endswith("ي")):
        return True
    before = _ROLE_WORD.search(text, max(0, agent.start - 12), agent.start)
    return before is not None and fold_text(before.group(1)) in _PERSON_HEADS


def _titles(text: str, title: Participant, person: Participant) -> bool:
    if title.kind != "agent" or not title.sector or title.end > person.start:
        return False
    gap = text[title.end : person.start]
    if len(gap) > 30 or _NAME_BREAK.search(gap):
        return False
    return _person_noun(text, title)


def _apposed_title(text: str, person: Participant, title: Participant) -> bool:
    """«جاسم الذهبي، عميد كلية …»: a comma, then the person noun."""
    if title.kind != "agent" or not title.sector or person.end > title.start:
        return False
    if text[person.end : title.start].strip() not in ("،", ","):
        return False
    return fold_text(title.text.split(" ", 1)[0]) in _PERSON_HEADS
