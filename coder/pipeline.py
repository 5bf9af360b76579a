"""The one place that wires the stages:

    document -> sentences/tokens (lang) -> mentions (lexicon matcher, dates, quantities, places)
             -> parts of speech, chunks, clauses and roles (syntax) -> event candidates (rules) -> resolved events (dates, quantities, places) -> rows

`Coder.code_document()` is a pure function of the document, the lexicons and the gazetteer."""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional

from coder import __version__
from coder.cameo import lookup as cameo
from coder.dates import find_dates
from coder.geo import Gazetteer, document_focus, find_places_in_tokens
from coder.lang import detect, profile
from coder.lang.numbers import load_lexicon
from coder.lexicon.load import lexicon_version, load
from coder.model import (Actor, ActorCode, CodedDocument, Document, DocumentRow, EventRow, PlaceMention, QuantityRow,
                         QuantityValue, ResolvedDate, Sentence)
from coder.quantities import find_quantities
from coder.recognise.matcher import match
from coder.rules.consolidate import event_family
from coder.rules.engine import EventCandidate, SentenceAnalysis, analyse
from coder.syntax import parse

VIOLENT_ROOTS = {"18", "19", "20"}
_COARSER = {"site": "locality", "locality": "admin2", "admin2": "admin1", "admin1": "country",
            "country": "country", "region": "region"}


@dataclass
class SentenceResult:
    sentence: Sentence
    analysis: SentenceAnalysis
    dates: list[ResolvedDate]
    quantities: list[QuantityValue]
    places: list[PlaceMention]


def sentences(text: str, lang: str) -> list[Sentence]:
    prof = profile(lang)
    out = []
    for i, (s, e) in enumerate(prof.split_sentences(text)):
        t = text[s:e]
        out.append(Sentence(i, t, s, prof.tokenise(t)))
    return out


def analyse_sentence(sent: Sentence, lang: str, published: Optional[dt.date]) -> SentenceResult:
    """Dates and the rules for one sentence; quantities only where there is an event to count for."""
    dates = find_dates(sent.text, lang, published)
    day = dates[0].value if dates else published
    mentions = match(load(lang).trie, sent.tokens, sent.text)
    parsed = None
    kinds = {m.kind for m in mentions}
    if "trigger" in kinds and ("actor" in kinds or "agent" in kinds) and "discard" not in kinds:
        # the syntax stage, between recognition and the rules (where there are actors to place in
        # roles); dates are adverbials to it
        dated = frozenset(i for d in dates for i, t in enumerate(sent.tokens) if t.start < d.end and d.start < t.end)
        parsed = parse(sent.tokens, mentions, profile(lang), dated)
    analysis = analyse(sent, mentions, profile(lang), day, parsed)
    quantities = find_quantities(sent.text, lang) if analysis.events else []
    return SentenceResult(sent, analysis, dates, quantities, [])


def _relative_walls(r: SentenceResult) -> list[int]:
    return [m.start for m in r.analysis.mentions if m.kind == "grammar" and m.entry.role == "relative_marker"]


def _same_clause(r: SentenceResult, c: EventCandidate, walls: list[int]) -> list[ResolvedDate]:
    """The sentence's dates that no relative pronoun separates from the event ("the fighters who
    were arrested ... the caliphate, which was declared in June 2014": June 2014 is not the arrest's)."""
    return [d for d in r.dates
            if not any(min(d.start, c.evidence_start) < w < max(d.start, c.evidence_start) for w in walls)]


def _nearest(items, pos: int):
    return min(items, key=lambda x: min(abs(x.start - pos), abs(x.end - pos))) if items else None


def event_id(doc_id: str, sha: str, sentence_index: int, c: EventCandidate) -> str:
    key = "|".join([doc_id, sha, str(sentence_index), str(c.evidence_start), c.code,
                    c.source.code.code or "" if c.source else "", c.target.code.code or "" if c.target else "",
                    __version__])
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _event_place(r: SentenceResult, c: EventCandidate, focus,
                 exclude: Optional[PlaceMention] = None) -> tuple[Optional[PlaceMention], Optional[str]]:
    """The most specific place the sentence ties to the event; places inside actor phrases that
    act ("the Syrian army", "Damascus said") are actors, unless a locative cue introduces them.
    The place fire came from is where the event happened only if the sentence names no other."""
    # a town named as a bare country actor ("struck Aleppo") is still where it happened; a capital
    # standing for its government, an organisation or a role noun is not
    actor_spans = [(a.start, a.end) for a in r.analysis.actors if a.code.role or a.code.group]
    usable = [p for p in r.places
              if p.locative or not any(s < p.end and p.start < e for s, e in actor_spans)]
    if exclude is not None and len(usable) > 1:
        usable = [p for p in usable if p is not exclude]
    if usable:
        p = _nearest([p for p in usable if p.locative] or usable, c.evidence_start)
        return p, p.place.precision
    if focus is not None:
        return None, _COARSER.get(focus.precision, "country")
    return None, None


def _attach_quantities(r: SentenceResult) -> dict[int, list[QuantityValue]]:
    """Each quantity of the sentence goes to the event whose trigger is nearest."""
    by_event: dict[int, list[QuantityValue]] = {}
    evs = r.analysis.events
    for q in r.quantities:
        best = min(range(len(evs)), key=lambda i: min(abs(evs[i].evidence_start - q.end),
                                                      abs(q.start - evs[i].evidence_end)))
        by_event.setdefault(best, []).append(q)
    return by_event


def _located(actor: Optional[Actor], where) -> Optional[Actor]:
    """An actor known only by its role ("civilians", "police", "gunmen") belongs to the country the
    event happens in, as hand coders of CAMEO data code it ("five civilians killed in Kirkuk" ->
    IRQCVL; unidentified gunmen who struck in Iraq -> IRQUAF, ICEWS's "Unidentified Gunmen (Iraq)")."""
    if actor is None or where is None or not where.country or actor.code.country or actor.code.group \
            or not actor.code.role or len(where.country) != 3:
        return actor
    return replace(actor, code=ActorCode(where.country, None, actor.code.role))


def rows_for(doc: Document, lang: str, sha: str, results: list[SentenceResult], focus) -> tuple[list[EventRow], list[QuantityRow]]:
    events, quants = [], []
    for r in results:
        attached = _attach_quantities(r)
        walls = _relative_walls(r)
        for i, c in enumerate(r.analysis.events):
            entry = cameo(c.code)
            d = _nearest(_same_clause(r, c, walls), c.evidence_start)
            if d is not None:
                event_date, precision = d.value, d.precision
            elif doc.published is not None:
                event_date, precision = doc.published, "published"
            else:
                event_date, precision = None, None
            qs = attached.get(i, [])
            killed = next((q for q in qs if q.unit == "killed"), None)
            main = killed if (killed and entry.root in VIOLENT_ROOTS) else _nearest(qs, c.evidence_start)
            origin = _launched_from(r, c, lang) if entry.root == "19" else None
            place, geo_precision = _event_place(r, c, focus, exclude=origin)
            where = place.place if place else (focus if geo_precision else None)
            eid = event_id(doc.doc_id, sha, r.sentence.index, c)
            s, t = _located(c.source, where), _located(c.target, where)
            from_location = c.target_from_location
            if origin is not None:
                s, t = _fired_from(origin, c, s, t)
                from_location = (from_location or t is None) and not (where is not None and where.country == origin.place.country)
            if t is None and from_location and where is not None and where.country and len(where.country) == 3 \
                    and not (s is not None and s.code.country == where.country and not s.code.role):
                t = Actor(ActorCode(where.country, None, None), None, -1, -1, -1, -1, ("implicit_actors.attacked_country",))
            events.append(EventRow(
                event_id=eid, doc_id=doc.doc_id, sentence_index=r.sentence.index,
                sentence=r.sentence.text, evidence=c.evidence, language=lang,
                published=doc.published, event_date=event_date, date_precision=precision,
                event_code=c.code, event_base_code=entry.base, event_root_code=entry.root,
                quad_class=entry.quad_class, goldstein=entry.goldstein,
                source_code=s.code.code if s else None, source_name=s.name if s else None,
                source_country=s.code.country if s else None, source_group=s.code.group if s else None,
                source_role=s.code.role if s else None,
                target_code=t.code.code if t else None, target_name=t.name if t else None,
                target_country=t.code.country if t else None, target_group=t.code.group if t else None,
                target_role=t.code.role if t else None,
                location_text=place.text if place else None,
                location_name=where.name if where else None,
                location_country=where.country if where else None,
                location_admin1=where.admin1 if where else None,
                latitude=where.latitude if where else None, longitude=where.longitude if where else None,
                geo_precision=geo_precision if where else None, place_id=where.place_id if where else None,
                quantity_value=main.value if main else None,
                quantity_qualifier=main.qualifier if main else None,
                quantity_unit=main.unit if main else None,
                fatalities=killed.value if (killed and entry.root in VIOLENT_ROOTS) else None,
                rule_id=c.rule_id, confidence=c.confidence, coder_version=__version__))
            for q in qs:
                quants.append(QuantityRow(event_id=eid, value=q.value, qualifier=q.qualifier, unit=q.unit, text=q.text))
    return events, quants


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
    best = max(counts.items(), key=lambda kv: kv[1])[0]
    return Gazetteer.default().country(best)


@lru_cache(maxsize=None)
def _launch_origin(lang: str) -> tuple[str, ...]:
    """Words after which a place is where fire came from (places.yaml `launch_origin`)."""
    return tuple(profile(lang).normalise(w) for w in load_lexicon(lang, "places").get("launch_origin") or [])


def _launched_from(r: SentenceResult, c: EventCandidate, lang: str) -> Optional[PlaceMention]:
    """The place after the trigger that fire came from ("rockets fired from Gaza", "من جنوب لبنان")."""
    words = _launch_origin(lang)
    if not words:
        return None
    norm = profile(lang).normalise
    for p in r.places:
        if p.start < c.evidence_start or not p.place.country or len(p.place.country) != 3:
            continue
        before = " ".join(norm(r.sentence.text[max(0, p.start - 20):p.start]).split())
        if any(before == w or before.endswith(" " + w) for w in words):
            return p
    return None


def _fired_from(origin: PlaceMention, c: EventCandidate, s: Optional[Actor], t: Optional[Actor]):
    """Fire that came from a place ("rockets fired from Gaza", "صواريخ من جنوب لبنان"): an unnamed or
    role-only attacker belongs to that country, and the place is not the target."""
    country = origin.place.country
    if t is not None and t.start < origin.end and origin.start < t.end:
        t = None
    if not _named(c.source):
        s = Actor(ActorCode(country, None, c.source.code.role if c.source else None),
                  origin.text, -1, -1, origin.start, origin.end, ("places.launch_origin",))
    elif not c.source.code.country and not c.source.code.group:
        s = replace(c.source, code=ActorCode(country, None, c.source.code.role))
    return s, t


def _named(actor: Optional[Actor]) -> bool:
    return actor is not None and actor.name is not None   # implied actors (implicit_actors.yaml) have no name


def drop_repeat_mentions(results: list[SentenceResult]) -> None:
    """"Gunmen stormed a checkpoint in Kirkuk... The attack lasted an hour": an event noun that adds
    nothing (no actor named, no count, no other place) after an event of its class earlier in the
    document is that event mentioned again, not a new one; coding it would count it twice."""
    seen: dict[str, set] = {}   # event family -> the places of the sentences that reported one
    for r in results:
        places = {p.place.place_id for p in r.places}
        keep = []
        for c in r.analysis.events:
            family = event_family(c.code)
            earlier = seen.get(family)
            bare = c.nominal and not _named(c.source) and not _named(c.target) and not r.quantities
            if bare and earlier is not None and (not places or places & earlier):
                r.analysis.trace.append(f"{c.evidence!r}: names again an event of sentence before, adds nothing; "
                                        "not coded twice")
                continue
            keep.append(c)
        r.analysis.events = keep
        for c in keep:
            seen.setdefault(event_family(c.code), set()).update(places)


def document_sha(doc: Document) -> str:
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


def code_document(doc: Document, coded_at: Optional[dt.datetime] = None) -> CodedDocument:
    lang = doc.language or detect(doc.text)
    sha = document_sha(doc)
    sents = sentences(doc.text, lang)
    results = [analyse_sentence(s, lang, doc.published) for s in sents]
    focus = None
    if any(r.analysis.events for r in results):
        # the document's dominant place, for events whose sentence names none (SPEC §7), and the
        # country hint that settles ambiguous names in the event sentences
        first_pass = [find_places_in_tokens(s.text, s.tokens, lang) for s in sents]
        focus = document_focus([p for ps in first_pass for p in ps]) or _actor_country(results)
        hint = focus.country if focus is not None else None
        for r, places in zip(results, first_pass):
            if r.analysis.events:
                # only a name read outside the document's country can change with the hint
                needs_hint = hint is not None and any(p.place.country != hint for p in places)
                r.places = find_places_in_tokens(r.sentence.text, r.sentence.tokens, lang, hint) if needs_hint else places
    drop_repeat_mentions(results)
    events, quants = rows_for(doc, lang, sha, results, focus)
    row = DocumentRow(doc_id=doc.doc_id, title=doc.title, source=doc.source, url=doc.url, language=lang,
                      published=doc.published, n_sentences=len(sents), n_events=len(events), sha256=sha,
                      input_path=doc.input_path, coded_at=coded_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                      coder_version=__version__)
    return CodedDocument(document=row, events=events, quantities=quants)


def code_text(text: str, lang: Optional[str] = None, published: Optional[dt.date] = None,
              doc_id: str = "text") -> list[EventRow]:
    """Code one piece of text: the events it reports (for the API, tests and `coder explain`)."""
    return code_document(Document(doc_id=doc_id, text=text, language=lang, published=published)).events


def code_documents(docs: Iterable[Document]) -> Iterator[CodedDocument]:
    for d in docs:
        yield code_document(d)


def versions() -> dict[str, str]:
    return {"coder_version": __version__, "lexicon_version": lexicon_version()}
