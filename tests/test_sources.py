"""Readers: every bad input is a one-line ReadError and reading goes on; good inputs decode right."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from vigie.article import Article
from vigie.sources import DEFAULT_MAX_BYTES, ReadError, iter_articles
from vigie.sources.decode import decode_bytes
from vigie.sources.html import html_to_article, strip_site_name

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
TITLE = "Le conseil municipal adopte un budget serré"
LEDE = "La maire a présenté mardi soir un budget en baisse de 4 %"
ARTICLE = "Le port reprend son activité\n\nLes dockers ont levé leur piquet de grève à l’aube, après un accord."


def read(*inputs: str | Path, **kw) -> list[Article | ReadError]:
    return list(iter_articles([str(i) for i in inputs], **kw))


def one(path: str | Path, **kw) -> Article | ReadError:
    (item,) = read(path, **kw)
    return item


def reason(path: str | Path, **kw) -> str:
    item = one(path, **kw)
    assert isinstance(item, ReadError), item
    assert item.origin == str(path)
    assert "\n" not in item.reason
    return item.reason


# -- bad inputs -----------------------------------------------------------------------------

def test_empty_and_blank_files():
    assert reason(FIXTURES / "empty.txt") == "empty file"
    assert reason(FIXTURES / "blank.txt") == "empty file"


def test_binary_file_is_refused():
    assert reason(FIXTURES / "binary.txt") == "binary file, not text"


def test_random_bytes_without_nul_are_binary(tmp_path: Path):
    noise = bytes(b for b in range(1, 32) if b not in b"\t\n\r\x0b\x0c") * 200
    (tmp_path / "noise.txt").write_bytes(noise)
    assert reason(tmp_path / "noise.txt") == "binary file, not text"


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 60 MB, sparse: instant to make, never read
        f.seek(60_000_000 - 1)
        f.write(b"a")
    t0 = time.perf_counter()
    assert reason(big) == "file too large (60.0 MB > 20.0 MB limit; use --max-size)"
    assert time.perf_counter() - t0 < 1.0
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_max_bytes_is_configurable(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    assert reason(path, max_bytes=50).startswith("file too large (")
    assert isinstance(one(path, max_bytes=1_000), Article)


def test_missing_path():
    assert reason("/no/such/dir/article.txt") == "no such file or directory"


def test_html_without_article():
    assert reason(FIXTURES / "no-article.html") == "no article text found in HTML"


def test_empty_directory(tmp_path: Path):
    assert "no .txt, .html or .jsonl files" in reason(tmp_path)


def test_reading_goes_on_after_errors():
    items = read("/missing.txt", FIXTURES / "empty.txt", FIXTURES / "latin1.txt")
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "Article"]


# -- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["latin1.txt", "cp1252.txt", "utf16.txt", "utf16le-nobom.txt", "utf8-bom.txt"])
def test_encodings_decode_to_the_right_text(name: str):
    article = one(FIXTURES / name)
    assert isinstance(article, Article)
    assert article.title == TITLE  # no BOM, no mojibake
    assert LEDE in article.text
    assert "« inévitable »" in article.text


def test_cp1252_specials():
    article = one(FIXTURES / "cp1252.txt")
    assert "d’€ — selon" in article.text


@pytest.mark.parametrize("sentence", [
    "Le député a été élu à Genève.",       # short texts fool detectors: must stay cp1252
    "Ça coûte cher, dit-il : « très » cher.",
    "naïve façon",
    "Selon le témoin, l’élu s’est réfugié près d’ici",
    "De leur côté, les élus ont déjà voté à l’unanimité",
])
def test_short_latin1_texts(sentence: str):
    assert decode_bytes(sentence.encode("cp1252")) == sentence


def test_other_scripts_are_detected():
    sentence = "Президент заявил, что переговоры продолжатся в понедельник."
    assert decode_bytes(sentence.encode("cp1251")) == sentence


# -- text files and sidecars ----------------------------------------------------------------

def test_text_file_first_line_is_title_and_stays_in_text():
    article = one(FIXTURES / "latin1.txt")
    assert article.name == "latin1"
    assert article.title == TITLE and article.text.startswith(TITLE)
    assert article.origin == str(FIXTURES / "latin1.txt")


def test_sidecar_metadata_and_synonyms():
    article = one(FIXTURES / "article.txt")
    assert article.name == "budget-2021"  # the sidecar's id
    assert article.published == "2021-03-02"  # from "date"
    assert article.source == "La Gazette du Val"  # from "publisher"
    assert article.url == "https://example.org/budget" and article.language == "fr"


def test_broken_sidecar_is_reported_and_the_article_still_read():
    items = read(FIXTURES / "broken-sidecar.txt")
    assert isinstance(items[0], ReadError) and "invalid sidecar" in items[0].reason
    assert isinstance(items[1], Article) and items[1].published is None


def test_unknown_extension_is_read_as_text(tmp_path: Path):
    (tmp_path / "note.md").write_text(ARTICLE, "utf-8")
    assert one(tmp_path / "note.md").title == "Le port reprend son activité"


# -- HTML -----------------------------------------------------------------------------------

def test_html_page_text_and_metadata():
    article = one(FIXTURES / "page.html")
    assert article.html is None and "dix-huit mois de travaux" in article.text
    assert "Accueil" not in article.text and "Tous droits" not in article.text
    assert article.title == "La médiathèque rouvre ses portes"  # site name stripped
    assert article.published == "2022-05-14"
    assert article.url == "https://example.org/mediatheque"
    assert article.source == "Le Journal du Bourg"


def test_html_declared_latin1():
    article = one(FIXTURES / "latin1-page.html")
    assert "médiathèque municipale a rouvert" in article.text


def test_html_sidecar_wins(tmp_path: Path):
    (tmp_path / "p.html").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "p.meta.json").write_text(json.dumps({"date": "2022-05-15", "source": "Autre"}), "utf-8")
    article = one(tmp_path / "p.html")
    assert article.published == "2022-05-15" and article.source == "Autre"


def test_html_to_article_keeps_given_fields():
    html = (FIXTURES / "page.html").read_text("utf-8")
    article = html_to_article(html, Article(name="x", title="Titre donné", origin="here"))
    assert article.title == "Titre donné" and article.name == "x" and article.origin == "here"
    assert "salle de lecture" in article.text


def test_strip_site_name():
    assert strip_site_name("Un titre | Le Quotidien", "Le Quotidien") == "Un titre"
    assert strip_site_name("Un titre - Le Quotidien", "Le Quotidien") == "Un titre"
    assert strip_site_name("Le Quotidien", "Le Quotidien") == "Le Quotidien"
    assert strip_site_name("Un titre", None) == "Un titre"


# -- JSON Lines -----------------------------------------------------------------------------

def test_jsonl_malformed_lines_are_errors_and_others_succeed():
    path = FIXTURES / "records.jsonl"
    items = read(path)
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.origin: i.reason for i in items if isinstance(i, ReadError)}
    assert [a.name for a in good] == ["rec-1", "records-6"]  # id, else <stem>-<line>
    assert good[0].published == "2021-03-02" and good[0].origin == f"{path}:1"
    assert set(bad) == {f"{path}:{n}" for n in (2, 3, 4, 7)}
    assert bad[f"{path}:2"].startswith("invalid JSON")
    assert bad[f"{path}:3"] == "record has no 'text' or 'html'"
    assert bad[f"{path}:4"] == "'text' must be a string, not int"
    assert "JSON object" in bad[f"{path}:7"]


def test_jsonl_ids_are_made_safe_file_names(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"id": "../../etc/passwd", "text": ARTICLE}, {"id": 7, "text": ARTICLE},
        {"id": "a b/c", "text": ARTICLE})), "utf-8")
    assert [a.name for a in read(path)] == ["etc_passwd", "7", "a_b_c"]


def test_jsonl_html_record_is_converted(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    html = (FIXTURES / "page.html").read_text("utf-8")
    path.write_text(json.dumps({"id": "p", "html": html}) + "\n", "utf-8")
    (article,) = read(path)
    assert article.html is None and "salle de lecture" in article.text


def test_jsonl_limit_is_per_record(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    long = json.dumps({"id": "long", "text": "mot " * 500})
    short = json.dumps({"id": "short", "text": ARTICLE})
    path.write_text(f"{long}\n{short}\n", "utf-8")
    items = read(path, max_bytes=len(short) + 10)
    assert isinstance(items[0], ReadError) and items[0].reason.startswith("file too large")
    assert items[0].origin == f"{path}:1"
    assert isinstance(items[1], Article) and items[1].name == "short"


def test_jsonl_in_utf16(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    record = json.dumps({"id": "u", "text": ARTICLE}, ensure_ascii=False)
    path.write_bytes(record.encode("utf-16") + "\n".encode("utf-16-le"))
    (article,) = read(path)
    assert article.text == ARTICLE


def test_json_file_with_a_list_of_records(tmp_path: Path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": ARTICLE}, {"title": "rien"}]), "utf-8")
    items = read(path)
    assert isinstance(items[0], Article) and items[0].name == "a"
    assert isinstance(items[1], ReadError) and items[1].origin == f"{path}[2]"


# -- folders and names ----------------------------------------------------------------------

def test_directory_recursion_is_sorted_and_skips_sidecars_hidden_and_json(tmp_path: Path):
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/x.txt", "out.json", "img.png"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, "utf-8")
    (tmp_path / "b.meta.json").write_text("{}", "utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "rec", "text": ARTICLE}) + "\n", "utf-8")
    items = read(tmp_path)
    assert all(isinstance(i, Article) for i in items)
    assert [Path(i.origin).relative_to(tmp_path).as_posix() for i in items] == [
        "a/b/c.txt", "a/z.txt", "b.txt", "c.jsonl:1"]
    assert read(tmp_path) == items  # deterministic


def test_repeated_names_are_made_unique(tmp_path: Path):
    for rel in ("x/a.txt", "y/a.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE, "utf-8")
    assert [a.name for a in read(tmp_path)] == ["a", "a-2"]


# -- stdin ----------------------------------------------------------------------------------

def test_stdin_jsonl_is_sniffed():
    data = b"\n" + json.dumps({"id": "s1", "text": ARTICLE}).encode() + b"\n{oops\n"
    items = read("-", stdin=io.BytesIO(data))
    assert isinstance(items[0], Article) and items[0].name == "s1"
    assert isinstance(items[1], ReadError) and items[1].origin == "<stdin>:3"


def test_stdin_html_is_sniffed():
    (article,) = read("-", stdin=io.BytesIO((FIXTURES / "page.html").read_bytes()))
    assert article.name == "stdin" and "salle de lecture" in article.text


def test_stdin_text_is_sniffed():
    (article,) = read("-", stdin=io.BytesIO(ARTICLE.encode("utf-16")))
    assert article.title == "Le port reprend son activité" and article.origin == "<stdin>"


def test_stdin_empty_and_too_large():
    (err,) = read("-", stdin=io.BytesIO(b""))
    assert err == ReadError("<stdin>", "empty input")
    (err,) = read("-", stdin=io.BytesIO(b"x" * 3000), max_bytes=1000)
    assert err.reason.startswith("file too large")


# -- the shared corpus ----------------------------------------------------------------------

def test_shared_corpus_reads_without_errors(shared: Path):
    t0 = time.perf_counter()
    items = read(shared / "corpus")
    assert items and not [i for i in items if isinstance(i, ReadError)]
    assert all(a.title and a.text for a in items)
    assert time.perf_counter() - t0 < 10
