"""Amounts: numbers in digits and words, casualty counts, money and percentages.

A number is a run of digits («12», «2.5», «12,000», Arabic-Indic digits folded) or of number
words from numbers.tsv («خمسة وعشرين», «ثلاثة آلاف», «عشرات الآلاف»), possibly a digit run
followed by scale words («2.5 مليار»). What stands around it decides the kind:
- percent: «%», «بالمئة», «في المائة» after it (unit "%");
- money: a currency of currencies.tsv after it (unit = ISO 4217 code, or None when the name
  alone is ambiguous, e.g. «دينار»);
- killed / injured: a casualty word before it («مقتل 12», «وإصابة 30 آخرين», «حصيلة القتلى
  إلى 50») or after it («5 قتلى», «30 جريحا»); the word before wins;
- number otherwise. Vague words give their lower bound («عشرات» = 10).
A qualifier before the number («نحو», «أكثر من») is part of the span. Numbers inside dates found
by the dates stage (when it ran) are skipped, and so are numbers that name rather than count
(«الساعة 12:50», «القرار 2254», «المادة 50»: numbers.tsv kind label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..doc import Amount, Document
from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..pipeline import BaseStage
from ..text.matcher import Match, PhraseMatcher
from ..text.normalize import OffsetMap, fold, fold_text

_VALUE_KINDS = ("cardinal", "scale", "plural_scale", "vague")
_CONTEXT_KINDS = (
    "killed_before", "injured_before", "killed_after", "injured_after", "qualifier", "bridge",
    "percent", "label",
)  # fmt: skip
# digits may carry one proclitic («و12», «ب5») but must not sit inside a longer token
# «1،4» (Arabic comma as decimal point, Maghreb) and «5ر3» (3.5 in Tunisian agency style)
# are single numbers; a Tunisian decimal glued to the word before it («تقدر2ر21») is one too
_DIGITS = re.compile(
    r"(?:(?<![\w.,،:])|(?<=(?<!\w)[وبلف]))(?:\d+ر\d+|\d+(?:[.,،]\d+)*)(?!\w)(?!:\d)"
    r"|(?<=[\u0621-\u064A])\d+ر\d+(?=\s)"
)  # «12:50» is a time
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_AND_GAP = re.compile(r"\s*و\s*")
_PERCENT_WORD_BEFORE = re.compile(r"(?:في\s+|ب)(?:ال)?$")  # «في المائة», «بالمئة»: a percent sign
_JOINED = re.compile(r"(?:^|\s)و\s*$")  # «… و18», «… و 18»: joined to what came before
_CLAUSE_END = re.compile(r"[.،,؛;:!؟?\n]")
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
# currencies counted in thousandths (fils, millimes, baisa): «1.500 دينار كويتي» is 1.5
_MILLS = frozenset({"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"})
_TEEN = r"ال\wا\w{1,2}ه?\s+عشره?"  # the ordinal pattern فاعل(ة) + عشر(ة): «الحادية عشرة»


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    value: float


@dataclass(slots=True)
class _Tables:
    words: PhraseMatcher
    currencies: PhraseMatcher
    before: re.Pattern[str]
    after: re.Pattern[str]
    percent: re.Pattern[str]
    qualifier: re.Pattern[str]
    casualty: dict[str, str]  # folded casualty word -> killed | injured, before and after
    label: re.Pattern[str] | None = None  # «الساعة 7»، «القرار 2254»: the number names, not counts
    ordinal_teen: re.Pattern[str] | None = None  # «السادس عشر»: a number word inside an ordinal


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))


def _load(*, numbers_path: Path | None = None, currencies_path: Path | None = None) -> _Tables:
    path = numbers_path or data_path("numbers.tsv")
    words = PhraseMatcher(allow_article=True)
    context: dict[str, list[str]] = {kind: [] for kind in _CONTEXT_KINDS}
    ordinals: list[str] = []
    for number, row in read_tsv(path, ("word", "value", "kind"), non_empty=("word", "kind")):
        key = " ".join(fold_text(row["word"]).split())
        if row["kind"] in _VALUE_KINDS:
            try:
                words.add(key, (float(row["value"]), row["kind"]))
            except ValueError:
                raise KnowledgeBaseError(f"{path}:{number}: value must be a number") from None
        elif row["kind"] in context:
            context[row["kind"]].append(key)
        elif row["kind"] == "ordinal":
            ordinals.append(key)
        else:
            raise KnowledgeBaseError(f"{path}:{number}: unknown kind {row['kind']!r}")
    words.build()
    qualifier = _alternation(context["qualifier"])
    bridge = _alternation(context["qualifier"] + context["bridge"])
    before_words = context["killed_before"] + context["injured_before"]
    after_words = context["killed_after"] + context["injured_after"]
    casualty = {k: "injured" for k in context["injured_before"] + context["injured_after"]}
    casualty.update({k: "killed" for k in context["killed_before"] + context["killed_after"]})
    return _Tables(
        words=words,
        currencies=_currencies(path=currencies_path),
        before=re.compile(
            rf"(?<!\w)[وفبل]?(?:ال|لل)?(?P<word>{_alternation(before_words)})(?:\s+(?:{bridge}))*\s*$"
        ),
        after=re.compile(rf"\s*(?:[^\s\d]+\s+)?(?:ال)?(?P<word>{_alternation(after_words)})(?!\w)"),
        percent=re.compile(rf"\s*(?:{_alternation(context['percent'])})(?!\w)"),
        qualifier=re.compile(rf"(?<!\w)[وف]?(?:{qualifier})\s+$"),
        casualty=casualty,
        label=re.compile(
            rf"(?<!\w)[وفبل]?(?:ال|لل)?(?:{_alternation(context['label'])})\s*(?:ال)?$"
        )
        if context["label"]
        else None,
        # an ordinal phrase («الحادي والعشرين»), or a word of the ordinal's shape before «عشر»
        # («السادسة عشرة»; not «الشرطة عشرة»)
        ordinal_teen=re.compile(
            rf"(?<!\w)[وفبل]?(?:{'|'.join(filter(None, [_alternation(ordinals), _TEEN]))})$"
        ),
    )


def _currencies(*, path: Path | None = None) -> PhraseMatcher:
    matcher = PhraseMatcher(allow_article=True)
    path = path or data_path("currencies.tsv")
    for number, row in read_tsv(path, ("phrase", "code"), non_empty=("phrase",)):
        if row["code"] and not re.fullmatch(r"[A-Z]{3}", row["code"]):
            raise KnowledgeBaseError(f"{path}:{number}: code must be ISO 4217 (three capitals)")
        matcher.add(row["phrase"], row["code"] or None)
    matcher.build()
    return matcher


def _digit_value(text: str) -> float:
    if "ر" in text:
        whole_reversed, _, fraction = text.partition("ر")
        return float(f"{fraction}.{whole_reversed}")
    text = text.replace("،", ".")
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    if text.count(".") + text.count(",") > 1:
        return float(re.sub(r"[.,]", "", text))  # «1.200.000»: dots as thousands separators
    return float(text.replace(",", "."))


def _words_value(tokens: list[tuple[float, str]], start: float = 0.0) -> float:
    """«ثلاثة آلاف وخمسمئة» -> 3500: scales multiply what precedes them."""
    total, current = 0.0, start
    for value, kind in tokens:
        if kind in ("cardinal", "vague"):
            current += value
        elif value == 100:
            current = (current or 1) * 100
        else:
            total += (current or 1) * value
            current = 0.0
    return total + current


def _compound(last: Match, following: Match) -> bool:
    """Whether «last و following» is one number: a larger part then a smaller one («ألف
    وخمسمئة», «مئة وعشرون»), or units then tens («خمسة وعشرون»)."""
    first, second = last.payloads[0][0], following.payloads[0][0]
    if following.payloads[0][1] != "cardinal":
        return True  # «ثلاثة آلاف وعشرات»: scales keep their own reading
    return first > second or (first < 10 and second >= 20 and second % 10 == 0 and second < 100)


class AmountStage(BaseStage):
    """Numbers, casualty counts, money and percentages in `doc.text`."""

    name: ClassVar[str] = "amounts"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"amounts"})

    def __init__(self) -> None:
        self._tables: _Tables | None = None

    def setup(self) -> None:
        if self._tables is None:
            self._tables = _load()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        dates = [(d.start, d.end) for d in doc.dates]
        doc.amounts = self.find(doc.text, skip=dates)
        return doc

    def find(self, text: str, *, skip: list[tuple[int, int]] | None = None) -> list[Amount]:
        assert self._tables is not None
        folded, mapping = fold(text)
        currencies = {m.start: m for m in self._tables.currencies.find(folded)}
        out: list[Amount] = []
        covered = 0  # a percent or currency phrase may contain number words («في المائة»)
        label = self._tables.label
        previous: tuple[int, str] | None = None  # (folded end, kind) of a casualty count
        for number in self._numbers(folded):
            if number.start < covered:
                continue
            if label is not None and label.search(folded, max(0, number.start - 20), number.start):
                continue
            teen = self._tables.ordinal_teen
            if teen is not None and teen.search(folded, max(0, number.start - 20), number.end):
                continue
            amount = self._classify(folded, number, currencies)
            if amount.kind == "number" and previous is not None:
                amount.kind = _listed_after(folded, previous, amount.start) or amount.kind
            previous = (amount.end, amount.kind) if amount.kind in ("killed", "injured") else None
            covered = amount.end
            _to_original(amount, text, mapping)
            if not any(amount.start < end and start < amount.end for start, end in skip or ()):
                out.append(amount)
        return out

    def _numbers(self, folded: str) -> list[_Number]:
        assert self._tables is not None
        words = self._tables.words.find(folded)
        by_start = {m.word_start: m for m in words}
        used: set[int] = set()
        out: list[_Number] = []
        for match in _DIGITS.finditer(folded):
            following = self._word_run(folded, match.end(), by_start, scales_only=True)
            used.update(id(m) for m in following)
            end = following[-1].end if following else match.end()
            value = _words_value([m.payloads[0] for m in following], _digit_value(match.group()))
            out.append(_Number(match.start(), end, value))
        percent = self._tables.percent
        for match in words:
            if id(match) in used or percent.match(folded, match.word_start):
                continue  # «بالمائة» after «5ر3» joined to a word is a percent sign, not 100
            run = self._word_run(folded, match.word_start, by_start, scales_only=False)
            used.update(id(m) for m in run)
            out.append(
                _Number(run[0].start, run[-1].end, _words_value([m.payloads[0] for m in run]))
            )
        out.sort(key=lambda n: n.start)
        return _joined_parts(folded, out)

    def _word_run(
        self, folded: str, position: int, by_start: dict[int, Match], *, scales_only: bool
    ) -> list[Match]:
        """Number words that follow each other from `position` («خمسة وعشرين ألفا»)."""
        assert self._tables is not None
        run: list[Match] = []
        while True:
            if (run or scales_only) and self._tables.percent.match(folded, position):
                return run  # «15 بالمئة» is fifteen percent, not 1500
            gap = (
                len(folded[position:]) - len(folded[position:].lstrip(" "))
                if run or scales_only
                else 0
            )
            match = by_start.get(position + gap)
            if match is None or (scales_only and not run and match.payloads[0][1] == "cardinal"):
                return run
            if run and match.prefix not in ("", "و", "ال", "وال"):
                return run
            if run and match.prefix in ("و", "وال") and not _compound(run[-1], match):
                return run  # «طفلان وثلاث نساء» are two counts, not five
            run.append(match)
            position = match.end

    def _classify(self, folded: str, number: _Number, currencies: dict[int, Match]) -> Amount:
        assert self._tables is not None
        start, end = number.start, number.end
        qualifier = self._tables.qualifier.search(folded, max(0, start - 20), start)
        if qualifier:
            start = qualifier.start()
        kind, unit = "number", None
        percent = self._tables.percent.match(folded, end)
        gap = len(folded[end:]) - len(folded[end:].lstrip())
        currency = currencies.get(end + gap) or currencies.get(end)
        before = self._tables.before.search(folded, max(0, start - 40), start)
        if percent:
            kind, unit, end = "percent", "%", percent.end()
        elif currency is not None:
            kind, unit, end = "money", currency.payloads[0], currency.end
            if _DOT_THOUSANDS.fullmatch(folded, number.start, number.end) and unit not in _MILLS:
                # «10.000 ريال»: riyals have no thousandths, the dot groups thousands
                number = _Number(number.start, number.end, number.value * 1000)
        elif before:
            kind = self._tables.casualty[before.group("word")]
        else:
            after = self._tables.after.match(folded, end)
            if after:
                kind = self._tables.casualty[after.group("word")]
        return Amount(start, end, folded[start:end], number.value, unit, kind)


def _joined_parts(folded: str, numbers: list[_Number]) -> list[_Number]:
    """«مليون و200 ألف»: a number in words, then «و» and a smaller one in digits, is one
    number (1,200,000), as a compound in words is («ألف وخمسمئة»)."""
    out: list[_Number] = []
    for number in numbers:
        last = out[-1] if out else None
        if (
            last is not None
            and last.value >= 100
            and last.value > number.value
            and last.value % 100 == 0
            and _AND_GAP.fullmatch(folded, last.end, number.start)
            and not folded[last.start].isdigit()
            and not _PERCENT_WORD_BEFORE.search(folded, max(0, last.start - 6), last.start)
        ):
            out[-1] = _Number(last.start, number.end, last.value + number.value)
        else:
            out.append(number)
    return out


def _listed_after(folded: str, previous: tuple[int, str], start: int) -> str | None:
    """«بمقتل 10 عناصر من التنظيم و18 مقاتلا»: a count joined by «و» to a casualty count
    (`previous`: its end and kind, in folded offsets), within the same clause, counts the
    same casualties."""
    end, kind = previous
    gap = folded[end:start]
    if len(gap) > 40 or not _JOINED.search(gap) or _CLAUSE_END.search(gap):
        return None
    return kind


def _to_original(amount: Amount, text: str, mapping: OffsetMap) -> None:
    amount.start, amount.end = mapping.span(amount.start, amount.end)
    while amount.end < len(text) and text[amount.end] != " " and not fold_text(text[amount.end]):
        amount.end += 1
    amount.text = text[amount.start : amount.end]
