"""Throughput benchmark: full Vigie against spaCy parsing alone, on the same texts.

Measures, in one run: (a) ``nlp.pipe`` of the bare spaCy model, (b) Vigie from text to JSON
documents, the two alternating on the same chunks of articles; articles/s and tokens/s of
each and their ratio; seconds per stage; start-up time; peak resident memory; and the
speed-up of 2 worker processes over 1.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from rich.console import Console

from vigie.article import Article


@dataclass
class BenchResult:
    articles: int
    tokens: int
    batch_size: int
    model: str
    startup_seconds: dict[str, float] = field(default_factory=dict)
    parse_only: dict[str, float] = field(default_factory=dict)
    vigie: dict[str, float] = field(default_factory=dict)
    ratio: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    workers: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    worker_peak_rss_mb: float = 0.0
    machine: dict[str, Any] = field(default_factory=dict)


CHUNK_BATCHES = 3  # batches per turn when the spaCy-alone and Vigie runs alternate


def corpus_articles(folder: Path, n: int) -> list[Article]:
    """``n`` articles cycling over the ``.txt`` files of ``folder`` (each read once)."""
    texts = [(p.stem, p.read_text("utf-8")) for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no .txt articles in {folder}")
    return [Article(name=f"{stem}-{i}", text=text, published="2020-01-01", language="fr")
            for i, (stem, text) in enumerate(islice(cycle(texts), n))]


def read_seconds(folder: Path, n: int) -> float:
    """Seconds to read ``n`` articles from ``folder`` with Vigie's readers (encoding detection,
    metadata sidecars), cycling over its files as :func:`corpus_articles` does."""
    from vigie.sources import iter_articles

    paths = sorted(folder.glob("*.txt"))
    t0 = time.perf_counter()
    for path in islice(cycle(paths), n):
        for _ in iter_articles([str(path)]):
            pass
    return time.perf_counter() - t0


def _rate(n_articles: int, n_tokens: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "articles_per_s": round(n_articles / seconds, 2),
            "tokens_per_s": round(n_tokens / seconds, 1)}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _watch_peak_rss_mb(proc: subprocess.Popen, every: float = 0.2) -> float:
    """Wait for ``proc`` and return the largest peak resident memory (``VmHWM``) seen among it
    and its descendants, in MB (0 where ``/proc`` is missing). ``getrusage(RUSAGE_CHILDREN)``
    cannot tell: a child started from this large process inherits its high-water mark."""
    peak = 0.0
    while proc.poll() is None:
        for pid in _descendants(proc.pid):
            peak = max(peak, _vm_hwm_mb(pid))
        time.sleep(every)
    return peak


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += frontier
    return found


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_bench(folder: Path, n: int = 500, batch_size: int = 16, workers_n: int = 300) -> BenchResult:
    """Run the whole benchmark on ``n`` articles from ``folder``."""
    import spacy

    from vigie.nlp.models import installed_model, load_model
    from vigie.pipeline import Pipeline
    from vigie.runner import _serialise

    articles = corpus_articles(folder, n)
    t0 = time.perf_counter()
    pipeline = Pipeline(language="fr", batch_size=batch_size)
    load_model("fr")
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipeline.analyze_one(articles[0])  # loads the KB and resources on first use
    t_first = time.perf_counter() - t0
    pipeline.timings.stages.clear()
    pipeline.timings.add("read", read_seconds(folder, n))

    name = installed_model("fr")
    bare = spacy.load(name, exclude=["senter"])
    tokens, bare_seconds, vigie_seconds = 0, 0.0, 0.0
    # The two runs alternate on chunks of whole batches, so that both see the same machine
    # (frequency scaling, other load): run one after the other, they differed by ±5 %.
    chunk = batch_size * CHUNK_BATCHES
    for start in range(0, n, chunk):
        part = articles[start:start + chunk]
        t0 = time.perf_counter()
        tokens += sum(len(d) for d in bare.pipe([a.text or "" for a in part], batch_size=batch_size))
        bare_seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        for outcome in pipeline.analyze(part):
            if outcome.document is not None:
                s0 = time.perf_counter()
                _serialise(outcome.document)
                pipeline.timings.add("serialise", time.perf_counter() - s0)
        vigie_seconds += time.perf_counter() - t0
    del bare
    parse, full = _rate(n, tokens, bare_seconds), _rate(n, tokens, vigie_seconds)

    workers = worker_speedup(articles[:min(workers_n, n)], batch_size)

    return BenchResult(
        articles=n, tokens=tokens, batch_size=batch_size, model=name,
        startup_seconds={"model": round(t_model, 2), "first_article": round(t_first, 2)},
        parse_only=parse, vigie=full, ratio=round(full["tokens_per_s"] / parse["tokens_per_s"], 3),
        stages={k: round(v, 3) for k, v in sorted(pipeline.timings.stages.items(), key=lambda kv: -kv[1])},
        workers=workers, peak_rss_mb=round(_peak_rss_mb(), 1),
        worker_peak_rss_mb=workers.get("worker_peak_rss_mb", 0.0),
        machine={"python": platform.python_version(), "cpus": os.cpu_count(),
                 "processor": platform.machine()},
    )


def worker_speedup(articles: list[Article], batch_size: int) -> dict[str, float]:
    """Wall-clock time of ``vigie extract RECORDS.jsonl --out DIR --jobs N`` for N = 1 and 2,
    each a fresh process (model loading included), as a user would run it."""
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        with records.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a.name, "text": a.text, "published": a.published,
                                    "language": a.language}, ensure_ascii=False) + "\n")
        rates = {}
        peak = 0.0
        for jobs in (1, 2):
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "vigie.cli", "extract", str(records), "--out",
                                     str(Path(tmp) / f"out{jobs}"), "--jobs", str(jobs),
                                     "--batch-size", str(batch_size)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            peak = max(peak, _watch_peak_rss_mb(proc))
            if proc.returncode:
                raise subprocess.CalledProcessError(proc.returncode, proc.args)
            rates[f"jobs{jobs}_articles_per_s"] = round(len(articles) / (time.perf_counter() - t0), 2)
    rates["speedup"] = round(rates["jobs2_articles_per_s"] / rates["jobs1_articles_per_s"], 2)
    rates["worker_peak_rss_mb"] = round(peak, 1)
    rates["articles"] = len(articles)
    return rates


def save(result: BenchResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(result), indent=2), "utf-8")


def render(result: BenchResult, console: Console) -> None:
    """Print the benchmark tables."""
    from rich.table import Table

    t = Table(title=f"Throughput on {result.articles} articles, {result.tokens} tokens ({result.model})")
    for col in ("run", "seconds", "articles/s", "tokens/s"):
        t.add_column(col, justify="right" if col != "run" else "left")
    for label, r in (("spaCy nlp.pipe alone", result.parse_only), ("Vigie, text to JSON", result.vigie)):
        t.add_row(label, f"{r['seconds']:.1f}", f"{r['articles_per_s']:.1f}", f"{r['tokens_per_s']:.0f}")
    console.print(t)
    console.print(f"Vigie / parsing throughput ratio: [bold]{result.ratio:.2f}[/bold]")
    s = Table(title="Seconds per stage (Vigie run)")
    s.add_column("stage")
    s.add_column("seconds", justify="right")
    s.add_column("share", justify="right")
    total = sum(result.stages.values()) or 1.0
    for k, v in result.stages.items():
        s.add_row(k, f"{v:.2f}", f"{100 * v / total:.1f}%")
    console.print(s)
    w = result.workers
    console.print(f"vigie extract of {w['articles']} articles (start-up included): 1 process "
                  f"{w['jobs1_articles_per_s']} art/s, 2 processes "
                  f"{w['jobs2_articles_per_s']} art/s, speed-up ×{w['speedup']}")
    console.print(f"Start-up: model {result.startup_seconds['model']} s, first article (KB, resources) "
                  f"{result.startup_seconds['first_article']} s")
    console.print(f"Peak RSS: benchmark process {result.peak_rss_mb} MB (two pipelines loaded), "
                  f"largest `vigie extract` worker {result.worker_peak_rss_mb} MB")
