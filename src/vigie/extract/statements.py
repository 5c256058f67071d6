"""Statements: who said what — direct, mixed and indirect reported speech.

Sentence by sentence: find the cues (:mod:`vigie.speech.cues`), the content each reports
and its speaker (:mod:`vigie.speech.content`, :mod:`vigie.speech.speakers`); a cue inside
another statement's content or source is nested speech and gives way. Quote-only sentences
take the speaker of their context. Acts (:mod:`vigie.speech.acts`), addressees and dates
complete each statement. Entity ids exist only once the document is finalised, so speakers
and addressees keep their :class:`~vigie.schema.Entity` until a ``finalise`` hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.registry import extractor
from vigie.schema import ActorRef, Cue, Span, Speaker, Statement
from vigie.speech.acts import classify_act
from vigie.speech.addressees import addressees
from vigie.speech.content import MAX_CONTENT, ContentFinder, Draft
from vigie.speech.cues import CueMatch, find_cues
from vigie.speech.lexicon import Lexicon, lexicon
from vigie.speech.quotes import Quote, QuoteIndex
from vigie.speech.speakers import Mention, Speakers

try:
    from vigie.extract.times import date_ref_for
except ImportError:  # pragma: no cover - the times extractor is optional
    date_ref_for = None

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from vigie.analysis import Analysis
    from vigie.schema import DateRef, Entity

HEADING_MAX_WORDS = 12
MAX_GOVERNOR_CLIMB = 6  # heads climbed from a time expression to the verb it dates
FINAL_PUNCT = ".!?…"


class StatementReader:
    """Reads the statements of one analysis."""

    def __init__(self, analysis: Analysis, lex: Lexicon) -> None:
        self.analysis = analysis
        self.lex = lex
        self.text = analysis.text
        self.quotes = QuoteIndex(self.text, [(p.start, p.end) for p in analysis.paragraphs
                                             if p.role != "boilerplate"])
        self.speakers = Speakers(analysis, lex, self.quotes)
        self.finder = ContentFinder(self.text, lex, self.quotes, self.speakers)
        self.drafts: list[Draft] = []
        self._prev: tuple[SpacySpan, list[Draft]] | None = None
        self._pending: list[tuple[Quote, SpacySpan]] = []  # unclosed quotes waiting for a speaker

    def read(self) -> list[Draft]:
        """Drafts of every statement of the document, in text order."""
        self.speakers.observe_people()
        for sent in self.analysis.doc.sents:
            blank = not self.text[sent.start_char: sent.end_char].strip()  # sent.text rebuilds tokens
            if blank or self.analysis.role_at(sent.start_char) == "boilerplate":
                continue
            toks = list(sent)  # built once: each spaCy token access makes a new object
            self.speakers.observe(sent, toks)
            drafts = self._sentence(sent, toks)
            drafts += self._context(sent, drafts)
            for d in drafts:  # words after the cue are in the scope of its subject
                if d.speaker is not None and d.cue is not None and d.start >= d.cue.end:
                    d.speaker = self.speakers.unbound(d.speaker, d.start, d.end)
            for d in drafts:
                self.speakers.demote(d.start, d.end)
            for d in drafts:  # a resolved pronoun speaker carries the chain on ("Il ... -t-il")
                if d.speaker is not None:
                    head = d.speaker.span.root
                    self.speakers.remember(d.speaker.span, head, d.speaker.entity, speaker=True)
            self.drafts += drafts
            self._prev = (sent, drafts)
        self._forward()
        return sorted(self.drafts, key=lambda d: (d.start, d.end))

    def _forward(self) -> None:
        """A paragraph of a multi-paragraph quote with no speaker before it takes the speaker
        of the quote that continues it in the next paragraph (« A ¶ « B », a-t-il dit)."""
        for q, sent in self._pending:
            nxt = min((d for d in self.drafts if d.start >= q.end and d.speaker is not None
                       and d.kind == "direct"), key=lambda d: d.start, default=None)
            if nxt is None or "\n\n" in self.text[q.end: max(q.end, nxt.start - 2)].strip():
                continue
            self.drafts.append(Draft(None, q.inner_start, q.inner_end, "direct", nxt.speaker, sent,
                                     confidence=0.5))

    # --- one sentence -----------------------------------------------------------------
    def _usable(self, cue: CueMatch) -> bool:
        """Cues inside a quote belong to the quoted speaker, unless the quote is the cue
        itself (ont « condamné »)."""
        q = self.quotes.around(cue.token.idx)
        if q is None:
            return True
        return cue.kind == "verb" and q.inner_start >= cue.start - 1 and q.inner_end <= cue.end + 1

    def _sentence(self, sent: SpacySpan, toks: list[Token]) -> list[Draft]:
        cues = [c for c in find_cues(sent, self.lex, toks) if self._usable(c)]
        drafts: list[Draft] = []
        for cue in cues:
            if cue.kind == "verb":
                drafts += self.finder.verb(cue, sent, cues)
            elif cue.kind == "prep":
                drafts += self.finder.preposition(cue, sent)
            else:
                drafts += self.finder.relative(cue, sent)
        return self._nested_away(drafts)

    @staticmethod
    def _source_region(d: Draft) -> tuple[int, int] | None:
        """Where the source is named: the speaker mention, or the whole "selon X ..." phrase
        (with its relative clauses: "selon Le Guetteur, qui a publié l'enquête")."""
        if d.speaker is None or d.speaker.pronoun:
            return None
        span = d.speaker.span
        if d.cue is None or d.cue.kind == "verb":
            return span.start_char, span.end_char
        root = span.root
        return min(d.cue.start, root.left_edge.idx), root.right_edge.idx + len(root.right_edge.text)

    def _nested_away(self, drafts: list[Draft]) -> list[Draft]:
        """Drop cues that are nested speech: inside another statement's source or content.
        A prepositional cue whose content holds a verb cue gives way to it; of two cues
        reporting the same words, the nearer one keeps them."""
        drafts = [d for d in drafts if self._substantial(d)]
        best: dict[tuple[int, int], Draft] = {}
        for d in drafts:
            key = (d.start, d.end)
            if key not in best or self._distance(d) < self._distance(best[key]):
                best[key] = d
        drafts = [d for d in drafts if best[(d.start, d.end)] is d]
        regions = [(d, self._source_region(d)) for d in drafts]
        alive = [d for d in drafts if not any(
            o is not d and o.cue is not d.cue and r and d.cue and r[0] <= d.cue.start < r[1] for o, r in regions)]
        verbs = sorted([d for d in alive if d.cue and d.cue.kind == "verb"], key=lambda d: d.start - d.end)
        kept: list[Draft] = []
        for d in verbs:
            if not any(k.cue is not d.cue and k.start <= d.cue.start < k.end for k in kept):
                kept.append(d)
        for d in alive:
            if d.cue is None or d.cue.kind == "verb":
                continue
            inside = any(k.start <= d.cue.start < k.end for k in kept)
            holds = any(d.start <= k.cue.start < d.end for k in kept)
            if not inside and not holds:
                kept.append(d)
        return kept

    @staticmethod
    def _distance(d: Draft) -> int:
        if d.cue is None:
            return 10**9
        return min(abs(d.cue.start - d.end), abs(d.start - d.cue.end))

    def _substantial(self, d: Draft) -> bool:
        """Two words at least, unless the speaker's words are quoted ("faux")."""
        if d.kind != "indirect":
            return True
        return sum(1 for w in self.text[d.start:d.end].split() if any(ch.isalpha() for ch in w)) >= 2

    # --- quotes attributed by context --------------------------------------------------
    def _context(self, sent: SpacySpan, drafts: list[Draft]) -> list[Draft]:
        """Quote-only sentences: the speaker introduced before ("X a déclaré :", the last
        statement, or the subject of the sentence before)."""
        qs = self.quotes.within(sent.start_char, sent.end_char + 1)
        around = self.quotes.around(sent.start_char)
        if around is not None and around not in qs:
            qs = [around, *qs]
        out: list[Draft] = []
        for q in qs:
            if any(d.start < q.inner_end and q.inner_start < d.end for d in drafts):
                continue
            label = self._label_speaker(sent, q)
            if label is not None:  # "Réaction du ministre Paul Brun : « ... »"
                out.append(Draft(None, q.inner_start, q.inner_end, "direct", label, sent, confidence=0.5))
                continue
            if not self._quote_only(sent, q) or (self._heading(q) and not self._announced()):
                continue
            speaker = self._context_speaker(sent)
            if speaker is None:
                if not q.closed:
                    self._pending.append((q, sent))
                continue
            out.append(Draft(None, q.inner_start, q.inner_end, "direct", speaker, sent, confidence=0.5))
        return out

    def _quote_only(self, sent: SpacySpan, q: Quote) -> bool:
        outside = self.text[sent.start_char: max(sent.start_char, q.start)] + self.text[q.end: sent.end_char]
        return not any(ch.isalnum() for ch in outside)

    def _label_speaker(self, sent: SpacySpan, q: Quote) -> Mention | None:
        """The source of a sentence-final quote announced by a colon: the subject of the
        sentence, or the source named in a verbless label ("Réaction du ministre : « Q »")."""
        head = [t for t in sent if t.idx < q.start]
        if not head or head[-1].text != ":" or self.text[q.end: sent.end_char].strip(" .\n") \
                or self.quotes.around(head[-1].idx):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in head):
            # "X n'a pas hésité à critiquer Y, dans un entretien : « Q »": the subject speaks
            subj = self._main_subject(sent)
            return self.speakers.mention(subj) if subj is not None and subj.i < head[-1].i else None
        names = [t for t in head[:-1] if t.pos_ == "PROPN" or t.lemma_.lower() in self.lex.source_nouns]
        if not names:
            return None
        tok = names[-1]
        while tok.head.i < head[-1].i and tok.head.i != tok.i and tok.dep_ in ("flat:name", "flat", "appos"):
            tok = tok.head
        return self.speakers.mention(tok)

    def _announced(self) -> bool:
        """The sentence before ends with a colon: what follows is what was said."""
        return self._prev is not None and self._prev[0].text.rstrip().endswith(":")

    def _heading(self, q: Quote) -> bool:
        """A quoted intertitle: a whole paragraph, short, without final punctuation."""
        for p in self.analysis.paragraphs:
            if p.start <= q.start < p.end:
                whole = not self.text[p.start:q.start].strip() and not self.text[q.end:p.end].strip()
                words = self.text[q.inner_start:q.inner_end].split()
                return whole and len(words) <= HEADING_MAX_WORDS and \
                    self.text[q.inner_end - 1] not in FINAL_PUNCT
        return False

    def _context_speaker(self, sent: SpacySpan) -> Mention | None:
        if self._prev is None:
            return None
        prev, prev_drafts = self._prev
        if not self._near(prev, sent):
            return None
        with_speaker = [d for d in prev_drafts if d.speaker is not None]
        if with_speaker:
            return with_speaker[-1].speaker
        subj = self._main_subject(prev)
        if subj is not None:
            return self.speakers.mention(subj)
        return None

    def _near(self, prev: SpacySpan, sent: SpacySpan) -> bool:
        """The sentence before is in the same paragraph or ends the paragraph before."""
        between = self.text[prev.end_char: sent.start_char]
        return between.count("\n\n") <= 1

    def _main_subject(self, sent: SpacySpan) -> Token | None:
        root = sent.root
        for child in root.children:
            if child.dep_ == "nsubj" and not self.quotes.around(child.idx) and (
                    child.pos_ == "PROPN" or child.lemma_.lower() in self.lex.source_nouns
                    or child.text.lower() in self.lex.pronouns
                    or any(t.pos_ == "PROPN" for t in child.subtree)):
                return child
        return None


# --- from drafts to statements ----------------------------------------------------------
def _speaker(draft: Draft) -> Speaker | None:
    m = draft.speaker
    if m is None:
        return None
    return Speaker(text=m.span.text, start=m.span.start_char, end=m.span.end_char,
                   description=None if m.pronoun else m.span.text)


def _date(analysis: Analysis, draft: Draft) -> DateRef | None:
    if date_ref_for is None:
        return None
    # the clause of the cue, without the reported words (whose dates are the reported events')
    start, end = draft.sentence.start_char, draft.sentence.end_char
    cue = draft.cue
    if cue is not None:
        if draft.end <= cue.start:
            start = draft.end
        elif draft.start >= cue.end:
            end = draft.start
    return date_ref_for(analysis, start, end, exclude=_reported_times(analysis, draft))


def _reported_times(analysis: Analysis, draft: Draft) -> list[tuple[int, int]]:
    """Times that date what is reported, not the utterance: all those of a direct quote or of
    words before their incise ("P, dit-il"), and in other content those a verb of the content
    governs ("prévue le 3 mai", "depuis 1945"); one hanging on a reported noun phrase still
    dates the cue ("a annoncé une trêve, le 3")."""
    inside = [t for t in analysis.times if draft.start <= t.start and t.end <= draft.end]
    if draft.kind == "direct" or draft.cue is None or draft.end <= draft.cue.start:
        return [(t.start, t.end) for t in inside]
    out = []
    for t in inside:
        span = analysis.doc.char_span(t.start, t.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        for _ in range(MAX_GOVERNOR_CLIMB):
            if tok is None or tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head
        if tok is not None and tok.pos_ in ("VERB", "AUX") and draft.start <= tok.idx < draft.end:
            out.append((t.start, t.end))
    return out


def _content(text: str, start: int, end: int) -> Span:
    if end - start > MAX_CONTENT:
        cut = text.rfind(" ", start, start + MAX_CONTENT)
        end = cut if cut > start else start + MAX_CONTENT
    return Span(text[start:end], start, end)


def build(analysis: Analysis, drafts: list[Draft], lex: Lexicon) -> list[Statement]:
    """Statements numbered s1, s2 ... in text order, with acts, addressees and dates."""
    text = analysis.text
    out: list[Statement] = []
    speakers: dict[str, Entity] = {}
    refs: list[tuple[ActorRef, Entity]] = []
    for i, d in enumerate(drafts, 1):
        act, deciding, confidence = classify_act(d, lex)
        cue = d.cue
        st = Statement(
            id=f"s{i}", kind=d.kind,  # type: ignore[arg-type]
            content=_content(text, d.start, d.end), speaker=_speaker(d),
            cue=Cue(text[cue.start:cue.end], cue.lemma, cue.start, cue.end) if cue else None,
            act=act, date=_date(analysis, d), confidence=round(confidence, 2))  # type: ignore[arg-type]
        if d.speaker is not None and d.speaker.entity is not None:
            speakers[st.id] = d.speaker.entity
        verb = deciding if deciding is not None else (cue.token if cue and cue.kind == "verb" else None)
        allowed = cue is None or cue.entry is None or cue.entry.addressee
        skip = d.speaker.span if d.speaker is not None else None
        for text_, entity in addressees(analysis, verb, act, lex, skip) if allowed else []:
            ref = ActorRef(entity=None, text=text_)
            st.addressees.append(ref)
            if entity is not None:
                refs.append((ref, entity))
        out.append(st)
    analysis.scratch["statement_speakers"] = speakers
    addressed: dict[str, list[Entity]] = {}
    for st in out:
        addressed[st.id] = [e for ref, e in refs if any(ref is a for a in st.addressees)]
    analysis.scratch["statement_addressees"] = addressed
    _finalise(out, speakers, refs)  # names, countries and sectors now; ids once they exist
    analysis.scratch.setdefault("finalise", []).append(lambda: _finalise(out, speakers, refs))
    return out


def _finalise(statements: list[Statement], speakers: dict[str, Entity],
              refs: list[tuple[ActorRef, Entity]]) -> None:
    """Copy entity ids and attributes into speakers and addressees."""
    for st in statements:
        entity = speakers.get(st.id)
        if entity is None or st.speaker is None:
            continue
        sp = st.speaker
        sp.entity = entity.id or None
        sp.name = entity.name
        # the mention is a description only when it is not the entity's name ("le responsable")
        sp.description = entity.description or (sp.description if sp.description != entity.name else None)
        sp.country, sp.sector = entity.country, entity.sector
        sp.anonymous = bool(getattr(entity, "anonymous", False))
    for ref, entity in refs:
        ref.entity = entity.id or None
        ref.country, ref.sector = entity.country, entity.sector


@extractor("statements", after=("entities", "times"))
def extract_statements(analysis: Analysis) -> None:
    """Fill ``analysis.statements`` (GUIDELINES section 1)."""
    lex = lexicon(analysis.language)
    if not lex.verbs:
        return
    drafts = StatementReader(analysis, lex).read()
    analysis.statements = build(analysis, drafts, lex)
