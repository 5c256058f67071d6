"""Run the analyser on the gold sets of ``../shared/eval`` and score it with their scorers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vigie.article import Article


def shared_dir() -> Path:
    """The shared data folder: ``$VIGIE_SHARED`` or ``../shared`` beside the checkout."""
    import os

    env = os.environ.get("VIGIE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


def gold_articles(gold_dir: Path) -> list[Article]:
    """The articles the gold files of ``gold_dir`` annotate, with their publication dates."""
    articles = []
    for gf in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gf.read_text("utf-8"))
        path = gold_dir.parents[1] / gold["doc"]
        articles.append(Article(name=Path(gold["doc"]).stem, text=path.read_text("utf-8"),
                                published=gold.get("published"), language=gold.get("language"),
                                origin=str(path)))
    return articles


def write_predictions(articles: list[Article], out_dir: Path) -> None:
    from vigie.pipeline import Pipeline

    out_dir.mkdir(parents=True, exist_ok=True)
    for outcome in Pipeline().analyze(articles):
        if outcome.document is None:
            print(f"{outcome.article.name}: {outcome.error}", file=sys.stderr)
            continue
        (out_dir / f"{outcome.article.name}.json").write_text(
            json.dumps(outcome.document.to_dict(), ensure_ascii=False, indent=1), "utf-8")


def run_dev(out_dir: Path, *, show: bool = False, as_json: bool = False) -> int:
    """Analyse the dev gold articles into ``out_dir`` and print ``score.py``'s report."""
    shared = shared_dir()
    gold = shared / "eval" / "dev"
    write_predictions(gold_articles(gold), out_dir)
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), "--pred", str(out_dir)]
    cmd += ["--show"] * show + ["--json"] * as_json
    return subprocess.call(cmd)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="score Vigie on ../shared/eval/dev")
    ap.add_argument("--out", default="build/eval/dev")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sys.exit(run_dev(Path(a.out), show=a.show, as_json=a.json))
