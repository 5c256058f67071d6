"""The fast French start-up (vigie.nlp.french_startup) must not change a single token.

Three levels: the factored token-match regex accepts exactly what spaCy's original accepts on a
large string set; a Vigie process tokenizes like a plain spaCy process; and ``spacy.blank("fr")``
after Vigie loaded French behaves as in a process without Vigie.  No timing asserts: start-up is
measured by hand (see the module docstring of french_startup).
"""

from __future__ import annotations

import importlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from re import _constants as sre_constants  # private, used only to sample strings from a regex
from re import _parser as sre_parser
from types import ModuleType, SimpleNamespace

import pytest

from vigie.evaluation import shared_dir
from vigie.nlp import load_model
from vigie.nlp.french_startup import LazyPattern, _is_plain, token_match_patterns
from vigie.nlp.models import installed_model

HYPHEN_WORDS = [
    "porte-avions",
    "anti-inflammatoire",
    "arc-en-ciel",
    "pied-à-terre",
    "ex-président",
    "vice-président",
    "c'est-à-dire",
    "soixante-dix-huit",
    "peut-être",
    "sud-est",
    "nord-coréen",
    "franco-allemand",
    "médico-social",
    "socio-économique",
    "néo-zélandais",
    "sous-marin",
    "contre-attaque",
    "demi-heure",
    "non-violence",
    "auto-entrepreneur",
    "ultra-libéral",
    "hors-la-loi",
    "tête-à-tête",
    "prud'homme",
    "presqu'île",
    "entr'ouvrir",
    "grand'mère",
    "aujourd'hui",
    "va-t-il",
    "qu'est-ce",
    "Saint-Martin-de-Ré",
    "rez-de-chaussée",
    "hip-hop",
    "black-out",
    "États-Unis",
    "droits-de-l'homme",
    "semi-remorque",
    "extra-terrestre",
    "pro-européen",
    "post-électoral",
    "re-doublé",
    "(porte-avions),",
    "«anti-corruption»",
]
SENTENCES = [
    "L'ex-ministre a-t-il vraiment dit qu'il s'abstiendrait ? « Peut-être », répond-on.",
    "Les porte-avions franco-britanniques ont quitté Toulon vers 10 h 30 le 3 mars.",
    "Le sous-préfet, arrivé dans l'après-midi, a rencontré les élus du Val-de-Marne.",
    "Selon l'ONU, 1 200 réfugiés sud-soudanais (dont 40 % d'enfants) sont arrivés.",
]


def variants(word: str, module: ModuleType) -> set[str]:
    """The word with each hyphen and apostrophe spaCy knows, in four cases."""
    forms = {word}
    forms |= {word.replace("-", h) for h in module.HYPHENS}
    forms |= {w.replace("'", e) for w in forms for e in module.ELISION}
    return {f for w in forms for f in (w, w.lower(), w.upper(), w.title())}


@pytest.fixture(scope="module")
def french() -> ModuleType:
    """spacy.lang.fr.tokenizer_exceptions, imported the way Vigie imports it (lazily)."""
    load_model("fr")
    return importlib.import_module("spacy.lang.fr.tokenizer_exceptions")


@pytest.fixture(scope="module")
def regexes(french) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(spaCy's original token-match regex, Vigie's factored one), both really compiled."""
    patterns = token_match_patterns(french)
    assert patterns is not None, "the guard refused spaCy's own French lists"
    original, factored = patterns
    return re.compile(original), re.compile(factored)


def disagreements(regexes, strings) -> list[str]:
    original, factored = regexes
    return [s for s in strings if bool(original.match(s)) != bool(factored.match(s))]


# ----- the fast path is really taken ---------------------------------------------------


def test_model_tokenizer_uses_factored_pattern_but_serializes_the_original(french):
    original, factored = token_match_patterns(french)
    lazy = load_model("fr").tokenizer.token_match.__self__
    assert isinstance(lazy, LazyPattern)
    assert lazy.pattern == original and lazy.source == factored
    assert len(factored) < len(original) / 20
    assert re.compile.__module__ == "re", "re.compile was not restored after loading"


def test_english_is_loaded_the_normal_way():
    try:
        nlp = load_model("en")
    except Exception as error:
        pytest.skip(f"no English model: {error}")
    assert not isinstance(getattr(nlp.tokenizer.token_match, "__self__", None), LazyPattern)


# ----- the guard -----------------------------------------------------------------------


def test_is_plain_rejects_what_regrouping_would_change():
    for body in ["abc", "a[ée]ro", "bas(?:ses?)?", "vill(?:e|y)", "[|]", "[]|]", r"\-x", "La Chapelle"]:
        assert _is_plain(body), body
    for body in ["a|b", "(a", "a)", "[ab", "a\\", r"x\1", "+a", "?a", "(?P=n)", ""]:
        assert not _is_plain(body), body


def fake_module(french: ModuleType, **changes) -> SimpleNamespace:
    names = [
        "HYPHENS",
        "ELISION",
        "ALPHA",
        "ALPHA_LOWER",
        "_regular_exp",
        "_hyphen_prefix",
        "_elision_prefix",
        "_hyphen_combination",
    ]
    fake = SimpleNamespace(**{name: getattr(french, name) for name in names})
    for name, value in changes.items():
        setattr(fake, name, value)
    pattern = "(?iu)" + "|".join(f"(?:{m})" for m in fake._regular_exp)
    fake.TOKEN_MATCH = LazyPattern(pattern).match
    return fake


def test_guard_accepts_the_real_lists(french):
    assert token_match_patterns(fake_module(french)) is not None


def test_guard_refuses_lists_it_cannot_prove(french):
    hyphen = french.HYPHENS
    lower = french.ALPHA_LOWER
    generated = len(french._hyphen_prefix) + len(french._elision_prefix) + len(french._hyphen_combination)
    head = list(french._regular_exp[: len(french._regular_exp) - generated])
    tail = list(french._regular_exp[len(head) :])
    odd = f"^mot[{hyphen}]valise[{lower}]+$|^autre$"  # top-level "|" in the hand-written block
    unknown = f"^mot[{hyphen}]valise[{lower}]?$"  # a tail the factoring does not know
    for regular_exp in ([odd, *head, *tail], [unknown, *head, *tail], head + tail[1:]):
        assert token_match_patterns(fake_module(french, _regular_exp=regular_exp)) is None
    # The module's TOKEN_MATCH must be the pattern its lists make.
    changed = fake_module(french)
    changed.TOKEN_MATCH = LazyPattern("(?iu)(?:^x$)").match
    assert token_match_patterns(changed) is None


def test_lazy_pattern_compiles_on_first_use_and_reports_the_original():
    lazy = LazyPattern("(?i)^(?:ab|ac)$", source="(?i)^a(?:b|c)$")
    assert repr(lazy).endswith("not compiled yet>")
    assert lazy.match("AC") and not lazy.match("ad") and lazy.search("ab")
    assert lazy.pattern == "(?i)^(?:ab|ac)$" and lazy.flags & re.IGNORECASE
    lazy.prefer("^never$")  # too late: already compiled
    assert lazy.match("ab")


# ----- (a) same language on a large string set ------------------------------------------


def sample(tree, rng: random.Random) -> str:
    """A random string of the (parsed) regex ``tree``; supports what spaCy's patterns use."""
    out = []
    for op, arg in tree:
        if op is sre_constants.LITERAL:
            out.append(chr(arg))
        elif op is sre_constants.IN:
            kind, value = rng.choice(arg)
            out.append(chr(value) if kind is sre_constants.LITERAL else chr(rng.randint(*value)))
        elif op is sre_constants.BRANCH:
            out.append(sample(rng.choice(arg[1]), rng))
        elif op is sre_constants.SUBPATTERN:
            out.append(sample(arg[-1], rng))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = arg
            out.extend(sample(sub, rng) for _ in range(rng.randint(low, min(high, low + 3))))
        elif op is not sre_constants.AT:
            raise AssertionError(f"unexpected regex node {op}")
    return "".join(out)


def near_misses(word: str) -> list[str]:
    """Strings that differ from ``word`` by one plausible edit."""
    return [
        word.upper(),
        word.title(),
        word[:-1],
        word[1:],
        word + "-",
        word + "1",
        "x" + word,
        word.replace("-", " ", 1),
        word.replace("'", "", 1),
        word + ".",
        "-" + word,
    ]


def test_factored_pattern_agrees_on_strings_made_from_every_alternative(french, regexes):
    rng = random.Random(7)
    positives = []
    for alternative in french._regular_exp:
        tree = sre_parser.parse(alternative)
        positives += [sample(tree, rng) for _ in range(12)]
    original = regexes[0]
    assert all(original.match(p) for p in positives), "the sampler made a non-matching string"
    strings = positives + [m for p in positives for m in near_misses(p)]
    assert len(strings) > 30_000
    assert disagreements(regexes, strings) == []


def test_factored_pattern_agrees_on_spacy_exception_list(french, regexes):
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    strings = {v for word in FR_BASE_EXCEPTIONS for v in (word, word.lower(), word.upper(), word.title())}
    strings |= {v for word in HYPHEN_WORDS for v in variants(word, french)}
    assert len(strings) > 45_000
    assert disagreements(regexes, sorted(strings)) == []


def test_factored_pattern_agrees_on_every_corpus_token(shared, regexes):
    texts = [path.read_text(encoding="utf-8") for path in sorted((shared / "corpus" / "fr").glob("*.txt"))]
    if not texts:
        pytest.skip(f"no French corpus under {shared}")
    nlp = load_model("fr")
    strings = {chunk for text in texts for chunk in text.split()}  # what the tokenizer tests first
    strings |= {token.text for text in texts for token in nlp.tokenizer(text)}
    assert disagreements(regexes, sorted(strings)) == []


# ----- (b), (c) whole processes ------------------------------------------------------------

REPORT = """
import hashlib, json, sys
import spacy
job = json.load(sys.stdin)
if job["vigie"]:
    from vigie.nlp import load_model
    nlp = load_model("fr")
else:
    nlp = spacy.load(job["model"], exclude=["senter"])
blank = spacy.blank("fr")
tokens = lambda tok, text: [[t.text, t.whitespace_] for t in tok(text)]
json.dump({
    "model": [tokens(nlp.tokenizer, text) for text in job["texts"]],
    "blank": [tokens(blank.tokenizer, text) for text in job["texts"] + job["words"]],
    "tokenizer_bytes": hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest(),
}, sys.stdout)
"""


def corpus_texts() -> list[str]:
    folder = shared_dir() / "corpus" / "fr"
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))] if folder.is_dir() else []


@pytest.fixture(scope="module", autouse=True)
def started(french, tmp_path_factory) -> dict[str, tuple[subprocess.Popen, Path]]:
    """A plain spaCy process and a Vigie process, started first so they run beside the tests above."""
    words = sorted({v for word in HYPHEN_WORDS for v in variants(word, french)})
    job = {"model": installed_model("fr"), "texts": SENTENCES + corpus_texts(), "words": words}
    folder = tmp_path_factory.mktemp("startup")
    running = {}
    for name in ("spacy", "vigie"):
        (folder / f"{name}.in.json").write_text(json.dumps({**job, "vigie": name == "vigie"}), encoding="utf-8")
        with (folder / f"{name}.in.json").open(encoding="utf-8") as stdin:
            out = folder / f"{name}.out.json"
            with out.open("w", encoding="utf-8") as stdout:
                running[name] = (subprocess.Popen([sys.executable, "-c", REPORT], stdin=stdin, stdout=stdout), out)
    yield running
    for process, _ in running.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def processes(started) -> dict[str, dict]:
    """What each process reported (token texts and whitespace, tokenizer hash)."""
    reports = {}
    for name, (process, out) in started.items():
        assert process.wait(timeout=300) == 0, f"the {name} process failed"
        reports[name] = json.loads(out.read_text(encoding="utf-8"))
    return reports


def test_vigie_model_tokenizes_like_spacy(processes):
    assert processes["vigie"]["model"] == processes["spacy"]["model"]
    assert processes["vigie"]["tokenizer_bytes"] == processes["spacy"]["tokenizer_bytes"]


def test_corpus_was_part_of_the_comparison(shared, processes):
    assert len(processes["spacy"]["model"]) == len(SENTENCES) + len(corpus_texts()) > len(SENTENCES)


def test_blank_french_after_vigie_tokenizes_like_spacy(processes):
    assert processes["vigie"]["blank"] == processes["spacy"]["blank"]
    # The words really exercise the token-match rule: some stay whole.
    assert any(len(tokens) == 1 and "-" in tokens[0][0] for tokens in processes["spacy"]["blank"])
