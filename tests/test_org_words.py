"""The organisation word table and reading words back to its forms."""

from __future__ import annotations

import pytest

from kg.org_words import TableError, fold_proper, read_rows, split_words, table_size


def test_the_table_is_versioned_and_large_enough() -> None:
    sizes = table_size()
    assert sizes["head"] + sizes["state"] + sizes["modifier"] >= 150
    with pytest.raises(TableError, match="version"):
        read_rows("# version\t0\nhead\tx\ta\tb\tc\n")
    with pytest.raises(TableError, match=r"org_words.tsv:2"):
        read_rows("# version\t1\nhead\tx\ta\n")


def test_words_keep_whether_they_are_quoted() -> None:
    assert split_words("«Жасыл Көпір» қоры") == [("Жасыл", True), ("Көпір", True), ("қоры", False)]


def test_a_proper_part_folds_alike_in_every_script() -> None:
    assert fold_proper("Қазақстанның") == fold_proper("Казахстан") == fold_proper("Kazakhstan")
