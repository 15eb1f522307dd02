"""The training script's data handling: reading KazNERD-style files and splitting by id."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.errors import InputError
from tests.conftest import REPO


def _load_script() -> ModuleType:
    path = REPO / "scripts" / "train_kk_ner.py"
    spec = importlib.util.spec_from_file_location("train_kk_ner", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building
    spec.loader.exec_module(module)
    return module


train_kk_ner = _load_script()

_WORDS = ("Бүгін", "Арман", "Бекұлы", "келді", ".")
_TAGS = ("O", "B-PERSON", "I-PERSON", "O", "O")


def _write_corpus(path: Path, ids: list[str]) -> Path:
    blocks = []
    for sent_id in ids:
        lines = [f"{sent_id} O"] + [f"{w} {t}" for w, t in zip(_WORDS, _TAGS, strict=True)]
        blocks.append("\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


# Three spellings of sentence 7 and two of sentence 12, as KazNERD has (AID/BID/CID).
_IDS = [f"AID{n}" for n in range(1, 41)] + ["BID7", "CID7", "BID12", "BID33"]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Any]:
    return list(train_kk_ner.read_sentences(_write_corpus(tmp_path / "c.txt", _IDS)))


def test_read_sentences_keeps_ids_words_and_tags(corpus: list[Any]) -> None:
    assert len(corpus) == len(_IDS)
    first = corpus[0]
    assert first.id == "AID1"
    assert first.words == _WORDS
    assert first.tags == _TAGS


def test_split_keeps_each_id_number_in_one_part(corpus: list[Any]) -> None:
    parts = train_kk_ner.split_by_group(corpus, seed=3)
    part_of_group: dict[str, set[int]] = {}
    for index, part in enumerate(parts):
        for sentence in part:
            part_of_group.setdefault(sentence.group, set()).add(index)
    assert all(len(indices) == 1 for indices in part_of_group.values())
    assert sum(len(part) for part in parts) == len(corpus)
    assert all(parts), "every part gets some sentences"


def test_split_is_deterministic_and_depends_on_the_seed(corpus: list[Any]) -> None:
    def ids(seed: int) -> list[list[str]]:
        return [[s.id for s in part] for part in train_kk_ner.split_by_group(corpus, seed=seed)]

    assert ids(0) == ids(0)
    assert ids(0) != ids(1)


def test_split_sizes_follow_the_fractions(corpus: list[Any]) -> None:
    train, dev, test = train_kk_ner.split_by_group(corpus, seed=0)
    train_groups = {s.group for s in train}
    dev_groups = {s.group for s in dev}
    test_groups = {s.group for s in test}
    n_groups = len(train_groups | dev_groups | test_groups)
    f_train, f_dev, _ = train_kk_ner.FRACTIONS
    assert len(train_groups) == round(n_groups * f_train)
    assert len(dev_groups) == round(n_groups * f_dev)
    assert len(test_groups) == n_groups - len(train_groups) - len(dev_groups)


def test_keep_labels_drops_others_and_repairs_inner_tags() -> None:
    tags = ("B-MONEY", "I-MONEY", "I-PERSON", "I-PERSON", "O", "B-GPE")
    kept = train_kk_ner.keep_labels(tags, ["PERSON", "GPE"])
    assert kept == ("O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE")


def test_malformed_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("AID1 O\nсөз\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:2"):
        train_kk_ner.read_sentences(path)


def test_id_without_a_number_is_an_error(tmp_path: Path) -> None:
    (sentence,) = train_kk_ner.read_sentences(_write_corpus(tmp_path / "c.txt", ["IDX"]))
    with pytest.raises(InputError, match="IDX"):
        _ = sentence.group
