"""The one place that wires the stages:

    document -> sentences/tokens (lang) -> mentions (lexicon matcher, dates, quantities, places)
             -> parts of speech, chunks, clauses and roles (syntax) -> event candidates (rules) -> resolved events (dates, quantities, places) -> rows

The row stage, each event's date, place and count, is coder/rows.py. `code_document()` is a pure function of the document, the lexicons and the gazetteer."""
from __future__ import annotations

import datetime as dt
import hashlib
import sys
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Iterator, Optional

from coder import __version__
from coder.dates import dates_and_copy, note_undated
from coder.dates.markers import marker_first_words
from coder.geo import Gazetteer, SentencePlaces, document_focus
from coder.geo.toponyms import capital_mentions
from coder.geo.events import names_actor
from coder.lang import detect, profile
from coder.lang.chunk_folds import QUIET_CHUNKS, chunk_folds, learn_quiet
from coder.lang.common import spaced_chunks
from coder.lexicon.load import lexicon_version, load
from coder.model import (CodedDocument, Document, DocumentRow, EventRow, PlaceMention, QuantityValue, ResolvedDate,
                         Sentence, Token, assembled, is_named)
from coder.quantities import find_quantities
from coder.quantities.recognise import plain_chunks
from coder.recognise.matcher import match
from coder.rows import rows_for
from coder.rules.consolidate import event_family
from coder.rules.counts import word_kinds
from coder.rules.engine import SentenceAnalysis, analyse
from coder.syntax import parse


@dataclass
class SentenceResult:
    sentence: Sentence
    analysis: SentenceAnalysis
    dates: list[ResolvedDate]
    quantities: list[QuantityValue]
    places: list[PlaceMention]


_NOTHING: frozenset = frozenset()


# Sentence's own __new__, bound once (as coder/lang/common.py binds Token's)
_new_sentence = Sentence.__new__


def sentences(text: str, lang: str) -> list[Sentence]:
    prof = profile(lang)
    out = []
    for i, (s, e) in enumerate(prof.split_sentences(text)):
        t = text[s:e]
        # Sentence(i, t, s, tokens): its fields stored one by one, in its order, on a bare instance
        # (the dataclass's __init__ costs a Python frame a sentence; tests/test_places_speed31.py
        # checks the record is the constructor's)
        sent = _new_sentence(Sentence)
        sent.index = i
        sent.text = t
        sent.start = s
        sent.tokens = prof.tokenise(t)
        out.append(sent)
    return out


def _dated_tokens(tokens: list[Token], dates: list[ResolvedDate]) -> frozenset[int]:
    """The indexes of the tokens that overlap a date. Tokens are in order and do not overlap, so
    their ends rise: a date's first token is found by bisection, not by a pass over the sentence."""
    dated = []
    for d in dates:
        i = bisect_right(tokens, d.start, key=_token_end)   # (the first token ending after the date starts)
        while i < len(tokens) and tokens[i].start < d.end:
            dated.append(i)
            i += 1
    return frozenset(dated)


_token_end = attrgetter("end")


def analyse_sentence(sent: Sentence, lang: str, published: Optional[dt.date]) -> SentenceResult:
    """Dates and the rules for one sentence; quantities only where there is an event to count for."""
    prof = profile(lang)
    text = sent.text
    chunks = spaced_chunks(text)   # (the chunks the tokeniser cut it into, or None)
    quiet = QUIET_CHUNKS[lang]
    unread = chunks is not None and quiet.issuperset(chunks)
    if unread:
        # every chunk known to fold to one that holds no date and no quantity: neither is looked for
        dates, folded, folds = [], None, None
        note_undated(text, lang)
    else:
        # the folds of the sentence's chunks for the dates' and quantities' gates (None where not all
        # known: they fold the text whole)
        folds = chunk_folds(text, chunks, lang)
        dates, folded = dates_and_copy(text, lang, published, folds)
    day = dates[0].value if dates else published
    mentions = match(load(lang).trie, sent.tokens, sent.text, False, word_kinds(lang), marker_first_words(lang))
    parsed = None
    # (the matcher sorts the mentions by kind as it makes them: no pass over them here)
    if mentions.triggers and mentions.actor_mentions:
        # the syntax stage, between recognition and the rules (where there are actors to place in
        # roles); dates are adverbials to it
        parsed = parse(sent.tokens, mentions, prof, _dated_tokens(sent.tokens, dates) if dates else _NOTHING)
    analysis = analyse(sent, mentions, prof, day, parsed)
    if unread or not analysis.events:   # (quantities only where there is an event to count for)
        return SentenceResult(sent, analysis, dates, [], [])
    # the folded copy the dates' scan made of the sentence serves the quantities too (None where its
    # gate refused the folds: the quantities make it of them only where theirs admit)
    quantities = find_quantities(text, lang, folded, folds)
    # the date gate refused the folds (no copy made of them) and the quantities, which have just read
    # them, know them all plain: its chunks are quiet. (Not asked of a sentence with no events: the
    # quantities have not read it, and know its folds plain too rarely)
    if not quantities and folded is None and folds is not None and plain_chunks(lang).issuperset(folds):
        learn_quiet(quiet, chunks)
    return SentenceResult(sent, analysis, dates, quantities, [])


def _actor_country(results: list[SentenceResult]):
    """A document that names no place: the country most of its actors belong to ("the Iraqi army",
    "Pakistani police") is where it happens, at country precision."""
    counts: dict[str, int] = {}
    for r in results:
        for a in r.analysis.actors:
            c = a.code.country
            # the press that reports it ("وكالة الصحافة الفرنسية", AFP) says nothing of where
            if c and c not in ("EUR", "WST", "MEA", "INT") and a.code.role != "MED":
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    best, most = None, 0   # (the first of the most counted, as max() of the items by count)
    for c, n in counts.items():
        if n > most:
            best, most = c, n
    return Gazetteer.default().country(best)


def drop_repeat_mentions(results: list[SentenceResult]) -> None:
    """"Gunmen stormed a checkpoint in Kirkuk... The attack lasted an hour": an event noun that adds
    nothing (no actor named, no count, no other place) after an event of its class earlier in the
    document is that event mentioned again, not a new one; coding it would count it twice."""
    reporting = []
    for r in results:
        if r.analysis.events:
            reporting.append(r)
    if len(reporting) < 2:   # (as in most documents, no event is told after another: nothing to drop)
        return
    seen: dict[str, set] = {}   # event family -> the places of the sentences that reported one
    for r in reporting:
        places = {p.place.place_id for p in r.places}
        keep = []
        for c in r.analysis.events:
            family = event_family(c.code)
            earlier = seen.get(family)
            bare = c.nominal and not is_named(c.source) and not is_named(c.target) and not r.quantities
            if bare and earlier is not None and (not places or places & earlier):
                r.analysis.steps.append(f"{c.evidence!r}: names again an event of sentence before, adds nothing; "
                                        "not coded twice")
                continue
            keep.append(c)
        r.analysis.events = keep
        for c in keep:
            seen.setdefault(event_family(c.code), set()).update(places)


# (document, its hash, whether its text holds no lone surrogate): the writer's skip check and the
# coding both ask; one tuple, swapped whole, so that threads never see one document with another's hash
_last_sha: tuple = (None, "", False)


def document_sha(doc: Document) -> str:
    global _last_sha
    last = _last_sha
    if last[0] is doc:   # (a Document is frozen: the same object has the same text)
        return last[1]
    try:   # (strict UTF-8 gives the bytes "surrogatepass" gives, and tells of a lone surrogate for nothing)
        sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:
        sha = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        _last_sha = (doc, sha, False)
        return sha
    _last_sha = (doc, sha, True)
    return sha


def text_has_no_surrogate(doc: Document) -> bool:
    """Is the document's text known to hold no lone surrogate? Read off its hash (document_sha), so
    True only for the document hashed last (as coding one does), False where not known. A slice of
    such a text, or slices of it joined, holds none either (the storing check need not test them)."""
    last = _last_sha
    return last[0] is doc and last[2]


def _with_capitals(places: list[PlaceMention], capitals: list[PlaceMention]) -> list[PlaceMention]:
    """The sentence's places plus the capitals it names by a country's adjective ("the Iraqi capital")."""
    return sorted([*places, *capitals], key=lambda p: p.start) if capitals else places


def resolve_document(doc: Document) -> tuple[str, list[SentenceResult], list[list[PlaceMention]], object, object]:
    """The analysis of every sentence with its places resolved the way the stored rows use them:
    (language, results, places per sentence, the document's focus place, the country of its actors
    where it has no focus, else None).
    `coder explain` prints these, so what it shows is what the rows hold."""
    lang = doc.language or detect(doc.text)
    sents = sentences(doc.text, lang)
    # (loops, not comprehensions and generators: most documents are short, and each of those costs
    # a function object and a frame a document)
    results, reporting = [], False
    published = doc.published   # (read once: a pydantic model's attribute goes through its __getattr__ hook)
    for s in sents:
        r = analyse_sentence(s, lang, published)
        results.append(r)
        if r.analysis.events:
            reporting = True
    if not reporting:   # (no event: no place is looked for)
        return lang, results, [[] for _ in sents], None, None
    # per sentence: the capitals it names by an adjective (they do not depend on the hint: found
    # once, for both passes); its finder, which keeps the names found, with their cues, for the
    # second pass with the hint; and its places read with no hint
    capitals, finders, first_pass = [], [], []
    # the places that are not actors: the document's dominant place, for events whose sentence names
    # none (SPEC §7), and the country hint that settles ambiguous names in the event sentences
    located = []
    for s, r in zip(sents, results):
        # (a capital is read off actor mentions only: the rules' index of them, where they made one)
        named = r.analysis.actor_mentions
        caps = capital_mentions(s.text, s.tokens, r.analysis.mentions if named is None else named, lang)
        finder = SentencePlaces(s.text, s.tokens, lang)
        places = finder.places()
        if caps:   # (most sentences name no capital by a country's adjective: no call)
            places = _with_capitals(places, caps)
        capitals.append(caps)
        finders.append(finder)
        first_pass.append(places)
        if places:
            actors = r.analysis.actors
            for p in places:
                if not names_actor(p, actors):
                    located.append(p)
    focus = document_focus(located)
    # (the country of the actors stands in only for a document with no focus: asked only then)
    actor_focus = _actor_country(results) if focus is None else None
    hint = (focus or actor_focus).country if (focus or actor_focus) is not None else None
    shown = []
    for r, places, caps, finder in zip(results, first_pass, capitals, finders):
        if r.analysis.events:
            r.places = places
            # only a name read outside the document's country can change with the hint or the
            # countries the sentence's actors belong to ("the Syrian town of Madaya")
            if places:   # (the hint changes no place of a sentence that names none)
                context = set()   # (a loop, not a set comprehension: no function object a sentence)
                for a in r.analysis.actors:
                    c = a.code.country
                    if c and len(c) == 3:
                        context.add(c)
                for p in places:
                    if p.place.country != hint or (context and p.place.country not in context):
                        r.places = _with_capitals(finder.places(hint, context), caps)
                        break
            shown.append(r.places)
        else:
            shown.append(places)
    return lang, results, shown, focus, actor_focus


_now = dt.datetime.now
_UTC = dt.timezone.utc
_EPOCH, _EPOCH_UTC = dt.datetime(1970, 1, 1), dt.datetime(1970, 1, 1, tzinfo=_UTC)


def _utc_now() -> dt.datetime:
    """The time now in UTC, naive (as coded_at is stored): the time since the epoch, exact in
    microseconds, added to the naive epoch. (replace(tzinfo=None) parses its keywords at each call,
    and combining the date and the time makes two objects more: 13.3 k and 5.4 k machine
    instructions against 3.2 k, once a document.)"""
    return _EPOCH + (_now(_UTC) - _EPOCH_UTC)


# coded_at's clock. Below Python 3.12, datetime.utcnow reads the same clock the same way (the system
# time floored to microseconds, broken down by gmtime: what now(timezone.utc) gives, without its
# zone) in one C call with no Python frame: 1.8 k machine instructions against 4.2 k. From 3.12 it
# is deprecated (a warning at each call).
_coded_now = dt.datetime.utcnow if sys.version_info < (3, 12) else _utc_now


# (the models' validators on a dict, as for the event rows in coder/rows.py: the same validation
# and errors as DocumentRow(...) and CodedDocument(...), without BaseModel.__init__ between; for a
# `coded_at` given as something else than a datetime, which they convert or refuse)
_document_row = DocumentRow.__pydantic_validator__.validate_python
_coded_document = CodedDocument.__pydantic_validator__.validate_python


def code_document(doc: Document, coded_at: Optional[dt.datetime] = None,
                  as_values: bool = False) -> CodedDocument | tuple[tuple, list[tuple], list[tuple]]:
    """The document's rows. `as_values` (the run's loop, coder.runner): its documents row's, its
    events' and its quantities' values, each in its table's column order (the events' and quantities'
    validated as they were made), with no row model built."""
    sha = document_sha(doc)
    lang, results, _, focus, actor_focus = resolve_document(doc)
    drop_repeat_mentions(results)
    events, quants = rows_for(doc, lang, sha, results, focus, actor_focus, as_values)
    # (the document's fields read from its __dict__, where pydantic keeps them: one read through the
    # model's __getattr__ hook, not six)
    fields = doc.__dict__
    if as_values:
        # (a tuple in the documents table's column order, which coder.runner checks at its import: a
        # dict of the twelve columns read back by column cost 5.5 k machine instructions more)
        return (fields["doc_id"], fields["title"], fields["source"], fields["url"], lang, fields["published"],
                len(results), len(events), sha, fields["input_path"], coded_at or _coded_now(), __version__), \
            events, quants
    values = {"doc_id": fields["doc_id"], "title": fields["title"], "source": fields["source"],
              "url": fields["url"], "language": lang, "published": fields["published"],
              "n_sentences": len(results), "n_events": len(events), "sha256": sha,
              "input_path": fields["input_path"], "coded_at": coded_at or _coded_now(), "coder_version": __version__}
    if coded_at is not None and coded_at.__class__ is not dt.datetime:   # (a caller's value: validated)
        return _coded_document({"document": _document_row(values), "events": events, "quantities": quants})
    # every value is of its column's type already: the document's fields were validated with the
    # Document (a frozen model), the language is "ar" or "en", the counts are lengths, the hash a
    # hex string, the time a datetime; the event and quantity rows were validated as they were made
    # (coder/rows.py). Validating them again converted nothing and cost about 25,000 machine
    # instructions a document (the storing check still tests every value the tables receive).
    return assembled(CodedDocument, {"document": assembled(DocumentRow, values), "events": events,
                                     "quantities": quants})


def code_text(text: str, lang: Optional[str] = None, published: Optional[dt.date] = None,
              doc_id: str = "text") -> list[EventRow]:
    """Code one piece of text: the events it reports (for the API, tests and `coder explain`)."""
    return code_document(Document(doc_id=doc_id, text=text, language=lang, published=published)).events


def code_documents(docs: Iterable[Document]) -> Iterator[CodedDocument]:
    for d in docs:
        yield code_document(d)


def versions() -> dict[str, str]:
    return {"coder_version": __version__, "lexicon_version": lexicon_version()}
