"""An event's date: the nearest date of its sentence, not one of a clause describing a noun."""

from __future__ import annotations

from khabar.doc import DateMention
from khabar.extract.event_attributes import event_date

PUBLISHED = "2015-08-02"


def _date(text: str, phrase: str, value: str, kind: str) -> DateMention:
    start = text.index(phrase)
    return DateMention(start, start + len(phrase), phrase, value, "year", kind, True)


def test_a_calendar_date_behind_a_relative_pronoun_describes_the_noun():
    text = "أكد الخبير ضرورة مراجعة ربط العملة التي أصدرت في العام 1945 باليورو."
    dates = [_date(text, "العام 1945", "1945", "absolute")]
    trigger = text.index("أكد")
    assert event_date(dates, (0, len(text)), trigger, PUBLISHED, text=text) == PUBLISHED
    # without the text (callers that do not pass it) the nearest date still wins
    assert event_date(dates, (0, len(text)), trigger, PUBLISHED) == "1945"


def test_a_day_word_behind_a_relative_pronoun_still_dates_the_news():
    text = "اجتمع الموظفون في الحفل الذي أقامته الإدارة يوم الأربعاء الماضي."
    dates = [_date(text, "يوم الأربعاء الماضي", "2015-07-29", "weekday")]
    trigger = text.index("اجتمع")
    assert event_date(dates, (0, len(text)), trigger, PUBLISHED, text=text) == "2015-07-29"
