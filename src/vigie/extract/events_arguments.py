"""Event arguments from the dependency parse: actors, recipients and the place.

Verbs: subject -> actors, object / indirect object / oblique -> recipients, with passives
("attaqué par X") and inheritance from a governing clause ("X a échangé ... et s'est engagé",
"X accuse Y d'avoir attaqué"). Nouns: demonym adjectives ("une contre-offensive ukrainienne"),
genitive and agent complements ("les sanctions de l'ONU", "l'agression commise par X"), and
the subject of a support verb ("X a déclenché une offensive visant Y").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vigie.extract.events_actors import Actors, Participant
from vigie.extract.events_tree import children
from vigie.extract.events_triggers import SYMMETRIC_TYPES, Hit, Lexicon, TriggerGroup
from vigie.nlp.morph import feature

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

SUBJECTS = ("nsubj", "expl:subj")
OBJECTS = ("obj", "iobj")
OBLIQUES = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod")
REFLEXIVE_DEPS = ("expl:comp", "expl:pv", "expl:pass")
CLIMB_DEPS = ("nmod", "appos", "conj")
ORPHAN_WINDOW = 12
GENITIVE_REACH = 12  # tokens after a noun trigger searched for its owner


@dataclass(slots=True)
class Arguments:
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place: Participant | None = None
    support: Token | None = None  # the support verb of a noun trigger, if any


def _preposition(tok: Token) -> str:
    """The preposition of a nominal dependent ("" when none)."""
    for c in children(tok):
        if c.dep_ == "case" or (c.dep_ == "fixed" and c.i < tok.i):
            return c.lower_.replace("’", "'")
    return ""


def _add(out: list[Participant], items: list[Participant]) -> None:
    for p in items:
        if all(p.key != q.key for q in out):
            out.append(p)


class ArgumentFinder:
    """Arguments of trigger hits, for one analysis."""

    def __init__(self, actors: Actors, lex: Lexicon) -> None:
        self.actors = actors
        self.lex = lex
        a = lex.arguments
        self.recipient_case = a.get("recipient_case", frozenset())
        self.agent_case = a.get("agent_case", frozenset())
        self.genitive_case = a.get("genitive_case", frozenset())
        self.between_case = a.get("between_case", frozenset())
        self.location_case = a.get("location_case", frozenset())
        self.target_case = a.get("target_case", frozenset())
        self.country_location_case = a.get("country_location_case", frozenset())
        self.theme_case = a.get("theme_case", frozenset())
        self.reflexive = frozenset(lex.matching.get("reflexive", []))
        self.towards = a.get("towards", frozenset())
        self.own_forces = a.get("own_forces", frozenset())
        self.possessives = a.get("possessives", frozenset())
        self.place_nouns = a.get("place_nouns", frozenset())
        self.armed = a.get("armed", frozenset())
        self.purpose_case = a.get("purpose_case", frozenset())
        self.topic_case = a.get("topic_case", frozenset())
        self.domestic_types = a.get("domestic_types", frozenset())
        self.insurgent_sectors = a.get("insurgent_sectors", frozenset())
        self._cases: dict[int, str] = {}
        self._passives: dict[int, bool] = {}

    def _case(self, tok: Token) -> str:
        """The preposition of a nominal dependent ("" when none), read once per token."""
        found = self._cases.get(tok.i)
        if found is None:
            found = self._cases[tok.i] = _preposition(tok)
        return found

    # ------------------------------------------------------------------ entry point
    def find(self, hit: Hit, keep: Callable[[Hit, Arguments], bool] | None = None) -> Arguments:
        """Actors, recipients and place of one trigger. With ``keep``, the place is looked
        up only for arguments ``keep`` accepts (or when the trigger's group needs it
        earlier): most triggers are dropped for want of participants, and the place is the
        costliest part."""
        args = self.verb(hit.head, hit) if hit.kind == "verb" else self.noun(hit.head, hit)
        reciprocal = hit.kind == "verb" and any(
            c.dep_ in REFLEXIVE_DEPS and c.lower_ in self.reflexive for c in children(hit.head))
        if hit.extra.get("needs_armed") and not self._armed(args):
            return Arguments()  # "une offensive visant des entreprises": no weapon, no armed side
        group = hit.group
        place_first = keep is None or group.needs_place or group.place_recipient or bool(group.located_actor)
        if place_first:
            args.place = self.place(hit.head, args.support, hit.group.verbal)
        if hit.group.object_in and not self._object_in(hit):
            return Arguments()  # "a reçu une lettre" is no reception of a visitor
        if hit.group.needs_place and not self._names_place(hit, args):
            return Arguments()  # "la prise de parole" is no capture, "se rendre" no visit
        if hit.group.type == "REQUEST":
            self._drop_own_forces(hit.head, args)
        if hit.group.place_recipient and not any(p.code for p in args.recipients):
            # before symmetric copying: "X et Y sont arrivés à Z" visit Z's country
            self._place_as_recipient(args)
        if (hit.group.type in SYMMETRIC_TYPES or reciprocal) and len(args.actors) > 1 and not args.recipients:
            args.recipients = list(args.actors)  # "X et Y se sont rencontrés", "... se battent"
        keys = {p.key for p in args.actors}
        actor_codes = {p.code for p in args.actors}
        args.recipients = [p for p in args.recipients
                           if (p.key not in keys and not (p.entity is None and p.code in actor_codes))
                           or hit.group.type in SYMMETRIC_TYPES or reciprocal]
        sector = hit.group.located_actor
        if sector and not any(p.code for p in args.actors) and args.place is not None:
            # "des centaines de gens ont défilé à Gênes": the people of that country
            code = args.place.entity.geo.country if args.place.entity and args.place.entity.geo else None
            if code:
                args.actors = [Participant(args.place.text, country=code, sector=sector)]
        self._domestic_recipient(hit, args)
        if not place_first and keep(hit, args):  # type: ignore[misc]
            args.place = self.place(hit.head, args.support, hit.group.verbal)
        return args

    def _domestic_recipient(self, hit: Hit, args: Arguments) -> None:
        """An arrest, a crackdown or a protest with nobody coded on the receiving end stays
        inside the actor's country ("la police a arrêté un militant", "des milliers ont
        manifesté à Lyon"); so does an insurgent attack on unnamed targets."""
        if any(p.code for p in args.recipients):
            return
        actor = next((p for p in args.actors if p.code), None)
        if actor is None:
            return
        insurgent = hit.group.type == "ASSAULT" and (actor.sector or (
            actor.entity.sector if actor.entity else None)) in self.insurgent_sectors
        if hit.group.type in self.domestic_types or insurgent:
            args.recipients = [Participant(actor.text, country=actor.code)]

    @staticmethod
    def _object_in(hit: Hit) -> bool:
        """The verb's direct object is one of the group's object nouns, or a proper name."""
        return any(c.dep_ == "obj" and (c.lemma_.lower() in hit.group.object_in or c.pos_ == "PROPN")
                   for c in children(hit.head))

    def _armed(self, args: Arguments) -> bool:
        """An armed group or a military / rebel sector among the participants, or a country
        as the target."""
        if any(p.entity is not None and p.entity.type == "COUNTRY" for p in args.recipients):
            return True
        for p in [*args.actors, *args.recipients]:
            sector = p.sector or (p.entity.sector if p.entity else None)
            if p.code in self.armed or sector in self.armed:
                return True
        return False

    def _names_place(self, hit: Hit, args: Arguments) -> bool:
        """A verb names where its named actor goes; a noun has a "de" complement naming a place or country
        ("la prise de la ville de X", not "la prise de position de X")."""
        if hit.kind == "verb":  # a visit is made by a named actor, not "des migrants tunisiens"
            return args.place is not None and any(p.entity is not None for p in args.actors)
        for c in children(hit.head):
            if c.dep_ != "nmod" or self._case(c) not in self.genitive_case:
                continue
            found = self.actors.by_token.get(c.i)
            if found is not None and found[0].geo is not None:
                return True
            if c.lemma_.lower() in self.place_nouns and self._place_in(c, 1) is not None:
                return True
        return False

    def _drop_own_forces(self, v: Token, args: Arguments) -> None:
        """"Je commande à nos forces armées de ...": an order to one's own forces is command,
        not a request between actors."""
        codes = {p.code for p in args.actors if p.code}
        forces = [c for c in children(v) if c.lemma_.lower() in self.own_forces and
                  (c.dep_ in OBJECTS or c.dep_.startswith("obl"))]
        if not codes or not forces:
            return
        own = {p.code for c in forces for p in self.actors.with_conjuncts(c) if p.code in codes}
        own |= {None} if any(not self.actors.with_conjuncts(c) for c in forces) else set()
        args.recipients = [p for p in args.recipients if p.code not in own]

    def _place_as_recipient(self, args: Arguments) -> None:
        """"des frappes sur une ville": the country of the place is the recipient, unless it is
        the actor's own country (a police raid at home)."""
        place = args.place
        code = place.entity.geo.country if place and place.entity and place.entity.geo else None
        code = code or (place.code if place else None)
        if code and code not in {p.code for p in args.actors}:
            args.recipients = [*args.recipients, Participant(place.text, country=code)]

    # ------------------------------------------------------------------ verbs
    def _passive(self, v: Token) -> bool:
        """Whether the verb is in the passive voice (read once per verb)."""
        found = self._passives.get(v.i)
        if found is None:
            found = self._passives[v.i] = self._read_passive(v)
        return found

    def _read_passive(self, v: Token) -> bool:
        kids = children(v)
        # "s'en est pris à": the auxiliary of a reflexive verb is not a passive
        if any(c.lower_ in self.reflexive and c.i < v.i and not c.dep_.startswith("nsubj")
               for c in kids):
            return False
        return any(c.dep_ == "aux:pass" for c in kids) or any(c.dep_ == "nsubj:pass" for c in kids)

    def _subjects(self, v: Token, passive: bool | None = None) -> list[Participant]:
        out: list[Participant] = []
        passive = self._passive(v) if passive is None else passive
        deps = SUBJECTS if passive else (*SUBJECTS, "nsubj:pass")
        for c in children(v):
            if c.dep_ in deps:
                _add(out, self.actors.with_conjuncts(c))
        return out

    def verb(self, v: Token, hit: Hit | None, depth: int = 0) -> Arguments:
        """Arguments of a verb trigger (``hit`` None when only its subject is wanted)."""
        args = Arguments()
        passive = self._passive(v)
        if hit is not None and hit.group.passive_subject and not passive:
            return args  # "X attend une réponse" is no awaited visit
        if hit is not None and passive and (hit.group.passive_subject or hit.group.needs_place) and \
                not any(c.dep_ == "obl:agent" for c in children(v)):
            # "X est attendu à Y", "X est arrivé à Y" (read as a passive): X comes
            passive = False
            _add(args.actors, self._subjects(v, passive=False))
        elif passive:
            for c in children(v):
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and self._case(c) in self.agent_case):
                    _add(args.actors, self.actors.with_conjuncts(c))
                elif c.dep_ == "nsubj:pass":
                    _add(args.recipients, self.actors.with_conjuncts(c))
        else:
            _add(args.actors, self._subjects(v, passive=False))
        has_subject = any(c.dep_ in (*SUBJECTS, "nsubj:pass") for c in children(v))
        if not args.actors and not has_subject and depth < 2:
            _add(args.actors, self._inherited_actors(v, depth) or self._orphan_subject(v))
        if hit is not None:
            _add(args.recipients, self._verb_recipients(v, hit))
            coordinated = self.coordinated_head(v)
            own = any(c.dep_ in OBJECTS or c.dep_.startswith("obl") for c in children(v))
            if not args.recipients and not own and hit.group.verbal and coordinated is not None:
                # shared arguments of coordinated clauses: "X a reçu Y puis s'est engagé à ..."
                _add(args.recipients, self._verb_recipients(coordinated, hit))
        return args

    @staticmethod
    def coordinated_head(v: Token) -> Token | None:
        """The verb ``v`` is coordinated with, also across a sentence split before "et"."""
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            return v.head
        if v.dep_ == "ROOT" and v.sent.start > 0 and \
                any(c.dep_ == "cc" and c.i < v.i and c.i == v.sent.start for c in children(v)):
            sent = v.sent
            for _ in range(2):  # a name wrongly split off between the two clauses
                if sent.start == 0:
                    break
                sent = v.doc[sent.start - 1].sent
                if sent.root.pos_ in ("VERB", "AUX"):
                    return sent.root
        return None

    def _inherited_actors(self, v: Token, depth: int) -> list[Participant]:
        """The actor of a clause without a subject, from the clause that governs it."""
        gov, dep = v.head, v.dep_
        coordinated = self.coordinated_head(v)
        if coordinated is not None:
            return self.verb(coordinated, None, depth + 1).actors
        if gov.i == v.i:
            return []
        if dep.startswith("advcl"):
            return self.verb(gov, None, depth + 1).actors
        if dep.startswith("xcomp") or dep.startswith("ccomp"):
            objects = [c for c in children(gov) if c.dep_ in OBJECTS]
            for o in objects:  # object control: "accuser X d'avoir attaqué", "appeler X à"
                found = self.actors.with_conjuncts(o)
                if found:
                    return found
            return self.verb(gov, None, depth + 1).actors
        if dep == "acl" and any(c.dep_ == "mark" for c in children(v)):
            # "accuser les milices d'avoir pillé", read as a clause on the noun
            return self.actors.with_conjuncts(gov)
        return []

    def _orphan_subject(self, v: Token) -> list[Participant]:
        """The subject of a finite verb the parser attached elsewhere: the nearest noun
        phrase to its left without a preposition ("..., la Bolivie a soutenu")."""
        finite = feature(v, "VerbForm") == ("Fin",) or any(c.dep_.startswith("aux") for c in children(v))
        if not finite or v.dep_ not in ("ROOT", "conj"):
            return []
        lo = max(v.sent.start, v.i - ORPHAN_WINDOW)
        for tok in reversed(v.doc[lo:v.i]):
            if tok.dep_ in ("nsubj", "obj", "iobj") or tok.pos_ == "VERB":
                return []
            if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("conj", "nmod", "appos", "dep") and \
                    not any(c.dep_ == "case" for c in children(tok)):
                found = self.actors.resolve(tok)
                return [found] if found is not None and found.code else []
        return []

    def _verb_recipients(self, v: Token, hit: Hit, theme: bool = False) -> list[Participant]:
        """Recipients among a verb's objects and obliques; with ``theme`` (or a theme group)
        the object is the thing given or done, and only what it is given to counts."""
        out: list[Participant] = []
        theme = theme or hit.group.object_role == "theme"
        for c in children(v):
            dep = c.dep_
            if hit.size > 1 and hit.start <= c.i < hit.end and hit.group.object_role != "source" and \
                    (dep in OBJECTS or dep.startswith("obl")):
                # a word of the phrase: "prendre le contrôle de X", "imposer des sanctions à
                # X", "s'entretenir au téléphone avec X"
                inside = [] if theme else self._complement_targets(c)
                _add(out, inside or self._recipient_inside(c, topic=not hit.group.verbal))
                continue
            if dep in OBJECTS or (dep == "obl:arg" and not self._case(c)):  # "des" read as a preposition
                if hit.group.object_role == "source":  # "démentir les informations de X"
                    _add(out, self.source_of(c))
                    continue
                if theme or (dep == "obj" and c.pos_ not in ("NOUN", "PROPN", "PRON", "X")):
                    _add(out, self._recipient_inside(c, topic=not hit.group.verbal))
                    continue
                nested = self._event_noun(c)
                if nested is not None and hit.group.verbal:
                    # "condamner l'arrestation du diplomate": aimed at who arrested him
                    _add(out, self._nested_actors(c, nested))
                    continue
                found = self.actors.with_conjuncts(c)
                if not found and hit.group.verbal:
                    found = self._recipient_inside(c, deep=True)
                _add(out, found)
            elif dep.startswith("obl") and dep != "obl:agent":
                case = self._case(c)
                if case in self.recipient_case or (hit.group.from_case and case in self.genitive_case):
                    # shallow: "appeler à la création d'un comité sur X" is not aimed at X
                    found = [p for p in self.actors.with_conjuncts(c, shallow=True)
                             if not (p.is_place() and case not in self.target_case)]
                    nested = self._event_noun(c) if not found and hit.group.verbal else None
                    if nested is not None:  # "appeler à la démission de X": aimed at X
                        found = self._nested_actors(c, nested)
                    _add(out, found)
        if theme:
            _add(out, self._towards(v))
        return out

    def _complement_targets(self, tok: Token) -> list[Participant]:
        """The "de" complements of a noun as targets; a place counts as its country."""
        out: list[Participant] = []
        for c in children(tok):
            if c.dep_ != "nmod" or self._case(c) not in self.genitive_case:
                continue
            place = self._place_in(c, 0)  # "la ville de X": the place, not the description
            for p in self.actors.with_conjuncts(c) or ([place] if place is not None else []):
                if p.is_place():
                    p = Participant(p.text, country=p.entity.geo.country if p.entity and p.entity.geo else None)
                if p.code:
                    _add(out, [p])
        return out

    def _towards(self, v: Token) -> list[Participant]:
        """The destination of a move: "au plus près du sol de X", "vers la frontière de X",
        "à la frontière avec X"; a place counts as its country. The parser attaches these
        phrases anywhere, so the words after the verb in its clause are read in order."""
        out: list[Participant] = []
        doc, end = v.doc, min(v.right_edge.i, v.i + 15)
        for i in range(v.i + 1, end + 1):
            if doc[i].lemma_.lower() not in self.towards:
                continue
            for t in doc[i:min(i + 6, end + 1)]:  # "la frontière bulgare", "près du pays X"
                if t.pos_ not in ("NOUN", "PROPN"):
                    continue
                p = self.actors.resolve(t)
                code = p.entity.geo.country if p and p.entity and p.entity.geo else None
                if p is not None and (p.code or code):
                    _add(out, [p if p.code else Participant(p.text, country=code)])
                    return out
        return out

    def _demonyms(self, tok: Token) -> list[Participant]:
        """Countries named by the demonym adjectives of a noun ("des armes nord-coréennes")."""
        found = (self.actors.demonym(c) for c in children(tok) if c.dep_ == "amod")
        return [p for p in found if p is not None]

    def _agents(self, acl: Token) -> list[Participant]:
        """The agent of a participle: "commis par X"."""
        out: list[Participant] = []
        for g in children(acl):
            if g.dep_ == "obl:agent" or (g.dep_.startswith("obl") and self._case(g) in self.agent_case):
                _add(out, self.actors.with_conjuncts(g))
        return out

    def _event_noun(self, tok: Token) -> TriggerGroup | None:
        """The trigger group of an event noun ("arrestation"), or None."""
        for ph in self.lex.by_head.get(tok.lemma_, ()):
            if ph.kind == "noun":
                return self.lex.groups[ph.group]
        return None

    def event_agents(self, noun: Token) -> list[Participant]:
        """The coded agents of ``noun`` when it names an event ("l'attaque de X"), else []."""
        group = self._event_noun(noun)
        return [p for p in self._nested_actors(noun, group) if p.code] if group is not None else []

    def _nested_actors(self, noun: Token, group: TriggerGroup) -> list[Participant]:
        """The actors of an event noun: its agent, demonym, or genitive when that is its actor."""
        out = self._demonyms(noun)
        for c in children(noun):
            case = self._case(c)
            if c.dep_ == "nmod" and (case in self.agent_case or
                                     (case in self.genitive_case and group.genitive == "actor")):
                _add(out, self.actors.with_conjuncts(c))
            elif c.dep_.startswith("acl"):
                _add(out, self._agents(c))
        return out

    def source_of(self, thing: Token) -> list[Participant]:
        """Who made the claim or proposal that is rejected: "les notes des services
        grecs", "la proposition faite par X"; the object itself when it is an actor."""
        own = self.actors.by_token.get(thing.i)
        if own is not None:
            return [Participant(own[1], own[0])]
        out = self._demonyms(thing)
        for c in children(thing):
            case = self._case(c)
            if c.dep_ == "nmod" and (case in self.genitive_case or case in self.agent_case):
                _add(out, self.actors.with_conjuncts(c))
            elif c.dep_.startswith("acl"):
                _add(out, self._agents(c))
        return out

    def _recipient_inside(self, thing: Token, deep: bool = False, topic: bool = True) -> list[Participant]:
        """A recipient attached to the object: "des fusils au Pérou"; with ``deep``, also
        the agent or owner of an act or report: "les actes commis par X", "les rapports de X";
        without ``topic``, "sur X" (what a talk is about) is no recipient."""
        out = self._demonyms(thing)  # "des armes nord-coréennes": bought from North Korea
        nested = self._event_noun(thing)
        # "condamner l'arrestation du diplomate": the diplomate is not the one condemned
        patient = nested is not None and nested.genitive == "recipient"
        wanted = self.recipient_case | (self.genitive_case if deep and not patient else frozenset())
        for c in children(thing):
            case = self._case(c)
            if c.dep_ == "nmod" and case in self.theme_case:  # "son consul au Pérou"
                _add(out, [p for p in self.actors.with_conjuncts(c, shallow=True) if not p.is_place()])
            elif c.dep_ == "nmod" and case in wanted and (topic or case not in self.topic_case):
                _add(out, [p for p in self.actors.with_conjuncts(c)
                           if not (p.is_place() and case not in self.target_case)])
            elif deep and c.dep_.startswith("acl"):
                _add(out, self._agents(c))
        return out

    # ------------------------------------------------------------------ nouns
    def noun(self, n: Token, hit: Hit) -> Arguments:
        """Arguments of an event noun: its own dependents, then its support verb or, for a
        subject noun, the object its verb affects."""
        args = Arguments()
        self._noun_dependents(n, hit, args)
        support = self._support_verb(n)
        if support is not None:
            self._from_support(support, hit, args)
        elif not args.actors and any(c.dep_ == "det" and c.lower_ in self.lex.plural_possessives
                                     for c in children(n)):
            self._from_possessor(n, hit, args)
        elif not args.actors and any(c.dep_ == "det" and c.lower_ in self.possessives
                                     for c in children(n)):
            # "son invasion de X": the owner is the clause's subject or the previous one
            owner = self._owner(n)
            if owner is not None:
                _add(args.actors, [owner])
        elif not args.actors and n.dep_.startswith("obl") and self._case(n) in self.purpose_case:
            # "X est attendu à Y pour des entretiens": X's talks
            _add(args.actors, [p for c in children(n.head) if c.dep_ in ("nsubj", "nsubj:pass")
                               for p in self.actors.with_conjuncts(c)])
        elif n.dep_ == "obl:agent" and n.head.pos_ == "VERB":
            # "X a été visé par des sanctions": X undergoes them
            _add(args.recipients, [p for c in children(n.head) if c.dep_ == "nsubj:pass"
                                   for p in self.actors.with_conjuncts(c)])
        elif args.actors and (n.dep_ == "nsubj" or (n.head.dep_ == "nsubj" and n.head.pos_ == "ADJ")):
            # "une contre-offensive ukrainienne a forcé une retraite russe": the object is the target
            verb = n.head if n.dep_ == "nsubj" else n.head.head
            if verb.pos_ == "VERB" and not args.recipients:
                for c in children(verb):
                    if c.dep_ == "obj":
                        _add(args.recipients, [p for p in self.actors.with_conjuncts(c) if p.code])
        keys = {a.key for a in args.actors}
        args.recipients = [p for p in args.recipients if p.key not in keys]
        if hit.group.genitive == "recipient" and not any(p.code for p in args.recipients):
            _add(args.recipients, self._deep_genitive(n, hit, keys))
        return args

    def _deep_genitive(self, n: Token, hit: Hit, keys: set[object]) -> list[Participant]:
        """The owner or target further down the noun's phrase when a place or qualifier comes
        between: "un gel d'avoirs en Suisse de la banque de X"."""
        subtree = range(n.left_edge.i, n.right_edge.i + 1)
        for t in n.doc[hit.end:min(len(n.doc), hit.end + GENITIVE_REACH)]:
            if t.pos_ in ("PUNCT", "VERB", "AUX", "SCONJ"):
                break  # the noun's phrase is over
            # inside the noun's phrase, or hung on its verb by the parser
            if not t.dep_.startswith(("nmod", "obl")) or self._case(t) not in self.genitive_case or \
                    not (t.head.i in subtree or t.head.i == n.head.i):
                continue
            found = [p for p in self.actors.with_conjuncts(t) if p.code and not p.is_place()
                     and p.key not in keys]
            if found:
                return found
        return []

    def _noun_dependents(self, n: Token, hit: Hit, args: Arguments) -> None:
        """Demonyms, "entre X et Y", "par X", "de X" (actor or target by the group), "contre
        X", participles ("commise par X", "imposées au régime")."""
        _add(args.actors, self._demonyms(n))
        doc = n.doc
        # the dependents of the other words of the phrase too ("la fermeture des postes-frontières
        # avec X", "un gel des avoirs de X")
        inner = [t for t in doc[hit.start:hit.end] if t.i != n.i and t.pos_ in ("NOUN", "PROPN")]
        for c in [*children(n), *(c for t in inner for c in children(t))]:
            dep, case = c.dep_, self._case(c)
            if dep == "nmod" and case in self.between_case:
                both = self.actors.with_conjuncts(c)
                _add(args.actors, both)
                _add(args.recipients, both)
            elif dep == "nmod" and case in self.agent_case:
                _add(args.actors, self.actors.with_conjuncts(c))
            elif dep == "nmod" and case in self.genitive_case and c.lemma_ not in self.lex.not_participants:
                found = self.actors.with_conjuncts(c)
                _add(args.actors if hit.group.genitive == "actor" else args.recipients, found)
                if hit.group.genitive == "actor":  # "l'attaque de X contre Y", "contre Y" hung on X
                    _add(args.recipients, [p for g in children(c) if g.dep_ == "nmod" and
                                           self._case(g) in self.target_case for p in self.actors.with_conjuncts(g)])
            elif dep == "nmod" and case in self.recipient_case and \
                    not (hit.group.verbal and case in self.topic_case):  # "un sommet sur X" is about X
                _add(args.recipients, [p for p in self.actors.with_conjuncts(c) if not p.is_place()])
            elif dep.startswith("acl"):
                _add(args.actors, self._agents(c))
                for g in children(c):
                    if g.dep_.startswith("obl") and self._case(g) in self.recipient_case:
                        _add(args.recipients, [p for p in self.actors.with_conjuncts(g) if not p.is_place()])

    def _owner(self, n: Token) -> Participant | None:
        """The referent of a singular possessive on an event noun: the coded subject of the
        nearest governing clause, else the previous sentence's subject."""
        for verb in [n.head, *n.head.ancestors][:5]:
            for c in children(verb):
                if c.dep_ in ("nsubj", "nsubj:pass") and c.i != n.i:
                    found = self.actors.resolve(c)
                    if found is not None and found.code:
                        return found
        found = self.actors.antecedent(n)
        return found if found is not None and found.code else None

    def _from_possessor(self, n: Token, hit: Hit, args: Arguments) -> None:
        """"X et Y ont parlé de pêche pendant leur rencontre": the clause's plural subject
        (or agent) are the participants of "leur rencontre"."""
        verb = next((a for a in n.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return
        found = self.verb(verb, None).actors
        if len(found) > 1:
            _add(args.actors, found)
            if hit.group.type in SYMMETRIC_TYPES and not args.recipients:
                _add(args.recipients, found)

    def _undergoes(self, support: Token) -> bool:
        """The support verb's subject undergoes the event: "recevoir", "subir", "faire
        l'objet de"."""
        undergo = self.lex.undergo_verbs
        return support.lemma_ in undergo or any(c.dep_ == "obj" and c.lemma_ in undergo
                                                 for c in children(support))

    def _from_support(self, support: Token, hit: Hit, args: Arguments) -> None:
        """Participants from the verb the noun is the object of."""
        args.support = support
        sv = self.verb(support, None)
        if self._undergoes(support):  # "X a essuyé des tirs", "X a été l'objet de fouilles"
            _add(args.recipients, sv.actors)
        elif not any(p.code for p in args.actors):
            # "X a annoncé la mobilisation des troupes": X, not the uncoded troops
            args.actors = list(sv.actors) or args.actors
            if not args.recipients:  # "envoyer des vivres au Yémen", "lancer une offensive sur X"
                _add(args.recipients, self._verb_recipients(support, hit, theme=True))

    def _support_verb(self, n: Token) -> Token | None:
        """The support verb whose object the noun is: "lancer une offensive", also through
        counting nouns ("mener une série de frappes"); "faire l'objet de" counts as "subir"
        (see :meth:`_undergoes`)."""
        tok = n
        for _ in range(3):
            if tok.dep_ in CLIMB_DEPS and tok.head.pos_ == "NOUN" and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        head = tok.head
        if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
            return None
        if tok.dep_ in ("obj", "obl:arg", "nsubj:pass", "nmod") and \
                head.lemma_ in self.lex.support_verbs | self.lex.undergo_verbs:
            return head
        return None

    # ------------------------------------------------------------------ place
    def place(self, head: Token, support: Token | None, verbal: bool = False) -> Participant | None:
        """A city, region or country the event is said to happen in ("à Lausanne",
        "dans la région de Kharkiv"); after a verbal event, "sur X" is its topic."""
        anchors = [head, support] + [c for c in children(head) if c.dep_ == "obj"]
        if head.pos_ == "NOUN":  # "l'attentat déjoué à X"
            anchors += [c for c in children(head) if c.dep_ == "acl"]
        if head.pos_ == "NOUN" and head.dep_.startswith("obl") and head.head.pos_ == "VERB" and \
                self._case(head) in self.purpose_case:
            anchors.append(head.head)  # "attendu vendredi à X pour des entretiens"
        if head.dep_ == "nsubj" and head.head.pos_ == "VERB":  # "une offensive a forcé une retraite ... à X"
            anchors += [head.head, *(c for c in children(head.head) if c.dep_ == "obj")]
        for anchor in anchors:
            if anchor is None:
                continue
            for c in self._place_candidates(anchor, head):
                if not (c.dep_.startswith("obl") or c.dep_ == "nmod"):
                    continue
                case = self._case(c)
                if case not in self.location_case or (verbal and case in self.topic_case):
                    continue
                found = self._place_in(c, 0)
                if found is not None and (found.is_place() or case in self.country_location_case):
                    return found
        return None

    @staticmethod
    def _place_candidates(anchor: Token, head: Token) -> list[Token]:
        """Dependents of ``anchor`` that may be places; for an event noun, also a place
        phrase the parser hung on the governing verb right after the noun's phrase
        ("pendant le meurtre de X en 1998, à Lisbonne")."""
        found = list(children(anchor))
        # a bare time noun carries the place the parser hung on it: "attendu vendredi à X"
        found += [g for c in children(anchor) if c.dep_.startswith(("obl", "xcomp")) and c.pos_ == "NOUN"
                  and not any(x.dep_ == "case" for x in children(c)) for g in children(c)]
        if anchor.i != head.i or head.pos_ != "NOUN":
            return found
        end = head.right_edge.i
        followers = sorted((c for a in list(head.ancestors)[:2] for c in children(a)
                            if c.i > end and c.dep_.startswith("obl")), key=lambda t: t.i)
        for c in followers:  # adjacent phrases only, each extending the run ("en 2006, à Londres")
            if c.left_edge.i - end > 2:
                break
            found.append(c)
            end = c.right_edge.i
        return found

    def _place_in(self, tok: Token, depth: int) -> Participant | None:
        # the mention the token heads first: "Alger" inside "son ambassadeur à Alger"
        hit = self.actors.by_root.get(tok.i) or self.actors.by_token.get(tok.i)
        if hit is not None and hit[0].geo is not None:
            return Participant(hit[1], hit[0])
        if depth >= 3:
            return None
        for c in children(tok):
            # "la région de X", "la ville, X"; not "nos relations avec X"
            if c.dep_ in ("appos", "flat:name") or (c.dep_ == "nmod" and self._case(c) in self.genitive_case):
                found = self._place_in(c, depth + 1)
                if found is not None:
                    return found
        return None
