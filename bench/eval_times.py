"""Score the temporal expression extractor on French TimeBank 1.1 (``make eval-times``).

Runs :func:`vigie.extract.times.find_times` on the text of every document of
``../shared/eval/external/fr-timebank/fr-timebank-1.1.jsonl`` with its publication date,
writes ``build/eval/times/<id>.json`` (a ``times`` list with offsets into the record's text),
then runs ``../shared/eval/score_times.py`` and prints its scores and the time taken.

Options: ``--no-parse`` skips spaCy (tense then comes from the grammar's cue patterns);
``--errors`` prints the misses, spurious matches and wrong values, grouped by type.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from vigie.evaluation import shared_dir
from vigie.extract.times import find_times

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir() / "eval"
GOLD = SHARED / "external" / "fr-timebank" / "fr-timebank-1.1.jsonl"
SCORER = SHARED / "score_times.py"
OUT = ROOT / "build" / "eval" / "times"


def _errors(record: dict, times: list[dict], tally: Counter) -> None:
    gold = record["timexes"]
    for g in gold:
        over = [p for p in times if p["start"] < g["end"] and g["start"] < p["end"]]
        if not over:
            print(f"  MISS  {g['type']:8s} {g['text']!r} {g['value']}")
            tally["miss"] += 1
        elif over[0]["value"] != g["value"] or (over[0]["start"], over[0]["end"]) != (
                g["start"], g["end"]):
            p = over[0]
            print(f"  DIFF  {g['type']:8s} {g['text']!r} {g['value']}  ->  "
                  f"{p['type']} {p['text']!r} {p['value']}")
            tally["diff"] += 1
    for p in times:
        if not any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold):
            print(f"  EXTRA {p['type']:8s} {p['text']!r} {p['value']}")
            tally["extra"] += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-parse", action="store_true", help="do not parse with spaCy")
    ap.add_argument("--errors", action="store_true", help="print errors per document")
    args = ap.parse_args(argv)
    if not GOLD.is_file():
        print(f"French TimeBank not found at {GOLD}; nothing to score.")
        return 0
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    nlp = None
    if not args.no_parse:
        from vigie.nlp import load_model

        nlp = load_model("fr")
    docs = list(nlp.pipe(r["text"] for r in records)) if nlp else [None] * len(records)
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    find_times("", None)
    find_times("Le 5 mai.", dt.date(2000, 1, 1))   # compiles the grammar once
    print(f"grammar compiled in {1000 * (time.perf_counter() - t0):.0f} ms")
    spent, tally = 0.0, Counter()
    for record, doc in zip(records, docs, strict=True):
        published = dt.date.fromisoformat(record["published"])
        t0 = time.perf_counter()
        times = [dataclasses.asdict(t) for t in
                 find_times(record["text"], published, "fr", doc=doc)]
        spent += time.perf_counter() - t0
        (OUT / f"{record['id']}.json").write_text(
            json.dumps({"times": times}, ensure_ascii=False), "utf-8")
        if args.errors:
            print(f"# {record['id']} (published {record['published']})")
            _errors(record, times, tally)
    if args.errors:
        print(dict(tally))
    chars = sum(len(r["text"]) for r in records)
    print(f"find_times: {1000 * spent / len(records):.2f} ms per document "
          f"({len(records)} documents, {1000 * spent / chars * 1000:.2f} ms per 1000 chars)")
    return subprocess.call([sys.executable, str(SCORER), str(GOLD), "--pred", str(OUT)])


if __name__ == "__main__":
    sys.exit(main())
