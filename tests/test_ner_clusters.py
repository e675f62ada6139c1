from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from khabar.extract.crf import FeatureExtractor, NerResources, read_clusters

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_clusters.py"


def _script() -> ModuleType:
    pytest.importorskip("scipy")
    spec = importlib.util.spec_from_file_location("build_clusters", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ner_clusters_kmeans_ignores_zero_vectors() -> None:
    module = _script()
    rng = np.random.default_rng(1)
    x = rng.standard_normal((60, 5)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x[:40] = 0  # words seen with no context in a one-sided window
    labels = module.spherical_kmeans(x, 8, 5)
    assert len(set(labels[40:].tolist())) > 1  # a NaN center would take every word


def test_ner_clusters_views_write_extra_columns(tmp_path: Path) -> None:
    module = _script()
    corpus = tmp_path / "news.jsonl.gz"
    names = ["سمير", "خالد", "منى", "هدى", "كريم", "رامي"]
    towns = ["طنطا", "حلب", "صفاقس", "وهران", "مراكش", "اربيل"]
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        for i in range(60):
            text = (
                f"قال {names[i % 6]} امس ان الوفد وصل الى {towns[i % 6]} صباحا "
                f"ثم التقى {names[(i + 1) % 6]} في {towns[(i + 2) % 6]} مساء"
            )
            handle.write(json.dumps({"title": "", "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "clusters.tsv"
    argv = [str(corpus), "--vocab", "40", "--contexts", "20", "--dim", "4", "--k", "2,4"]
    assert module.main([*argv, "--view=-1:3", "--view=1:3", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "--view=-1:3 --view=1:3" in lines[0]
    assert lines[1].split("\t") == ["word", "k2", "k4", "k3[-1]", "k3[1]"]
    clusters, ranks = read_clusters(out)
    assert all(len(ids) == 4 for ids in clusters.values())
    assert ranks["قال"] < ranks["طنطا"]
    feats = FeatureExtractor(NerResources(clusters=clusters, ranks=ranks)).sequence(["طنطا"])[0]
    assert {f.split("=")[0] for f in feats} >= {"k0", "k1", "k2", "k3"}


def test_ner_clusters_entity_bias_shifts_weights_in_model(tmp_path: Path) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from khabar.extract.crf_decode import shift_state_weights

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append([["b", "w=قال"], ["b", "w=سمير"], ["b", "w=امس"]], ["O", "B-PER", "O"])
    trainer.append([["b", "w=زار"], ["b", "w=حلب"]], ["O", "B-LOC"])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 30})
    model = tmp_path / "m.crf"
    trainer.train(str(model))

    def weights() -> dict[tuple[str, str], float]:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        return dict(tagger.info().state_features)

    before = weights()
    shift_state_weights(model, "b", {"B-PER": 0.5, "B-LOC": 0.5})
    after = weights()
    assert abs(after["b", "B-PER"] - before["b", "B-PER"] - 0.5) < 1e-5
    assert abs(after["b", "B-LOC"] - before["b", "B-LOC"] - 0.5) < 1e-5
    assert (
        after["b", "O"] == before["b", "O"]
        and after["w=سمير", "B-PER"] == before["w=سمير", "B-PER"]
    )
    with pytest.raises(ValueError, match="I-PER"):
        shift_state_weights(model, "b", {"I-PER": 1.0})
