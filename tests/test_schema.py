import json

from vigie.schema import (
    SCHEMA,
    ActorRef,
    Dateline,
    Document,
    Entity,
    Mention,
    Meta,
    Paragraph,
    Span,
    Statement,
    document_id,
)


def test_document_id_is_stable_under_whitespace_and_normalisation():
    assert document_id("Café  du\nmonde") == document_id("Cafe\u0301 du monde")
    assert document_id("a") != document_id("b")
    assert document_id("x").startswith("sha256:")


def test_to_dict_follows_the_contract_and_hides_internal_fields():
    doc = Document(id="sha256:x", meta=Meta(title="T", dateline=Dateline("SEOUL", "e1", 0, 5)),
                   text="SEOUL – hi", paragraphs=[Paragraph(0, 10)],
                   entities=[Entity("e1", "LOCATION", "Séoul", mentions=[Mention("SEOUL", 0, 5)])],
                   statements=[Statement("s1", "direct", Span("hi", 8, 10), None, None,
                                         addressees=[ActorRef("e1", "x", "KOR")])])
    d = doc.to_dict()
    assert d["schema"] == SCHEMA
    assert list(d)[:4] == ["schema", "id", "meta", "text"]
    assert d["meta"]["dateline"] == {"text": "SEOUL", "place": "e1"}
    assert d["statements"][0]["speaker"] is None
    assert d["statements"][0]["addressees"][0]["country"] == "KOR"
    json.dumps(d)  # plain JSON values only


def _reference(value):
    """The plain recursive conversion ``to_dict`` must reproduce (its first, slow form)."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _reference(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.metadata.get("internal")}
    if isinstance(value, (list, tuple)):
        return [_reference(v) for v in value]
    if isinstance(value, dict):
        return {k: _reference(v) for k, v in value.items()}
    return value


def test_to_dict_is_the_plain_recursive_conversion_with_every_class():
    import orjson

    from vigie.schema import (
        Claim,
        ClaimSpan,
        Cue,
        DateRef,
        Event,
        Geo,
        Location,
        Speaker,
        Stance,
        Stats,
        Time,
    )

    actor = ActorRef("e1", "la ministre", "FRA", "GOV")
    doc = Document(
        id="sha256:y", meta=Meta("Titre", "2023-03-16", dateline=Dateline("PARIS", "e2", 0, 5)),
        text="PARIS – La ministre a dit mardi qu'elle partira.",
        paragraphs=[Paragraph(0, 48, "title")],
        entities=[Entity("e1", "PERSON", "la ministre", kb={"wikidata": "Q1"},
                         geo=Geo(48.85, 2.35, "FR", 2988507, "city"),
                         mentions=[Mention("La ministre", 8, 19)], anonymous=True)],
        statements=[Statement("s1", "indirect", Span("elle partira", 35, 47),
                              Speaker("La ministre", 8, 19, "e1", country="FRA"),
                              Cue("a dit", "dire", 20, 25), addressees=[actor],
                              date=DateRef("mardi", "2023-03-14"), confidence=0.75)],
        events=[Event("v1", "DEPART", Span("partira", 40, 47), Span("elle partira", 35, 47),
                      context=("politique",), actors=[actor], modality="future",
                      location=Location("Paris", "e2", "FRA", 48.85, 2.35),
                      other_evidence=[Span("x", 0, 1)])],
        times=[Time("mardi", 28, 33, "DATE", "2023-03-14", "2023-03-15")],
        claims=[Claim("c1", "elle partira", [ClaimSpan(35, 47)],
                      [Stance(actor, "assert", "s1")])],
        stats=Stats(12, 0.5, "fr"),
    )
    d = doc.to_dict()
    assert d == {"schema": SCHEMA, **_reference(doc)}
    assert d["events"][0]["context"] == ["politique"]   # tuples become lists
    assert orjson.dumps(d) == orjson.dumps({"schema": SCHEMA, **_reference(doc)})  # key order
