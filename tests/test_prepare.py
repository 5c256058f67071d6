"""Prepare: paragraph roles (title, body, sidebar, boilerplate), datelines, language."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.article import Article
from vigie.errors import InputError, UnsupportedLanguage
from vigie.prepare import Prepared, prepare
from vigie.prepare.language import detect_language, normalise_language

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

TITLE = "Les agriculteurs bloquent le périphérique"
BODY = [
    "Plusieurs centaines de tracteurs ont convergé lundi vers la capitale pour protester contre la "
    "baisse des aides.",
    "« Nous ne partirons pas sans réponse », a prévenu le président du syndicat, qui réclame une "
    "rencontre avec le ministre.",
]


def prep(*paragraphs: str, language: str = "fr", title: str | None = None) -> Prepared:
    return prepare(Article(name="t", text="\n\n".join(paragraphs), title=title), language)


def roles(p: Prepared) -> list[tuple[str, str]]:
    return [(q.role, p.text[q.start:q.end]) for q in p.paragraphs]


def role_of(p: Prepared, snippet: str) -> str:
    found = [q.role for q in p.paragraphs if snippet in p.text[q.start:q.end]]
    assert len(found) == 1, (snippet, roles(p))
    return found[0]


def assert_tiled(p: Prepared) -> None:
    """Spans in order, never overlapping, trimmed, and covering every non-blank character."""
    covered = set()
    last = 0
    for q in p.paragraphs:
        assert last <= q.start < q.end <= len(p.text)
        span = p.text[q.start:q.end]
        assert span == span.strip()
        covered.update(range(q.start, q.end))
        last = q.end
    assert all(i in covered for i, c in enumerate(p.text) if not c.isspace())


# -- title and body -------------------------------------------------------------------------

def test_plain_article_is_title_and_body():
    p = prep(TITLE, *BODY)
    assert [r for r, _ in roles(p)] == ["title", "body", "body"]
    assert p.meta.title == TITLE and p.text.split("\n\n")[0] == TITLE
    assert_tiled(p)


def test_given_title_is_inserted_once():
    p = prep(*BODY, title=TITLE)
    assert roles(p)[0] == ("title", TITLE)
    p = prep(TITLE + " :", *BODY, title=TITLE)  # same title up to punctuation: not repeated
    assert [r for r, _ in roles(p)].count("title") == 1 and len(p.paragraphs) == 3


def test_untitled_lede_is_not_a_title():
    p = prep(*BODY)
    assert [r for r, _ in roles(p)] == ["body", "body"] and p.meta.title is None


def test_empty_text_is_an_input_error():
    with pytest.raises(InputError):
        prepare(Article(name="t", text=" \n\n "), "fr")


def test_html_article_is_converted():
    html = (FIXTURES / "page.html").read_text("utf-8")
    p = prepare(Article(name="p", html=html), None)
    assert p.meta.title == "La médiathèque rouvre ses portes" and p.meta.language == "fr"
    assert p.meta.published == "2022-05-14"
    assert roles(p)[0][0] == "title" and "dix-huit mois" in roles(p)[1][1]


# -- boilerplate ----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité chaque matin.",
    "Suivez-nous sur les réseaux sociaux.",
    "Lisez aussi notre dossier sur la crise agricole.",
    "Retrouvez toute l’actualité de la région sur notre application.",
    "Téléchargez notre application gratuite.",
    "Cliquez ici pour voir la vidéo.",
    "Lire aussi : La colère paysanne gagne le sud du pays",
    "À lire aussi : les chiffres de la production laitière",
    "Photo : Jeanne Martin / Agence Sud",
    "© Agence Sud 2024",
    "Par Jeanne Martin",
    "Publié le 12 février 2024 à 10h32",
    "Mis à jour le 13/02/2024",
    "(Avec AFP)",
    "Partager",
    "Voir les commentaires",
    "Il vous reste 72 % de cet article à lire.",
    "Cet article est réservé aux abonnés.",
    "Vous avez des informations sur ce sujet ? Vous pouvez nous écrire à l’adresse de la rédaction.",
    "Voici comment les habitants peuvent aider les exploitants touchés.",
    "Paul Morel à Lyon a contribué à ce reportage.",
    "L’article continue sous la publicité",
    "Cet article a été traduit de l’anglais.",
])
def test_boilerplate_lines(line: str):
    p = prep(TITLE, BODY[0], line, BODY[1])
    assert role_of(p, line) == "boilerplate"
    assert role_of(p, BODY[0]) == "body" and role_of(p, BODY[1]) == "body"


def test_trailing_call_is_split_into_its_own_span():
    body = "Le préfet a promis une réponse avant la fin de la semaine."
    call = "Retrouvez tous nos directs sur notre site."
    p = prep(TITLE, BODY[0], f"{body} {call}")
    assert roles(p)[-2:] == [("body", body), ("boilerplate", call)]
    assert_tiled(p)


def test_leading_credit_sentence_is_split_off():
    body = "Le cortège s’est dispersé dans le calme en fin d’après-midi."
    p = prep(TITLE, BODY[0], f"Inscrivez-vous à notre lettre quotidienne. {body}")
    assert roles(p)[-1] == ("body", body) and roles(p)[-2][0] == "boilerplate"
    assert_tiled(p)


def test_several_calls_with_a_short_question_between_them():
    line = ("Découvrez notre dossier sur les élections. Êtes-vous sur WhatsApp ? "
            "Rejoignez notre groupe pour les alertes en temps réel.")
    assert role_of(prep(TITLE, *BODY, line), "WhatsApp") == "boilerplate"


def test_quoted_imperatives_stay_in_the_body():
    line = ("« Rejoignez-nous, suivez notre mouvement », a lancé le porte-parole aux automobilistes "
            "bloqués, avant de distribuer des tracts.")
    assert role_of(prep(TITLE, BODY[0], line), "Rejoignez-nous") == "body"
    line = "Le dirigeant a déclaré : « Nous avons lancé notre application il y a un an. »"
    assert role_of(prep(TITLE, BODY[0], line), "application") == "body"


def test_narrative_sentences_with_trigger_words_stay_in_the_body():
    for line in (
        "Photos à l’appui, le quotidien affirme que le ministre dînait avec des lobbyistes.",
        "Mise à jour — 18 h : le ministre a finalement accepté de recevoir une délégation.",
        "Par ailleurs, les syndicats ont appelé à suivre le mouvement dans toute la région.",
        "Sur les réseaux sociaux, de nombreux internautes ont partagé les images du blocage.",
    ):
        assert role_of(prep(TITLE, BODY[0], line), line[:20]) == "body"


def test_link_list_after_a_read_also_heading():
    p = prep(TITLE, *BODY, "À lire aussi", "Les éleveurs face à la sécheresse",
             "Le prix du lait au plus bas depuis dix ans ?")
    assert [r for r, _ in roles(p)][-3:] == ["boilerplate"] * 3


def test_marked_link_then_intertitle_keeps_the_intertitle():
    p = prep(TITLE, BODY[0], "LIRE AUSSI", ">> Les éleveurs face à la sécheresse", "Un ministre absent",
             BODY[1])
    assert role_of(p, "Un ministre absent") == "body"
    assert role_of(p, ">> Les éleveurs") == "boilerplate"


def test_separator_lines_are_boilerplate():
    p = prep(TITLE, BODY[0], "-", "* * *", BODY[1])
    assert [r for r, _ in roles(p)] == ["title", "body", "boilerplate", "boilerplate", "body"]


def test_english_boilerplate():
    p = prep("Farmers block the ring road",
             "Hundreds of tractors converged on the capital on Monday to protest against cuts.",
             "Sign up for our morning newsletter.", "Jane Smith contributed to this report.",
             language="en")
    assert [r for r, _ in roles(p)] == ["title", "body", "boilerplate", "boilerplate"]


# -- sidebar --------------------------------------------------------------------------------

BOX = [
    "Crise agricole : ce qu’il faut savoir",
    "Les revendications : les exploitants demandent le maintien des aides et un prix plancher pour le lait.",
    "Le calendrier : une réunion est prévue jeudi au ministère avec les principaux syndicats.",
]


def test_known_box_heading_with_labelled_items_is_sidebar():
    call = "Suivez notre direct pour les dernières informations."
    p = prep(TITLE, *BODY, BOX[0], BOX[1], f"{BOX[2]} {call}", "Abonnez-vous à notre newsletter.")
    assert [role_of(p, s[:30]) for s in BOX] == ["sidebar"] * 3
    assert role_of(p, call) == "boilerplate" and role_of(p, "Abonnez-vous") == "boilerplate"
    assert role_of(p, BODY[1]) == "body"
    assert_tiled(p)


def test_unknown_heading_with_distinct_labels_before_the_page_furniture_is_sidebar():
    p = prep(TITLE, *BODY, "La mobilisation", BOX[1], BOX[2], "Abonnez-vous à notre newsletter.")
    assert [r for r, _ in roles(p)][-4:] == ["sidebar"] * 3 + ["boilerplate"]


def test_closing_section_with_labels_stays_body():
    p = prep(TITLE, *BODY, "Les réactions",
             "Le maire : « Nous soutenons les exploitants, mais le blocage doit cesser rapidement. »",
             "La préfète : « Le dialogue reste ouvert, une réunion aura lieu jeudi matin. »")
    assert "sidebar" not in [r for r, _ in roles(p)]


def test_intertitle_followed_by_narrative_stays_body():
    p = prep(TITLE, BODY[0], "Un ministre sous pression", BODY[1])
    assert [r for r, _ in roles(p)] == ["title", "body", "body", "body"]


def test_interview_labels_are_not_a_sidebar():
    p = prep(TITLE, *BODY, "Sur l’avenir des exploitations",
             "Question : Que demandez-vous exactement au gouvernement cette semaine ?",
             "Réponse : Un prix juste pour notre travail, et des règles simples à appliquer.",
             "Question : Irez-vous jusqu’à bloquer les ports si rien ne bouge ?",
             "Réponse : Nous n’excluons rien, mais nous préférons encore le dialogue.")
    assert "sidebar" not in [r for r, _ in roles(p)]


def test_labelled_paragraph_in_the_middle_stays_body():
    p = prep(TITLE, BODY[0], "Les chiffres", "Ont voté pour : 312 députés, contre : 220, et 14 se sont abstenus.",
             BODY[1])
    assert "sidebar" not in [r for r, _ in roles(p)]


# -- dateline -------------------------------------------------------------------------------

@pytest.mark.parametrize(("head", "place"), [
    ("LYON –", "LYON"),
    ("BORDEAUX (AFP) -", "BORDEAUX"),
    ("NEW YORK —", "NEW YORK"),
    ("PONT-SAINT-ESPRIT.- ", "PONT-SAINT-ESPRIT"),
    ("SAINT-ÉTIENNE, 4 mars (Reuters) -", "SAINT-ÉTIENNE"),
    ("Marseille, 12 mai (Reuters) -", "Marseille"),
    ("Le Caire (AFP) –", "Le Caire"),
])
def test_dateline(head: str, place: str):
    p = prep(TITLE, f"{head} {BODY[0]}", BODY[1])
    d = p.meta.dateline
    assert d is not None and d.text == place and p.text[d.start:d.end] == place
    assert d.place is None  # filled by the places extractor


@pytest.mark.parametrize("head", ["EXCLUSIF -", "Marseille -", "Le président -", "12 mai 2024. -", "LYON (Inconnu) -"])
def test_no_dateline(head: str):
    assert prep(TITLE, f"{head} {BODY[0]}", BODY[1]).meta.dateline is None


def test_dateline_only_in_the_first_body_paragraph():
    assert prep(TITLE, BODY[0], f"LYON – {BODY[1]}").meta.dateline is None
    assert prep("LYON – les tracteurs arrivent", *BODY).meta.dateline is None  # title


def test_dateline_skips_leading_boilerplate():
    p = prep(TITLE, "Publié le 12 février 2024 à 10h32", f"LYON – {BODY[0]}")
    assert p.meta.dateline is not None and p.meta.dateline.text == "LYON"


# -- language -------------------------------------------------------------------------------

def test_language_detection():
    assert prepare(Article(name="t", text="\n\n".join([TITLE, *BODY])), None).meta.language == "fr"
    english = "Farmers block the ring road\n\nHundreds of tractors converged on the capital on Monday."
    assert prepare(Article(name="t", text=english), None).meta.language == "en"


def test_unsupported_language_is_detected_and_refused_by_the_model_loader():
    german = "Die Landwirte blockieren die Ringstraße\n\nHunderte Traktoren fuhren am Montag in die Hauptstadt."
    p = prepare(Article(name="t", text=german), None)
    assert p.meta.language == "de"
    from vigie.nlp.models import installed_model

    with pytest.raises(UnsupportedLanguage, match=r"unsupported language 'de'.*--language"):
        installed_model(p.meta.language)


def test_given_language_wins_and_is_normalised():
    assert prepare(Article(name="t", text=TITLE, language="fr-FR"), None).meta.language == "fr"
    assert prepare(Article(name="t", text=TITLE, language="de"), "FR").meta.language == "fr"


def test_short_text_prefers_a_supported_language():
    assert detect_language("Hello world") == "en"
    assert detect_language("Le maire") == "fr"


@pytest.mark.parametrize(("code", "want"), [
    ("fr", "fr"), ("FR", "fr"), ("fr-CA", "fr"), ("en_GB", "en"), ("fra", "fr"), ("fre", "fr"),
    ("eng", "en"), ("", None), (None, None), ("French", "french"),
])
def test_normalise_language(code, want):
    assert normalise_language(code) == want


# -- the shared corpus ----------------------------------------------------------------------

def test_corpus_titles_and_bodies_survive(shared: Path):
    """Over the whole shared corpus: every article keeps its title, most of its paragraphs stay
    body, no article loses more than a few lines, and the language is the folder's."""
    from vigie.sources import ReadError, iter_articles

    for article in iter_articles([str(shared / "corpus")]):
        assert not isinstance(article, ReadError), article
        p = prepare(article)
        got = [q.role for q in p.paragraphs]
        assert got[0] == "title", article.name
        assert got.count("body") >= 0.8 * (len(got) - 1), (article.name, roles(p))
        assert got.count("sidebar") == 0, article.name
        assert p.meta.language == Path(article.origin).parent.name.replace("html", "fr")
