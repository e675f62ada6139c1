"""Event attributes: modality (aux_mode), date, location, casualties, context and mode.

Each function reads one aspect of the trigger's surroundings. Negation, future/intent and
hypothetical cues count only in the few words before the trigger (Arabic puts them there:
«لم يهاجم», «سوف تنسحب», «في حال هاجمت»); the event date is the nearest temporal
expression of the sentence, else the publication date; the place is a place mention of the
sentence that plays no actor role, else the dateline.
"""

from __future__ import annotations

import datetime as dt
import re

from ..doc import Amount, DateMention, Document, Quote
from .event_actors import Participant
from .event_triggers import CueHit

HISTORICAL_DAYS = 90
LOCATION_KINDS = ("site", "place", "region", "country")


def aux_modes(before: list[CueHit], prefix: str, quoted: bool) -> list[str]:
    """Modality from the cues just before the trigger and a future proclitic «س»."""
    modes: list[str] = []
    kinds = {cue.kind for cue in before}
    if "negation" in kinds:
        modes.append("negated")
    if "future" in kinds or prefix.endswith("س"):
        modes.append("future")
    if "hypothetical" in kinds:
        modes.append("hypothetical")
    if quoted:
        modes.append("said")
    return modes


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= start and end <= quote.end:
            return quote
    return None


_RELATIVE = re.compile(
    r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?!\w)"
)
FUTURE_SLACK_DAYS = 31  # «next month» still dates a report; a later year dates a plan


def event_date(
    dates: list[DateMention],
    sentence: tuple[int, int],
    trigger: int,
    published: str | None,
    future: bool = False,
    text: str | None = None,
) -> str | None:
    """The resolved date nearest to the trigger within its sentence, else publication. A date
    well after publication dates an event only when the event is itself future or
    hypothetical: «بحلول عام 2030» or «مونديال 2022» beside a meeting held today is a target
    or a name, not when the meeting happened. A calendar date after the trigger behind a
    relative pronoun belongs to the clause that describes a noun («العملة التي أصدرت في العام
    1945»); a day word there («الذي أقامه يوم الأربعاء») still dates the news."""
    latest = _latest_day(published) if not future else None
    best: DateMention | None = None
    for mention in dates:
        if sentence[0] <= mention.start < sentence[1] and mention.value and mention.resolved:
            if mention.kind == "duration":
                continue
            if latest is not None and _starts_after(mention.value, latest):
                continue
            if (
                text is not None
                and mention.start > trigger
                and mention.kind not in ("relative", "weekday")  # the news day: «أمس» stays
                and _RELATIVE.search(text, trigger, mention.start)
            ):
                continue
            if best is None or abs(mention.start - trigger) < abs(best.start - trigger):
                best = mention
    if best is not None and best.value is not None:
        return best.value.split("/")[0]
    return published


def _latest_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10]) + dt.timedelta(FUTURE_SLACK_DAYS)
    except ValueError:
        return None


def _starts_after(value: str, day: dt.date) -> bool:
    """Whether a date value (year, month, day or a range) begins after `day`."""
    try:
        year, month, date = ([int(p) for p in value.split("/")[0].split("-")[:3]] + [1, 1])[:3]
        return dt.date(year, month, date) > day
    except ValueError:  # a week or another form: no judgement
        return False


def is_historical(date: str | None, published: str | None) -> bool:
    if not date or not published or date == published:
        return False
    try:
        then = _first_day(date)
        now = dt.date.fromisoformat(published)
    except ValueError:
        return False
    return (now - then).days > HISTORICAL_DAYS


def _first_day(value: str) -> dt.date:
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 12, 31)
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 28)
    return dt.date.fromisoformat(value[:10])


def event_location(
    places: list[Participant], used: set[str], trigger: int, doc: Document, lookup: dict
) -> dict | None:
    """A place of the sentence that is neither actor nor recipient, else the dateline."""
    ranked = sorted(
        (p for p in places if (p.entity_id or p.text) not in used and p.kind in LOCATION_KINDS),
        key=lambda p: (LOCATION_KINDS.index(p.kind), abs(p.start - trigger)),
    )
    if ranked:
        place = ranked[0]
        entity = lookup.get(place.entity_id)
        return {
            "name": entity.name if entity else place.text,
            "name_ar": place.text,
            "id": place.entity_id,
            "country": place.country,
            "lat": entity.lat if entity else None,
            "lon": entity.lon if entity else None,
        }
    if doc.source.dateline:
        return {"name": doc.source.dateline, "name_ar": doc.source.dateline, "id": None,
                "country": None, "lat": None, "lon": None}  # fmt: skip
    return None


def casualties(amounts: list[Amount], sentence: tuple[int, int]) -> tuple[int | None, int | None]:
    dead = injured = None
    for amount in amounts:
        if not sentence[0] <= amount.start < sentence[1] or amount.value is None:
            continue
        if amount.kind == "killed":
            dead = (dead or 0) + int(amount.value)
        elif amount.kind == "injured":
            injured = (injured or 0) + int(amount.value)
    return dead, injured


def contexts(cues: list[CueHit]) -> list[str]:
    found: list[str] = []
    for cue in cues:
        if cue.kind == "context" and cue.value not in found:
            found.append(cue.value)
    return found


def refine_modes(event_type: str, base: str, near: list[CueHit]) -> list[str]:
    """The lexicon's mode, refined by mode cues near the trigger («قصف جوي» → aerial)."""
    modes = [base] if base else []
    for cue in near:
        if cue.kind != "mode":
            continue
        cue_type, _, mode = cue.value.partition(":")
        if cue_type == event_type and mode not in modes:
            if base in ("heavy-weapons", "") or event_type != "ASSAULT":
                modes = [m for m in modes if m != "heavy-weapons"] if mode == "aerial" else modes
            modes.append(mode)
    return modes[:2]
