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
