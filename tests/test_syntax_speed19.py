"""The nineteenth speed round of the syntax stage answers as before: the words tagger._closed looks
further than (a phrase they may start, a pronoun on a preposition) carry a bit of the sentence's
per-word bits (tagger.LOOKS_FURTHER), so that Features finds them with the other tokens with a bit in
one pass, where it made a pass of its own for them; and tagger.tag finds the tokens still untagged from
the tags themselves, where Features made a pass for the words the word lists leave open.
Each is compared with the former columns (the entries' flags, kept as they were), and whole parses
with digests of what the code before the round (baf2970) made of sentences written for this test."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax import Features, tagger
from coder.syntax.rules import rules
from coder.syntax.tagger import LOOKS_FURTHER, _LOOKS_FURTHER_BY_BITS
from test_syntax_speed13 import further_flags
from test_syntax_speed14 import assert_parsed_as
from test_syntax_speed15 import _inputs

SENTENCES = [
    ("ar", "ما زال المقاتلون يسيطرون على التلال المطلة عليها من خلال نقاط مراقبة جديدة."),
    ("ar", "لا يزال الجيش يقصف القرى، وقد هاجمها المسلحون هذا الأسبوع من جديد."),
    ("ar", "أعلنت الشرطة أنها اعتقلت خمسة أشخاص بعد ذلك، وصادرت منهم أسلحة وذخائر."),
    ("ar", "وقال شهود إن القوات انسحبت حتى الآن من المواقع التي سيطرت عليها ما بين البلدتين."),
    ("ar", "ألقى المحتجون الحجارة على عناصر الأمن، فرد هؤلاء بإطلاق الغاز المسيل للدموع."),
    ("en", "Prior to the vote, police detained dozens of protesters due to the unrest in the city."),
    ("en", "Rebels such as the Free Army no longer hold the town, as well as two villages near it."),
    ("en", "Instead of talks, the government sent troops to the border, officials told reporters."),
    ("en", "The militia attacked its own former allies and seized their weapons on Tuesday."),
]

# what the code before this round (baf2970) made of each sentence (test_syntax_speed14._digest:
# sha256 of the `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "bbea6d2b2cb98cc0",
    "a5d2ac33cc14076a",
    "3877df4926a94026",
    "ebc33b93a02d5b54",
    "c1ae2f0fbcf19fcc",
    "ccde8c2b08f14dac",
    "ed087b1e0588f605",
    "70f1dc595bb989b2",
    "096604bb31850e5d",
]


def _features(lang: str, text: str):
    toks, _ = _inputs(lang, text)
    return toks, Features(toks, profile(lang), rules(lang))


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_further_bit_is_the_entrys_further_flag(n):
    """The tokens with a bit that carry the further bit are those Features found apart before: those
    whose word word_closed says _closed looks further than (the entry's further flag then), in order;
    the others' bits are as before."""
    for _ in range(2):    # (first sight, then from the kept entries)
        toks, F = _features(*SENTENCES[n])
        entries = [F.words[t.text] for t in toks]
        further = further_flags(SENTENCES[n][0], toks)
        assert [i for i in F.special if _LOOKS_FURTHER_BY_BITS[F.bits[i]]] == [i for i, f in enumerate(further) if f]
        # (the bits the entry's fourth field since tests/test_syntax_speed33.py's round)
        assert [b & ~LOOKS_FURTHER for b in F.bits] == [e[3] & ~LOOKS_FURTHER for e in entries]
        assert all(bool(e[3] & LOOKS_FURTHER) == bool(f) for e, f in zip(entries, further))


def test_some_words_look_further():
    looking = [i for s in SENTENCES for toks, F in [_features(*s)] for i in F.special if F.bits[i] & LOOKS_FURTHER]
    assert len(looking) >= len(SENTENCES)


def test_the_further_table_reads_the_bit():
    assert len(tagger._LOOKS_FURTHER_BY_BITS) == 2 * LOOKS_FURTHER
    for b in range(2 * LOOKS_FURTHER):
        assert tagger._LOOKS_FURTHER_BY_BITS[b] == bool(b & LOOKS_FURTHER), b


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_untagged_tokens_are_among_the_open_words(n, monkeypatch):
    """The tokens tag() visits as untagged, found from the tags, are those the former pass found: of
    the words the word lists leave open (those whose entry's tag, column 4, is None), those still untagged."""
    toks, mentions = _inputs(*SENTENCES[n])
    asked = []
    closed = tagger._closed

    def recording(toks, F, prof, R):
        tags = closed(toks, F, prof, R)
        asked.append(([F.words[t.text][4] is None for t in toks], list(tags)))
        return tags
    monkeypatch.setattr(tagger, "_closed", recording)
    from coder.syntax import parse
    parse(toks, mentions, profile(SENTENCES[n][0]))
    (open_word, tags), = asked
    assert [i for i, o in enumerate(open_word) if o and tags[i] is None] == [i for i, g in enumerate(tags) if g is None]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])
