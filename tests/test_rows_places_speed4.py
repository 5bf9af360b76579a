"""Speed steps of the row stage and the place finder must not change a row: the words that may
start a place name read from a memo keyed by the token's text, and the after-word scan of a
sentence done only where an after-word can matter (a date, a place, or a second event)."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import rows
from coder.geo.gazetteer import Gazetteer
from coder.geo.toponyms import SentencePlaces, _fold, _starts, find_places_in_tokens
from coder.lang import profile
from coder.pipeline import code_text

DAY = dt.date(2019, 8, 5)

SENTENCES = [
    ("The US envoy told us that clashes erupted in Homs and in the town of Madaya.", "en"),
    ("US and us, Deir ez-Zor and Ras al-Ain; Mason City and Mason.", "en"),
    ("اشتبك مسلحون مع الجيش في مدينة الحسكة وريف دير الزور", "ar"),
    ("وصل الوفد إلى أبو ظبي بعد زيارة محافظة حمص ومحافظه", "ar"),
]


def _continued_by(pairs: tuple, nxt: str) -> bool:
    """Does the next word (its norm) go on from one of the nodes, as the walk reads it? (The place
    finder's answer, kept with the word as a set: toponyms._follow.)"""
    for _, node in pairs:
        if node.get(nxt) or node.get(_fold(nxt)):
            return True
    return False


def _start_tokens_per_token(text: str, lang: str) -> list:
    """The tokens that may start a name, worked out token by token (the answer the memo keeps)."""
    tokens = profile(lang).tokenise(text)
    trie = Gazetteer.default().tries[lang]
    out = []
    for i, tok in enumerate(tokens):
        starts = _starts(trie, tok, lang)
        if starts and (starts[1] or (i + 1 < len(tokens) and _continued_by(starts[0], tokens[i + 1].norm))):
            out.append((i, starts[0]))
    return out


@pytest.mark.parametrize("text,lang", SENTENCES)
def test_the_words_that_start_a_name_are_those_each_word_starts(text, lang):
    # twice: the first reading fills the memo by the word's text, the second reads it back
    for _ in range(2):
        tokens = profile(lang).tokenise(text)
        assert SentencePlaces(text, tokens, lang)._start_tokens() == _start_tokens_per_token(text, lang)


@pytest.mark.parametrize("text,lang", SENTENCES)
def test_places_found_from_the_memo_are_those_found_afresh(text, lang):
    tokens = profile(lang).tokenise(text)
    first = find_places_in_tokens(text, tokens, lang)
    assert find_places_in_tokens(text, profile(lang).tokenise(text), lang) == first
    assert find_places_in_tokens(text, tokens, lang, "SYR", context_countries={"SYR"}) == \
        SentencePlaces(text, tokens, lang).places("SYR", {"SYR"})


@pytest.mark.parametrize("text,lang,published,expected", [
    # an event told after another is dated from it; one told as before the news is background
    ("Zelenskiy urged allies on Tuesday to send air defences, a day after Russia fired 80 missiles.", "en", DAY,
     [("urged", "2019-07-30", False, None), ("fired 80 missiles", "2019-07-29", True, "Ukraine")]),
    ("Iran demanded on Friday the release of a tanker that marines had seized a day earlier.", "en", DAY,
     [("demanded on Friday the release", "2019-08-02", False, None), ("seized", "2019-08-01", True, "Iran")]),
    ("قصف الجيش إدلب بعد يومين من إعلان الهدنة.", "ar", DAY,
     [("قصف", "2019-08-05", False, "Idlib"), ("الهدنة", "2019-08-03", False, "Idlib")]),
    # a place in a phrase about an earlier event is not the place of the event outside it
    ("Police fired tear gas in Tehran on Saturday after the funeral of a woman who died in custody in Saqqez.",
     "en", DAY, [("fired tear gas", "2019-08-03", False, "Tehran")]),
    ("Protesters rallied in Baghdad after police arrested a journalist in Basra.", "en", DAY,
     [("rallied", "2019-08-05", False, "Baghdad"), ("arrested", "2019-08-05", True, "Basrah")]),
    # one event, no date, no place: no after-word can date or place it
    ("Gunmen attacked a checkpoint after a protest.", "en", None, [("attacked", "None", False, None)]),
    ("Gunmen attacked a checkpoint.", "en", DAY, [("attacked", "2019-08-05", False, None)]),
])
def test_after_words_date_and_place_events_as_before(text, lang, published, expected):
    events = code_text(text, lang, published)
    assert [(e.evidence, str(e.event_date), e.is_background, e.location_name) for e in events] == expected


@pytest.mark.parametrize("text,published,scans", [
    ("Gunmen attacked a checkpoint after a protest.", None, 0),    # one event, no date, no place
    ("Gunmen attacked a checkpoint in Kirkuk after a protest.", DAY, 1),   # a place
    ("Gunmen attacked a checkpoint on Monday after a protest.", DAY, 1),   # a date
])
def test_the_after_word_scan_runs_only_where_it_can_matter(monkeypatch, text, published, scans):
    calls = []
    scan = rows._earlier_event_walls
    monkeypatch.setattr(rows, "_earlier_event_walls", lambda r, lang: calls.append(1) or scan(r, lang))
    assert code_text(text, "en", published)
    assert len(calls) == scans


def _mention(place, k: int, locative: bool = False):
    from coder.model import PlaceMention
    return PlaceMention(place, 10 * k, 10 * k + 5, place.name, locative=locative)


def test_the_focus_ties_go_to_the_country_named_first_and_a_cue_counts_twice():
    from coder.geo import document_focus
    gaz = Gazetteer.default()
    raqqa, mosul, idlib = (gaz.lookup(n)[0][0] for n in ("Raqqa", "Mosul", "Idlib"))
    assert document_focus([_mention(mosul, 0), _mention(raqqa, 1)]).place_id == "iso:IRQ"
    assert document_focus([_mention(raqqa, 0), _mention(mosul, 1)]).place_id == "iso:SYR"
    assert document_focus([_mention(mosul, 0), _mention(raqqa, 1, locative=True)]).place_id == "iso:SYR"
    # the most-mentioned place of the country, when it holds half of the country's mentions
    ms = [_mention(idlib, 0), _mention(raqqa, 1, locative=True), _mention(mosul, 2), _mention(idlib, 3)]
    assert document_focus(ms, prefer_place=True) == idlib
    assert document_focus(ms[:3], prefer_place=True) == raqqa


def test_a_place_of_no_country_is_the_focus_only_where_no_country_is_named():
    from dataclasses import replace
    from coder.geo import document_focus
    gaz = Gazetteer.default()
    mosul = gaz.lookup("Mosul")[0][0]
    europe, levant = (replace(mosul, place_id=f"x:{n}", name=n, country=None, precision="region")
                      for n in ("Europe", "Levant"))
    assert document_focus([_mention(europe, 0), _mention(levant, 1, locative=True)]) == levant
    assert document_focus([_mention(levant, 0), _mention(europe, 1)]) == levant
    assert document_focus([_mention(europe, 0, locative=True), _mention(mosul, 1)]).place_id == "iso:IRQ"


@pytest.mark.parametrize("text,lang", SENTENCES + [
    ("Troops moved from the town of Madaya to Homs province and on toward Aleppo.", "en"),
    ("انتقل المقاتلون من بلدة مضايا إلى ريف حمص وبالقرب من حلب", "ar"),
])
def test_what_the_word_before_a_name_may_end_is_read_once_per_word(text, lang):
    from coder.geo.toponyms import _TABLES, _edges, _ends_before, _may_end
    for _ in range(2):   # worked out, then read from the memo
        tokens = profile(lang).tokenise(text)
        for i in range(len(tokens)):
            expected = tuple(i > 0 and _may_end(_edges(lang, table), tokens[i - 1], lang) for table in _TABLES)
            assert _ends_before(tokens, i, lang) == expected


def test_an_event_alone_in_its_sentence_owns_every_place_of_it():
    # choose_place skips the owner test where the sentence has no other event
    from coder.geo.events import _owner
    from coder.model import PlaceMention
    mosul = Gazetteer.default().lookup("Mosul")[0][0]
    event = (20, 28)
    for start in (0, 10, 20, 24, 30, 60):   # before, overlapping, inside and after the event
        assert _owner(PlaceMention(mosul, start, start + 5, "Mosul"), event, []) is event
