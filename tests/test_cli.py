"""The command line: summaries, outputs, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cache import CACHE_FOLDER
from kg.cli import app

runner = CliRunner()


def test_help_of_every_command_has_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Example: kg " in result.output, name


def test_build_prints_a_summary_and_writes_outputs(tmp_path: Path, examples_dir: Path) -> None:
    article = examples_dir / "kk-zhasyl-dala-2024.txt"
    result = runner.invoke(app, ["build", str(article), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Read 1 articles" in result.output
    assert "people" in result.output and "memberships" in result.output
    assert str(tmp_path) in result.output
    assert (tmp_path / "graph.ttl").is_file()


def test_format_selects_outputs(tmp_path: Path, examples_dir: Path) -> None:
    article = examples_dir / "kk-zhasyl-dala-2024.txt"
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path), "-f", "turtle"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["graph.ttl"]
    assert (tmp_path / CACHE_FOLDER).is_dir()


def test_unknown_format_is_a_usage_error_listing_the_known_ones(
    tmp_path: Path, examples_dir: Path
) -> None:
    result = runner.invoke(
        app, ["build", str(examples_dir), "-o", str(tmp_path), "-f", "turtle,xlsx"]
    )
    assert result.exit_code == 2
    assert "xlsx" in result.output and "turtle" in result.output
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_missing_input_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["build", str(missing), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert str(missing) in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_folder_without_articles_fails_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no readable articles" in result.output
    assert not (tmp_path / "out").exists()


def _mixed_folder(tmp_path: Path, examples_dir: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    good = (examples_dir / "kk-zhasyl-dala-2024.txt").read_text(encoding="utf-8")
    (folder / "good.txt").write_text(good, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "lines.jsonl").write_text('{"text": "Ол келді."}\n{broken\n', encoding="utf-8")
    return folder


def test_bad_files_are_skipped_and_reported(tmp_path: Path, examples_dir: Path) -> None:
    folder = _mixed_folder(tmp_path, examples_dir)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output
    assert "lines.jsonl:2" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    skipped = {(Path(s["path"]).name, s["line"]) for s in report["skipped"]}
    assert ("empty.txt", None) in skipped and ("lines.jsonl", 2) in skipped


def test_max_bytes_skips_a_larger_file_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    small = "Марат Омаров – «Жайлау» қорының директоры. Қор жастармен жұмыс істейді."
    (folder / "small.txt").write_text(small, encoding="utf-8")
    (folder / "large.txt").write_text(small + " Жиын өтті." * 40, encoding="utf-8")
    limit = len(small.encode("utf-8")) + 10
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--max-bytes", str(limit)])
    assert result.exit_code == 0, result.output
    assert "large.txt" in result.output and "too large" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in report["skipped"]] == ["large.txt"]
    assert "Read 1 articles" in result.output


def test_max_bytes_must_be_positive(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path), "--max-bytes", "0"])
    assert result.exit_code == 2 and "--max-bytes" in result.output


def test_strict_stops_at_the_first_bad_file(tmp_path: Path, examples_dir: Path) -> None:
    folder = _mixed_folder(tmp_path, examples_dir)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output or "lines.jsonl" in result.output
    assert not out.exists()


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import EXAMPLES

    out = tmp_path_factory.mktemp("small")
    result = runner.invoke(
        app,
        ["build", str(EXAMPLES / "kk-zhasyl-dala-2024.txt"), "-o", str(out), "-f", "turtle", "-q"],
    )
    assert result.exit_code == 0, result.output
    return out


def test_query_prints_a_table_of_people(small_build: Path) -> None:
    sparql = "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name"
    result = runner.invoke(app, ["query", str(small_build), sparql])
    assert result.exit_code == 0, result.output
    assert "Сәуле Бекмұханова" in result.output
    assert "rows)" in result.output


def test_query_json_is_sparql_results_json(small_build: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?o WHERE { ?o a org:Organization }", encoding="utf-8")
    result = runner.invoke(
        app, ["query", str(small_build), "--file", str(query_file), "-o", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["head"]["vars"] == ["o"]
    assert payload["results"]["bindings"]


def test_bad_query_is_a_one_line_error(small_build: Path) -> None:
    result = runner.invoke(app, ["query", str(small_build), "SELECT WHERE {"])
    assert result.exit_code == 1
    assert result.output.startswith("kg: error: query failed")
    assert len(result.output.strip().splitlines()) == 1


def test_query_of_a_missing_graph_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path / "none"), "ASK {}"])
    assert result.exit_code == 1
    assert "none" in result.output


def test_stats_lists_counts_and_top_organisations(small_build: Path) -> None:
    result = runner.invoke(app, ["stats", str(small_build)])
    assert result.exit_code == 0, result.output
    assert "people" in result.output and "components" in result.output
    assert "Organisations by number of people" in result.output


def test_extractors_lists_the_kazakh_rules() -> None:
    result = runner.invoke(app, ["extractors"])
    assert result.exit_code == 0
    assert "kk.rules" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("civkg ")


def test_evaluate_takes_another_relation_model_and_names_a_broken_one(tmp_path: Path) -> None:
    from kg.extractors.relations import LinearModel, RelationModel

    (tmp_path / "en-1.txt").write_text(
        "Dana Omarova, director of the Steppe Water Institute, thanked the Aral Youth Union.",
        encoding="utf-8",
    )
    (tmp_path / "en-1.json").write_text(
        json.dumps(
            {
                "lang": "en",
                "persons": [{"name": "Dana Omarova"}],
                "organisations": [
                    {"name": "Steppe Water Institute"},
                    {"name": "Aral Youth Union"},
                ],
                "affiliations": [
                    {"person": "Dana Omarova", "organisation": "Steppe Water Institute"}
                ],
            }
        ),
        encoding="utf-8",
    )
    # A model that accepts every pair adds the one the sentence does not state.
    says_yes = tmp_path / "yes.json"
    RelationModel(LinearModel({"bias": 9.0}, 0.5)).save(says_yes)
    shipped = runner.invoke(app, ["evaluate", str(tmp_path)])
    other = runner.invoke(app, ["evaluate", str(tmp_path), "--relation-model", str(says_yes)])
    assert "affiliations   P 1.000  R 1.000" in shipped.output
    assert "affiliations   P 0.500  R 1.000" in other.output
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--relation-model", str(broken)])
    assert result.exit_code == 1
    assert "broken.json: cannot load the relation model" in result.output
