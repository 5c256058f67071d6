"""The fast ``sent`` hooks return the spans spaCy's own ``Token.sent`` and ``Span.sent`` return."""

from __future__ import annotations

from spacy.tokens import Span

from vigie.nlp import load_model

TEXT = ("Le ministre a parlé. « Nous ne céderons pas. Jamais », a-t-il ajouté.\n\n"
        "Un titre sans point\nPuis une phrase. Et une autre ?")


def _without_hooks(doc):
    doc.user_token_hooks.pop("sent", None)
    doc.user_span_hooks.pop("sent", None)
    return doc


def test_same_sentences_as_spacy():
    nlp = load_model("fr")
    doc = nlp(TEXT)
    assert "sent" in doc.user_token_hooks
    fast_tokens = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(s, e) for s in range(len(doc)) for e in range(s + 1, min(len(doc), s + 6) + 1)]
    fast_spans = [(Span(doc, s, e).sent.start, Span(doc, s, e).sent.end) for s, e in spans]
    plain = _without_hooks(nlp(TEXT))
    assert fast_tokens == [(t.sent.start, t.sent.end) for t in plain]
    assert fast_spans == [(Span(plain, s, e).sent.start, Span(plain, s, e).sent.end) for s, e in spans]
    assert len({b for b in fast_tokens}) >= 4, "the text must have several sentences"


def test_corpus_sentences(shared):
    nlp = load_model("fr")
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "fr").glob("*.txt"))[:6]]
    for doc in nlp.pipe(texts):
        fast = [(t.sent.start, t.sent.end) for t in doc]
        _without_hooks(doc)
        assert fast == [(t.sent.start, t.sent.end) for t in doc]
