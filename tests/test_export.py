"""Exports from vigie/1 documents: flat tables and the HTML report."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from vigie.export import write_table
from vigie.export.html import graph, highlighted, render_html

TEXT = "Titre <b>\n\nLe ministre a accusé <script>alert(1)</script> de mentir."


def _doc() -> dict:
    start = TEXT.index("<script>")
    return {
        "schema": "vigie/1", "id": "sha256:x", "text": TEXT,
        "meta": {"title": "Titre <b>", "published": "2023-01-02", "language": "fr", "url": "http://x"},
        "paragraphs": [{"start": 0, "end": 9, "role": "title"}, {"start": 11, "end": len(TEXT), "role": "body"}],
        "entities": [{"id": "e1", "type": "PERSON", "name": "le ministre", "country": "FRA", "sector": "GOV",
                      "mentions": [{"text": "Le ministre", "start": 11, "end": 22}]},
                     {"id": "e2", "type": "COUNTRY", "name": "Italie", "country": "ITA", "mentions": []}],
        "statements": [{"id": "s1", "kind": "indirect", "act": "ACCUSE",
                        "content": {"text": TEXT[start:-1], "start": start, "end": len(TEXT) - 1},
                        "speaker": {"text": "Le ministre", "start": 11, "end": 22, "entity": "e1", "country": "FRA"},
                        "cue": {"text": "a accusé", "lemma": "accuser", "start": 23, "end": 31},
                        "addressees": [], "date": {"text": "lundi", "value": "2023-01-02", "granularity": "day"}}],
        "events": [{"id": "v1", "type": "ACCUSE", "actors": [{"entity": "e1", "text": "Le ministre", "country": "FRA"}],
                    "recipients": [{"entity": "e2", "text": "Italie", "country": "ITA"}], "modality": "actual",
                    "trigger": {"text": "a accusé", "start": 23, "end": 31},
                    "evidence": {"text": TEXT[11:], "start": 11, "end": len(TEXT)},
                    "date": {"text": "lundi", "value": "2023-01-02", "granularity": "day"}}],
        "times": [], "claims": [], "stats": {"tokens": 12, "seconds": 0.1, "pipeline": "test"},
    }


def test_events_csv_has_the_gdelt_like_columns(tmp_path: Path):
    path = tmp_path / "events.csv"
    assert write_table("events", [_doc()], path) == 1
    (row,) = list(csv.DictReader(path.open(encoding="utf-8")))
    assert row["type"] == "ACCUSE" and row["actor_country"] == "FRA" and row["recipient_country"] == "ITA"
    assert row["actor_name"] == "le ministre" and row["date"] == "2023-01-02" and row["url"] == "http://x"


def test_statements_jsonl_and_parquet(tmp_path: Path):
    assert write_table("statements", [_doc()], tmp_path / "s.jsonl") == 1
    row = json.loads((tmp_path / "s.jsonl").read_text("utf-8"))
    assert row["speaker"] == "le ministre" and row["act"] == "ACCUSE"
    pq = pytest.importorskip("pyarrow.parquet")
    assert write_table("statements", [_doc()], tmp_path / "s.parquet") == 1
    assert pq.read_table(tmp_path / "s.parquet").num_rows == 1


def test_unknown_format_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ValueError, match="unknown table format"):
        write_table("events", [_doc()], tmp_path / "x.xlsx")


def test_html_report_escapes_the_article():
    page = render_html(_doc())
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<title>Titre &lt;b&gt;</title>" in page
    assert "Content-Security-Policy" in page


def test_highlight_nests_marks_and_escapes():
    d = _doc()
    html = str(highlighted(d, 11, len(TEXT)))
    assert html.count("<mark") == html.count("</mark>") == 2
    assert '<mark class="ev">a accusé</mark>' in html


def test_graph_draws_one_arrow_per_pair():
    g = graph(_doc())
    assert [n.label for n in g["nodes"]] == ["FRA", "ITA"]
    assert len(g["edges"]) == 1 and g["edges"][0]["label"] == "ACCUSE"


def test_plover_records_carry_the_event_and_its_actors(tmp_path: Path):
    assert write_table("plover", [_doc()], tmp_path / "p.jsonl") == 1
    rec = json.loads((tmp_path / "p.jsonl").read_text("utf-8"))
    assert rec["event"] == "ACCUSE" and rec["actor_country"] == "FRA" and rec["recipient"] == "Italie"
    assert rec["id"] == "sha256:x#v1"
    with pytest.raises(ValueError, match="nested"):
        write_table("plover", [_doc()], tmp_path / "p.csv")
