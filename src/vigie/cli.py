"""The ``vigie`` command line: a thin shell around :mod:`vigie.pipeline`."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from vigie import __version__
from vigie.article import Article
from vigie.sources.metadata import safe_name

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Vigie: who said what, who did what to whom, where and when, in news articles.")
err = Console(stderr=True, highlight=False)

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


def _version(value: bool) -> None:
    if value:
        print(f"vigie {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Vigie: who said what, who did what to whom, where and when, in news articles."""


def _safe_name(name: str) -> str:
    """A file name from an article name (never empty)."""
    return safe_name(name) or "article"


def _with_defaults(items: Iterator[Any], published: str | None, skip: set[str],
                   failures: list[tuple[str, str]], done: list[str]) -> Iterator[Article]:
    """Articles with ``--published`` filled in, minus those in ``skip`` (recorded in ``done``);
    read errors are recorded in ``failures``, not raised."""
    from vigie.sources import ReadError

    for item in items:
        if isinstance(item, ReadError):
            failures.append((item.origin, item.reason))
            err.print(f"error: {item.origin}: {item.reason}", style="red", markup=False)
            continue
        if published and not item.published:
            item.published = published
        if _safe_name(item.name) in skip:
            done.append(item.name)
            continue
        yield item


def _progress(enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                    disable=not enabled)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl records, - for stdin.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write DIR/<name>.json each.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, json, jsonl or html.")] = Format.text,
    published: Annotated[str | None, typer.Option(help="Date YYYY-MM-DD for inputs without one.")] = None,
    language: Annotated[str | None, typer.Option(help="Force the language (fr, en).")] = None,
    max_size: Annotated[float, typer.Option(help="Largest input file in MB.")] = 20.0,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles parsed together by spaCy.")] = 16,
    force: Annotated[bool, typer.Option(help="With --out, redo articles whose output exists.")] = False,
) -> None:
    """Analyse articles: statements, events, entities, places, times and claims."""
    from vigie.runner import run
    from vigie.sources import iter_articles

    if published and not DATE_RE.match(published):
        raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--published")
    skip: set[str] = set()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        if not force:  # resume: what is already written is not redone
            skip = {p.stem for p in out.glob("*.json")}
    failures: list[tuple[str, str]] = []
    done: list[str] = []  # skipped: already analysed by an earlier run
    articles = _with_defaults(iter_articles(inputs, max_bytes=int(max_size * 1e6)), published,
                              skip, failures, done)
    ok = 0
    show_progress = out is not None and err.is_terminal
    stdout = Console(highlight=False, soft_wrap=False)
    with _progress(show_progress) as progress:
        task = progress.add_task("analysing", total=None)
        written: set[str] = set()
        for res in run(articles, jobs=jobs, batch_size=batch_size, language=language):
            progress.advance(task)
            if not res.ok:
                failures.append((res.origin or res.name, res.error or "failed"))
                err.print(f"error: {res.origin or res.name}: {res.error}", style="red", markup=False)
                continue
            ok += 1
            if out is not None:
                name = _unique(_safe_name(res.name), written)
                if fmt is Format.html:
                    _write_atomic(out / f"{name}.html", _html(res.document()).encode())
                _write_atomic(out / f"{name}.json", res.data or b"")
            elif fmt is Format.json:
                sys.stdout.write((res.data or b"").decode() + "\n")
            elif fmt is Format.jsonl:
                sys.stdout.write(orjson.dumps(res.document()).decode() + "\n")
            elif fmt is Format.html:
                sys.stdout.write(_html(res.document()))
            else:
                from vigie.report import render

                render(res.document(), stdout)
    skipped = f", {len(done)} already done" if done else ""
    summary = f"{ok} analysed, {len(failures)} failed{skipped}"
    err.print(summary, style="bold red" if failures else "bold green", markup=False)
    if failures:
        raise typer.Exit(1)


def _html(doc: dict[str, Any]) -> str:
    from vigie.export.html import render_html

    return render_html(doc)


def _unique(name: str, taken: set[str]) -> str:
    base, i = name, 1
    while name in taken:
        i += 1
        name = f"{base}-{i}"
    taken.add(name)
    return name


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so an interrupted run leaves no half file."""
    tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    tmp.replace(path)


@app.command("export")
def export_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="vigie/1 .json files, folders, or .jsonl.")],
    table: Annotated[str, typer.Option(help="events, statements or plover.")] = "events",
    to: Annotated[Path, typer.Option("--to", help="Output file: .csv, .jsonl or .parquet.")] = Path("events.csv"),
) -> None:
    """Export events or statements of analysed documents as a flat table."""
    from vigie.export import TABLES, write_table

    if table not in TABLES:
        raise typer.BadParameter(f"choose one of {', '.join(TABLES)}", param_hint="--table")
    try:
        n = write_table(table, _read_documents(inputs), to)
    except (ValueError, OSError) as e:
        err.print(f"error: {e}", style="red", markup=False)
        raise typer.Exit(2) from e
    err.print(f"{n} {table} rows written to {to}", markup=False)


def _read_documents(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for p in paths:
        files = sorted(p.rglob("*.json")) + sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".jsonl":
                for line in f.read_text("utf-8").splitlines():
                    if line.strip():
                        yield orjson.loads(line)
            else:
                yield orjson.loads(f.read_bytes())


@app.command("eval")
def eval_cmd(
    out: Annotated[Path, typer.Option(help="Where to write the predictions.")] = Path("build/eval/dev"),
    show: Annotated[bool, typer.Option(help="List misses and extras per document.")] = False,
) -> None:
    """Score Vigie on the development gold set of ../shared/eval/dev."""
    from vigie.evaluation import run_dev

    raise typer.Exit(run_dev(out, show=show))


@app.command()
def bench(
    corpus: Annotated[Path | None, typer.Option(help="Folder of .txt articles (default ../shared/corpus/fr).")] = None,
    n: Annotated[int, typer.Option(help="Articles in the run (the corpus is repeated).")] = 500,
    batch_size: Annotated[int, typer.Option(help="spaCy batch size, the same for both runs.")] = 16,
    save_to: Annotated[Path, typer.Option("--save", help="Where to save the JSON results.")] = Path(
        "bench/results/latest.json"),
) -> None:
    """Benchmark Vigie's throughput against spaCy parsing alone."""
    from vigie import bench as b
    from vigie.evaluation import shared_dir

    folder = corpus or shared_dir() / "corpus" / "fr"
    result = b.run_bench(folder, n=n, batch_size=batch_size)
    b.render(result, Console())
    b.save(result, save_to)
    err.print(f"saved to {save_to}", markup=False)


def main() -> None:
    """Console-script entry point."""
    from vigie.errors import VigieError

    try:
        app()
    except VigieError as e:
        err.print(f"error: {e}", style="red", markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
