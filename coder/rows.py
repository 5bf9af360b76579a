"""The row stage: a document's resolved sentences -> its event and quantity rows (SPEC §4-7).

Each event of a sentence is given its date (its own, the story's before it, or none), its place (its
sentence's, else the document's, coarser), its count and its actors' countries, then one validated
EventRow; `coder.pipeline.code_document` calls `rows_for` once a document."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
import hashlib
import re
from functools import lru_cache
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Optional, Sequence

from coder import __version__
from coder.cameo import codes as cameo_codes, lookup as cameo
from coder.dates import date_rules, find_dates, may_count_back, names_a_time
from coder.dates.markers import marker_starts
from coder.dates.events import choose_date, date_before_news, dated_record, is_old, offset_days, shifted
from coder.dates.history import blank, episode_dates, in_record, told_as_record
from coder.geo.events import COARSER, choose_place, names_actor
from coder.lang import profile
from coder.origin import fired_from, launched_from
from coder.rules.generic import named_in_general
from coder.rules.reality import own_party, told_as_habit, unanchored
from coder.model import (Actor, ActorCode, Document, EventRow, PlaceMention, QuantityRow, QuantityValue,
                         ResolvedDate, of_country)
from coder.quantities import subset_heads
from coder.lexicon.grammar import grammar_markers
from coder.quantities.attach import EventSpan, attach, not_dates, to_one_event
from coder.rules.engine import EventCandidate
from coder.rules.types import PUNCT_BARRIER
from coder.event_rows import (COUNT, FATALITIES, PLACE, PLACE_TEXT, SOURCE, TARGET, event_row, event_values,
                              quantity_row, quantity_values)

if TYPE_CHECKING:   # (the pipeline makes them; read here, never built)
    from coder.pipeline import SentenceResult

VIOLENT_ROOTS = {"18", "19", "20"}
_NO_IDS: frozenset = frozenset()
# what is said or written (statements, appeals, intents, meetings, demands, disapproval, rejection,
# threats), as against what is done on the ground (protest, force, aid)
SPOKEN_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}


# punctuation that closes a relative clause or an after-phrase (not quotes: «شرطة الأخلاق» is inside)
CLAUSE_CLOSE = frozenset(",;:()،؛?!؟—–")
_CLAUSE_CLOSE_RE = re.compile("[" + "".join(map(re.escape, sorted(CLAUSE_CLOSE))) + "]")


def _clause_end(text: str, start: int) -> int:
    """Where the punctuation that closes a clause opened at `start` stands (else the text's end)."""
    m = _CLAUSE_CLOSE_RE.search(text, start)
    return m.start() if m else len(text)


def _relative_walls(r: SentenceResult) -> list[tuple[int, int]]:
    """The relative clauses of the sentence: from the pronoun to the punctuation that closes the
    clause (or the sentence's end)."""
    return _walls_and_heads(r)[0]


def _walls_and_heads(r: SentenceResult) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence's relative clauses (_relative_walls) and its episode heads' spans, in one pass
    over its mentions."""
    walls, heads = [], []
    roles = r.analysis.roles   # (the rules' grammar roles by name: most sentences have neither, and no pass is made)
    if roles is not None and "relative_marker" not in roles and "episode_head" not in roles:
        return walls, heads
    toks = r.sentence.tokens
    for first, last, entries in grammar_markers(r.analysis.mentions):   # (the matcher's index of them)
        for e in entries:
            role = e.role
            if role == "relative_marker":
                walls.append((toks[first].start, _clause_end(r.sentence.text, toks[last].end)))
            elif role == "episode_head":
                heads.append((toks[first].start, toks[last].end))
    return walls, heads


def _across(a: int, b: int, walls: list[tuple[int, int]]) -> bool:
    """Does a relative clause part the two positions: its pronoun between them, the later one
    inside it? (Both outside it, the clause is only an aside between them.)"""
    lo, hi = (a, b) if a < b else (b, a)   # (a conditional and a loop: min, max and any cost far more)
    for w, e in walls:
        if lo < w < hi and hi < e:
            return True
    return False


def _same_clause(r: SentenceResult, c: EventCandidate, walls: list[tuple[int, int]]) -> list[ResolvedDate]:
    """The sentence's dates that no relative clause separates from the event ("the fighters who
    were arrested ... the caliphate, which was declared in June 2014": June 2014 is not the arrest's;
    "protested on Saturday after the funeral of a woman who died in custody, and police fired tear
    gas": Saturday is the tear gas's too)."""
    if not walls:   # (most sentences: no relative clause, every date is the event's clause's)
        return list(r.dates)
    return [d for d in r.dates if not _across(d.start, c.evidence_start, walls)]


def _earlier_event_walls(r: SentenceResult, lang: str) -> list[int]:
    """Where a phrase about an earlier event opens ("after", "بعد"): a date beyond it is that event's."""
    # (no comprehension for a sentence with no such word, as most)
    marks = marker_starts(r.sentence.tokens, lang, "earlier_event_markers", r.analysis.mentions)
    return [start for _, start in marks] if marks else []


def _dates_after(r: SentenceResult, lang: str, field: str) -> set[int]:
    """The indices of the sentence's dates that one of the words stands right before (one word,
    such as "the" or "عام", may come between: "منذ العام 2005")."""
    out = set()
    if not r.dates:   # no date to stand after: the marker scan is not needed
        return out
    toks = r.sentence.tokens
    found = marker_starts(toks, lang, field, r.analysis.mentions)
    if not found:   # (most dated sentences: none of the words; no set comprehension made)
        return out
    marks = {i for i, _ in found}
    for k, d in enumerate(r.dates):
        n = bisect_right(toks, d.start, key=attrgetter("end"))   # the tokens before the date: 0..n-1 (ends ascend)
        if n and (n - 1 in marks or (n > 1 and n - 2 in marks)):
            out.add(k)
    return out


def _punct_between(text: str, d: ResolvedDate, c: EventCandidate) -> bool:
    lo, hi = (d.end, c.evidence_start) if d.end <= c.evidence_start else (c.evidence_end, d.start)
    between = text[lo:hi]
    if PUNCT_BARRIER.isdisjoint(between):   # (most stretches: no barrier at all, one C call)
        return False
    return any(ch in PUNCT_BARRIER and not (0 < k < len(between) - 1 and between[k - 1].isdigit()
                                             and between[k + 1].isdigit())   # 500,000
               for k, ch in enumerate(between))


def _nearest(items, pos: int):
    return min(items, key=lambda x: min(abs(x.start - pos), abs(x.end - pos))) if items else None


def event_id(doc_id: str, sha: str, sentence_index: int, c: EventCandidate, source_code: Optional[str],
             target_code: Optional[str]) -> str:
    """The event's id; `source_code`, `target_code`: the codes of its actors as read (None where none),
    which rows_for reads once for the id and the row."""
    key = f"{doc_id}|{sha}|{sentence_index}|{c.evidence_start}|{c.code}|{source_code or ''}|{target_code or ''}|{__version__}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _earlier_event_phrases(r: SentenceResult, after_walls: list[int]) -> list[tuple[int, int]]:
    """The phrases about an earlier event ("after the funeral of a woman who died in custody in
    Tehran,"): from the after-word (`after_walls`, _earlier_event_walls) to the punctuation that
    closes the phrase."""
    return [(w, _clause_end(r.sentence.text, w)) for w in after_walls] if after_walls else []


def _unplaced(focus) -> tuple[None, Optional[str]]:
    """_event_place's answer for a sentence that names no place: none of its own, and the document's
    place (`focus`), coarser."""
    return None, (COARSER.get(focus.precision, "country") if focus is not None else None)


def _event_place(r: SentenceResult, c: EventCandidate, roots: list[str], root: str, focus, facts: _SentenceFacts,
                 exclude: Optional[PlaceMention] = None,
                 asides: Sequence[tuple[int, int]] = ()) -> tuple[Optional[PlaceMention], Optional[str]]:
    """The place the sentence ties to the event (coder/geo/events.py); else the document's, coarser.
    `roots`: the CAMEO roots of the sentence's events, `root` the event's own; `facts`: the sentence's
    _SentenceFacts (its words of speech, the same for each event).
    `asides`: phrases about an earlier event; a place inside one is not the place of an event outside it."""
    if not r.places:   # (a sentence that names no place: nothing to choose among)
        return _unplaced(focus)
    # other events of the sentence; violent ones tell one story ("bombs exploded ..., killing 100")
    violent = root in VIOLENT_ROOTS
    events = r.analysis.events
    others = [(e.evidence_start, e.evidence_end) for e, e_root in zip(events, roots)
              if e.trigger_first != c.trigger_first and not (violent and e_root in VIOLENT_ROOTS)] \
        if len(events) > 1 else []   # (an event alone in its sentence, as most are: no other)
    speech = facts.speech()
    moves = root not in SPOKEN_ROOTS or c.code[:3] in ("042", "043")
    target = (c.target.start, c.target.end) if c.target is not None and c.target.start >= 0 else None
    places = [q for q in r.places if not any(w <= q.start < e and not w <= c.evidence_start < e for w, e in asides)] \
        if asides else r.places   # (most sentences tell of no earlier event)
    p = choose_place(places, r.analysis.actors, (c.evidence_start, c.evidence_end), others, speech,
                     r.sentence.text, moves, exclude, target)
    if p is not None:
        return p, p.place.precision
    if not moves and any(not names_actor(q, r.analysis.actors) for q in r.places):
        return None, None   # the sentence's places are other events': a statement is not located by them
    if focus is not None:
        return None, COARSER.get(focus.precision, "country")
    return None, None


def _attach_quantities(r: SentenceResult, lang: str, roots: list[str]) -> dict[int, list[QuantityValue]]:
    """Each quantity of the sentence goes to the event it counts for (coder/quantities/attach.py).
    `roots`: the CAMEO roots of its events."""
    if not r.quantities:   # (most event sentences count nothing)
        return {}
    quantities = not_dates(r.quantities, r.dates)
    if len(roots) == 1:
        return to_one_event(quantities)
    spans = [EventSpan(c.evidence_start, c.evidence_end, root in VIOLENT_ROOTS, c.is_background,
                       c.source.code.code if c.source is not None and c.source.name else None,
                       (c.source.start, c.source.end) if c.source is not None and c.source.start >= 0 else None,
                       c.merged_spans)
             for c, root in zip(r.analysis.events, roots)]
    return attach(quantities, spans, subset_heads(r.sentence.text, quantities, lang))


def _date_earlier_events(r: SentenceResult, lang: str, chosen: dict, facts: _SentenceFacts, published) -> None:
    """"Zelenskiy urged allies on Tuesday to send air defences, a day after Russia fired 80
    missiles", "بعد يومين من إعلان الجيش": an event told after another is dated from it, by the
    offset the phrase gives; an event with a date of its own keeps it. (The sentence's
    _earlier_event_walls, from `facts`, asked only for an event after the first news event.)"""
    if len(chosen) < 2:   # (most event sentences: one event, told after none)
        return
    events = r.analysis.events
    news = [i for i in chosen if not events[i].is_background]
    if not news:
        return
    anchor = chosen[news[0]]
    anchor_value = anchor.value if anchor is not None else published
    if anchor_value is None:
        return
    text, norm = r.sentence.text, profile(lang).normalise
    first = events[news[0]]
    for i in chosen:
        c = events[i]
        if i == news[0] or c.evidence_start <= first.evidence_end or \
                (chosen[i] is not None and chosen[i] is not anchor):
            continue
        marker = max((w for w in facts.after_walls() if w < c.evidence_start), default=None)
        if marker is None or marker < first.evidence_end:
            continue
        days = offset_days(date_rules(lang), norm(text[max(0, marker - 30):marker]),
                           norm(text[marker:c.evidence_start]).split(None, 1)[-1] if text[marker:c.evidence_start].split() else "")
        earlier = shifted(anchor, anchor_value, days, marker, marker, "") if days is not None else None
        if earlier is not None:
            chosen[i] = earlier
            r.analysis.steps.append(f"{c.evidence!r}: {days} day(s) before the news event it is told after")


def _date_before_news(r: SentenceResult, lang: str, chosen: dict) -> None:
    """Events told as before the sentence's news (coder/dates/events.py `date_before_news`): dated
    from another of its events, so none where fewer than two events, or none with a date (the
    before-news words, a scan of the sentence, are not looked for then)."""
    if len(chosen) < 2 or all(d is None for d in chosen.values()):
        return
    marks = marker_starts(r.sentence.tokens, lang, "before_news_markers", r.analysis.mentions)
    if marks:
        date_before_news(r.analysis.events, r.analysis.triggers, r.sentence.tokens, r.sentence.text, r.dates,
                         marks, chosen, date_rules(lang), profile(lang).normalise, r.analysis.steps)


def _same_clause_as(r: SentenceResult, dates: list[ResolvedDate], c: EventCandidate, walls: list[tuple[int, int]]) -> bool:
    """Does one of the dates stand in the event's clause, with no comma and no relative pronoun between?"""
    return any(d in _same_clause(r, c, walls) and not _punct_between(r.sentence.text, d, c) for d in dates)


def _event_words(r: SentenceResult) -> tuple[list[tuple[int, int]], dict[int, int], set[int], set[int]]:
    """What dating an event asks of the sentence's event words, once a sentence: their spans, each event's
    word's index by trigger_first, the news events' words, the background events' (a date nearest is theirs)."""
    background = {e.trigger_first: e.is_background for e in r.analysis.events}   # (the last event of a word's)
    spans: list[tuple[int, int]] = []
    index: dict[int, int] = {}
    news: set[int] = set()
    foreign: set[int] = set()
    for i, h in enumerate(r.analysis.triggers):   # (one pass answers the four)
        first = h.first
        if first not in index:
            index[first] = i
        m = h.mention
        spans.append((m.start, m.end))
        if first in background:
            (foreign if background[first] else news).add(i)
    return spans, index, news, foreign


def _date_of(r: SentenceResult, c: EventCandidate, facts: _SentenceFacts, until: set[int],
             published) -> Optional[ResolvedDate]:
    """The event's own date among the sentence's (coder/dates/events.py): dates across a relative
    pronoun, and dates that belong to another event word, are not its. (The sentence's
    _relative_walls, _earlier_event_walls and _event_words, from `facts`, asked only when it has a
    date.)"""
    if not r.dates:   # (a sentence with no date: nothing to choose among)
        return None
    after = facts.after_walls()
    dates = _same_clause(r, c, facts.walls())
    if after or until:   # (most dated sentences: no after-word and no period)
        end = c.evidence_end
        dates = [d for d in dates if not any(end <= w < d.start for w in after) and id(d) not in until]
    news_dated = published is None
    for d in dates:   # (a loop: no generator an event)
        if news_dated:
            break
        news_dated = not is_old(d.value, d.precision, published)
    if news_dated:
        # an old date across a comma dates another clause's story ("withdrew from the deal signed
        # in 2015, and reimposed sanctions") when the sentence has a news date, or the document
        # none to tell the news by (its news is of the day it was published)
        dates = [d for d in dates if not is_old(d.value, d.precision, published)
                 or not _punct_between(r.sentence.text, d, c)]
    spans, index, news, foreign = facts.words()
    return choose_date(dates, (c.evidence_start, c.evidence_end), spans, index.get(c.trigger_first), foreign, news,
                       published)


# With no publication date, times counted back from it ("قبل عامين", "last year") are read against
# this stand-in: which of them lie a year or more back does not depend on the day it stands for.
STAND_IN = dt.date(2000, 7, 1)


@lru_cache(maxsize=256)     # asked once per undated event of a sentence
def _stand_in_dates(text: str, lang: str) -> list:
    return find_dates(text, lang, STAND_IN)


def _counted_back(d: ResolvedDate) -> bool:
    """A time counted a year or more back from the stand-in day, not a year written out."""
    return d.precision == "year" and d.value.year < STAND_IN.year and not any(ch.isdigit() for ch in d.text)


def _stand_in_reading(r: SentenceResult, lang: str) -> Optional[tuple[SentenceResult, set[int]]]:
    """An undated text's sentence with its times read against the stand-in day, and its periods (which
    date nothing); None when none of its times is counted a year or more back (none can date an event so)."""
    if not may_count_back(r.sentence.text, lang):   # (most: none resolved for nothing)
        return None
    dates = _stand_in_dates(r.sentence.text, lang)   # (none where names_a_time finds none: no gate needed)
    for d in dates:
        if _counted_back(d):
            break
    else:   # (the date chosen is one of them)
        return None
    ref = replace(r, dates=dates)
    return ref, {id(ref.dates[k]) for f in ("since_markers", "until_markers") for k in _dates_after(ref, lang, f)}


def _years_back(reading: Optional[tuple[SentenceResult, set[int]]], c: EventCandidate,
                facts: _SentenceFacts) -> bool:
    """In a text with no publication date, is the event dated by a time counted a year or more
    back from it ("قبل عامين", "في العام الماضي", "two years ago")? History, as it would be in a
    dated text. The sentence's other times ("أمس") compete for the event as they would there;
    periods ("منذ 40 عاما") date nothing; a year written out is left to is_old. (`reading`: _stand_in_reading)"""
    if reading is None:
        return False
    d = _date_of(reading[0], c, facts, reading[1], STAND_IN)
    return d is not None and _counted_back(d)


def _located(actor: Optional[Actor], where) -> Optional[Actor]:
    """An actor known only by its role ("civilians", "police", "gunmen") belongs to the country the
    event happens in, as hand coders of CAMEO data code it ("five civilians killed in Kirkuk" ->
    IRQCVL; unidentified gunmen who struck in Iraq -> IRQUAF, ICEWS's "Unidentified Gunmen (Iraq)")."""
    if actor is None or where is None or not where.country or actor.code.country or actor.code.group \
            or not actor.code.role or len(where.country) != 3:
        return actor
    return of_country(actor, where.country)


class _SentenceFacts:
    """What dating and placing the events of a sentence may ask of it, several events maybe, most
    sentences never: each answered at the first asking. (One object a sentence, where a cached
    closure a question cost four objects and four closures a sentence, and three calls an answer.)"""
    __slots__ = ("r", "lang", "_walls", "_words", "_after_walls", "_other_time", "_speech")

    def __init__(self, r: SentenceResult, lang: str):
        self.r, self.lang = r, lang
        self._walls = self._words = self._after_walls = self._other_time = self._speech = None

    def walls(self) -> list[tuple[int, int]]:
        """The sentence's relative clauses (_relative_walls)."""
        if self._walls is None:
            self._walls = _relative_walls(self.r)
        return self._walls

    def episode_heads(self) -> list[tuple[int, int]]:
        """The spans of the sentence's episode heads, read in the pass that finds its relative
        clauses, which walls() then gives (a dated sentence chooses its dates across them)."""
        self._walls, heads = _walls_and_heads(self.r)
        return heads

    def words(self) -> tuple:
        """The sentence's event words as dating asks for them (_event_words)."""
        if self._words is None:
            self._words = _event_words(self.r)
        return self._words

    def after_walls(self) -> list[int]:
        """Where the sentence's phrases about an earlier event open (_earlier_event_walls)."""
        if self._after_walls is None:
            self._after_walls = _earlier_event_walls(self.r, self.lang)
        return self._after_walls

    def names_other_time(self) -> bool:
        """Does the sentence name a time besides its dates?"""
        if self._other_time is None:
            self._other_time = names_a_time(blank(self.r.sentence.text, self.r.dates), self.lang)
        return self._other_time

    def stand_in_dates(self) -> list:
        """The sentence's times read against the stand-in day (_stand_in_dates)."""
        return _stand_in_dates(self.r.sentence.text, self.lang)

    def speech(self) -> list[int]:
        """Where the sentence's words of speech stand (the same for each of its events)."""
        speech = self._speech
        if speech is None:   # (a loop: no function object and no frame of a comprehension a sentence)
            speech = self._speech = []
            for h in self.r.analysis.triggers:
                if h.entry.speech:
                    speech.append(h.mention.start)
        return speech


def rows_for(doc: Document, lang: str, sha: str, results: list[SentenceResult], focus,
             actor_focus=None, as_values: bool = False) -> tuple[list[EventRow], list[QuantityRow]]:
    """The document's event and quantity rows; `as_values`: each row's values in column order (event_rows)."""
    events, quants = [], []
    make_event, make_quantity = (event_values, quantity_values) if as_values else (event_row, quantity_row)
    prof = profile(lang)
    seen: set[str] = set()
    carried: Optional[ResolvedDate] = None
    doc_place = focus or actor_focus   # (the document's place, coarser, for events with none of their own)
    # (the document's fields read once: a pydantic model's attribute goes through its __getattr__
    # hook, some twenty times a local's cost, and the loop below asks for them several times a row)
    doc_id, published = doc.doc_id, doc.published
    known_codes = cameo_codes()   # (the CAMEO table, read directly for each event)
    unplaced = _unplaced(doc_place)
    for r in results:
        if not r.analysis.events:
            carried = None   # (what the end of this loop sets for a sentence without events)
            continue
        entries, roots = [], []   # (each event's CAMEO entry and root, once; a loop, no comprehension)
        for c in r.analysis.events:
            entry = known_codes.get(c.code) or cameo(c.code)   # (no call; lookup() names a code not in it)
            entries.append(entry)
            roots.append(entry.root)
        attached = _attach_quantities(r, lang, roots) if r.quantities else {}   # (most count nothing: no call)
        # the relative clauses and the event words matter only to choosing a date: found when an
        # event first has dates to choose from (most sentences name none); the after-words to a
        # date, a place, or an event told after another (the marker scan: none for a sentence with
        # one event, no date and no place)
        facts = _SentenceFacts(r, lang)
        asides = _earlier_event_phrases(r, facts.after_walls()) if r.places else ()   # (read only with places)
        since, skip = (), _NO_IDS   # (replaced, not added to, where the sentence has dates)
        if r.dates:
            # a period that began long ago ("since 2011") dates no event in it; an until-date none at all
            since = [r.dates[k] for k in _dates_after(r, lang, "since_markers")
                     if is_old(r.dates[k].value, r.dates[k].precision, published)]
            heads = facts.episode_heads()
            skip = {id(d) for d in since} | {id(r.dates[k]) for k in _dates_after(r, lang, "until_markers")}
            if heads:   # (most dated sentences: no episode head, no date naming an episode)
                skip |= episode_dates(r.dates, r.sentence.text, heads,
                                      [(h.mention.start, h.mention.end) for h in r.analysis.triggers])
        chosen: dict[int, Optional[ResolvedDate]] = {}
        for i, c in enumerate(r.analysis.events):
            if roots[i] in VIOLENT_ROOTS and attached.get(i) and since and _same_clause_as(r, since, c, facts.walls()):
                # "the war has killed 500,000 since 2011": a total over a period, not an event (SPEC 5)
                r.analysis.steps.append(f"{c.evidence!r}: a count since {since[0].text!r}, a total, not an event")
                continue
            if r.dates:
                d = _date_of(r, c, facts, skip, published)
            else:   # no date of its own: the story of the sentence before goes on (SPEC 5)
                d = carried
            chosen[i] = d
        if len(chosen) > 1:   # (events dated from one another: none in a sentence with one event)
            _date_earlier_events(r, lang, chosen, facts, published)
            _date_before_news(r, lang, chosen)
        # does the sentence name a time besides its dates: asked for the record test and per dated
        # record, answered once (facts.names_other_time)
        record = () if published is not None or not r.dates else told_as_record(
            r.sentence.text, r.dates, skip, facts.names_other_time,
            facts.stand_in_dates, STAND_IN)
        own_dates = []
        reading = ...   # the sentence's _stand_in_reading, once an event needs it
        for i, c in enumerate(r.analysis.events):
            if i not in chosen:
                continue
            entry = entries[i]
            d = chosen[i]
            if d is not None:
                event_date, precision = d.value, d.precision
                background = c.is_background or is_old(event_date, precision, published) \
                    or (dated_record(d, published, r.sentence.text, r.dates) and not facts.names_other_time())
            else:   # (no date of its own: neither old nor a dated record)
                background = c.is_background
                if published is not None:
                    event_date, precision = published, "published"
                else:
                    event_date = precision = None
            if not background and d is None and published is None:
                if reading is ...:
                    reading = _stand_in_reading(r, lang)
                background = (reading is not None and _years_back(reading, c, facts)) \
                    or (bool(record) and in_record(record, r.sentence.text, c.evidence_start, c.evidence_end))
            if d is not None and not background:
                own_dates.append(d)
            qs = attached.get(i, ())
            killed = main = None
            if qs:   # (most events count nothing)
                killed = _nearest([q for q in qs if q.unit == "killed"], c.evidence_start)
                main = killed if (killed and entry.root in VIOLENT_ROOTS) else _nearest(qs, c.evidence_start)
            # (a sentence that names no place: no origin of fire, and the document's place, coarser, for
            # each event, _unplaced: _event_place's answer, made once a document)
            origin = launched_from(r, c, lang) if entry.root == "19" and r.places else None
            # a statement with no place of its own is not located by the countries that act in it
            place, geo_precision = _event_place(r, c, roots, entry.root, doc_place, facts, origin, asides) \
                if r.places else unplaced
            where = place.place if place else (doc_place if geo_precision else None)
            # the actors' codes as read: the id's, and the row's where the actor stays as read (most do)
            # (ActorCode.code's concatenation written out: the property is a Python call a read)
            source, target = c.source, c.target
            if source is not None:
                sc = source.code
                source_code = (sc.country or "") + (sc.group or "") + (sc.role or "") or None
            else:
                source_code = None
            if target is not None:
                tc = target.code
                target_code = (tc.country or "") + (tc.group or "") + (tc.role or "") or None
            else:
                target_code = None
            eid = event_id(doc_id, sha, r.sentence.index, c, source_code, target_code)
            if eid in seen:   # the same event read twice (one actor listed twice in a group): one row
                continue
            seen.add(eid)
            # role-only actors belong to the country of the story even when the event keeps no place
            around = place.place if place else doc_place
            # (_located's first tests asked here: no call for an event with no place, nor for an actor
            # with a country or a group, as most are: only a role-only actor may be placed)
            if around is None:
                s, t = source, target
            else:
                s = _located(source, around) if source is not None and sc.role and not (sc.country or sc.group) \
                    else source
                t = _located(target, around) if target is not None and tc.role and not (tc.country or tc.group) \
                    else target
            if place is None and focus is None and entry.root in SPOKEN_ROOTS:
                where = None   # a statement is not located by the countries that act in it
            from_location = c.target_from_location
            if origin is not None:
                s, t = fired_from(origin, c, s, t)
                from_location = (from_location or t is None) and not (where is not None and where.country == origin.place.country)
            if t is None and from_location and where is not None and where.country and len(where.country) == 3 \
                    and not (s is not None and s.code.country == where.country and not s.code.role):
                t = Actor(ActorCode(where.country, None, c.location_role), None, -1, -1, -1, -1,
                          ("implicit_actors.protested_government" if c.location_role else "implicit_actors.attacked_country",))
            # (unanchored's own tests first: an event with a place, a count or a date of its own is not
            # asked whether its act is named in general)
            if place is None and not qs and d is None and named_in_general(c, r.analysis, r.sentence.tokens, prof) \
                    and unanchored(own_party(s, c), own_party(t, c), place, qs, d):
                r.analysis.steps.append(f"{c.evidence!r}: no actor, place, date or count of its own, a kind "
                                        "of act named in general; not coded")
                continue
            if entry.root in VIOLENT_ROOTS and told_as_habit(c, place, qs, d) and not r.dates and \
                    not names_a_time(r.sentence.text, lang):
                r.analysis.steps.append(f"{c.evidence!r}: violence told in the present with no place, date or "
                                        "count of its own, a habit or a general statement; not coded")
                continue
            # the row's values in column order (coder/event_rows.py); `given`: the groups of columns it has
            given = 0
            if s is not None:
                sc, given = s.code, SOURCE
                s_code, s_name, s_country, s_group, s_role = \
                    (source_code if s is source else sc.code), s.name, sc.country, sc.group, sc.role
            else:
                s_code = s_name = s_country = s_group = s_role = None
            if t is not None:
                tc, given = t.code, given | TARGET
                t_code, t_name, t_country, t_group, t_role = \
                    (target_code if t is target else tc.code), t.name, tc.country, tc.group, tc.role
            else:
                t_code = t_name = t_country = t_group = t_role = None
            if place:
                given |= PLACE_TEXT
            if where is not None:
                given |= PLACE
                w_name, w_country, w_admin1, w_lat, w_lon, w_id = \
                    where.name, where.country, where.admin1, where.latitude, where.longitude, where.place_id
            else:
                w_name = w_country = w_admin1 = w_lat = w_lon = w_id = geo_precision = None
            m_value = m_qualifier = m_unit = dead = None
            if main is not None:
                given, m_value, m_qualifier, m_unit = given | COUNT, main.value, main.qualifier, main.unit
            if killed and entry.root in VIOLENT_ROOTS:
                given, dead = given | FATALITIES, killed.value
            events.append(make_event((
                eid, doc_id, r.sentence.index, r.sentence.text, c.evidence, lang, published, event_date, precision,
                background, c.code, entry.base, entry.root, entry.quad_class, entry.goldstein,
                s_code, s_name, s_country, s_group, s_role, t_code, t_name, t_country, t_group, t_role,
                place.text if place else None, w_name, w_country, w_admin1, w_lat, w_lon, geo_precision, w_id,
                m_value, m_qualifier, m_unit, dead, c.rule_id, c.confidence, __version__), given))
            for q in qs:
                quants.append(make_quantity((eid, q.value, q.qualifier, q.unit, q.text)))
        # only the sentence right after goes on with this sentence's date; a sentence with no date
        # of its own passes none on (a chain of undated sentences drifts from the story)
        carried = own_dates[0] if (r.dates and own_dates) else None
    return events, quants
