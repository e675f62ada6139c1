"""Is a text Arabic? The share of Arabic letters among all letters, plus a rough guess otherwise.

Counting runs in C (byte counts on the UTF-8 encoding), never per character in Python. Persian and Urdu are written in
the Arabic script: their own letters (پ چ ژ گ; ٹ ڈ ڑ ں ے ۓ) tell them apart. ک, ی, ہ and ھ do not:
Iranian and Pakistani outlets type Arabic with them («الاسلامیة», «بوینت»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# UTF-8 lead bytes: 0xD8-0xDB start U+0600-U+06FF (Arabic), 0xDD U+0740-U+077F (Arabic
# supplement). Counting bytes runs at memory speed; a regex over every letter does not.
_ARABIC_LEADS = bytes((0xD8, 0xD9, 0xDA, 0xDB, 0xDD))
_OTHER_LEADS = bytes(range(0xC3, 0xCA)) + bytes(range(0xCE, 0xD8))  # Latin-1…Hebrew
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NOT_LETTER_CHARS = (
    r"\u060c\u061b\u061f\u0640\u0660-\u0669\u06f0-\u06f9\u064b-\u065f\u066a-\u066d\u06d4"
)
_NOT_LETTERS = re.compile(f"[{_NOT_LETTER_CHARS}]")
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefc]")
_PERSIAN = "پچژگ"
_URDU = "ٹڈڑںےۓ"
# a language uses its own letters often; Arabic names borrow them rarely
LANGUAGE_LETTER_SHARE = 0.005
_PERSIAN_OR_URDU = frozenset(_PERSIAN + _URDU)
# both sets in one scan: they have no character in common
_NOT_LETTERS_OR_PERSIAN = re.compile(f"[{_NOT_LETTER_CHARS}{_PERSIAN}{_URDU}]")


def _byte_classes() -> bytes:
    """A bytes.translate table: A for an Arabic lead byte, O for another script's, L for an
    ASCII letter; one pass maps the text, counting a class is then a memory-speed scan."""
    table = bytearray(b"." * 256)
    for leads, mark in ((_ARABIC_LEADS, b"A"), (_OTHER_LEADS, b"O"), (_ASCII_LETTERS, b"L")):
        for byte in leads:
            table[byte] = mark[0]
    return bytes(table)


_BYTE_CLASSES = _byte_classes()
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_WORDS = {
    "en": re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|on|said)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:le|la|les|des|et|est|une|du|dans|pour|qui|sur|au)\b", re.IGNORECASE),
    "es": re.compile(r"\b(?:el|los|las|del|y|que|por|una|con|para|es)\b", re.IGNORECASE),
    "de": re.compile(r"\b(?:der|die|das|und|ist|nicht|mit|den|von|ein|eine)\b", re.IGNORECASE),
}
SAMPLE = 200_000  # characters looked at: enough to decide, bounded on huge inputs


@dataclass(slots=True, frozen=True)
class LanguageGuess:
    language: str  # ar | fa | ur | en | fr | es | de | und
    arabic_share: float  # Arabic-script letters / all letters
    letters: int

    @property
    def is_arabic(self) -> bool:
        return self.language == "ar"


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def letter_counts(text: str) -> tuple[int, int]:
    """(Arabic-script letters, all letters), approximately: marks, digits and Arabic
    punctuation are taken out of the Arabic count; CJK and other scripts are not counted."""
    arabic, letters, _ = _counts(text)
    return arabic, letters


def _counts(text: str) -> tuple[int, int, bool]:
    """letter_counts, and whether a Persian or Urdu letter occurs (found by the same scan)."""
    data = text.encode("utf-8", "surrogatepass")
    classes = data.translate(_BYTE_CLASSES)
    arabic = classes.count(b"A")
    if b"\xef" in data:  # presentation forms (text from old PDFs) are Arabic letters too
        arabic += _count(_PRESENTATION, text)
    found = _NOT_LETTERS_OR_PERSIAN.findall(text) if arabic else []
    persian_or_urdu = sum(map(_PERSIAN_OR_URDU.__contains__, found))
    arabic -= len(found) - persian_or_urdu  # rare characters: the scan finds few
    letters = max(arabic, 0) + classes.count(b"O") + classes.count(b"L")
    return max(arabic, 0), letters, persian_or_urdu > 0


def guess_language(text: str, *, min_share: float = 0.6, min_letters: int = 20) -> LanguageGuess:
    """«ar» when Arabic-script letters dominate and the text is neither Persian nor Urdu."""
    sample = text[:SAMPLE]
    arabic, letters, persian_or_urdu = _counts(sample)
    share = arabic / letters if letters else 0.0
    if arabic >= min_letters and share >= min_share:
        # a count per letter only when there is one
        persian = urdu = 0
        if persian_or_urdu:
            persian = sum(sample.count(c) for c in _PERSIAN)
            urdu = sum(sample.count(c) for c in _URDU)
        # a few such letters occur in Arabic text (foreign names); a language uses many
        if max(persian, urdu) > LANGUAGE_LETTER_SHARE * arabic:
            return LanguageGuess("ur" if urdu > persian else "fa", share, letters)
        return LanguageGuess("ar", share, letters)
    if letters and _count(_LATIN, sample) / letters > 0.5:
        scores = {lang: _count(words, sample) for lang, words in _WORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        if scores[best] >= 3:
            return LanguageGuess(best, share, letters)
    return LanguageGuess("und", share, letters)
