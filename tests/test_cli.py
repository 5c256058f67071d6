"""The command line end to end: outputs, errors that never stop a batch, resume, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vigie.cli import app

runner = CliRunner()

ARTICLE = (
    "Le ministre annonce une réforme\n\n"
    "PARIS – Le ministre de l’Intérieur a déclaré mardi que « la réforme sera votée avant l’été ».\n\n"
    "L’opposition a dénoncé un passage en force."
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, "utf-8")
    (d / "b.txt").write_bytes(ARTICLE.encode("latin-1", "replace"))
    (d / "empty.txt").write_text("", "utf-8")
    (d / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (d / "recs.jsonl").write_text(
        json.dumps({"id": "r1", "text": ARTICLE, "published": "2023-03-07"}) + "\n{not json\n", "utf-8")
    return d


def test_a_bad_input_is_reported_and_the_batch_goes_on(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    res = runner.invoke(app, ["extract", str(inputs), "--out", str(out), "--published", "2023-03-07"])
    assert res.exit_code == 1
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == ["a.json", "b.json", "r1.json"]
    err = res.stderr
    assert "empty.txt" in err and "blob.txt" in err and "recs.jsonl:2" in err
    assert "3 analysed, 3 failed" in err
    assert "Traceback" not in err
    doc = json.loads((out / "a.json").read_text("utf-8"))
    assert doc["schema"] == "vigie/1" and doc["meta"]["published"] == "2023-03-07"
    assert doc["meta"]["title"] == "Le ministre annonce une réforme"


def test_rerun_resumes_without_duplicates(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    (inputs / "empty.txt").unlink()
    (inputs / "blob.txt").unlink()
    (inputs / "recs.jsonl").unlink()
    first = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert first.exit_code == 0, first.stderr
    stamp = (out / "a.json").stat().st_mtime_ns
    (inputs / "c.txt").write_text(ARTICLE.replace("mardi", "lundi"), "utf-8")
    again = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert again.exit_code == 0
    assert "1 analysed, 0 failed, 2 already done" in again.stderr
    assert (out / "a.json").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]


def test_missing_path_and_unsupported_language_are_clear_errors(tmp_path: Path):
    de = tmp_path / "de.txt"
    de.write_text("Die Regierung hat am Montag erklärt, dass die Steuern im nächsten Jahr steigen "
                  "werden. Der Minister sagte, das sei notwendig.", "utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(de), "--format", "json"])
    assert res.exit_code == 1
    assert "nope.txt" in res.stderr and "unsupported language 'de'" in res.stderr


def test_json_to_stdout_and_the_report(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE + "\n\nIl a ajouté : « [bold red]pas de markup[/bold red] ».", "utf-8")
    res = runner.invoke(app, ["extract", str(f), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["text"].startswith("Le ministre annonce")
    report = runner.invoke(app, ["extract", str(f)])
    assert report.exit_code == 0
    assert "[bold red]pas de markup[/bold red]" in report.stdout  # article text is never markup


def test_export_events_and_statements_tables(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, "utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(f), "--out", str(out)]).exit_code == 0
    table = tmp_path / "statements.csv"
    res = runner.invoke(app, ["export", str(out), "--table", "statements", "--to", str(table)])
    assert res.exit_code == 0, res.stderr
    header = table.read_text("utf-8").splitlines()[0].split(",")
    assert header == ["doc_id", "speaker", "speaker_country", "act", "kind", "content", "date", "url"]
    ev = tmp_path / "events.csv"
    assert runner.invoke(app, ["export", str(out), "--to", str(ev)]).exit_code == 0
    assert ev.read_text("utf-8").startswith("doc_id,date,type,mode,cameo,actor_country")


def test_version():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("vigie ")


def test_two_workers_give_the_same_documents_in_input_order(tmp_path: Path):
    from vigie.article import Article
    from vigie.runner import run

    arts = [Article(name=f"n{i}", text=ARTICLE.replace("mardi", day), published="2023-03-07", language="fr")
            for i, day in enumerate(["lundi", "mardi", "mercredi", "jeudi", "vendredi"])]
    one = [(r.name, r.document()["id"]) for r in run(arts, jobs=1)]
    two = [(r.name, r.document()["id"]) for r in run(arts, jobs=2)]
    assert one == two and [n for n, _ in one] == [a.name for a in arts]
