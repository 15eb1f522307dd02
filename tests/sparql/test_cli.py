"""``kg query``: named queries, parameters, formats and errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.queries import named_queries

runner = CliRunner()


def test_list_shows_every_query_with_parameters() -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for query in named_queries().values():
        assert query.name in result.output and query.example in result.output
    assert "--param org=<organisation name>" in result.output


def test_named_query_as_csv(sample_dir: Path) -> None:
    args = ["query", str(sample_dir), "members-of", "--param", "org=togai", "-o", "csv"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {r["organisation"] for r in rows} == {"https://w3id.org/civkg/id/org-togai"}


def test_ad_hoc_query_as_json(sample_dir: Path) -> None:
    sparql = "SELECT ?a WHERE { ?a a civ:Memorandum }"
    result = runner.invoke(app, ["query", str(sample_dir / "graph.ttl"), sparql, "-o", "json"])
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    assert [b["a"]["value"] for b in bindings] == ["https://w3id.org/civkg/id/agreement-1"]


def test_query_file_with_header_takes_parameters(sample_dir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "named.rq"
    rq.write_text(
        "# name: by-lang\n# description: articles in one language\n"
        "# param: lang string -- language code\n# example: kg query out/ --file named.rq\n"
        "SELECT ?a WHERE { ?a schema:inLanguage $lang }\n",
        encoding="utf-8",
    )
    args = ["query", str(sample_dir), "--file", str(rq), "-p", "lang=en", "-o", "tsv"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["https://w3id.org/civkg/id/article-a3"]


def test_mistakes_are_one_line_errors(sample_dir: Path) -> None:
    unknown = runner.invoke(app, ["query", str(sample_dir), "member-of"])
    assert unknown.exit_code == 2 and "members-of" in unknown.output
    missing = runner.invoke(app, ["query", str(sample_dir), "members-of"])
    assert missing.exit_code == 2 and "--param org" in missing.output
    stray = runner.invoke(app, ["query", str(sample_dir), "ASK {}", "-p", "a=b"])
    assert stray.exit_code == 2 and "named queries only" in stray.output
    broken = runner.invoke(app, ["query", str(sample_dir), "SELECT WHERE {"])
    assert broken.exit_code == 1 and len(broken.output.strip().splitlines()) == 1
