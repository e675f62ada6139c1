"""Clause breaks for event roles come from clause_breaks.tsv."""

from pathlib import Path

import pytest

from khabar.errors import KnowledgeBaseError
from khabar.extract.clause_breaks import clause_break_pattern

HEADER = "kind\tform\tmatch\tnote\n"


def breaks(text: str, path: Path | None = None) -> list[str]:
    pattern = clause_break_pattern.__wrapped__(path) if path else clause_break_pattern()
    return [text[m.start() :] for m in pattern.finditer(text)]


def test_waw_conjunction_after_a_comma_opens_a_clause():
    text = "هاجم مسلحون القرية، وقالت الشرطة إنهم فروا"
    assert breaks(text) == ["، وقالت الشرطة إنهم فروا"]


def test_root_waw_nouns_and_whole_words():
    assert breaks("التقى الأمير، وزير الخارجية، في الرياض") == []
    assert breaks("استقبله الملك، ولي العهد حاضر") == []
    assert len(breaks("استقبله الملك، وليد حاضر")) == 1  # «ولي» is listed as a whole word


def test_openers_and_punctuation():
    text = "قصفت الطائرات المدينة في حين نفى الجيش؛ ثم قال: لا"
    assert [b[:6] for b in breaks(text)] == [" في حي", "؛ ثم ق", ": لا"]


def test_a_users_file_adds_words(tmp_path: Path):
    path = tmp_path / "clause_breaks.tsv"
    path.write_text(HEADER + "opener\tبينما\tword\t\nroot_waw\tوكيل\tprefix\tdeputy\n")
    assert breaks("التقى المدير، وكيل الوزارة", path) == []
    assert len(breaks("التقى المدير، وزير المالية", path)) == 1  # not in this file


@pytest.mark.parametrize(
    "rows",
    ["verb\tقال\tword\t\n", "root_waw\tوزير\twhole\t\n", "root_waw\tوزير\tprefix\t\n"],
)
def test_bad_rows_are_named_by_file_and_line(tmp_path: Path, rows: str):
    path = tmp_path / "clause_breaks.tsv"
    path.write_text(HEADER + "opener\tبينما\tword\t\n" + rows + "root_waw\tوزير\tprefix\t\n")
    with pytest.raises(KnowledgeBaseError, match=rf"{path}(:\d+)?:"):
        clause_break_pattern.__wrapped__(path)
