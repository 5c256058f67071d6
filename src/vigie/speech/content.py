"""Reported content: from a cue to the words it reports, and the kind of the report.

Three configurations of a verb cue:
- *incise*: the cue follows what is reported ("« A », a-t-il dit", "P, a indiqué X"); the
  content runs from the start of the clause to the comma before the cue, and a quote
  resumed after the incise ("« A », a-t-il dit, « B »") joins it;
- *colon*: "X a déclaré : « Q »"; the content is what follows the colon;
- *complement*: "X a déclaré que P", "X a accusé Y de P", "niant P"; the content is the
  verb's complement, cut where a coordinated cue starts.
Prepositional cues ("selon X, P", "P, d'après X") report the rest of their clause, and
"N selon lequel P" reports P.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from vigie.nlp.columns import columns
from vigie.speech.cues import CueMatch, finite, infinitive, linear_aux, low
from vigie.speech.speakers import Mention, Speakers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vigie.speech.lexicon import Lexicon
    from vigie.speech.quotes import Quote, QuoteIndex

CLOSING_MARKS = {"»", "”", "“", "›", '"', "’"}
OPENING_MARKS = {"«", "“", "„", "‹", '"', "‘"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "obj", "dobj", "prep", "obl:arg", "obl", "obl:agent", "iobj", "nsubj:pass",
                   "dep", "acl",
                   "obl:mod", "nmod", "expl:comp"}
CLAUSAL_DEPS = {"ccomp", "xcomp"}
SKIP_DEPS = {"obl:mod", "advmod"}
EDGE_PUNCT = " \t\n\u00a0\u202f,;:.-–—"
MAX_CONTENT = 1200
NEAR_QUOTE = 8  # a noun object reports words only when a quote opens within its first tokens
MAX_PP = 25  # tokens a clause-initial "selon X ..." may run before its comma


@dataclass(slots=True)
class Draft:
    """A statement being built: a cue, its content span and its speaker."""

    cue: CueMatch | None
    start: int
    end: int
    kind: str
    speaker: Mention | None
    sentence: Span
    act: str = "ASSERT"
    confidence: float = 0.7
    verb: Token | None = None
    extra: bool = False  # a second statement of the same cue (complement before a colon)
    addressees: list = field(default_factory=list)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and clause punctuation."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def classify(text: str, start: int, end: int, quotes: QuoteIndex) -> tuple[str, int, int]:
    """Kind of the content ``[start, end)`` and its final span: a content made only of
    quotes is direct and keeps the quoted words; quotes among other words make it mixed."""
    start, end = trimmed(text, start, end)
    inside = quotes.within(start, end)
    if not inside:
        q = quotes.around(start)
        if q is not None and q.end >= end:  # the content is the inside of one quote
            return "direct", *trimmed(text, max(start, q.inner_start), min(end, q.inner_end))
        return "indirect", start, end
    rest, pos = [], start
    for q in inside:
        rest.append(text[pos:q.start])
        pos = q.end
    rest.append(text[pos:end])
    if not any(ch.isalnum() for ch in "".join(rest)):
        return "direct", inside[0].inner_start, inside[-1].inner_end
    return "mixed", start, end


class ContentFinder:
    """Builds drafts for the cues of one sentence."""

    def __init__(self, text: str, lex: Lexicon, quotes: QuoteIndex, speakers: Speakers) -> None:
        self.text = text
        self.lex = lex
        self.quotes = quotes
        self.speakers = speakers

    # --- clause limits --------------------------------------------------------------
    def clause_start(self, sent: Span, before: int) -> int:
        """Start of the clause that ends at char ``before``: after the last ; or : outside
        quotes, or the opening of a quote the sentence began inside."""
        start = sent.start_char
        q = self.quotes.around(start)
        if q is not None and q.start < start:
            start = q.start
        doc = sent.doc
        for i in _marks_in(sent, (";", ":")):
            idx = doc[i].idx
            if idx >= before:
                break
            if not self.quotes.around(idx):
                start = idx + 1
        return start

    def clause_end(self, sent: Span, after: int) -> int:
        """End of the clause that starts at char ``after``: the next ; outside quotes."""
        doc = sent.doc
        for i in _marks_in(sent, (";",)):
            idx = doc[i].idx
            if idx >= after and not self.quotes.around(idx):
                return idx
        return sent.end_char

    # --- verb cues ------------------------------------------------------------------
    def verb(self, cue: CueMatch, sent: Span, others: list[CueMatch]) -> list[Draft]:
        verb = cue.token
        entry = cue.entry
        if entry is None:
            return []
        gerund = self.lex.present_participle(verb)
        if infinitive(verb) and not gerund:
            controller = self._object_controller(verb)
            if controller is not None:  # "convaincre le maire de réclamer": the mayor asks
                speaker = self.speakers.mention(controller)
                return self._complement(cue, sent, others, speaker, after=cue.last)
            if not self._infinitive_ok(verb):
                return []
        if cue.passive:
            if not entry.passive:
                return []
            agent = self.speakers.agent(verb)
            if agent is None or not self._is_source(agent):
                return []
            speaker = self.speakers.mention(agent)
            if speaker is None:
                return []
            nxt = speaker.span.end
            if nxt >= sent.end or low(sent.doc[nxt]) not in self.lex.infinitive_marks | self.lex.que:
                return []  # "l'amendement proposé par l'UMP" reports no words
            return self._complement(cue, sent, others, speaker, after=nxt - 1)
        subj = self.speakers.subject(verb)
        if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head
        first = cue.group_first if cue.group_first is not None else cue.first
        before = sent.doc[first - 1] if first > sent.start else None
        if not finite(verb, self.lex.auxiliaries) and not gerund and not infinitive(verb):
            return []  # a bare past participle is an adjective ("reste considérée comme")
        if not finite(verb, self.lex.auxiliaries) and gerund:
            # a participle or gerund ("condamnant X", "tout en niant") says what its
            # governing verb's subject says, and reports its own complement
            subj = self.speakers.controller(verb) or subj
            if subj is None or not self._is_source(subj):
                return []
            speaker = self.speakers.mention(subj, inverted=subj.i > verb.i)
            return self._complement(cue, sent, others, speaker, after=cue.last)
        incise = before is not None and (before.text == "," or before.text in CLOSING_MARKS) and \
            (subj is None or subj.i > verb.i or low(subj).startswith("-"))
        if before is not None and low(before) in self.lex.parentheticals:
            return self._parenthetical(cue, sent, subj)
        if incise or (subj is not None and subj.i > verb.i and self._at_clause_end(cue, sent)):
            return self._incise(cue, sent, subj)
        if subj is not None and subj.i < verb.i and self._after_quote(subj) and self._at_clause_end(cue, sent):
            return self._incise(cue, sent, subj, first=subj.left_edge.i)  # '"...," the minister said
        if before is not None and before.text == "," and self._at_clause_end(cue, sent):
            # "P, a précisé son avocat": the parser took P's subject for the cue's
            inv = self.speakers.inverted(verb, cue.last)
            if inv is not None and self._is_source(inv) and self._finite_before(sent, first):
                return self._incise(cue, sent, inv)
        if subj is None:
            subj = self.speakers.controller(verb)
            if subj is not None and not self._is_source(subj):
                return []
        if subj is None:
            return []
        speaker = self.speakers.mention(subj, inverted=subj.i > verb.i)
        return self._complement(cue, sent, others, speaker, after=cue.last)

    def _object_controller(self, verb: Token) -> Token | None:
        """The object of an object-control verb when the infinitive hangs on it."""
        head = verb.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "obj" and \
                head.head.lemma_.lower() in self.lex.object_control:
            return head
        return None

    def _infinitive_ok(self, verb: Token) -> bool:
        head = verb.head
        lemma = head.lemma_.lower()
        return head.pos_ in ("VERB", "AUX") and (lemma in self.lex.subject_control
                                                 or lemma in self.lex.object_control)

    def _is_source(self, tok: Token) -> bool:
        return tok.pos_ == "PROPN" or low(tok) in self.lex.pronouns or \
            tok.lemma_.lower() in self.lex.source_nouns or \
            self.speakers.entity_over(tok.idx, tok.idx + len(tok.text)) is not None

    def _finite_before(self, sent: Span, first: int) -> bool:
        """A conjugated verb or a quote before the incise: the reported clause is there."""
        start = self.clause_start(sent, sent.doc[first].idx)
        toks = [t for t in sent.doc[sent.start: first] if t.idx >= start]
        return any(finite(t, self.lex.auxiliaries) and t.pos_ in ("VERB", "AUX") for t in toks) or \
            bool(self.quotes.within(start, sent.doc[first].idx))

    def _at_clause_end(self, cue: CueMatch, sent: Span) -> bool:
        """Whether nothing but the inverted subject follows the cue (a clause-final incise)."""
        after = [t for t in sent.doc[cue.last + 1: sent.end] if not t.is_punct]
        return not any(low(t) in self.lex.que for t in after[:6])

    def _after_quote(self, subj: Token) -> bool:
        """The subject follows a closing quote (and its comma): the quote is reported."""
        doc, k = subj.doc, subj.left_edge.i - 1
        while k >= 0 and doc[k].text == ",":
            k -= 1
        return k >= 0 and doc[k].text in CLOSING_MARKS and self.quotes.around(doc[k].idx) is not None

    def _incise(self, cue: CueMatch, sent: Span, subj: Token | None, first: int | None = None) -> list[Draft]:
        verb = cue.token
        if subj is None:
            subj = self.speakers.inverted(verb, cue.last)
        if subj is None:
            return []
        speaker = self.speakers.mention(subj, inverted=subj.i > verb.i)
        if speaker is None:
            return []
        doc = sent.doc
        if first is None:
            first = cue.group_first if cue.group_first is not None else cue.first
        before = doc[first - 1]
        end = before.idx if before.text == "," else doc[first].idx
        q = self.quotes.closing_at(end + 1)
        start = self.clause_start(sent, end)
        if q is not None and q.end >= end - 1 and q.start < start:
            start = q.start
        # a quote resumed after the incise: « A », a-t-il dit, « B ».
        tail_from = max(cue.last, speaker.span.end - 1 if speaker else cue.last) + 1
        resumed = self._resumed_quote(sent, tail_from)
        if resumed is not None:
            kind_a, a_start, _ = classify(self.text, start, end, self.quotes)
            if kind_a == "direct":
                return [Draft(cue, a_start, resumed.inner_end, "direct", speaker, sent, verb=verb)]
        kind, c_start, c_end = classify(self.text, start, end, self.quotes)
        if c_end <= c_start:
            return []
        return [Draft(cue, c_start, c_end, kind, speaker, sent, verb=verb)]

    def _parenthetical(self, cue: CueMatch, sent: Span, subj: Token | None) -> list[Draft]:
        """"comme le souligne X, P": P is reported (or what precedes, when nothing follows)."""
        if subj is None:
            subj = self.speakers.inverted(cue.token, cue.last)
        speaker = self.speakers.mention(subj, inverted=True) if subj is not None else None
        if speaker is None:
            return []
        doc = sent.doc
        k = max(speaker.span.end, cue.last + 1)
        while k < sent.end and doc[k].text != ",":
            k += 1
        if k + 1 < sent.end and any(t.is_alpha for t in doc[k + 1: sent.end]):
            start, end = doc[k].idx + 1, self.clause_end(sent, doc[k].idx)
        else:
            start = self.clause_start(sent, cue.start)
            first = cue.group_first if cue.group_first is not None else cue.first
            end = doc[first - 1].idx
        kind, c_start, c_end = classify(self.text, start, end, self.quotes)
        if c_end <= c_start:
            return []
        return [Draft(cue, c_start, c_end, kind, speaker, sent, verb=cue.token)]

    def _resumed_quote(self, sent: Span, from_i: int) -> Quote | None:
        doc = sent.doc
        i = from_i
        while i < sent.end and (doc[i].is_punct and doc[i].text not in OPENING_MARKS):
            i += 1
        if i >= sent.end or doc[i].text not in OPENING_MARKS:
            return None
        q = self.quotes.around(doc[i].idx)
        if q is None or q.start != doc[i].idx:
            return None
        rest = self.text[q.end: sent.end_char]
        return q if not any(ch.isalnum() for ch in rest) else None

    def _content_start(self, cue: CueMatch, sent: Span, after: int, speaker: Mention | None) -> int:
        """Index of the first token of the complement of the cue ending at token ``after``."""
        doc, verb = sent.doc, cue.token
        skip = {t.i for t in cue.tokens}
        if speaker is not None:
            skip |= {t.i for t in speaker.span}
        for child in verb.children:
            if child.dep_ in SKIP_DEPS and child.i > verb.i:
                skip |= {t.i for t in child.subtree}
        i = after + 1
        while i < sent.end:
            t = doc[i]
            if i in skip or low(t).startswith("-") or (t.pos_ == "ADV" and t.text not in OPENING_MARKS) \
                    or t.text == ",":
                i += 1
                continue
            break
        # "a dit hier soir à la radio que ...": the complementiser opens the content
        for j in range(i, min(i + 8, sent.end)):
            t = doc[j]
            if low(t) in self.lex.que:
                if j > 0 and low(doc[j - 1]) in self.lex.subordinators:
                    break  # "alors que", "bien que": no reported clause
                return j
            if t.pos_ in ("VERB", "AUX") or t.text in OPENING_MARKS or t.text in (":", ";"):
                break
        return i

    def _complement(self, cue: CueMatch, sent: Span, others: list[CueMatch], speaker: Mention | None,
                    after: int) -> list[Draft]:
        if speaker is None:
            return []
        doc, verb, _entry = sent.doc, cue.token, cue.entry
        i = self._content_start(cue, sent, after, speaker)
        if i >= sent.end:
            return []
        if doc[i].text == ":":
            return self._colon(cue, sent, speaker, i)
        colon = self._colon_quote(sent, i)
        if low(doc[i]) in self.lex.que:
            i += 1
        if i >= sent.end:
            return []
        start = doc[i].idx
        end = self._complement_end(cue, sent, i, others)
        if colon is not None:
            end = min(end, doc[colon].idx)
        start, end = trimmed(self.text, start, end)
        drafts: list[Draft] = []
        if end > start and self._acceptable(cue, sent, i, start, end):
            kind, c_start, c_end = classify(self.text, start, end, self.quotes)
            drafts.append(Draft(cue, c_start, c_end, kind, speaker, sent, verb=verb))
        if colon is not None and (low(doc[i]) in self.lex.speaker_stop - self.lex.dative_marks or
                                  (cue.act == "ASSERT" and low(doc[i - 1]) not in self.lex.que)):
            # "l'avait écrit sur son blog : « ... »", "s'est montré prudent : « ... »":
            # what comes before the colon is no second content
            drafts = []
        if colon is not None:
            for d in self._colon(cue, sent, speaker, colon):
                d.extra = bool(drafts)
                drafts.append(d)
        return drafts

    def _colon_quote(self, sent: Span, from_i: int) -> int | None:
        """Index of a ':' outside quotes, followed by a quote, after token ``from_i``."""
        doc = sent.doc
        for i in _marks_in(sent, (":",), first=from_i):
            if not self.quotes.around(doc[i].idx) and i + 1 < sent.end and doc[i + 1].text in OPENING_MARKS:
                return i
        return None

    def _complement_end(self, cue: CueMatch, sent: Span, i: int, others: list[CueMatch]) -> int:
        doc, verb = sent.doc, cue.token
        right = i
        heads = [verb, *(t for t in cue.tokens if t.i > verb.i)]  # "fait savoir que": savoir's too
        aux = linear_aux(verb, self.lex.auxiliaries)
        if aux is not None and aux.head.i != verb.i:  # "a en outre précisé": parsed under "a"
            heads.append(aux)
        for child in (c for h in heads for c in h.children):
            if child.right_edge.i >= i and self._complement_child(child):
                right = max(right, child.right_edge.i)
        right = self._split_predicate(verb, right)
        start_tok = doc[i]
        q = self.quotes.around(start_tok.idx)
        if q is not None:
            right = max(right, doc.char_span(q.start, q.end, alignment_mode="expand").end - 1
                        if doc.char_span(q.start, q.end, alignment_mode="expand") is not None else right)
        end = doc[min(right, sent.end - 1)].idx + len(doc[min(right, sent.end - 1)].text)
        end = min(end, self.clause_end(sent, start_tok.idx))
        for other in others:  # a coordinated cue ("..., condamnant X") starts a new statement
            if other is cue or other.kind != "verb" or other.first <= i:
                continue
            other_first = other.group_first if other.group_first is not None else other.first
            if other_first > 0 and low(doc[other_first - 1]) in self.lex.parentheticals:
                end = min(end, doc[other_first - 1].idx)  # "..., bien que, comme le souligne X, P"
            elif self._coordinate(other, self.lex) and (self._related(cue.token, other.token)
                                              or doc[other_first - 1].text == ","):
                cut = doc[other.first]
                while cut.i > 0 and low(doc[cut.i - 1]) in self.lex.gerund_marks:
                    cut = doc[cut.i - 1]  # "tout en affirmant"
                end = min(end, cut.idx)
        q = self.quotes.around(end - 1)
        if q is not None and q.end <= sent.end_char:
            end = max(end, q.end)
        last = doc.char_span(start_tok.idx, end, alignment_mode="contract")
        while last is not None and len(last) > 1 and (last[-1].pos_ in ("CCONJ", "SCONJ") or (
                last[-1].is_punct and last[-1].text not in CLOSING_MARKS)):
            last = last[:-1]  # "condamné X et | estimé que": the conjunction goes with the next cue
            end = last.end_char
        return end

    @staticmethod
    def _split_predicate(verb: Token, right: int) -> int:
        """A verb group the parser cut from the reported clause and hung on the cue
        ("que la réunion prévue le 3 mai | serait reportée"): glued to the clause's end,
        with neither subject nor conjunction of its own, it continues the clause."""
        for child in verb.children:
            if child.dep_ == "advcl" and child.left_edge.i == right + 1 and child.i > verb.i \
                    and not child.left_edge.is_punct and \
                    not any(c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in child.children):
                right = child.right_edge.i
        return right

    def _complement_child(self, child: Token) -> bool:
        """A dependent that belongs to what is reported (objects, clauses, "à rester")."""
        return child.dep_ in COMPLEMENT_DEPS or \
            (child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX")) or \
            (child.dep_ == "advcl" and low(child.left_edge) in self.lex.infinitive_marks)

    @staticmethod
    def _related(a: Token, b: Token) -> bool:
        """Two verbs of one clause chain: one governs the other, or they share a head."""
        return b.head.i == a.i or a.head.i == b.i or (b.head.i == a.head.i and a.head.i != a.i)

    @staticmethod
    def _coordinate(cue: CueMatch, lex: Lexicon) -> bool:
        verb = cue.token
        return verb.dep_ in ("conj", "advcl") or lex.present_participle(verb)

    def _acceptable(self, cue: CueMatch, sent: Span, i: int, start: int, end: int) -> bool:
        """Whether the complement is reported content for this cue (np, needs, not_objects)."""
        entry, doc, verb = cue.entry, sent.doc, cue.token
        assert entry is not None
        window = [low(t) for t in doc[cue.last + 1: min(i + 8, sent.end)]]
        if entry.needs:
            needs = self.lex.forms_of(entry.needs)
            if not needs & set(window):
                return False
        first = doc[i]
        clausal = (low(doc[i - 1]) in self.lex.que or self.quotes.around(first.idx) is not None
                   or any(c.dep_ in CLAUSAL_DEPS and c.i > verb.i and c.idx < end for c in verb.children)
                   or first.pos_ in ("VERB", "AUX")
                   or (low(first) in self.lex.infinitive_marks and i + 2 < sent.end
                       and any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1: i + 3])))
        if entry.not_objects:
            head = next((c for c in verb.children if c.dep_ == "obj"), None)
            if head is not None and head.lemma_.lower() in entry.not_objects:
                return False
        if clausal or entry.np is True:
            return True
        if entry.np == "quoted":
            near = doc[i: min(i + NEAR_QUOTE, sent.end)]
            return any(t.idx < end and self.quotes.around(t.idx) is not None for t in near)
        return False

    def _colon(self, cue: CueMatch, sent: Span, speaker: Mention | None, colon: int) -> list[Draft]:
        doc = sent.doc
        if colon + 1 >= sent.end:
            return []
        start = doc[colon + 1].idx
        q = self.quotes.around(start + (1 if self.text[start] == " " else 0))
        if q is not None and q.start >= start:
            return [Draft(cue, q.inner_start, q.inner_end, "direct", speaker, sent, verb=cue.token)]
        end = self.clause_end(sent, start)
        kind, c_start, c_end = classify(self.text, start, end, self.quotes)
        if c_end <= c_start:
            return []
        return [Draft(cue, c_start, c_end, kind, speaker, sent, verb=cue.token)]

    # --- prepositional and relative cues -----------------------------------------------
    def preposition(self, cue: CueMatch, sent: Span) -> list[Draft]:
        prep = cue.prep
        assert prep is not None
        if self.text[sent.start_char: sent.end_char].rstrip().endswith("?"):
            return []
        head = self._prep_object(cue, sent)
        if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return []
        if head.lemma_.lower() in self.lex.not_sources:
            return []
        if prep.strict and not self._is_source(head):
            return []
        speaker = self.speakers.mention(head)
        if speaker is None:
            return []
        doc = sent.doc
        pp_end = max(speaker.span.end, head.right_edge.i + 1)
        for tok in doc[speaker.span.end: pp_end]:  # the phrase ends at its comma
            if tok.text == ",":
                pp_end = tok.i
                break
        pp_start = cue.first
        after = doc[pp_end] if pp_end < sent.end else None
        clause_start = self.clause_start(sent, cue.start)
        lead = [t for t in doc[sent.start: pp_start] if t.idx >= clause_start]
        initial = all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in lead)
        if initial and (after is None or after.text != ","):
            # a clause-initial "Selon X ..." runs to its first comma whatever the parse says
            comma = next((t for t in doc[speaker.span.end: min(speaker.span.end + MAX_PP, sent.end)]
                          if t.text == "," and not self.quotes.around(t.idx)), None)
            if comma is not None and not prep.strict:
                after = comma
        if prep.initial and not (initial and after is not None and after.text == ","):
            return []
        if initial and after is not None and after.text == ",":
            start, end = after.idx + 1, self.clause_end(sent, after.idx)
        else:
            before = doc[pp_start - 1] if pp_start > sent.start else None
            tail = [t for t in doc[pp_end: sent.end] if not t.is_punct]
            between = before is not None and before.text == "," and after is not None and after.text == ","
            if between and tail:
                start, end = clause_start, self.clause_end(sent, cue.start)  # "P1, selon X, P2"
            elif (before is not None and before.text == ",") or not tail:
                start = clause_start
                end = before.idx if before is not None and before.text == "," else cue.start
            else:
                start, end = clause_start, self.clause_end(sent, cue.start)
        kind, c_start, c_end = classify(self.text, start, end, self.quotes)
        if c_end <= c_start:
            return []
        return [Draft(cue, c_start, c_end, kind, speaker, sent, confidence=0.6)]

    def _prep_object(self, cue: CueMatch, sent: Span) -> Token | None:
        first = cue.tokens[0]
        if cue.prep is not None and len(cue.prep.words) > 1 and cue.prep.words[-1] == "source":
            return cue.tokens[-1]
        if first.dep_ == "case" and first.head.i > first.i:
            return first.head
        for tok in sent.doc[cue.last + 1: min(cue.last + 6, sent.end)]:
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok
            if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
                return None
        return None

    def relative(self, cue: CueMatch, sent: Span) -> list[Draft]:
        pron = cue.tokens[-1]
        verb = pron.head
        noun = verb.head if verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
        if noun is None:
            noun = next((t for t in reversed(sent.doc[sent.start: cue.first]) if t.pos_ in ("NOUN", "PROPN")), None)
        lemma = noun.lemma_.lower() if noun is not None else ""
        if noun is None or not (self._is_source(noun) or lemma in self.lex.claim_nouns
                                or lemma in self.lex.noun_acts):
            return []  # "l'idée selon laquelle": nobody said it
        speaker = None
        if lemma in self.lex.noun_acts:  # "les accusations de X selon lesquelles": X accuses
            cue.act = self.lex.noun_acts[lemma]
            owner = self._noun_owner(noun)
            speaker = self.speakers.mention(owner) if owner is not None else None
        speaker = speaker or self.speakers.mention(noun)
        start = pron.idx + len(pron.text)
        end = self.clause_end(sent, start)
        if verb.i > pron.i and verb.dep_ == "acl:relcl":
            end = min(end, sent.doc[verb.right_edge.i].idx + len(sent.doc[verb.right_edge.i].text))
        kind, c_start, c_end = classify(self.text, start, end, self.quotes)
        if c_end <= c_start or speaker is None:
            return []
        return [Draft(cue, c_start, c_end, kind, speaker, sent, confidence=0.6)]

    def _noun_owner(self, noun: Token) -> Token | None:
        """Who makes the accusation, threat or call a noun names: its genitive complement
        when that is a speaker ("les accusations *de l'opposition*"), else the one who
        utters the noun ("X a repris les accusations", "répétant les accusations")."""
        for child in noun.children:
            if child.dep_ == "nmod" and child.i > noun.i and self._is_source(child) and \
                    any(low(c) in self.lex.genitive_marks for c in child.children if c.dep_ == "case"):
                return child
        verb = noun.head
        if verb.pos_ != "VERB" or noun.dep_ not in ("obj", "nsubj:pass"):
            return None
        return self.speakers.subject(verb) or self.speakers.controller(verb)


def _marks_in(sent: Span, marks: tuple[str, ...], first: int | None = None) -> list[int]:
    """Indices of the tokens of ``sent`` (from token ``first``) written as one of ``marks``,
    in order: found in the per-Doc columns rather than by visiting every token."""
    start = sent.start if first is None else first
    mask = columns(sent.doc).where(lower=marks)[start: sent.end]
    return (np.flatnonzero(mask) + start).tolist()
