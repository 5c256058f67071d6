"""Evidence around names, read after the name and description passes of the
:class:`~vigie.kb.linking.Linker`, before any article-level default:

- an affiliation: "Omar Khalil de l’Observatoire tunisien des libertés"
  speaks for the observatory (its code, not the demonym inside its name);
- an acronym in parentheses is the name it follows: "Conseil supérieur de la défense (CSD)";
- members listed after a plural description give it their country ("Les deux
  responsables, le ministre … X, et le vice-Premier ministre Y"; "Les groupes …, dont
  Oxfam"), and coordinated office holders share a country.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from vigie.kb.normalise import make_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from vigie.analysis import Analysis
    from vigie.extract.entities import EntityIndex
    from vigie.kb.lexicon import Lexicon
    from vigie.schema import Entity

ACTOR_TYPES = ("PERSON", "ORGANIZATION")
MAX_LIST_TOKENS = 40
MAX_ACRONYM = 8  # a list of members is read up to the next verb, within this window


class ContextLinker:
    """Context passes; mixed into the Linker, which provides the attributes below."""

    analysis: Analysis
    index: EntityIndex
    lex: Lexicon
    _starts: list[int]  # token start offsets, for bisection

    def read_context(self) -> None:
        """Affiliations, acronyms, listed and coordinated members."""
        self._starts = [t.idx for t in self.analysis.doc]
        self.merge_acronyms()
        self.link_affiliations()
        self.share_list_countries()

    # --- affiliations -----------------------------------------------------------------
    def link_affiliations(self) -> None:
        """"X de l’Observatoire …", "X, d’Oxfam": a person named right before
        a preposition and an organisation's name speaks for that organisation."""
        doc = self.analysis.doc
        for entity in list(self.index.entities):
            if entity.type != "PERSON" or entity.country is not None or not self.index.info(entity).named:
                continue
            for m in entity.mentions:
                org = self._affiliation_after(doc, m.end)
                if org is not None:
                    self.index.fill(entity, country=org.country, sector=org.sector)
                    break

    def _token_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (a bisection, not
        ``Doc.char_span``, which walks the whole document)."""
        return bisect.bisect_left(self._starts, offset)

    def _affiliation_after(self, doc: Doc, end: int) -> Entity | None:
        i = self._token_from(end)
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc) or make_key(doc[i].text) not in self.lex.affiliation_links:
            return None
        i += 1
        if i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc):
            return None
        for s, _, org in self.index.mentions_in(doc[i].idx, doc[i].idx + 200):
            if s == doc[i].idx and org.type == "ORGANIZATION" and org.country and \
                    self.index.info(org).named:
                return org
        return None

    # --- acronyms ---------------------------------------------------------------------
    def merge_acronyms(self) -> None:
        """"le Conseil supérieur de la défense (CSD)": the acronym is the same body."""
        text = self.analysis.text
        for entity in list(self.index.entities):
            if entity.type != "ORGANIZATION" or not entity.mentions:
                continue
            for m in list(entity.mentions):
                rest = text[m.end:m.end + 16]
                if not rest.startswith(" (") or ")" not in rest:
                    continue
                start = m.end + 2
                end = text.index(")", start)
                letters = text[start:end]
                if not (letters.isupper() and letters.isalpha() and len(letters) <= MAX_ACRONYM):
                    continue
                acronym = self.index.at(start, end) or self.index.get(f"org:{make_key(letters)}")
                if acronym is None:  # the recogniser missed it: a mention of the name all the same
                    self.index.mention(entity, letters, start, end)
                elif acronym is not entity:
                    self._merge_named(entity, acronym)

    def _merge_named(self, name: Entity, acronym: Entity) -> None:
        """Keep the knowledge-base entry of either; the longer name stays the name."""
        if acronym.type != "ORGANIZATION":
            return
        into, other = (acronym, name) if self.index.info(acronym).actor is not None and \
            self.index.info(name).actor is None else (name, acronym)
        if self.index.info(other).actor is not None and self.index.info(into).actor is not None:
            return  # two known bodies: the parenthesis is no acronym of the name
        long_name = max(name.name, acronym.name, key=len)
        self.index.merge(into, other)
        into.name = long_name

    # --- lists of members -------------------------------------------------------------
    def share_list_countries(self) -> None:
        """A plural description followed by its members ("Les deux responsables, le
        ministre X, et Y"; "Les ONG, dont Oxfam") takes their common country; members
        with an office and no country take it too. Coordinated office holders
        ("le ministre X et le vice-Premier ministre Y") share theirs."""
        doc = self.analysis.doc
        for entity in list(self.index.entities):
            info = self.index.info(entity)
            if not info.plural or not entity.mentions:
                continue
            m = entity.mentions[0]
            members = self._members_after(doc, m.end)
            self._share(entity, members)
        for entity in list(self.index.entities):
            if entity.type == "PERSON" and entity.country is None and entity.sector is not None:
                self._share(None, [entity, *self._coordinated(doc, entity)])

    def _share(self, group: Entity | None, members: list[Entity]) -> None:
        countries = {e.country for e in members if e.country}
        if len(countries) != 1:
            return
        (code,) = countries
        if group is not None:
            self.index.fill(group, country=code)
        sectors = {e.sector for e in members if e.country}
        for e in members:
            if e.country is None and e.type == "PERSON" and e.sector is not None and \
                    (e.sector in sectors or group is not None):
                e.country = code

    def _members_after(self, doc: Doc, end: int) -> list[Entity]:
        """The actors named after a plural description, up to the next verb."""
        first = self._token_from(end)
        if first >= len(doc) or doc[first].text not in (",", ":", "("):
            return []
        stop = first + 1
        while stop < min(len(doc), first + MAX_LIST_TOKENS) and not _ends_list(doc[stop]):
            stop += 1
        found: list[Entity] = []
        for _, _, e in self.index.mentions_in(doc[first].idx, doc[stop - 1].idx + 1):
            if e.type in ACTOR_TYPES and e not in found:
                found.append(e)
        return found

    def _coordinated(self, doc: Doc, entity: Entity) -> list[Entity]:
        out = []
        for m in entity.mentions:
            first = self._token_from(m.start)
            last = max(first + 1, self._token_from(m.end))
            if first >= len(doc):
                continue
            root = doc[first:last].root
            for other in (root.head, *root.children):
                if other.i == root.i or not ((root.dep_ == "conj" and other.i == root.head.i)
                                             or (other.dep_ == "conj" and other.head.i == root.i)):
                    continue
                found = self.index.covering(other.idx, other.idx + len(other.text))
                if found is not None and found.type == "PERSON" and found is not entity:
                    out.append(found)
        return out


def _ends_list(tok: Token) -> bool:
    """A verb, or the end of the sentence, ends a list of members."""
    return tok.pos_ in ("VERB", "AUX") or tok.is_sent_end or tok.text in (".", ";", "»")
