"""Modality of events: negation, reported conditional, denial, plans, conditions."""

from __future__ import annotations

import pytest

from events_helpers import parsed
from vigie.extract.events_modality import cues, modality_of

pytestmark = pytest.mark.slow


def modality(sentence: str, word: str, clause: str | None = None, **kw) -> str:
    doc = parsed(sentence)
    head = next(t for t in doc if t.text == word)
    carrier = next(t for t in doc if t.text == clause) if clause else None
    return modality_of(head, carrier, "fr", **kw)


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("L'armée a bombardé le port hier.", "bombardé", "actual"),
    ("Nous n'avons jamais vendu d'armes à ce pays.", "vendu", "negated"),
    ("Le ministre ne rencontrera pas son homologue.", "rencontrera", "negated"),
    ("Selon la presse, le pays aurait livré des obus aux rebelles.", "livré", "claimed"),
    ("Le ministère dément avoir cédé des armes à la junte.", "cédé", "claimed"),
    ("Le procureur accuse le groupe d'avoir attaqué la caserne.", "attaqué", "claimed"),
    ("Le président rencontrera son homologue mardi.", "rencontrera", "future"),
    ("Une plainte va être déposée contre le député.", "déposée", "future"),
    ("Les deux pays devraient signer un accord.", "signer", "future"),
    ("Le pays pourrait frapper les installations.", "frapper", "hypothetical"),
    ("L'Otan interviendra si la Russie envahit la Lituanie.", "envahit", "hypothetical"),
    ("Il a annoncé qu'il saisirait le tribunal.", "saisirait", "future"),
])
def test_verb_modality(sentence: str, word: str, expected: str) -> None:
    assert modality(sentence, word) == expected


def test_noun_takes_the_modality_of_its_clause() -> None:
    sentence = "Toute vente d'armes à cette junte serait une entorse aux règles."
    assert modality(sentence, "vente", "entorse") == "hypothetical"
    assert modality("Le sommet aura lieu à Genève.", "sommet", "aura") == "future"


def test_noun_negated_by_its_determiner() -> None:
    assert modality("Aucune frappe n'a visé la ville.", "frappe") == "negated"


def test_content_of_a_denial_is_claimed() -> None:
    assert modality("Le pays a livré des armes.", "livré", in_denial=True) == "claimed"


def test_relative_clause_of_a_report_is_claimed() -> None:
    sentence = "Il a commenté les rumeurs selon lesquelles le pays aurait envoyé des soldats."
    assert modality(sentence, "envoyé") == "claimed"


def test_cues_are_loaded_once() -> None:
    assert cues("fr") is cues("fr")
    assert "jamais" in cues("fr").negators


def test_requested_and_threatened_events_are_not_events() -> None:
    sentence = "Les manifestants ont appelé à la démission du ministre."
    assert modality(sentence, "démission", "appelé") == "unrealised"


def test_foiled_event_is_negated() -> None:
    assert modality("La police a déjoué un attentat contre la mairie.", "attentat", "déjoué") == "negated"
    assert modality("L'attentat déjoué visait la mairie.", "attentat") == "negated"


def test_liability_is_hypothetical() -> None:
    sentence = "Les fraudeurs sont passibles de fortes sanctions."
    assert modality(sentence, "sanctions") == "hypothetical"


def test_hearsay_conditional_is_claimed() -> None:
    assert modality("Selon la presse, l'armée préparerait une offensive.", "préparerait") == "claimed"


def test_liability_clause_makes_its_noun_hypothetical() -> None:
    sentence = "Les fraudeurs sont passibles de sanctions décidées par le tribunal."
    assert modality(sentence, "sanctions", "passibles") == "hypothetical"


def test_awaited_visit_is_future() -> None:
    assert modality("Le ministre est attendu lundi à Quito.", "attendu") == "future"


def test_announced_event_is_not_future() -> None:
    assert modality("Le Chili a annoncé une mobilisation générale.", "mobilisation", "annoncé") == "actual"
