"""Fast tagging with the NER CRF: the same tags and marginals as python-crfsuite, cheaper.

Handing crfsuite ~17 feature strings per token costs more than everything else in tagging:
each string is converted and looked up in the model's dictionary. Here the weights are read
once from the model file (exact doubles; `Tagger.info()` only gives them to 6 decimals), every
word type gets its summed weight vectors once (its own features and its contribution to each
neighbour), and a document's state scores are a few numpy gathers. crfsuite still does the
decoding, with a "unit" copy of the model (one attribute per label, weight 1 for that label,
the real transitions), so each token is handed over as its nine state scores: Viterbi and
marginals are crfsuite's own, on the same scores up to the order of summation. Even that
hand-over costs more than the rest, so a chunk whose best path is provably all O
(`_RunBounds`: over a third of the tokens of news) is tagged without crfsuite.
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
_OFFSETS = ("-2:", "-1:", "+1:", "+2:")  # the order of TypeTable.vectors[:, 1:]
PAD = 0  # the type id of no word (TypeTable)


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
        # type PAD: no word, zero vectors; it pads chunks apart in FastDecoder._scores
        self.stems: list[str] = [""]
        self.folded: list[str] = [""]
        self.nisba: list[bool] = [False]
        # [type, own | -2 | -1 | +1 | +2, label]: a type's rows side by side, as they are read
        self.vectors = np.zeros((1024, 5, self.state.shape[1]))
        self.pairs = np.zeros(1024, dtype=np.int8)  # 1: may open a stem bigram, 2: may close one

    def add_types(self, infos: list[tuple[str, Any]]) -> None:
        """Append new types: (folded word, its feature lists as FeatureExtractor makes them)."""
        first = len(self.stems)
        need = first + len(infos)
        if need > len(self.vectors):
            grown = np.zeros((max(need, 2 * len(self.vectors)), 5, self.state.shape[1]))
            grown[:first] = self.vectors[:first]
            self.vectors = grown
            self.pairs = np.concatenate([self.pairs, np.zeros(len(grown) - len(self.pairs),
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
        self.vectors[first:need, 0] = own
        self.vectors[first:need, 1:] = context


class FastDecoder:
    """Tags whole documents with the model of `tagger`, features from `extractor`."""

    def __init__(
        self, model_path: Path, tagger: Any, extractor: Any, limit: int = 300_000, info: Any = None
    ):
        """`info`: `tagger.info()` if the caller has it already."""
        self.labels, self.attr_row, state, trans, (unit_bytes, units) = read_model(
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
        self._runs = _RunBounds(trans, self._base)
        self._outside = self.labels[self._base]
        self._unset: Any = None  # the scores of a chunk tagged without crfsuite
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
        relative = scores[:, self._sent] - scores[:, base : base + 1]
        # a chunk whose best path is surely all O (most sentences name nothing) needs no
        # crfsuite: handing it the scores costs far more than this bound
        quiet = self._runs.quiet(relative, bounds)
        units = self._units
        tagger = self._unit_tagger
        outside = self._outside
        for (lo, hi), skip in zip(bounds, quiet, strict=True):
            if skip:
                self._unset = relative[lo:hi]
                yield lo, [outside] * (hi - lo)
                continue
            self._unset = None
            tagger.set(list(map(dict, map(zip, itertools.repeat(units), relative[lo:hi].tolist()))))
            yield lo, tagger.tag()

    def marginal(self, tag: str, position: int) -> float:
        if self._unset is not None:  # only tagged by the bound: crfsuite computes it now
            units = self._units
            rows = self._unset.tolist()
            self._unit_tagger.set(list(map(dict, map(zip, itertools.repeat(units), rows))))
            self._unset = None
        return self._unit_tagger.marginal(tag, position)

    def scores(self, words: list[str], bounds: list[tuple[int, int]]) -> Any:
        """State scores [token, label] of `words`, each chunk [lo, hi) a sequence of its own
        (the chunks follow each other and cover `words`)."""
        return self._scores(self._type_ids(words), bounds)

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

    def _scores(self, tids: list[int], bounds: list[tuple[int, int]]) -> Any:
        table = self.table
        # each chunk between two padding types (zero vectors): a neighbour's contribution is
        # a shifted slice, and adding a zero row leaves every sum's bits as they were
        padded = [PAD, PAD]
        for lo, hi in bounds:
            padded += tids[lo:hi]
            padded += (PAD, PAD)
        ids = np.array(padded)
        vectors = table.vectors[ids]
        # own, then -2, -1, +1, +2, then BOS/EOS: the order the sums were always made in
        scores = vectors[2:-2, 0] + vectors[:-4, 1]
        scores += vectors[1:-3, 2]
        scores += vectors[3:-1, 3]
        scores += vectors[4:, 4]
        lengths = [hi - lo for lo, hi in bounds]
        shift = np.repeat(np.arange(0, 2 * len(bounds), 2), lengths)
        at = np.arange(len(tids)) + shift  # where token j sits in `scores`
        scores = scores[at]
        starts = [lo for lo, _ in bounds]
        scores[starts] += self.bos
        scores[[hi - 1 for _, hi in bounds]] += self.eos
        pairs = table.pairs[ids]
        stems = table.stems
        get = self.attr_row.get
        rows: list[int] = []
        where: list[int] = []
        # a padding type opens and closes nothing, so no bigram crosses a chunk's edge
        for j in np.flatnonzero((pairs[at + 1] & 1) & (pairs[at + 2] >> 1)).tolist():
            row = get(f"s-|s={stems[tids[j - 1]]}|{stems[tids[j]]}")
            if row is not None:
                where.append(j)
                rows.append(row)
        folded = list(map(table.folded.__getitem__, tids))
        nisba = list(map(table.nisba.__getitem__, tids))
        chunk_ids = np.repeat(np.arange(len(bounds)), lengths)
        for j, feature in self.fx.dictionary_features(folded, bounds, nisba, chunk_ids):
            row = get(feature)
            if row is not None:
                where.append(j)
                rows.append(row)
        if where:  # one by one, in order: a token's sum keeps its order of terms
            np.add.at(scores, where, self.state[rows])
        return scores


_MARGIN = 1e-3  # far above the rounding of any path score, far below a real score gap


class _RunBounds:
    """An upper bound on how much any path with a non-O tag can beat the all-O path.

    Relative to the all-O path, a run of non-O tags over tokens a..b adds their state scores
    (relative to O), the transition into it (from O, or none at a chunk start), the ones
    inside it and the one out of it (to O, or none at a chunk end), each transition minus
    O→O. Taking, per token, its best label with the best transition into that label gives a
    one-number recurrence per token. When the best run is still below -_MARGIN, crfsuite's
    Viterbi returns all O: its rounding errors are many orders of magnitude smaller."""

    def __init__(self, trans: Any, base: int):
        others = [k for k in range(trans.shape[0]) if k != base]
        gain = trans - trans[base, base]
        # per non-O label: from O, from the best non-O label, from nothing (a chunk start)
        self.into = np.stack(
            [gain[base, others], gain[np.ix_(others, others)].max(axis=0), np.zeros(len(others))]
        )
        self.exit = float(gain[others, base].max())  # the best label → O

    def quiet(self, relative: Any, bounds: list[tuple[int, int]]) -> list[bool]:
        """Per chunk [lo, hi) of `relative` (token x non-O label, scores minus the O score):
        True when its best path is all O by more than _MARGIN."""
        best = (relative[:, None, :] + self.into).max(axis=2).tolist()
        exit_, limit = self.exit, -_MARGIN
        quiet: list[bool] = []
        for lo, hi in bounds:
            run = best[lo][2]  # the best run ending at the current token
            for opening, going_on, _ in best[lo + 1 : hi]:
                if run + exit_ >= limit:
                    break
                run += going_on
                if opening > run:
                    run = opening
            else:
                quiet.append(run < limit)
                continue
            quiet.append(False)
        return quiet


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
