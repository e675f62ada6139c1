"""The clean stage's data files load, have no conflicting rows, and bad rows name file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.clean.rules import load_rules
from khabar.clean.sources import load_agencies, load_outlets, name_key
from khabar.errors import KnowledgeBaseError
from khabar.kb.tsv import data_path, read_tsv, split_list


def test_clean_data_agency_variants_are_unambiguous() -> None:
    owners: dict[str, str] = {}
    for _, row in read_tsv(data_path("agencies.tsv"), ["name", "kind", "variants", "note"]):
        for variant in split_list(row["variants"]):
            key = name_key(variant)
            assert owners.setdefault(key, row["name"]) == row["name"], variant
    agencies, _ = load_agencies(data_path("agencies.tsv"))
    assert agencies[name_key("أ ف ب")].name == "AFP"
    assert agencies[name_key("وكالات")].name is None  # a generic credit


def test_clean_data_outlets_load() -> None:
    by_name, by_host, variants = load_outlets(data_path("outlets.tsv"))
    assert by_name[name_key("الرياض")].place
    assert not by_name[name_key("سكاي نيوز عربية")].place
    assert by_host["jawharafm.net"].name == "Jawhara FM"
    assert len(variants) >= 40


def test_clean_data_boilerplate_rules_load() -> None:
    rules = load_rules()
    assert rules.exact_kind("(تستمر)") == "continue"
    assert rules.exact_kind("// انتهى //") == "marker"
    assert rules.starts("cut", "أفكارك وتعليقاتك") is not None
    assert (
        rules.starts("cut", "التعليقات التي أدلى بها الوزير أمس أثارت جدلا واسعا في البرلمان")
        is None
    )
    assert rules.search("tail_regex", "someone@example.org")


@pytest.mark.parametrize(
    ("loader", "content", "line"),
    [
        (
            load_agencies,
            "name\tkind\tvariants\tnote\nReuters\twire\tرويترز\t\nX\tbogus\tاكس\t\n",
            3,
        ),
        (load_agencies, "name\tkind\tvariants\tnote\n\twire\tرويترز\t\n", 2),
        (load_outlets, "name\tnames\thosts\tplace\tnote\nX\t\t\t\t\n", 2),
        (load_outlets, "name\tnames\thosts\tplace\tnote\nX\tاكس\t\tyes\t\n", 2),
        (load_rules, "phrase\tkind\tmax_words\tnote\nشارك\tline\tone\t\n", 2),
        (load_rules, "phrase\tkind\tmax_words\tnote\nشارك\tsometimes\t\t\n", 2),
        (load_rules, "phrase\tkind\tmax_words\tnote\n\n# c\n(unclosed\ttail_regex\t\t\n", 4),
    ],
)
def test_clean_data_bad_rows_name_file_and_line(
    tmp_path: Path, loader: object, content: str, line: int
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=rf"bad\.tsv:{line}:"):
        loader(path)  # type: ignore[operator]
