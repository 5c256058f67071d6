"""Is a name used as a place? Read from its construction, not from the name alone.

A capital is a metonym for its government ("Moscou a démenti") unless the sentence uses it
as a place: after a locative word ("à Séoul", "près de Paris", "arrivé à Damas"), in the
dateline, after a place noun ("la région de Kharkiv"), as an end of a route or a range
("de Paris à Berlin", "entre Bagdad et Mossoul" unless "entre" follows a noun of relation:
"les négociations entre Ankara et Athènes"), or in a hyphenated pair ("Bordeaux-Toulouse").
A name that matches only a small town is no toponym when it is an acronym, a capitalised
common noun, or a word ending the name of a unit ("le régiment blindé de la Garde").
Mixed into the :class:`~vigie.kb.linking.Linker`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.kb.normalise import make_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vigie.kb.lexicon import Lexicon
    from vigie.kb.store import KnowledgeBase

UNIT_WINDOW = 5  # tokens looked back for a unit noun ("régiment blindé de la Garde")


class PlaceUsage:
    """Place-versus-actor decisions; the Linker provides the attributes below."""

    lex: Lexicon
    kb: KnowledgeBase
    language: str
    _dateline: tuple[int, int] | None

    def key(self, text: str) -> str:
        raise NotImplementedError

    def used_as_place(self, span: Span) -> bool:
        """True when a capital's name is used as a place ("à Séoul", the dateline)."""
        if self._dateline and span.start_char < self._dateline[1] and self._dateline[0] < span.end_char:
            return True
        if self._locative_before(span) or self._route_end(span):
            return True
        root = span.root
        if root.dep_ == "conj" and root.head.i < span.start:
            return self._locative_before(span.doc[root.head.i:root.head.i + 1])
        return False

    def _locative_before(self, span: Span) -> bool:
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.pos_ == "DET" and span.start > 1:
            prev = doc[span.start - 2]
        if prev is None:
            return False
        word = make_key(prev.text)
        if word in self.lex.locative:
            return True
        if word in self.lex.between:
            return not self._relation_before(prev)
        if prev.pos_ == "ADP" and prev.i > 0:
            # "la région de Kharkiv", "l’université américaine de Beyrouth": the noun it hangs
            # on; "près de Paris": a locative word before the preposition
            if make_key(doc[prev.i - 1].text) in self.lex.locative:
                return True
            noun = span.root.head if span.root.head.i < span.start else doc[prev.i - 1]
            key = make_key(noun.lemma_)
            return key in self.lex.place_nouns or self.lex.head_sector(key)[0] is not None
        return False

    def _relation_before(self, between: Token) -> bool:
        """"les négociations entre X et Y": X and Y are parties, not places."""
        doc = between.doc
        for tok in reversed(doc[max(0, between.i - 3):between.i]):
            if tok.pos_ in ("NOUN", "PROPN", "VERB"):
                return make_key(tok.lemma_) in self.lex.relation_nouns or \
                    make_key(tok.text) in self.lex.relation_nouns
        return False

    def _route_end(self, span: Span) -> bool:
        """"de Paris à Berlin": the start of a route is a place when its end follows, unless
        a noun of relation or message governs it ("l’avertissement de Paris à Alger")."""
        doc = span.doc
        if span.start == 0 or make_key(doc[span.start - 1].text) not in self.lex.route_from:
            return False
        if span.start >= 2 and self._relation_before(doc[span.start - 1]):
            return False  # "le message de Paris à Washington": a sender and an addressee
        nxt = doc[span.end] if span.end < len(doc) else None
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        return nxt is not None and after is not None and make_key(nxt.text) in self.lex.route_to \
            and after.is_title and bool(self.kb.places(self.key(after.text)))

    def place_pair(self, span: Span) -> tuple[Span, Span, bool] | None:
        """"la ligne Bordeaux-Toulouse", "le vol Rome-Madrid": two known names joined by a
        hyphen, and whether they are places (not after a noun of relation: "l’axe
        Moscou-Pékin")."""
        doc = span.doc
        if self.kb.places(self.key(span.text)) or self.kb.actors(self.key(span.text), self.language):
            return None  # "Bosnie-Herzégovine" is one place
        for tok in span[1:-1]:
            if tok.text not in ("-", "–") or not doc[tok.i - 1].is_title or not doc[tok.i + 1].is_title:
                continue
            left_start = tok.i - 1
            while left_start > span.start and doc[left_start - 1].is_title:
                left_start -= 1
            right_end = tok.i + 2
            while right_end < span.end and doc[right_end].is_title:
                right_end += 1
            left, right = doc[left_start:tok.i], doc[tok.i + 1:right_end]
            if self.kb.places(self.key(left.text)) and self.kb.places(self.key(right.text)):
                # "l’axe Moscou-Pékin": two parties (capitals stand for governments)
                return left, right, not (left_start > 0 and self._relation_before(doc[left_start]))
        return None

    def implausible_town(self, span: Span) -> bool:
        """True when a name matching only a small town is not used as a toponym: an acronym
        ("ALN" is a movement, not a village), a capitalised common noun not after a locative
        word, a name after an article ("les pays de l’Union"; "à la Garde" stays a place),
        or a word ending the name of a unit or body ("le régiment blindé de la Garde")."""
        if span.text.isupper() and len(span.text) <= 6:
            return True
        if len(span) != 1:
            return False
        if span[0].pos_ == "NOUN" and not self._locative_before(span):
            return True
        doc = span.doc
        if span.start >= 1 and doc[span.start - 1].pos_ == "DET" and \
                not (span.start >= 2 and make_key(doc[span.start - 2].text) in self.lex.locative):
            return True  # "les pays de l’Union": a town's name takes no article
        return self._in_unit_name(span)

    def _in_unit_name(self, span: Span) -> bool:
        doc = span.doc
        start = span.start
        while start > 0 and doc[start - 1].pos_ in ("DET", "ADP"):
            start -= 1
        if start == span.start:
            return False
        window = doc[max(span.sent.start, start - UNIT_WINDOW):start]
        return any(make_key(t.lemma_) in self.lex.unit_nouns or make_key(t.text) in self.lex.unit_nouns
                   for t in window)
