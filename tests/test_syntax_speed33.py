"""The thirty-third speed round of the syntax stage, checked against the former logic and against
what ca83cd7 made of hand-written Arabic and English sentences:
- a word's features entry is seven fields, not nine: what word_closed said of a word is kept apart
  for the words tagger._closed looks further than (their LOOKS_FURTHER bit), and the possessive
  pronoun on the word and the possessor word share the last field (a language has one or the other);
- tagger.tag keeps None, not an empty list, for a word with no rule to try, reads the tag before
  as it is (no token is left untagged once visited) and compares ints where it tested their truth;
- the Arabic chunker's bare flag of a phrase is set by a statement of jumps (no int's truth)."""
from __future__ import annotations

import copy

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import (ANAPHOR, CLAUSE_PUNCT, DIGIT, MARKER_START, PARTICIPLE_PREPOSITION, QUOTE_WORD, Features,
                          _first_seen_for, parse, tagger)
from coder.syntax.phrases import TANWIN, _chunks_after, index_phrases
from coder.syntax.rules import rules
from coder.syntax.segmenter import CLAUSE_BREAKS
from coder.syntax.tagger import LOOKS_FURTHER, _RULED, word_closed
from test_syntax_speed14 import _inputs, assert_parsed_as
from test_syntax_speed31 import _former_tag

SENTENCES = [
    ("ar", "وأعلنت وزارة الداخلية أن قواتها اعتقلت خمسة مشتبه بهم في هجوم على نقطة تفتيش قرب المدينة."),
    ("ar", "بحث وزير الخارجية المصري مع نظيره الفرنسي في القاهرة سبل وقف إطلاق النار في غزة."),
    ("ar", "قصفت الطائرات مواقع للمسلحين في الصحراء، فيما قال الجيش إنه دمر مخازن للأسلحة."),
    ("ar", "هاجم مسلحون مجهولون حافلة تقل عمالاً في الطريق إلى المصنع، مما أسفر عن إصابة ثلاثة منهم."),
    ("en", "The foreign minister met his Turkish counterpart in Ankara and they discussed the ceasefire."),
    ("en", "Gunmen opened fire on a checkpoint near the border, killing two soldiers, the army said."),
    ("en", "Russia's defence ministry said its jets had struck rebel positions north of Hama overnight."),
    ("en", "Union leaders who met the prime minister on Friday threatened a national strike over pay."),
    ("ar", "الجيش السوري يقصف مواقع المعارضة في ريف حلب، وفقاً لما قاله المرصد عليه."),
    ("en", "According to the police, protesters as well as students clashed with riot officers."),
]
# what ca83cd7 made of each (test_syntax_speed14._digest)
BEFORE = ["44b2f2d29b4bf615", "f5be0ba322b7c98d", "628acf3c41a8d607", "a2ec2079d9e38344", "a59a1a30e772f58f",
          "164c87fc94a68ecd", "353a258e7ba41a09", "94f58dad3e569266", "b5cddec210ce23d5", "5513a72145974b39"]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _listed_bits(R) -> dict[str, int]:
    """The bits of parse()'s word lists, by word."""
    listed: dict[str, int] = {}
    for ws, bit in ((R.quote, QUOTE_WORD), (R.participle_prepositions, PARTICIPLE_PREPOSITION),
                    (R.marker_starts, MARKER_START), (CLAUSE_BREAKS, CLAUSE_PUNCT), (R.anaphors, ANAPHOR)):
        for w in ws:
            listed[w] = listed.get(w, 0) | bit
    return listed


def _former_entry(t, prof, R) -> tuple:
    """A word's entry as ca83cd7's first_seen made it: nine fields, what word_closed said of the word
    seventh, the pronoun on the word fourth and the possessor word last."""
    conj, prep, definite, own, tanwin = prof.word_features(t)
    tag, further, closed = word_closed(t, R, prof, conj)
    w = t.norm
    bits = _listed_bits(R).get(w, 0) | (DIGIT if w[:1].isdigit() else 0) | (TANWIN if tanwin else 0) | \
        (LOOKS_FURTHER if further else 0)
    possessor = not prof.MODIFIER_AFTER_NOUN and bool(prof.is_possessor(t))
    return conj, prep, definite, own, bits, tag, closed, {}, possessor


def test_an_entry_is_the_former_one_less_two_fields():
    """The seven fields are the former nine but what word_closed said, kept apart for a word _closed
    looks further than (the same answer), and one of the two per-language flags (the language's own);
    the sentences hold such words in both languages, pronouns on words and a possessor word."""
    further, flags = set(), set()
    for lang, text in SENTENCES:
        prof, R = profile(lang), rules(lang)
        first_seen = _first_seen_for(prof, R)
        toks, _ = _inputs(lang, text)
        for t in toks:
            started: dict = {}
            entry = first_seen(t, {}, started)
            conj, prep, definite, own, bits, tag, closed, memos, possessor = _former_entry(t, prof, R)
            assert entry == (conj, prep, definite, bits, tag, memos, own if lang == "ar" else possessor), t.text
            if bits & LOOKS_FURTHER:
                further.add(lang)
                assert started == {t.text: closed}, t.text
            if entry[6]:
                flags.add(lang)
    assert further == flags == {"ar", "en"}


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_columns_are_the_former_entries_columns(lang, text):
    prof, R = profile(lang), rules(lang)
    toks, _ = _inputs(lang, text)
    for _ in range(2):    # (first sight, then from the kept entries)
        F = Features(toks, prof, R)
        former = [_former_entry(t, prof, R) for t in toks]
        conj, prep, definite, own, bits, tags, _, _, possessor = (list(c) for c in zip(*former))
        assert (F.conj, F.prep, F.definite, F.bits, F.closed_tags) == (conj, prep, definite, bits, tags)
        assert F.owned_flags == (own if lang == "ar" else None)
        assert F.possessive == (None if lang == "ar" else possessor)
        assert F.tag_memos == [F.words[t.text][5] for t in toks]
        assert F.special == [i for i, b in enumerate(bits) if b]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_tags_are_the_former_ones(n, monkeypatch):
    """Each parse's tags are those of a former tag() (test_syntax_speed31's copy: the tag before
    read with "X" for an untagged token, the rules' truth tested); no token is left untagged, so the
    tag before never was one; a word's kept rules are None or some (never an empty list)."""
    lang, text = SENTENCES[n]
    toks, mentions = _inputs(lang, text)
    seen = []

    def both(toks, read, read_at, R, prof, F):
        former = copy.copy(F)
        former.closed_tags = list(F.closed_tags)
        expected = _former_tag(toks, read, read_at, R, prof, former)
        ruled = sum(1 for i in read_at if _RULED[read[i]])
        untagged = sum(1 for t in F.closed_tags if t is None)
        got = tagger.tag(toks, read, read_at, R, prof, F)
        seen.append((got, expected, ruled, untagged, [m for m in F.tag_memos if m is not None]))
        return got
    monkeypatch.setattr(syntax, "tag", both)
    for _ in range(2):
        parse(toks, mentions, profile(lang))
    for got, expected, ruled, untagged, memos in seen:
        assert got == expected
        assert None not in got
        assert ruled and untagged
        # (a word a lexicon reads keeps its rules under its readings, by the tag before, since
        # test_syntax_speed34's round)
        kept = [rules for memo in memos for v in memo.values()
                for rules, _ in (v.values() if type(v) is dict else (v,))]
        assert all(rules is None or len(rules) > 0 for rules in kept)
        assert None in kept


def _former_bare(chunks, toks, tags, prep) -> list[bool]:
    """ca83cd7's bare flags of the Arabic chunker's phrases: no preposition clitic on the first word,
    no preposition before it (an int's truth tested for the phrase at the first token), no genitive."""
    return [not (prep[c.start] or (c.start and tags[c.start - 1] == "ADP")) and c.kind != "genitive" for c in chunks]


def test_the_arabic_bare_flags_are_the_former_ones():
    """The chunker's bare flags are the former ones and index_phrases' (the route for the phrases
    of another chunker); the sentences hold a phrase at the first token, phrases after a preposition
    and after a preposition clitic, and bare ones."""
    starts = set()
    for lang, text in SENTENCES:
        if lang != "ar":
            continue
        toks, mentions = _inputs(lang, text)
        tags = parse(toks, mentions, profile(lang)).tags
        view = syntax._View(profile(lang), toks, Features(toks, profile(lang), rules(lang)))
        index = []
        chunks = _chunks_after(toks, tags, [0] * len(toks), view, rules(lang), index)
        prep = view.token_flags[1]
        bare = index[5]
        assert bare == _former_bare(chunks, toks, tags, prep)
        assert bare == index_phrases(chunks, len(toks), tags, prep, True)[5]
        for c, b in zip(chunks, bare):
            starts.add((c.start == 0, c.start > 0 and tags[c.start - 1] == "ADP", bool(prep[c.start]), b))
    assert any(first for first, _, _, _ in starts)
    assert any(after for _, after, _, _ in starts) and any(clitic for _, _, clitic, _ in starts)
    assert any(b for _, _, _, b in starts) and not all(b for _, _, _, b in starts)

