"""Statements on sentences written for these tests: every construction of issue 3."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def statements(analyze, text: str) -> list[dict]:
    doc = analyze("Titre de test\n\n" + text).to_dict()
    entities = {e["id"]: e for e in doc["entities"]}
    out = doc["statements"]
    for st in out:
        sp = st["speaker"] or {}
        ent = entities.get(sp.get("entity")) or {}
        st["who"] = " | ".join(filter(None, [sp.get("text"), sp.get("name"), ent.get("name"),
                                             *(m["text"] for m in ent.get("mentions", []))]))
        st["what"] = st["content"]["text"]
        assert doc["text"][st["content"]["start"]:st["content"]["end"]] == st["what"]
    return out


def one(analyze, text: str, containing: str) -> dict:
    found = [s for s in statements(analyze, text) if containing in s["what"]]
    assert found, f"no statement contains {containing!r}"
    return found[0]


# --- direct quotes ---------------------------------------------------------------------
@pytest.mark.parametrize("quote", [
    "« Nous ne céderons rien »", "«Nous ne céderons rien»", "“Nous ne céderons rien”",
    '"Nous ne céderons rien"', "‹ Nous ne céderons rien ›",
])
def test_direct_quote_with_incise_in_every_style(analyze, quote: str) -> None:
    st = one(analyze, f"{quote}, a déclaré mardi la ministre de la Culture, Hélène Marchal.", "céderons")
    assert st["kind"] == "direct"
    assert st["what"] == "Nous ne céderons rien"
    assert "Marchal" in st["who"]
    assert st["cue"]["lemma"] == "déclarer"


def test_clitic_subject_is_resolved_to_the_last_speaker(analyze) -> None:
    text = ("Le maire de Lyon, Paul Vernet, a reçu les habitants samedi. "
            "« Le chantier sera terminé en juin », a-t-il assuré.")
    st = one(analyze, text, "chantier")
    assert st["kind"] == "direct"
    assert "Vernet" in st["who"]


def test_split_quote_is_one_statement(analyze) -> None:
    text = "« Le dialogue reste ouvert », a expliqué le diplomate Marc Olivier, « mais notre patience a des limites ». "
    sts = statements(analyze, text)
    assert len(sts) == 1
    assert "dialogue reste ouvert" in sts[0]["what"] and "patience a des limites" in sts[0]["what"]


def test_quote_after_a_colon(analyze) -> None:
    st = one(analyze, "La directrice de l'hôpital, Anne Roux, a prévenu : « Les lits manquent déjà. »", "lits")
    assert st["kind"] == "direct"
    assert "Roux" in st["who"]
    assert st["act"] == "WARN"


def test_quote_only_paragraph_takes_the_speaker_introduced_before(analyze) -> None:
    text = ("Le syndicaliste Jean Morel a défendu le mouvement devant la presse.\n\n"
            "« Nous irons jusqu'au bout de cette grève. »")
    st = one(analyze, text, "jusqu'au bout")
    assert st["kind"] == "direct"
    assert "Morel" in st["who"]


def test_quoted_intertitle_is_no_statement_but_an_announced_short_quote_is(analyze) -> None:
    text = ("Le ministre Paul Brun a parlé longtemps aux élus.\n\n« Une crise sans fin »\n\n"
            "La séance a été levée.\n\nLa maire, Léa Petit, a répondu :\n\n« Nous ne lâcherons rien »")
    sts = statements(analyze, text)
    assert not any("crise sans fin" in s["what"] for s in sts)
    assert any("lâcherons" in s["what"] and "Petit" in s["who"] for s in sts)


def test_label_before_a_colon_names_the_speaker(analyze) -> None:
    st = one(analyze, "Réaction du ministre de l'Agriculture, Paul Brun : « C'est une honte. »", "une honte")
    assert st["kind"] == "direct" and "Brun" in st["who"]
    assert statements(analyze, "Le bilan de la saison : « un désastre ».") == []


def test_multi_paragraph_quote_keeps_its_speaker(analyze) -> None:
    text = ("La présidente de l'association, Claire Dumas, a déclaré :\n\n"
            "« Nous avons tout essayé pendant dix ans.\n\n"
            "« Aujourd'hui nous demandons simplement d'être entendus. »")
    sts = statements(analyze, text)
    assert any("dix ans" in s["what"] and "Dumas" in s["who"] for s in sts)
    assert any("entendus" in s["what"] and "Dumas" in s["who"] for s in sts)


def test_multi_paragraph_quote_takes_the_speaker_after_it(analyze) -> None:
    text = ("La séance a repris vers midi.\n\n"
            "« Nous avons tout essayé pendant dix ans.\n\n"
            "« Aujourd'hui nous voulons être entendus », a conclu la syndicaliste Marie Perrin.")
    sts = statements(analyze, text)
    assert any("dix ans" in s["what"] and "Perrin" in s["who"] for s in sts)


# --- indirect speech -----------------------------------------------------------------------
def test_indirect_que_clause(analyze) -> None:
    st = one(analyze, "Le porte-parole du gouvernement, Luc Arnaud, a affirmé jeudi que la réforme serait votée.",
             "réforme serait votée")
    assert st["kind"] == "indirect"
    assert "Arnaud" in st["who"]
    assert st["act"] == "ASSERT"
    assert not st["what"].startswith("que")


@pytest.mark.parametrize(("text", "source", "snippet"), [
    ("Selon le ministère de la Santé, trois hôpitaux ont fermé.", "ministère de la Santé", "hôpitaux ont fermé"),
    ("Trois hôpitaux ont fermé, selon le ministère de la Santé.", "ministère de la Santé", "hôpitaux ont fermé"),
    ("D'après la police, le cortège comptait deux mille personnes.", "police", "deux mille"),
    ("Pour Pierre Lemaire, cette décision est une erreur.", "Lemaire", "une erreur"),
])
def test_prepositional_cues(analyze, text: str, source: str, snippet: str) -> None:
    st = one(analyze, text, snippet)
    assert st["kind"] == "indirect"
    assert source in st["who"]


def test_pour_with_an_infinitive_is_no_cue(analyze) -> None:
    assert statements(analyze, "Pour gagner du temps, le conseil a voté sans débat.") == []


def test_relative_selon_lequel_reports_the_clause(analyze) -> None:
    text = "L'entreprise a publié une étude du cabinet Orbis selon laquelle les ventes ont chuté de moitié."
    st = one(analyze, text, "ventes ont chuté")
    assert "étude" in st["who"] or "Orbis" in st["who"]


def test_denial_of_reports_and_participial_accusation(analyze) -> None:
    text = ("Le Venezuela a démenti les informations de la presse colombienne selon lesquelles "
            "il aurait armé des rebelles, accusant Bogota de mentir.")
    sts = statements(analyze, text)
    deny = next(s for s in sts if "armé des rebelles" in s["what"])
    assert deny["act"] == "DENY" and "Venezuela" in deny["who"]
    accuse = next(s for s in sts if "mentir" in s["what"])
    assert accuse["act"] == "ACCUSE" and "Venezuela" in accuse["who"]
    assert any("Bogota" in a["text"] for a in accuse["addressees"])
    assert len(sts) == 2  # the "selon lesquelles" inside the denial is no statement of its own


def test_nested_cue_gives_way_to_the_outer_statement(analyze) -> None:
    text = "Les enquêteurs ont déclaré que le rapport indique que le pont était fragile."
    sts = statements(analyze, text)
    assert len(sts) == 1 and "pont était fragile" in sts[0]["what"]


# --- mixed quotes and non-statements -----------------------------------------------------
def test_mixed_quote_is_the_whole_reported_clause(analyze) -> None:
    text = "Le sénateur Paul Girard a accusé « les banques » de mener « une politique cynique »."
    st = one(analyze, text, "politique cynique")
    assert st["kind"] == "mixed"
    assert st["act"] == "ACCUSE"
    assert "les banques" in st["what"]
    assert any("banques" in a["text"] for a in st["addressees"]) or st["addressees"] == []


def test_quoted_title_is_not_a_statement(analyze) -> None:
    assert statements(analyze, "Le film « La Grande Vague » sort en salles mercredi.") == []


def test_claim_called_false_is_a_denial(analyze) -> None:
    text = "Le Kremlin a répondu aux accusations occidentales en les qualifiant de « mensongères »."
    st = one(analyze, text, "mensongères")
    assert st["act"] == "DENY"
    assert "Kremlin" in st["who"]


# --- speakers -------------------------------------------------------------------------------
def test_definite_description_links_to_the_first_mention(analyze) -> None:
    text = ("Un haut responsable de la police belge a confirmé l'arrestation vendredi. "
            "Le responsable a dénoncé « une attaque préparée depuis des mois ».")
    st = one(analyze, text, "attaque préparée")
    assert "haut responsable de la police belge" in st["who"]


def test_passive_agent_is_the_speaker(analyze) -> None:
    text = "Le gouverneur est accusé par l'opposition d'avoir détourné des fonds publics."
    st = one(analyze, text, "détourné des fonds")
    assert "opposition" in st["who"]
    assert st["act"] == "ACCUSE"


def test_impersonal_source_gives_no_statement(analyze) -> None:
    assert statements(analyze, "Les soldats, dit-on, se seraient rendus sans combattre.") == []


# --- speech acts ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "snippet", "act"), [
    ("Le ministre a démenti toute négociation secrète avec les rebelles.", "négociation secrète", "DENY"),
    ("Le ministre n'a pas démenti l'existence de négociations secrètes.", "négociations secrètes", "ASSERT"),
    ("La maire a exhorté les habitants à rester chez eux.", "rester chez eux", "DEMAND"),
    ("Le président s'est engagé à baisser les impôts.", "baisser les impôts", "PROMISE"),
    ("L'ONU a salué l'accord de cessez-le-feu.", "cessez-le-feu", "SUPPORT"),
    ("Le syndicat a rejeté la proposition patronale.", "proposition patronale", "REJECT"),
    ("Le directeur a reconnu des erreurs de gestion.", "erreurs de gestion", "CONCEDE"),
    ("La ministre a annoncé la fermeture des écoles.", "fermeture des écoles", "ANNOUNCE"),
    ("Le député s'interroge sur le coût réel du projet.", "coût réel", "QUESTION"),
    ("L'armée a menacé les rebelles de représailles.", "représailles", "WARN"),
])
def test_acts_from_the_cue(analyze, text: str, snippet: str, act: str) -> None:
    assert one(analyze, text, snippet)["act"] == act


@pytest.mark.parametrize(("quote", "act"), [
    ("« Nous démentons formellement ces rumeurs »", "DENY"),
    ("« Nous avertissons le gouvernement de ne pas aller plus loin »", "WARN"),
    ("« J'appelle les deux camps à déposer les armes »", "DEMAND"),
    ("« Nous n'avons jamais livré d'armes à ce pays »", "DENY"),
])
def test_the_content_performative_decides(analyze, quote: str, act: str) -> None:
    st = one(analyze, f"{quote}, a déclaré le porte-parole du ministère, Karim Saïdi.", quote[2:12])
    assert st["act"] == act


def test_addressee_of_an_accusation(analyze) -> None:
    st = one(analyze, "La Chine a accusé le Japon de provoquer une crise régionale.", "crise régionale")
    assert st["act"] == "ACCUSE"
    assert any("Japon" in a["text"] for a in st["addressees"])


def test_statement_date_is_resolved_against_publication(analyze) -> None:
    st = one(analyze, "« Nous partirons demain », a déclaré jeudi le capitaine Henri Blanc.", "partirons")
    if st["date"] is not None:  # needs the times extractor
        assert st["date"]["value"] == "2022-09-22"


def test_ids_follow_text_order(analyze) -> None:
    text = ("Le maire a affirmé que le budget était équilibré. "
            "Selon l'opposition, la dette a doublé.")
    sts = statements(analyze, text)
    assert [s["id"] for s in sts] == [f"s{i}" for i in range(1, len(sts) + 1)]
    starts = [s["content"]["start"] for s in sts]
    assert starts == sorted(starts)


# --- English (resources/en/cues.toml) -------------------------------------------------------
def test_english_quote_and_according_to(analyze) -> None:
    from vigie.errors import VigieError
    from vigie.nlp import load_model

    try:
        load_model("en")
    except VigieError as err:
        pytest.skip(f"no English model: {err}")
    text = ("Title\n\n\"We will not back down,\" the minister, John Clark, said on Tuesday. "
            "According to officials, the talks failed.")
    doc = analyze(text, language="en").to_dict()
    quote = next(s for s in doc["statements"] if "back down" in s["content"]["text"])
    assert quote["kind"] == "direct" and "Clark" in quote["speaker"]["text"]
    report = next(s for s in doc["statements"] if "talks failed" in s["content"]["text"])
    assert report["kind"] == "indirect" and "officials" in report["speaker"]["text"]
