"""The document-level indexes of the event stage give what the per-sentence scans gave."""

from __future__ import annotations

from khabar.doc import Entity, Mention
from khabar.extract.event_actors import MentionIndex, Participant
from khabar.extract.event_context import _TOKEN, match_bounds
from khabar.extract.event_country import CountryFiller
from khabar.text.tokens import WORD

TEXT = "  قال الرئيسُ 12 مرة،والوزير ـــ abc3d  مصورا فرنسيا هنا  "


def _scan(entities: list[Entity], start: int, end: int) -> list[tuple[int, int, str | None]]:
    return [
        (m.start, m.end, e.id)
        for e in entities
        for m in e.mentions
        if start <= m.start and m.end <= end
    ]


def test_mention_index_keeps_entity_then_mention_order() -> None:
    entities = [
        Entity(
            id="a", name="a", type="PER", mentions=[Mention(30, 34, "xxxx"), Mention(2, 5, "xxx")]
        ),
        Entity(
            id="b", name="b", type="ORG", mentions=[Mention(2, 5, "xxx"), Mention(10, 20, "y" * 10)]
        ),
        Entity(id="c", name="c", type="LOC", mentions=[Mention(19, 25, "z" * 6)]),
    ]
    index = MentionIndex(entities)
    for start, end in [(0, 40), (2, 20), (3, 25), (10, 19), (5, 5), (0, 34)]:
        got = [(p.start, p.end, p.entity_id) for p in index.participants(start, end)]
        assert got == _scan(entities, start, end)
        assert all(isinstance(p, Participant) for p in index.participants(start, end))


def test_match_bounds_equals_finditer_on_a_slice() -> None:
    for pattern in (WORD, _TOKEN):
        for start, end in [(0, len(TEXT)), (3, 20), (5, 5), (2, 5), (14, 40)]:
            matches = list(pattern.finditer(TEXT[start:end]))
            starts, ends, found = match_bounds(pattern, TEXT, start, end)
            assert starts == [start + m.start() for m in matches]
            assert ends == [start + m.end() for m in matches]
            assert found == [m.group() for m in matches]


def test_nisbas_memo_agrees_with_lookup() -> None:
    filler = CountryFiller({"فرنسي": "FRA"})
    for _ in range(2):  # the second pass is served from the memo
        got = filler._nisbas(TEXT, (0, len(TEXT)))
        assert got == {"فرنسيا": "FRA"}
    assert filler._nisbas(TEXT, (0, 10)) == {}
