"""The linker: turns the mentions of one article into knowledge-base-linked entities.

Passes, each linear in the article:

1. *names*: knowledge-base names (PhraseMatcher), NER mentions and capitalised names after
   a locative word, overlaps resolved longest-first (knowledge-base names win ties);
   each is linked to a country, organisation, leader (sector by date), capital (a metonym
   for its government unless used as a place), place (GeoNames candidates) or person.
2. *descriptions* (:class:`vigie.kb.coreference.DescriptionLinker`): noun phrases headed
   by a title, institution, document or country noun, attached to the person they name,
   to an earlier referent, or made new entities.
3. *article context*: persons first tagged ORG or LOC merged, generic names localised,
   unplaced actors given the article's main country.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token
from spacy.util import filter_spans

from vigie.kb.context import ContextLinker
from vigie.kb.coreference import DescriptionLinker
from vigie.kb.describe import describe, phrase
from vigie.kb.lexicon import Lexicon, lexicon
from vigie.kb.matchers import actor_matcher, place_matches
from vigie.kb.normalise import make_key
from vigie.kb.store import Actor, KnowledgeBase, load_kb
from vigie.kb.toponyms import PlaceUsage
from vigie.schema import Entity

if TYPE_CHECKING:
    from vigie.analysis import Analysis
    from vigie.extract.entities import EntityIndex

PLACE_LABELS = {"LOC", "GPE", "LOCCAND"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}
NON_STATE = {"UNO", "EUR", "IGO", "NGO", "MNC", "IMG"}
# A bare name tagged MISC/ORG is taken as a place only when it is this well known.
MIN_POPULATION_UNLABELLED = 100_000


class Linker(DescriptionLinker, ContextLinker, PlaceUsage):
    """Links the mentions of one analysis; kept in ``analysis.scratch`` for later lookups."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.index: EntityIndex = analysis.entities
        self.language = analysis.language
        self.kb: KnowledgeBase = load_kb()
        self.lex: Lexicon = lexicon(self.language)
        self.day = analysis.published
        self._surnames: dict[str, Entity] = {}
        self._heads: list[Token] = []
        self._persons: dict[str, Entity] = {}  # key of a person's full name -> entity
        self._first_names: dict[str, Entity] = {}  # first name -> the one person who has it
        self._main: str | None = None  # the article's main country, once names are linked
        dl = analysis.meta.dateline
        self._dateline = (dl.start, dl.end) if dl is not None and dl.start is not None else None

    @classmethod
    def for_analysis(cls, analysis: Analysis) -> Linker:
        """The linker of ``analysis``, created once."""
        linker = analysis.scratch.get("linker")
        if linker is None:
            linker = analysis.scratch["linker"] = cls(analysis)
        return linker

    def key(self, text: str) -> str:
        return make_key(text, self.lex.articles)

    # --- pass 1: names ----------------------------------------------------------------
    def run(self) -> None:
        """Link every name, then every description, of the article."""
        doc = self.analysis.doc
        known = [Span(doc, s, e, label="KB") for _, s, e in actor_matcher(self.language)(doc)]
        known = [k for k in known if not self._embedded(k)]
        ents = [t for t in (_trimmed(ent) for ent in doc.ents) if t is not None]
        spans = known + [ent for ent in ents if not self._swallows(ent, known)]
        spans += [Span(doc, s + 1, e, label="LOCCAND")
                  for label, s, e in place_matches(doc, self.language) if label == "LOC"]
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            self.link_name(span)
        self.link_unlabelled_places()
        self.link_descriptions()
        self.merge_persons()
        self.read_context()
        self.localise_generic_names()
        self._main = self.main_country()
        for entity in self.index.entities:
            self.default_country(entity)

    def main_country(self) -> str | None:
        """The country the article is mostly about: at least half of the mentions of
        country-coded entities (countries, places, people, organisations), three or more."""
        support: Counter[str] = Counter()
        for entity in self.index.entities:
            if entity.country and len(entity.country) == 3 and entity.country not in NON_STATE:
                support[entity.country] += len(entity.mentions)
        if not support:
            return None
        code, count = support.most_common(1)[0]
        return code if count >= 3 and count * 2 >= sum(support.values()) else None

    def default_country(self, entity: Entity) -> None:
        """An actor the article does not place ("le gouvernement", "la police", "les
        rebelles", a minister) belongs to the country the article is mostly about: a
        default, right far more often than no country at all. It only fills a gap left
        once every piece of evidence has been read (affiliations, lists, coordinations)."""
        if entity.country is not None or not self._main or entity.type == "LOCATION":
            return
        info = self.index.info(entity)
        if info.continental:
            return  # "l’expert européen": a European of unknown country
        if entity.sector is not None or (entity.type == "PERSON" and info.named):
            entity.country = self._main

    def localise_generic_names(self) -> None:
        """"le Parti socialiste" in an article about Greece is Greek: a generic name takes the
        article's main country when nothing else in the article belongs to its own country."""
        support: Counter[str] = Counter()
        generic = []
        for entity in self.index.entities:
            actor = self.index.info(entity).actor
            if actor is not None and actor.generic:
                generic.append((entity, actor))
            elif entity.country:
                support[entity.country] += len(entity.mentions)
        if not generic or not support:
            return
        main, count = support.most_common(1)[0]
        for entity, actor in generic:
            if support[actor.country or ""] == 0 and count >= 2:
                entity.country = main

    def merge_persons(self) -> None:
        """A name first tagged ORG or LOC and later found to be a person's joins the person."""
        for key, entity in list(self._persons.items()):
            for prefix in ("org:", "loc:"):
                other = self.index.get(prefix + key)
                if other is not None and other is not entity:
                    self.index.merge(entity, other)

    def link_unlabelled_places(self) -> None:
        """Proper-noun runs the NER left out, kept when they name a well-known place."""
        doc = self.analysis.doc
        for span in filter_spans([Span(doc, s, e) for label, s, e in place_matches(doc, self.language)
                                  if label == "PROPN"]):
            if " " in span.text and span[0].pos_ != "PROPN":
                continue  # "Proche-Orient" is one word; "Le - Monde" is not
            if not self.index.mentions_in(span.start_char, span.end_char) and \
                    self.index.covering(span.start_char, span.end_char) is None:
                if self._known(span):
                    self._kb_name(span)
                else:
                    self._place(span, strict=True)

    def _embedded(self, span: Span) -> bool:
        """True when an organisation's name is only a word of a longer proper name
        ("Front de Libération Nationale" is not the newspaper)."""
        actors = self.kb.actors(self.key(span.text), self.language)
        if not actors or actors[0].type != "ORGANIZATION":
            return False
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.is_title and after.pos_ in ("PROPN", "ADJ", "NOUN"):
            return True
        if self._contradicted(span, actors[0]):
            return True
        if span.start >= 2 and doc[span.start - 1].pos_ == "ADP":
            before = doc[span.start - 2]
            return before.is_title and not before.is_sent_start and \
                self.lex.head_sector(make_key(before.lemma_))[0] is None
        return False

    def _contradicted(self, span: Span, actor: Actor) -> bool:
        """True when the words after a known multi-word name make it another body: an
        adjective ("Conseil de sécurité intérieure"), another country's demonym or name
        ("le Conseil de sécurité russe", "… de la Turquie") after an international body's."""
        doc = span.doc
        if " " not in span.text or actor.type != "ORGANIZATION":
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.pos_ == "ADJ":
            code = self.kb.demonym(after.text, self.language)
            if code is None:
                return True  # "Conseil de sécurité intérieure" is not the Security Council
            if code != actor.country and actor.country in self.lex.body_codes:
                return True  # "le Conseil de sécurité russe" is a Russian body
        return actor.country in self.lex.body_codes and \
            self._country_complement(span) not in (None, actor.country)

    def _country_complement(self, span: Span) -> str | None:
        """The country named right after ``span`` by a preposition ("… de la Turquie")."""
        doc, i = span.doc, span.end
        if i >= len(doc) or make_key(doc[i].text) not in self.lex.complement_links:
            return None
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        for n in (3, 2, 1):
            if i + n <= len(doc):
                found = [a for a in self.kb.actors(self.key(doc[i:i + n].text), self.language)
                         if a.type == "COUNTRY"]
                if found:
                    return found[0].country
        return None

    def _swallows(self, ent: Span, known: list[Span]) -> bool:
        """True when a NER span overruns a known organisation or person name
        ("Les Républicains ont «salué"): the known name is kept instead."""
        if ent.label_ != "ORG":
            return False
        for k in known:
            if ent.start <= k.start and k.end <= ent.end and len(k) < len(ent):
                actors = self.kb.actors(self.key(k.text), self.language)
                if not actors or actors[0].type != "COUNTRY":
                    return True
        return False

    def link_name(self, span: Span) -> Entity | None:
        """Link one name span by its label."""
        label = span.label_
        person = self.index.get(f"per:{self.key(span.text)}") or self._first_names.get(self.key(span.text))
        if person is None and label not in ("PER", "PERSON", "KB"):
            # "Premier ministre Andrej Babiš" tagged MISC: a known person's name at its end
            person = next((p for i in range(1, len(span))
                           if (p := self._persons.get(self.key(span[i:].text))) is not None), None)
        if person is not None:  # a person's name (or first name) the NER also tagged ORG or LOC
            self.index.mention(person, span.text, span.start_char, span.end_char)
            return person
        if label == "KB" or (label != "LOCCAND" and self._known(span) and not self._contradicted(
                span, self.kb.actors(self.key(span.text), self.language)[0])):
            return self._kb_name(span)
        short = self._short_form(span) if label != "KB" else None
        if short is not None:
            self.index.mention(short, span.text, span.start_char, span.end_char)
            return short
        if label in ("PER", "PERSON"):
            if len(span) == 1 and self._is_toponym(span):
                return self._place(span)  # "accusé Washington": the NER took it for a person
            return self._person(span)
        if label in PLACE_LABELS:
            return self._place(span, strict=label == "LOCCAND")
        if label == "ORG":
            return self._organisation(span)
        if label == "MISC":
            return self._place(span, strict=True)
        return None

    def _short_form(self, span: Span) -> Entity | None:
        """"le Conseil" after "le Conseil national kurde", "l’Union" after "l’Union
        européenne": the first words of an organisation named earlier name it again (the
        most recent such organisation), unless they are a known actor or place themselves."""
        if len(span) > 2 or not span[0].is_title:
            return None
        key = self.key(span.text)
        if self.kb.actors(key, self.language) or any(
                p.population >= MIN_POPULATION_UNLABELLED or p.feature != "city" for p in self.kb.places(key)):
            return None  # "Washington" after "Washington Post" is still the capital
        prefix = key + " "
        return self.index.nearest(span.start_char, lambda e: e.type == "ORGANIZATION"
                                  and self.index.info(e).named
                                  and self.key(e.name).startswith(prefix))

    def _known(self, span: Span) -> bool:
        """True when a NER name is a knowledge-base name written another way ("Nations Unies")."""
        return any(a.type != "CAPITAL" for a in self.kb.actors(self.key(span.text), self.language))

    def _kb_name(self, span: Span) -> Entity | None:
        key = self.key(span.text)
        actors = self.kb.actors(key, self.language)
        if not actors:
            return self._leader_by_surname(span, make_key(span.text))
        actor = self._pick(actors)
        if actor.type == "PERSON":
            return self._leader(span, actor)
        if actor.type == "CAPITAL":
            return self._place(span)
        entity = self.index.add(span.text, span.start_char, span.end_char, actor.type,
                                key=f"kb:{actor.index}", country=actor.country,
                                sector=actor.sector, kb=_kb(actor))
        info = self.index.info(entity)
        info.actor, info.continent, info.named = actor, actor.continent, True
        if entity.type == "ORGANIZATION":
            _prefer_name(entity, span.text, longer=True)  # "Amnesty International" after "Amnesty"
        if actor.geo is not None and not info.places:
            info.places = [self.kb.place(actor.geo)]
        return entity

    def _is_toponym(self, span: Span) -> bool:
        """A one-word name that is a capital or a country and nobody's known surname."""
        key = self.key(span.text)
        return not self.kb.by_surname(key) and key not in self._surnames and any(
            a.type in ("CAPITAL", "COUNTRY") for a in self.kb.actors(key, self.language))

    def _pick(self, actors: list[Actor]) -> Actor:
        """Among homonyms, the one already in the article, else one in office at the date."""
        for actor in actors:
            if self.index.get(f"kb:{actor.index}") is not None:
                return actor
        return next((a for a in actors if a.terms and a.sector_on(self.day)), actors[0])

    def _leader(self, span: Span, actor: Actor) -> Entity:
        entity = self.index.add(span.text, span.start_char, span.end_char, "PERSON",
                                key=f"kb:{actor.index}", country=actor.country_on(self.day),
                                sector=actor.sector_on(self.day), kb=_kb(actor))
        info = self.index.info(entity)
        info.actor, info.named = actor, True
        # The name the article gives ("Vladimir Putin" in English), never the KB's own
        _prefer_name(entity, span.text, longer=True)
        self._first_name(span, entity)
        self._surnames.setdefault(make_key(span[-1].text), entity)
        return entity

    def _full_names(self, entity: Entity) -> list[str]:
        """The names a person is known by: in the article, and in the knowledge base."""
        actor = self.index.info(entity).actor
        return [entity.name, *(actor.names.values() if actor is not None else ())]

    def _first_name(self, span: Span, entity: Entity) -> None:
        """Remember the first name of a full name, unless two people share it ("Marine")."""
        if len(span) < 2:
            return
        first = make_key(span[0].text)
        if self._first_names.get(first, entity) is not entity:
            self._first_names[first] = None  # type: ignore[assignment]  # ambiguous from now on
        else:
            self._first_names[first] = entity

    def _leader_by_surname(self, span: Span, key: str) -> Entity | None:
        known = self._surnames.get(key)
        if known is not None:
            self.index.mention(known, span.text, span.start_char, span.end_char)
            return known
        leaders = self.kb.by_surname(key)
        if not leaders:
            return None
        return self._leader(span, self._pick(leaders))

    def _person(self, span: Span) -> Entity | None:
        """A person named by NER: joins an earlier person with the same surname."""
        full = span
        # "Premier ministre Andrej Babiš", "M. Samaras": the name follows the last title word
        cut = max((i + 1 for i, t in enumerate(span[:-1])
                   if self.lex.head_sector(make_key(t.lemma_))[0] == "title"
                   or self.lex.head_sector(make_key(t.text))[0] == "title"
                   or make_key(t.text) in self.lex.honorifics), default=0)
        span = span[cut:] if cut else span
        if len(span) > 1 and all(len(t.text) <= 2 and t.text.endswith(".") for t in span[:-1]):
            span = span[-1:]  # "B. Obama": the surname decides
        if make_key(span.text) in self.lex.honorifics:
            return None
        if span is not full:
            entity = self._person(span)
            if entity is not None:
                self.index.mention(entity, full.text, full.start_char, full.end_char)
                titles = [make_key(t.lemma_) for t in full[:len(full) - len(span)]
                          if self.lex.head_sector(make_key(t.lemma_))[0] == "title"]
                if titles:
                    self.index.info(entity).heads.update(titles)
                    self.index.fill(entity, description=full[:len(full) - len(span)].text)
            return entity
        last = make_key(span[-1].text)
        known = self._surnames.get(last)
        if known is not None and len(span) > 1 and \
                not any(_same_first_name(span[0].text, n) for n in self._full_names(known)):
            known = None
        if known is None and len(span) == 1 and self.kb.by_surname(last):
            return self._leader_by_surname(span, last)  # type: ignore[return-value]
        if known is not None:
            self.index.mention(known, span.text, span.start_char, span.end_char)
            _prefer_name(known, span.text, longer=True)  # "Mohammed Hamdan Daglo" after "Daglo"
            return known
        key = self.key(span.text)
        entity = self.index.add(span.text, span.start_char, span.end_char, "PERSON", key=f"per:{key}")
        self.index.info(entity).named = True
        self._persons[key] = entity
        self._first_name(span, entity)
        _prefer_name(entity, span.text, longer=True)
        self._surnames.setdefault(last, entity)
        return entity

    def _place(self, span: Span, *, strict: bool = False, as_place: bool = False) -> Entity | None:
        """A toponym: a capital standing for its government, else a place."""
        pair = self.place_pair(span)
        if pair is not None:  # "la ligne Bordeaux-Toulouse": two places
            first = self._place(pair[0], as_place=pair[2])
            second = self._place(pair[1], as_place=pair[2])
            return first or second
        span = self._longer_place(span)
        key = self.key(span.text)
        if key in self.lex.domains or self.lex.head_sector(key)[0] is not None:
            return None  # "ministre de la Défense": a capitalised domain, not La Défense
        capital = next((a for a in self.kb.actors(key, self.language) if a.type == "CAPITAL"), None)
        if capital is not None and not as_place and not self.used_as_place(span):
            entity = self.index.add(span.text, span.start_char, span.end_char, "ORGANIZATION",
                                    key=f"gov:{capital.country}", country=capital.country,
                                    sector=capital.sector)
            self.index.info(entity).actor = capital
            return entity
        places = self.kb.places(key)
        if strict and (not places or (places[0].feature == "city"
                                      and places[0].population < MIN_POPULATION_UNLABELLED)):
            return None
        if not places:
            if span.root.pos_ != "PROPN":
                return None  # "État", "Abonnez": NER noise, not a toponym
            return self.index.add(span.text, span.start_char, span.end_char, "LOCATION",
                                  key=f"loc:{key}")
        top = places[0]
        if top.feature == "city" and top.population < MIN_POPULATION_UNLABELLED and \
                not as_place and not self._in_dateline(span) and self.implausible_town(span):
            return None  # "ALN", "l’Union", "le régiment blindé de la Garde": no toponym
        if top.feature == "country":
            actor = self.kb.country(top.country)
            if actor is not None:
                return self._country(span, actor)
        entity = self.index.add(span.text, span.start_char, span.end_char, "LOCATION",
                                key=f"geo:{top.geonames or top.name}", country=top.country)
        if entity.name.isupper() and not span.text.isupper():
            entity.name = span.text  # "Séoul" rather than the dateline's "SEOUL"
        info = self.index.info(entity)
        if not info.places:
            info.places = places
        return entity

    def _in_dateline(self, span: Span) -> bool:
        return bool(self._dateline) and span.start_char < self._dateline[1] and \
            self._dateline[0] < span.end_char

    def _longer_place(self, span: Span) -> Span:
        """"l’Europe du Sud" when the NER saw only "Europe": a known place name that
        continues with one or two more words."""
        doc = span.doc
        for extra in (3, 2):
            end = span.end + extra
            if end <= len(doc) and not any(t.is_punct or t.is_space for t in doc[span.end:end]):
                longer = doc[span.start:end]
                if longer[-1].is_title and self.kb.places(self.key(longer.text)) and \
                        not self.index.mentions_in(doc[span.end].idx, longer.end_char):
                    return longer
        return span

    def _country(self, span: Span, actor: Actor) -> Entity:
        entity = self.index.add(span.text, span.start_char, span.end_char, "COUNTRY",
                                key=f"kb:{actor.index}", country=actor.country, kb=_kb(actor))
        info = self.index.info(entity)
        info.actor, info.continent = actor, actor.continent
        if actor.geo is not None and not info.places:
            info.places = [self.kb.place(actor.geo)]
        return entity

    def _organisation(self, span: Span) -> Entity | None:
        """An organisation named by NER: country and sector read from its words."""
        places = self.kb.places(self.key(span.text))
        d = describe(span, span.root, self.lex, self.kb, self.language, self._inner)
        if d.kind == "title":
            return None  # "ministre des Finances": a person, read as a description later
        if places and d.kind is None and not span.text.isupper() \
                and places[0].population >= MIN_POPULATION_UNLABELLED:
            return self._place(span)
        if d.country is None:
            d.country = self._country_named_in(span)
        if d.country is None:
            d.country = self._country_after(span)
        if d.country is None:
            around = phrase(span.root, self.lex)
            d.country = describe(around, span.root, self.lex, self.kb, self.language, self._inner).country
        entity = self.index.add(span.text, span.start_char, span.end_char, "ORGANIZATION",
                                key=f"org:{self.key(span.text)}", country=d.country, sector=d.sector)
        self.index.info(entity).named = True
        return entity

    def _country_after(self, span: Span) -> str | None:
        """The country of the complement after a name and its acronym: "le Conseil
        supérieur de la défense (CSD) de la présidence kényane" is Kenyan."""
        doc, i = span.doc, span.end
        if i < len(doc) and doc[i].text == "(":
            i = next((t.i + 1 for t in doc[i:i + 8] if t.text == ")"), i)
        if i >= len(doc) or make_key(doc[i].text) not in self.lex.complement_links:
            return None
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc) or doc[i].pos_ not in ("NOUN", "PROPN"):
            return None
        head = doc[i]
        d = describe(phrase(head, self.lex), head, self.lex, self.kb, self.language, self._inner)
        return d.country

    def _country_named_in(self, span: Span) -> str | None:
        """The country of a knowledge-base name inside ``span`` ("… de Corée du Nord")."""
        doc = span.doc
        # A Span is matched in place (offsets in the Doc): no copy of the text into a new Doc.
        for _, s, e in actor_matcher(self.language)(span):
            if s == span.start:
                continue  # the name's own head ("Conseil de sécurité intérieure"): no complement
            actors = self.kb.actors(self.key(doc[s:e].text), self.language)
            if actors and actors[0].country:
                return actors[0].country
        return None

    def _inner(self, start: int, end: int) -> list[Entity]:
        return [e for _, _, e in self.index.mentions_in(start, end)]

    # --- pass 2: descriptions ---------------------------------------------------------
def _same_first_name(first: str, full_name: str) -> bool:
    """"Mohammed Hamdan Daglo" and "Mohamed Hamdan Daglo"; not "Marine" and "Jean-Marie"."""
    a, b = make_key(first), make_key(full_name.split(" ")[0])
    return a[:4] == b[:4] if len(a) > 2 and len(b) > 2 else a[:1] == b[:1]


def _trimmed(span: Span) -> Span | None:
    """``span`` without punctuation at its ends ("Assemblée !"), a leading preposition
    ("d’Italie"), or a verb the NER ran into ("… du Renseignement d'avoir fomenté")."""
    doc, start, end = span.doc, span.start, span.end
    person = span.label_ in ("PER", "PERSON")
    for tok in span[1:]:
        if tok.pos_ in ("VERB", "AUX") and not person:
            end = tok.i
            break
    while start < end and (doc[start].is_punct or doc[start].pos_ == "ADP"
                           or (doc[start].pos_ == "DET" and doc[start].is_lower and not person)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label_)


def _kb(actor: Actor) -> dict[str, str] | None:
    return {"wikidata": actor.wikidata} if actor.wikidata else None


def _prefer_name(entity: Entity, name: str, *, longer: bool) -> None:
    """Use ``name`` as the entity's name when it is a longer proper name."""
    if longer and len(name) > len(entity.name):
        entity.name = name
