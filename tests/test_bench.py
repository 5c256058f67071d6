"""``vigie bench`` measures every stage the performance issue asks for, on a tiny run."""

from __future__ import annotations

import io
import json

from rich.console import Console

from vigie.bench import render, run_bench, save


def test_tiny_bench_reports_every_figure(shared, tmp_path):
    result = run_bench(shared / "corpus" / "fr", n=3, batch_size=2, workers_n=2)
    assert result.articles == 3 and result.tokens > 0
    for stage in ("read", "prepare", "parse", "statements", "entities", "events", "claims", "serialise"):
        assert stage in result.stages, stage
    assert 0 < result.ratio < 2
    assert set(result.workers) >= {"jobs1_articles_per_s", "jobs2_articles_per_s", "speedup"}
    assert result.startup_seconds["model"] >= 0 and result.peak_rss_mb > 0
    assert result.worker_peak_rss_mb > 100  # a worker holds a spaCy model
    save(result, tmp_path / "bench.json")
    assert json.loads((tmp_path / "bench.json").read_text())["stages"] == result.stages
    out = io.StringIO()
    render(result, Console(file=out, width=120))
    assert "ratio" in out.getvalue() and "worker" in out.getvalue()
