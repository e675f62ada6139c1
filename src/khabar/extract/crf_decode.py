"""Fast tagging with the NER CRF: the same tags and marginals as python-crfsuite, cheaper.

Handing crfsuite ~17 feature strings per token costs more than everything else in tagging:
each string is converted and looked up in the model's dictionary. Here the weights are read
once from the model file (exact doubles; `Tagger.info()` only gives them to 6 decimals), every
word type gets its summed weight vectors once (its own features and its contribution to each
neighbour), and a document's state scores are a few numpy gathers. crfsuite still does the
decoding, with a "unit" copy of the model (one attribute per label, weight 1 for that label,
the real transitions), so each token is handed over as its nine state scores: Viterbi and
marginals are crfsuite's own, on the same scores up to the order of summation.
"""

from __future__ import annotations

import itertools
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = 12
_FEATURE = struct.Struct("<IIId")
_OFFSETS = ("-2:", "-1:", "+1:", "+2:")  # the order of TypeTable.vectors[1:]


def read_weights(
    model_path: Path, tagger: Any, info: Any = None
) -> tuple[list[str], dict[str, int], Any, Any]:
    labels, attr_row, state, trans, _ = read_model(model_path, tagger, info)
    return labels, attr_row, state, trans


def read_model(
    model_path: Path, tagger: Any, info: Any = None
) -> tuple[list[str], dict[str, int], Any, Any, Any]:
    """`read_weights`, plus the unit model (`_unit_model`) and its attribute per label."""
    """(labels, attribute -> row, state weights (attributes + 1 zero row) x labels, transitions).

    The attribute names come from `tagger.info()`, which lists the state features in the
    model file's order (attribute by attribute, in each attribute's reference order); the
    weights come from the file itself, so they are the exact doubles crfsuite uses."""
    data = Path(model_path).read_bytes()
    (_magic, _size, _kind, _ver, _nf, n_labels, n_attrs, off_feat, _ol, _oa, _olr, off_attr) = (
        _HEADER.unpack_from(data, 0)
    )
    labels = list(tagger.labels())
    label_id = {name: i for i, name in enumerate(labels)}
    info = info if info is not None else tagger.info()
    names = iter(info.state_features)
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    attr_row: dict[str, int] = {}
    attr_names: dict[int, str] = {}
    refs = struct.unpack_from(f"<{n_attrs}I", data, off_attr + _CHUNK)
    for aid, ref in enumerate(refs):
        (count,) = struct.unpack_from("<I", data, ref)
        for fid in struct.unpack_from(f"<{count}I", data, ref + 4):
            kind, src, dst, weight = _FEATURE.unpack_from(data, off_feat + _CHUNK + 20 * fid)
            attr, label = next(names)
            if kind != 0 or src != aid or label_id[label] != dst:
                raise ValueError(f"{model_path}: unexpected feature layout at attribute {aid}")
            row = attr_row.setdefault(attr, len(attr_row))
            attr_names[aid] = attr
            state[row, dst] = weight
    (_, _, n_features) = struct.unpack_from("<4sII", data, off_feat)
    for fid in range(n_features):
        kind, src, dst, weight = _FEATURE.unpack_from(data, off_feat + _CHUNK + 20 * fid)
        if kind == 1:
            trans[src, dst] = weight
    for (src_name, dst_name), weight in info.transitions.items():
        if abs(trans[label_id[src_name], label_id[dst_name]] - weight) > 1e-5:
            raise ValueError(f"{model_path}: transition weights do not match the model's dump")
    state = state[: len(attr_row) + 1]  # the last row stays zero: the sum of no features
    unit_bytes, units = _unit_model(data, refs, off_feat, n_labels)
    unit_names = [attr_names[units[k]] for k in range(n_labels)]
    return labels, attr_row, state, trans, (unit_bytes, unit_names)


def _unit_model(
    data: bytes, refs: Sequence[int], off_feat: int, n_labels: int
) -> tuple[bytes, dict[int, int]]:
    """The model file rewritten so that one attribute per label k has weight 1 for label k
    and 0 elsewhere, and every other state weight is 0; the transitions stay. Tagging items
    {unit_k: score_k} with it gives crfsuite exactly our state scores, so its forward-backward
    gives the marginals of the real model."""
    out = bytearray(data)
    units: dict[int, int] = {}  # label -> attribute id
    for aid, ref in enumerate(refs):
        (count,) = struct.unpack_from("<I", data, ref)
        fids = struct.unpack_from(f"<{count}I", data, ref + 4)
        dsts = [_FEATURE.unpack_from(data, off_feat + _CHUNK + 20 * fid)[2] for fid in fids]
        unit = next((d for d in dsts if d not in units), None)
        if unit is not None and len(units) < n_labels:
            units[unit] = aid
        for fid, dst in zip(fids, dsts, strict=True):
            weight = 1.0 if unit is not None and dst == unit and units.get(unit) == aid else 0.0
            struct.pack_into("<d", out, off_feat + _CHUNK + 20 * fid + 12, weight)
    if len(units) < n_labels:
        raise ValueError("model too small to carry unit attributes")
    return bytes(out), units


class TypeTable:
    """Summed weight vectors per word type: own features and the contribution to neighbours."""

    def __init__(self, state: Any, attr_row: dict[str, int], limit: int):
        self.state = state
        self.zero = state.shape[0] - 1
        self.attr_row = attr_row
        self.limit = limit
        # what a neighbour's features can be before their offset prefix, with the weights of
        # the four prefixed attributes: [core feature, offset, label]
        self.cores: dict[str, int] = {}
        for attr in attr_row:
            if attr[:3] in _OFFSETS:
                self.cores.setdefault(attr[3:], len(self.cores))
        self.core_weights = np.zeros((len(self.cores) + 1, len(_OFFSETS), state.shape[1]))
        for attr, row in attr_row.items():
            if attr[:3] in _OFFSETS:
                self.core_weights[self.cores[attr[3:]], _OFFSETS.index(attr[:3])] = state[row]
        self.bigram_firsts: set[str] = set()
        self.bigram_seconds: set[str] = set()
        for attr in attr_row:
            if attr.startswith("s-|s="):
                body = attr[5:]  # a stem may hold «|» itself: keep every way to split
                for i, char in enumerate(body):
                    if char == "|":
                        self.bigram_firsts.add(body[:i])
                        self.bigram_seconds.add(body[i + 1 :])
        self.clear()

    def clear(self) -> None:
        self.ids: dict[str, int] = {}  # word as written -> type id
        self.folded_ids: dict[str, int] = {}
        self.stems: list[str] = []
        self.folded: list[str] = []
        self.nisba: list[bool] = []
        self.vectors = np.zeros((5, 1024, self.state.shape[1]))  # own, -2, -1, +1, +2
        self.pairs = np.zeros(1024, dtype=np.int8)  # 1: may open a stem bigram, 2: may close one

    def add_types(self, infos: list[tuple[str, Any]]) -> None:
        """Append new types: (folded word, its feature lists as FeatureExtractor makes them)."""
        first = len(self.stems)
        need = first + len(infos)
        if need > self.vectors.shape[1]:
            grown = np.zeros((5, max(need, 2 * self.vectors.shape[1]), self.state.shape[1]))
            grown[:, :first] = self.vectors[:, :first]
            self.vectors = grown
            self.pairs = np.concatenate([self.pairs, np.zeros(grown.shape[1] - len(self.pairs),
                                                              dtype=np.int8)])  # fmt: skip
        names: list[str] = []
        bounds: list[int] = []
        cores: list[int] = []
        core_bounds: list[int] = []
        no_core = len(self.cores)
        core_get = self.cores.get
        for folded, (feats, core, stem, nisba) in infos:
            self.folded.append(folded)
            bounds.append(len(names))
            names += feats
            names.append("")  # no segment is empty, so reduceat sums every one
            core_bounds.append(len(cores))
            cores += map(core_get, core, itertools.repeat(no_core, len(core)))
            cores.append(no_core)
            self.stems.append(stem)
            self.nisba.append(nisba)
        get, zero = self.attr_row.get, self.zero
        # every row is gathered, unknown attributes as zero rows: reduceat sums long segments
        # pairwise, so leaving rows out would regroup the sums and change their last bits
        rows = list(map(get, names, itertools.repeat(zero, len(names))))
        own = np.add.reduceat(self.state[rows], bounds, axis=0)
        context = np.add.reduceat(self.core_weights[cores], core_bounds, axis=0)
        self.pairs[first:need] = [
            (stem in self.bigram_firsts) + 2 * (stem in self.bigram_seconds)
            for stem in self.stems[first:need]
        ]
        self.vectors[0, first:need] = own
        self.vectors[1:, first:need] = context.transpose(1, 0, 2)


class FastDecoder:
    """Tags whole documents with the model of `tagger`, features from `extractor`."""

    def __init__(
        self, model_path: Path, tagger: Any, extractor: Any, limit: int = 300_000, info: Any = None
    ):
        """`info`: `tagger.info()` if the caller has it already."""
        self.labels, self.attr_row, state, _, (unit_bytes, units) = read_model(
            model_path, tagger, info
        )
        import pycrfsuite

        self._unit_bytes = unit_bytes  # crfsuite reads the model from this buffer: keep it
        self._unit_tagger = pycrfsuite.Tagger()
        self._unit_tagger.open_inmemory(unit_bytes)
        # every path has one label per token, so scores shifted per token give the same tags
        # and marginals: relative to O, the O attribute need not be sent at all
        self._base = self.labels.index("O") if "O" in self.labels else 0
        self._sent = [k for k in range(len(units)) if k != self._base]
        self._units = [units[k].encode("utf-8") for k in self._sent]  # bytes: taken as they are
        self.state = state
        self.fx = extractor
        self.table = TypeTable(state, self.attr_row, limit)
        zero = state[-1]
        self.bos = state[self.attr_row["BOS"]] if "BOS" in self.attr_row else zero
        self.eos = state[self.attr_row["EOS"]] if "EOS" in self.attr_row else zero

    def chunks(
        self, words: list[str], bounds: list[tuple[int, int]]
    ) -> Iterator[tuple[int, list[str]]]:
        """(first token, tags) per chunk [lo, hi) of `words`; until the next chunk comes,
        `marginal(tag, position in chunk)` gives the marginal probabilities of this one."""
        scores = self.scores(words, bounds)
        base = self._base
        scores = (scores[:, self._sent] - scores[:, base : base + 1]).tolist()
        units = self._units
        tagger = self._unit_tagger
        items = list(map(dict, map(zip, itertools.repeat(units), scores)))
        for lo, hi in bounds:
            tagger.set(items[lo:hi])
            yield lo, tagger.tag()

    def marginal(self, tag: str, position: int) -> float:
        return self._unit_tagger.marginal(tag, position)

    def scores(self, words: list[str], bounds: list[tuple[int, int]]) -> Any:
        """State scores [token, label] of `words`, each chunk [lo, hi) a sequence of its own."""
        tids = self._type_ids(words)
        starts = [lo for lo, _ in bounds]
        ends = [hi - 1 for _, hi in bounds]
        chunk_ids = np.repeat(np.arange(len(bounds)), [hi - lo for lo, hi in bounds])
        return self._scores(tids, chunk_ids, bounds, starts, ends)

    def _type_ids(self, words: list[str]) -> list[int]:
        table = self.table
        if len(table.stems) > table.limit:
            table.clear()
        get = table.ids.get
        tids = list(map(get, words, itertools.repeat(-1, len(words))))
        if -1 in tids:
            fresh: list[Any] = []
            for i, tid in enumerate(tids):
                if tid < 0:
                    tids[i] = self._new_type(words[i], fresh)
            if fresh:
                table.add_types(fresh)
        return tids

    def _new_type(self, word: str, fresh: list[Any]) -> int:
        table = self.table
        tid = table.ids.get(word)
        if tid is not None:
            return tid
        folded = self.fx.fold(word)
        tid = table.folded_ids.get(folded)
        if tid is None:
            tid = len(table.stems) + len(fresh)
            table.folded_ids[folded] = tid
            fresh.append((folded, self.fx.raw_type_features(folded)))
        table.ids[word] = tid
        return tid

    def _scores(
        self, tids: list[int], chunk_ids: Any, bounds: list[tuple[int, int]],
        starts: list[int], ends: list[int],
    ) -> Any:  # fmt: skip
        vectors = self.table.vectors
        tid = np.array(tids)
        scores = vectors[0][tid]
        one = np.flatnonzero(chunk_ids[1:] == chunk_ids[:-1]) + 1
        two = np.flatnonzero(chunk_ids[2:] == chunk_ids[:-2]) + 2
        scores[two] += vectors[1][tid[two - 2]]
        scores[one] += vectors[2][tid[one - 1]]
        scores[one - 1] += vectors[3][tid[one]]
        scores[two - 2] += vectors[4][tid[two]]
        scores[starts] += self.bos
        scores[ends] += self.eos
        table = self.table
        stems = table.stems
        get = self.attr_row.get
        pairs = table.pairs
        positions = one[(pairs[tid[one - 1]] & 1) & (pairs[tid[one]] >> 1) == 1].tolist()
        for j in positions:
            row = get(f"s-|s={stems[tids[j - 1]]}|{stems[tids[j]]}")
            if row is not None:
                scores[j] += self.state[row]
        folded = list(map(table.folded.__getitem__, tids))
        nisba = list(map(table.nisba.__getitem__, tids))
        for j, feature in self.fx.dictionary_features(folded, bounds, nisba, chunk_ids):
            row = get(feature)
            if row is not None:
                scores[j] += self.state[row]
        return scores


def shift_state_weights(model_path: Path, attr: str, deltas: dict[str, float]) -> None:
    """Add `deltas[label]` to the weights of attribute `attr` in the model file, in place.

    With the always-on attribute «b», a delta on the B- labels makes every name a little
    likelier to start: a recall/precision trade-off (Minkov et al. 2006) kept inside the
    model, so crfsuite on feature strings and `FastDecoder` still give the same tags."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    labels = list(tagger.labels())
    names = iter(tagger.info().state_features)
    tagger.close()
    data = bytearray(Path(model_path).read_bytes())
    (_magic, _size, _kind, _ver, _nf, _nl, n_attrs, off_feat, _ol, _oa, _olr, off_attr) = (
        _HEADER.unpack_from(data, 0)
    )
    todo = dict(deltas)
    for ref in struct.unpack_from(f"<{n_attrs}I", data, off_attr + _CHUNK):
        (count,) = struct.unpack_from("<I", data, ref)
        for fid in struct.unpack_from(f"<{count}I", data, ref + 4):
            name, _ = next(names)
            where = off_feat + _CHUNK + 20 * fid
            _, _, dst, weight = _FEATURE.unpack_from(data, where)
            if name == attr and labels[dst] in todo:
                struct.pack_into("<d", data, where + 12, weight + todo.pop(labels[dst]))
    if todo:  # L1 training dropped that weight: there is no slot to shift
        raise ValueError(f"{model_path}: no weight of {attr!r} for {sorted(todo)}")
    Path(model_path).write_bytes(bytes(data))
