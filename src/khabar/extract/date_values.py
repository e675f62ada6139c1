"""Date values: ISO strings for days and ranges, the bounds a value covers, Hijri years."""

from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian

from ..doc import DateMention
from ..text.calendar import (
    AbsoluteDate,
    hijri_to_gregorian,
    month_end,
    nearest_year,
    shift_months,
    week_range,
)


def iso_day(day: date) -> str:
    return day.isoformat()


def iso_range(first: date, last: date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


def granularity_of(item: AbsoluteDate, fuzzy: str | None) -> str:
    if fuzzy:
        return f"{fuzzy}-month" if item.month is not None else f"{fuzzy}-year"
    if item.day is not None:
        return "day"
    return "month" if item.month is not None else "year"


def with_year(item: AbsoluteDate, year: int) -> AbsoluteDate:
    return AbsoluteDate(
        item.start, item.end, year, item.month, item.day, item.calendar, item.text, item.hijri
    )


def bounds(mention: DateMention | None) -> tuple[date, date] | None:
    """First and last day a resolved date covers."""
    if (
        mention is None
        or mention.value is None
        or "/" in mention.value
        or mention.value.startswith("P")
    ):
        return None
    parts = [int(p) for p in mention.value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), month_end(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def hijri_year_for(pub: date, month: int, day: int | None, direction: str | None) -> int | None:
    """The Hijri year of a Hijri month written without one (same rules as `year_for`)."""
    now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    return nearest_year(
        pub,
        (now.year, now.month),
        month,
        direction,
        lambda year: hijri_to_gregorian(year, month, day or 15),
    )


def period_value(pub: date, unit: str, offset: int) -> tuple[str, str]:
    if unit == "week":
        first, last = week_range(pub, offset)
        return iso_range(first, last), "week"
    if unit == "month":
        y, m = shift_months(pub, offset)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "year":
        return f"{pub.year + offset:04d}", "year"
    if unit == "days":
        return iso_range(pub + timedelta(days=offset), pub), "range"
    y, m = shift_months(pub, offset)  # "months": a span of whole months up to publication
    return iso_range(date(y, m, 1), pub), "range"
