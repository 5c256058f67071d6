"""Descriptions and their coreference, the second pass of the :class:`~vigie.kb.linking.Linker`.

A noun phrase headed by a title, institution, document or country noun is read by
:func:`vigie.kb.describe.describe`, then attached to the person or organisation it stands
in apposition to ("le président turc Recep Tayyip Erdogan", "l’hebdomadaire Le Point"), to an
earlier referent (definite anaphora: "le responsable", "la nation asiatique", "l’ONG"),
to the author of a document ("un reportage diffusé par Al Jazeera"), or made a new entity
(anonymous when indefinite: "un haut responsable de la marine iranienne").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from vigie.kb.describe import Description, describe, phrase
from vigie.kb.matchers import head_positions
from vigie.kb.normalise import make_key
from vigie.schema import Entity

if TYPE_CHECKING:
    from vigie.analysis import Analysis
    from vigie.extract.entities import EntityIndex
    from vigie.kb.lexicon import Lexicon
    from vigie.kb.store import KnowledgeBase


class DescriptionLinker:
    """The description pass; mixed into the Linker, which provides the attributes below."""

    analysis: Analysis
    index: EntityIndex
    kb: KnowledgeBase
    lex: Lexicon
    language: str
    _heads: list[Token]

    def _inner(self, start: int, end: int) -> list[Entity]:
        raise NotImplementedError

    def _person(self, span: Span) -> Entity | None:
        raise NotImplementedError

    def default_country(self, entity: Entity) -> None:
        raise NotImplementedError

    def link_descriptions(self) -> None:
        """Link every noun phrase headed by a title, institution or country noun."""
        doc = self.analysis.doc
        done_until = 0
        self._heads = [doc[s] for s in head_positions(doc, self.language)]
        for tok in self._heads:
            s = tok.i
            if s < done_until:
                continue  # inside the previous description
            span = self._whole_names(phrase(doc[s], self.lex))
            if self.link_description(span, doc[s]) is not None:
                done_until = span.end

    def _whole_names(self, span: Span) -> Span:
        """``span`` widened so that it does not cut a linked name ("Kim Jong Un")."""
        end = span.end_char
        for s, e, _ in self.index.mentions_in(span.start_char, end + 100):
            if s < end < e:
                end = e
        widened = span.doc.char_span(span.start_char, end, alignment_mode="expand")
        return widened if widened is not None else span

    def link_description(self, span: Span, head: Token) -> Entity | None:
        """Attach a description to its referent, or create the referent."""
        if self.index.covering(head.idx, head.idx + len(head.text)) is not None:
            return None  # the head is part of a name already linked
        self._bridge_inside(span, head)
        d = describe(span, head, self.lex, self.kb, self.language, self._inner)
        if d.kind is None:
            return None
        if d.kind == "country":
            return self._country_anaphor(d)
        if d.kind == "document":
            return self._author(d)
        if d.determiner == "possessive" and not d.demonym:
            # "(le Chili rappelle) son ambassadeur au Pérou": the owner's, not the posting's
            owner = self._subject_before(span) or self.index.nearest(
                span.start_char, lambda e: self.index.info(e).named
                and e.type in ("PERSON", "ORGANIZATION", "COUNTRY"))
            if owner is not None and owner.country:
                d.country = owner.country
        if d.plural and span.start > 1 and span.doc[span.start - 1].pos_ in ("ADP", "DET") and \
                make_key(span.doc[span.start - 2].text) in self.lex.partitive:
            d.plural = False  # "un des juristes d’Oxfam"
        named = None if d.plural and d.kind == "title" else \
            self._named(span, head, "PERSON" if d.kind == "title" else "ORGANIZATION")
        if named is not None and d.country in self.lex.body_codes and not d.demonym and \
                named.country and named.country != d.country:
            named = None  # "… de la Cour, l’ONG a saisi": an NGO is not the court
        if named is not None:
            self._attach(named, d)
            return named
        if d.determiner in ("definite", "possessive"):
            earlier = self._antecedent(d)
            if earlier is None and d.determiner == "definite" and d.kind == "institution" \
                    and not d.plural and d.head_key in self.lex.bridging_heads and self._bare(d):
                earlier = self._named_of_kind(d)
            if earlier is None and d.determiner == "definite" and d.kind == "title" \
                    and not d.plural and d.country:
                earlier = self._named_holder(d)
            if earlier is not None:
                self._attach(earlier, d)
                return earlier
        if d.determiner == "indefinite" and d.kind == "title" and not self._new_referent(span) \
                and d.head_key not in self.lex.distinct_heads:
            earlier = self._antecedent(d, anonymous=True)
            if earlier is not None:
                self._attach(earlier, d)
                return earlier
        return self._new(d)

    def _bridge_inside(self, span: Span, head: Token) -> None:
        """"responsable de l’organisation": the bridging noun inside a description names the
        last organisation of its kind; link it first, so that the description reads its code."""
        doc = span.doc
        for tok in span:
            if tok.i == head.i or tok.i == span.start or make_key(tok.lemma_) not in self.lex.bridging_heads:
                continue
            det = doc[tok.i - 1]
            if det.pos_ != "DET" or make_key(det.text) not in self.lex.definite or \
                    self.index.covering(tok.idx, tok.idx + len(tok.text)) is not None:
                continue
            if self.lex.head_sector(make_key(tok.lemma_))[1] is not None or \
                    (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("ADJ", "ADP")):
                continue  # only a bare noun of a kind of body ("l’organisation", "l’ONG")
            inner = doc[det.i:tok.i + 1]
            d = describe(inner, tok, self.lex, self.kb, self.language, self._inner)
            if d.kind == "institution" and not d.plural:
                found = self._named_of_kind(d)
                if found is not None:
                    self._attach(found, d)

    def _author_in_body(self, d: Description) -> Entity | None:
        """A title announces the body: "…, selon un reportage" -> the body's reportage."""
        for tok in self._heads:
            if tok.i > d.head.i and make_key(tok.lemma_) == d.head_key and \
                    self.analysis.role_at(tok.idx) != "title":
                later = describe(phrase(tok, self.lex), tok, self.lex, self.kb, self.language, self._inner)
                return self._author(later)
        return None

    def _named(self, span: Span, head: Token, type_: str) -> Entity | None:
        """The named person (or organisation) the description is in apposition to:
        right after it ("le président turc Recep Tayyip Erdogan", "…, Jane Doe"), inside it
        ("l’hebdomadaire Marianne"), or right before it ("Jane Doe, porte-parole …")."""
        doc = span.doc
        after = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
        if after < len(doc):
            found = self._named_at(doc[after].idx, type_)
            if found is None and type_ == "PERSON" and after > span.end:
                found = self._unlinked_name(after)
            if found is not None:
                return found
        for s, e, entity in self.index.mentions_in(head.idx + len(head.text), span.end_char):
            if entity.type == type_ and self.index.info(entity).named and \
                    self._depends_on(span.doc.char_span(s, e, alignment_mode="expand"), head):
                return entity
        if span.start >= 2 and doc[span.start - 1].text == ",":
            # "Jane Doe, porte-parole …"; not "… de la Cour, l’ONG a saisi", where
            # the name is a complement and the description the subject of the next clause
            prev = doc[span.start - 2]
            found = self.index.covering(prev.idx, prev.idx + len(prev.text))
            if found is not None and type_ == "PERSON" and self._person_name_as_body(found):
                found.type = "PERSON"  # "Jane Doe, députée …": the recogniser called her a body
            if found is not None and found.type == type_ and self.index.info(found).named and \
                    not (self._complement_before(found, prev) and head.dep_ in ("nsubj", "nsubj:pass")):
                return found
        return None

    def _person_name_as_body(self, entity: Entity) -> bool:
        """True for an organisation the knowledge base does not know whose name is two or
        three capitalised proper nouns (no common noun such as "Conseil"): a person's name."""
        if entity.type != "ORGANIZATION" or self.index.info(entity).actor is not None or \
                entity.country is not None or not entity.mentions:
            return False
        m = entity.mentions[0]
        span = self.analysis.doc.char_span(m.start, m.end)
        return span is not None and 2 <= len(span) <= 3 and all(
            t.pos_ == "PROPN" and t.is_title and self.lex.head_sector(make_key(t.lemma_))[0] is None
            for t in span)

    def _complement_before(self, entity: Entity, last: Token) -> bool:
        """True when the mention of ``entity`` ending at ``last`` follows a preposition."""
        doc = last.doc
        mention = next((m for m in entity.mentions if m.start <= last.idx < m.end), None)
        if mention is None:
            return False
        first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        i = first.start - 1 if first is not None else -1
        while i >= 0 and doc[i].pos_ == "DET":
            i -= 1
        return i >= 0 and doc[i].pos_ == "ADP"

    def _unlinked_name(self, start: int) -> Entity | None:
        """", X," after a title: X is a person even when the NER called it a place."""
        doc = self.analysis.doc
        ent = next((e for e in doc.ents if e.start == start), None)
        if ent is None or self.index.mentions_in(ent.start_char, ent.end_char):
            return None
        return self._person(ent)

    def _depends_on(self, name: Span | None, head: Token) -> bool:
        """True when ``name`` is in apposition to ``head``: only adjectives, or the rest of a
        multi-word title, between them ("le président turc Recep Tayyip Erdogan", "la secrétaire
        d’État américaine Hillary Clinton", "le général De Gaulle"; not "l’administration
        Biden")."""
        if name is None:
            return False
        doc = head.doc
        between = doc[head.i + 1:name.start]
        for tok in between:
            title = make_key(doc[head.i:tok.i + 1].text)
            if title in self.lex.titles and " " in title:
                between = doc[tok.i + 1:name.start]
        if not between:
            return True
        if between[-1].pos_ in ("ADP", "DET"):
            return False  # "l’avocat de Boris Faure": the name is a complement
        # Adjectives, or a capitalised portfolio: "la ministre belge de la Justice X"
        return all(t.pos_ in ("ADJ", "ADP", "DET") or (t.pos_ in ("NOUN", "PROPN") and t.is_title)
                   for t in between)

    def _named_at(self, offset: int, type_: str) -> Entity | None:
        """The entity of type ``type_`` whose proper name starts at ``offset``."""
        for s, _, entity in self.index.mentions_in(offset, offset + 200):
            if s == offset and entity.type == type_ and self.index.info(entity).named:
                return entity
        return None

    def _author(self, d: Description) -> Entity | None:
        """The author a document speaks for: the first actor named in its whole phrase
        ("un reportage diffusé par Al Jazeera"), else the author of the same document
        mentioned before ("le reportage")."""
        head = d.head
        found = None
        for _, _, entity in self.index.mentions_in(head.doc[head.left_edge.i].idx,
                                                   head.doc[head.right_edge.i].idx + len(head.right_edge)):
            if entity.country and entity.type != "LOCATION":
                found = entity
                break
        if found is None and d.determiner != "indefinite":
            found = self.index.nearest(head.idx, lambda e: d.head_key in self.index.info(e).heads)
        if found is None and self.analysis.role_at(head.idx) == "title":
            found = self._author_in_body(d)
        if found is not None:
            self.index.info(found).heads.add(d.head_key)
        return found

    def _antecedent(self, d: Description, *, anonymous: bool = False) -> Entity | None:
        words = self._qualifiers(d)

        def compatible(e: Entity) -> bool:
            info = self.index.info(e)
            if d.head_key not in info.heads or info.plural != d.plural:
                return False
            if anonymous and not e.anonymous:
                return False
            # "le Premier ministre" is not "le ministre de la Culture"; "le responsable" may be
            # "un haut responsable de la défense": a definite description adds no new word.
            if not anonymous and not words <= info.qualifiers:
                return False
            # "l’armée française" is not an earlier army of unknown country.
            return not d.country or d.country == e.country
        return self.index.nearest(d.span.start_char, compatible)

    def _subject_before(self, span: Span) -> Entity | None:
        """The entity named by the subject of the sentence, when it comes before ``span``
        ("La Russie a rappelé son ambassadeur": the owner is Russia)."""
        root = span.sent.root
        for tok in root.children:
            if tok.dep_ in ("nsubj", "nsubj:pass") and tok.i < span.start:
                return self.index.covering(tok.idx, tok.idx + len(tok.text))
        return None

    def _bare(self, d: Description) -> bool:
        """A description that says little more than its kind ("l’ONG", "l’organisation
        islamique"): no noun, name or number, at most one adjective besides a demonym;
        "la plus grande association sportive du pays" introduces a body."""
        words = [t for t in d.span if t.i != d.head.i and t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB")
                 and self.kb.demonym(t.text, self.language) is None]
        return len(words) <= 1 and all(t.pos_ == "ADJ" for t in words)

    def _named_of_kind(self, d: Description) -> Entity | None:
        """"l’hebdomadaire", "l’ONG" with no antecedent: the last named organisation whose
        name says that kind ("l’association" after "l’Association des …"), else the last
        named organisation of that sector (press, party) or code (NGO, UN, ...)."""
        word = f" {d.head_key} "
        by_name = self.index.nearest(d.span.start_char, lambda e: e.type == "ORGANIZATION"
                                     and self.index.info(e).named
                                     and word in f" {make_key(e.name)} ")
        if by_name is not None:
            return by_name
        # "l’organisation" names a body, not an organ of a state ("la Maison Blanche")
        state_organ = d.sector is None and d.country is None
        return self.index.nearest(d.span.start_char, lambda e: e.type == "ORGANIZATION"
                                  and self.index.info(e).named
                                  and (d.sector is None or e.sector == d.sector)
                                  and (d.country is None or e.country == d.country)
                                  and not (state_organ and e.sector in self.lex.state_sectors
                                           and e.country not in self.lex.body_codes))

    def _named_holder(self, d: Description) -> Entity | None:
        """"le président brésilien", "le locataire du Planalto" after "Lula": the most
        recent named person of that country and sector who may hold that title. A generic
        title ("le dirigeant") fits anyone in office; a specific one fits a person already
        called so, or a leader of the knowledge base in office at the date whom the article
        has given no other specific title, when the title is a leader's ("le président",
        not "le ministre": the knowledge base does not say which office)."""
        generic = d.head_key in self.lex.generic_titles

        def compatible(e: Entity) -> bool:
            info = self.index.info(e)
            if e.type != "PERSON" or not info.named or info.plural or e.country != d.country:
                return False
            if d.sector is not None and e.sector != d.sector:
                return False
            if generic or d.head_key in info.heads:
                return True
            specific = {h for h in info.heads if h not in self.lex.generic_titles}
            return not specific and d.head_key in self.lex.leader_titles and \
                info.actor is not None and info.actor.terms != ()
        return self.index.nearest(d.span.start_char, compatible)

    def _qualifiers(self, d: Description) -> set[str]:
        """The content words of a description besides its head ("premier", "santé")."""
        return {make_key(t.lemma_) for t in d.span if t.i != d.head.i and not t.is_punct
                and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM")}

    def _new_referent(self, span: Span) -> bool:
        return any(make_key(t.text) in self.lex.new_referent for t in span)

    def _country_anaphor(self, d: Description) -> Entity | None:
        if d.determiner != "definite" or d.country is not None or d.plural:
            return None  # "les anciens pays communistes" are several countries, not the last one
        if any(c.dep_ == "nmod" and c.pos_ == "NOUN" and not any(g.dep_ == "det" for g in c.children)
               for c in d.head.children):
            return None  # "le pays d'origine", "du pays d'accueil": a role, not a country named before

        def compatible(e: Entity) -> bool:
            info = self.index.info(e)
            return e.type == "COUNTRY" and (not d.continent or info.continent == d.continent)

        found = self.index.nearest(d.span.start_char, compatible)
        if found is not None:
            self.index.mention(found, d.span.text, d.span.start_char, d.span.end_char)
        return found

    def _attach(self, entity: Entity, d: Description) -> None:
        self.index.mention(entity, d.span.text, d.span.start_char, d.span.end_char)
        self.index.fill(entity, description=d.text, country=d.country, sector=d.sector)
        info = self.index.info(entity)
        info.heads.add(d.head_key)
        info.qualifiers |= self._qualifiers(d)
        info.plural = info.plural or d.plural
        info.continental = info.continental or d.continental

    def _new(self, d: Description) -> Entity:
        type_ = "ORGANIZATION" if d.kind == "institution" else "GROUP" if d.plural else "PERSON"
        anonymous = d.kind == "title" and d.determiner == "indefinite"
        entity = self.index.add(d.span.text, d.span.start_char, d.span.end_char, type_,
                                key=f"desc:{d.span.start_char}", description=d.text,
                                country=d.country, sector=d.sector, anonymous=anonymous or None)
        entity.name = d.text
        info = self.index.info(entity)
        info.heads.add(d.head_key)
        info.qualifiers |= self._qualifiers(d)
        info.plural = d.plural
        info.continental = d.continental
        return entity

    def resolve_phrase(self, span: Span) -> Entity | None:
        """Link a noun phrase given by another extractor (e.g. a speaker)."""
        head = span.root
        # Keep the given words that belong to the head's own phrase (no verbs around it).
        own = phrase(head, self.lex)
        span = span.doc[max(span.start, own.start):min(span.end, own.end)]
        entity = self.link_description(span, head)
        if entity is not None:
            self.default_country(entity)
            return entity
        d = describe(span, head, self.lex, self.kb, self.language, self._inner)
        if d.country is None and d.sector is None:
            return None
        entity = self.index.add(span.text, span.start_char, span.end_char, "GROUP",
                                key=f"desc:{span.start_char}", description=d.text,
                                country=d.country, sector=d.sector)
        self.default_country(entity)
        return entity
