"""Speed steps of the row stage and the place finder must not change a row: a one-word name the
finder would drop (a stop word, or a word in lower case where names are capitalised) starts a name
only where the next word goes on from it; each event's CAMEO entry is looked up once; the
before-news words are looked for only where an event of the sentence has a date; the longest
mentions are sorted on keys made in one pass; a sentence whose names each have one place keeps
them as found."""
from __future__ import annotations

import datetime as dt

import random

import pytest

from coder import rows, spans
from coder.geo import toponyms
from coder.geo.gazetteer import _END, Gazetteer
from coder.geo.toponyms import SentencePlaces, _starts, rules
from coder.lang import profile
from coder.model import Mention
from coder.pipeline import code_text

DAY = dt.date(2019, 8, 5)

SENTENCES = [
    # "union", "eagle": stop words that begin longer names ("Union City", "Eagle Pass"); "bar" in
    # lower case begins names too
    ("The Union City council met; union leaders spoke at Eagle Pass and the eagle flew over the bar.", "en"),
    ("Union and Eagle clashed with the bar owners in Homs and Deir ez-Zor.", "en"),
    # "حمام": a stop word by itself, the start of "حمام واصل"
    ("زار الوفد حمام واصل ثم دخل الحمام في مدينة حمص", "ar"),
    ("اشتبك مسلحون مع الجيش في مدينة الحسكة وريف دير الزور", "ar"),
]


def _starts_before(trie: dict, tok, lang: str, may_start: bool = False) -> tuple:
    """_starts as it was before this step: a one-word name the walk drops was still a name by itself.
    (`may_start`, which _start_tokens passes since round 27, says only that _may_start is true)"""
    pairs = tuple((f, trie[f]) for f in toponyms._forms(tok, lang) if f in trie)
    if not pairs:
        return ()
    if all(len(node) == 1 and _END in node for _, node in pairs):
        form = pairs[0][0]
        stop = rules(lang).stop
        if (form,) in stop or (form != tok.norm and (tok.norm,) in stop):
            return ()
    return pairs, any(_END in node for _, node in pairs)


def _found(text: str, lang: str) -> list:
    tokens = profile(lang).tokenise(text)
    finder = SentencePlaces(text, tokens, lang)
    return [finder.places(), finder.places("SYR", {"SYR"}), finder.places("USA")]


@pytest.mark.parametrize("text,lang", SENTENCES)
def test_names_found_are_those_found_before(text, lang, monkeypatch):
    now = _found(text, lang)
    monkeypatch.setattr(toponyms, "_starts", _starts_before)
    monkeypatch.setattr(toponyms, "_STARTS", {})   # (the memo keeps what _starts answered)
    assert _found(text, lang) == now


def test_a_dropped_one_word_name_starts_one_only_where_the_next_word_goes_on():
    trie = Gazetteer.default().tries["en"]
    tokens = profile("en").tokenise("Union City and union leaders, Eagle Pass and an eagle")
    starts = {tokens[i].text for i, _ in SentencePlaces(" ".join(t.text for t in tokens), tokens, "en")._start_tokens()}
    assert {"Union", "Eagle"} <= starts and "union" not in starts and "eagle" not in starts
    # a stop word alone is no name by itself; a capitalised town is
    assert _starts(trie, tokens[0], "en")[1] is False
    homs = profile("en").tokenise("Homs")[0]
    assert _starts(trie, homs, "en")[1] is True


@pytest.mark.parametrize("text,published,scans", [
    ("Gunmen attacked a checkpoint and police arrested two suspects.", None, 0),   # two events, neither dated
    ("Iran demanded on Friday the release of a tanker that marines had seized a day earlier.", DAY, 1),
])
def test_before_news_words_are_looked_for_only_where_an_event_is_dated(text, published, scans, monkeypatch):
    asked = []
    real = rows.marker_starts

    def counted(tokens, lang, field, mentions=None):
        asked.append(field)
        return real(tokens, lang, field, mentions)
    monkeypatch.setattr(rows, "marker_starts", counted)
    events = code_text(text, "en", published)
    assert asked.count("before_news_markers") == scans
    assert len(events) == 2


def test_a_dated_story_told_before_the_news_is_still_background():
    events = code_text("Iran demanded on Friday the release of a tanker that marines had seized a day earlier.",
                       "en", DAY)
    assert [(e.evidence, str(e.event_date), e.is_background) for e in events] == \
        [("demanded on Friday the release", "2019-08-02", False), ("seized", "2019-08-01", True)]


def _longest_non_overlapping_by_key(mentions: list) -> list:
    """longest_non_overlapping as it was: sorted by a key function (longest, then leftmost)."""
    kept, taken = [], set()
    for m in sorted(mentions, key=lambda m: (-(m.last - m.first), m.first)):
        span = range(m.first, m.last + 1)
        if taken.isdisjoint(span):
            kept.append(m)
            taken.update(span)
    return sorted(kept, key=lambda m: m.first)


def test_longest_mentions_are_kept_as_by_the_key_function():
    rng = random.Random(13)
    for _ in range(300):
        mentions = []
        for n in range(rng.randrange(0, 9)):   # equal spans too: the first given is kept
            first = rng.randrange(0, 12)
            last = first + rng.randrange(0, 4)
            mentions.append(Mention("actor", first, last, first, last + 1, str(n), None))
        assert [m.text for m in spans.longest_non_overlapping(mentions)] == \
            [m.text for m in _longest_non_overlapping_by_key(mentions)]


@pytest.mark.parametrize("text,lang", SENTENCES)
def test_names_with_one_place_each_are_kept_as_found(text, lang):
    tokens = profile(lang).tokenise(text)
    found = SentencePlaces(text, tokens, lang).places()
    assert found
    gaz = Gazetteer.default()
    # no namesakes: nothing to agree on, whatever countries the sentence names
    assert toponyms._agree_with_sentence(found, [[] for _ in found], {"SYR", "USA"}, gaz) == found


def test_a_namesake_in_a_country_the_sentence_names_is_still_taken():
    text = "Gunmen attacked Madaya."
    tokens = profile("en").tokenise(text)
    assert [p.place.country for p in SentencePlaces(text, tokens, "en").places()] == ["MMR"]
    assert [p.place.country for p in SentencePlaces(text, tokens, "en").places(None, {"SYR"})] == ["SYR"]
