"""The fifteenth speed round of the syntax stage answers as before: the features' columns laid end to
end by the list's bound extend; the language view's CODE and MODIFIER_AFTER_NOUN as fields of each
view; the English revision rules visiting the verbs found by list.index; the Arabic chunker's bound
tested by an if of its own; the phrases no preposition governs told by a conditional; the lists a
word's bits put it in, and the provisional tag of a token's readings, read from tables.
Whole parses are compared with digests of what the code before the round made of sentences written
for this test, and the new code with a copy of the former logic kept here."""
from __future__ import annotations

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import Features, _known_class, parse
from coder.syntax import tagger
from coder.syntax import (ANAPHOR, CLAUSE_PUNCT, DIGIT, MARKER_START, PARTICIPLE_PREPOSITION, QUOTE_WORD,
                          _WORD_LISTS_BY_BITS)
from coder.syntax.clauses import _GOVERNED_KINDS, _bare_chunks
from coder.syntax.phrases import TANWIN
from coder.syntax.tagger import LOOKS_FURTHER, NAMED, NOUN_READING, VERB_READING, _PROVISIONAL
from coder.syntax.rules import rules

from test_syntax_speed13 import further_flags
from test_syntax_speed14 import _inputs, assert_parsed_as   # (the same inputs and digest of a parse)

SENTENCES = [
    ("ar", "قالت وزارة الخارجية الروسية إن وفداً رسمياً سيزور دمشق الأسبوع المقبل لبحث ملف اللاجئين."),
    ("ar", "أطلقت القوات الإسرائيلية النار على متظاهرين فلسطينيين قرب السياج الحدودي، مما أدى إلى إصابة خمسة منهم."),
    ("ar", "واتهم الجيش السوداني قوات الدعم السريع بمهاجمة قرية في دارفور وإحراق منازلها."),
    ("ar", "استقبل العاهل الأردني الملك عبد الله الثاني وزير الخارجية الأمريكي في عمان يوم الأحد."),
    ("ar", "نددت الحكومة العراقية بالهجوم الذي استهدف قاعدة عسكرية شمال بغداد وطالبت بمحاسبة منفذيه."),
    ("ar", "وأعلنت الشرطة أنها اعتقلت عشرين شخصاً خلال احتجاجات عنيفة اندلعت في العاصمة."),
    ("ar", "استقبل رئيس الوزراء العراقي وفد صندوق النقد الدولي"),     # (a phrase up to the last token)
    ("en", "The most widely accepted plan was rejected by the rebels, who accused the government of lying."),
    ("en", "A heavily armed group attacked a police station in the north, officials said on Monday."),
    ("en", "Protesters blocked roads and burned tyres as the highly anticipated talks collapsed in Geneva."),
    ("en", "The United Nations condemned the strikes that killed dozens of civilians in Yemen."),
    ("en", "Russia said it had deployed widely used missiles near the border and warned NATO against escalation."),
    ("en", "The minister met union leaders, but the strike continued for a third day."),
]

# what the code before this round made of each sentence: sha256 of the `coder explain` lines, the
# markers, readings, conjunction clitics, token-to-chunk map and every field of the chunks and
# clauses (first 16 hex digits)
BEFORE = [
    "0c2dd1abc8f0b0b9",
    "4fcd43c66d3ddcd7",
    "3188882281b66995",
    "57212458a1cb7d04",
    "7dd65f0c818a2238",
    "30ccd942aec8c143",
    "4b0a3868f5285661",
    "aa2ebe054b1129d8",
    "d0fd989c8e09629c",
    "50e7f1abe0f0e5c0",
    "dfb4c79696f6daa2",
    "8bab9cbb51935442",
    "75f4888176e5608e",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _columns_before(toks, words: dict) -> list:
    """The features' entries laid end to end as before the round (+= per token)."""
    flat = []
    for t in toks:
        flat += words[t.text]
    return flat


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_columns_are_those_laid_end_to_end_before(lang, text):
    toks, _ = _inputs(lang, text)
    for _ in range(2):    # (first sight, then from the kept entries)
        F = Features(toks, profile(lang), rules(lang))
        flat = _columns_before(toks, F.words)
        # (seven fields an entry since tests/test_syntax_speed33.py's round: the language's own flag last)
        assert (F.conj, F.prep, F.definite, F.bits, F.closed_tags, F.tag_memos) == \
            (flat[0::7], flat[1::7], flat[2::7], flat[3::7], flat[4::7], flat[5::7])
        assert F.owned_flags == (flat[6::7] if lang == "ar" else None)
        assert F.possessive == (flat[6::7] if lang == "en" else None)
        assert F.special == [i for i, b in enumerate(flat[3::7]) if b]
        # (the words _closed looks further than: word_closed's flag, kept as the entry's bit)
        assert [i for i in F.special if F.bits[i] & LOOKS_FURTHER] == \
            [i for i, f in enumerate(further_flags(lang, toks)) if f]
        assert [i for i, tag in enumerate(F.closed_tags) if tag is None] == [i for i, g in enumerate(flat[4::7]) if g is None]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_views_fields_are_the_profiles_constants(lang):
    prof = profile(lang)
    toks, _ = _inputs(*next((lg, text) for lg, text in SENTENCES if lg == lang))
    view = _known_class(lang)(prof, toks, Features(toks, prof, rules(lang)))
    assert (view.CODE, view.MODIFIER_AFTER_NOUN) == (prof.CODE, prof.MODIFIER_AFTER_NOUN)
    # (the instance's own fields, none on the class: a class attribute would keep every read slow)
    assert {"CODE", "MODIFIER_AFTER_NOUN"} <= set(vars(view))
    assert not {"CODE", "MODIFIER_AFTER_NOUN"} & set(vars(type(view)))
    assert view.HONORIFICS == prof.HONORIFICS if lang == "ar" else True


def _revised_before(tags: list, toks, R, F) -> list:
    """The revision pass as before the round: every token visited, the verbs revised in order."""
    tags = list(tags)
    for i, t in enumerate(tags):
        if t == "VERB":
            prev = "START" if i == 0 else tags[i - 1]
            rule = next((r for r in R.revisions if (not r.prev_tag or prev in r.prev_tag) and
                         tagger._holds(r, i, toks, tags, prev, F)), None)
            if rule is not None:
                tags[i] = rule.tag
    return tags


def test_revisions_visit_the_verbs_as_every_token_did(monkeypatch):
    """English revisions (syntax.yaml `revise`), on the tags before them, give what the pass over
    every token gave; and a revision applies (the sentences have participles after "widely")."""
    R = rules("en")
    assert R.revisions
    revisions = R.revisions
    revised_any = False
    for lang, text in SENTENCES:
        if lang != "en":
            continue
        toks, mentions = _inputs(lang, text)
        seen = []
        tag = tagger.tag

        def tag_kept(toks, read, read_at, R, prof, F):
            tags = tag(toks, read, read_at, R, prof, F)
            seen.append((list(tags), F))    # (as tag() gave them: parse() corrects some after)
            return tags
        monkeypatch.setattr(syntax, "tag", tag_kept)
        monkeypatch.setattr(R, "revisions", [])
        parse(toks, mentions, profile(lang))
        monkeypatch.setattr(R, "revisions", revisions)
        parse(toks, mentions, profile(lang))
        (unrevised, _), (revised, F) = seen
        assert revised == _revised_before(unrevised, toks, R, F), text
        revised_any |= revised != unrevised
    assert revised_any


def _bare_before(chunks, tags, prep) -> list[bool]:
    """_bare_chunks of a language whose modifiers follow the noun, as before the round."""
    return [c.kind not in _GOVERNED_KINDS and (c.start == 0 or tags[c.start - 1] != "ADP") and not prep[c.start]
            for c in chunks]


def test_bare_phrases_are_those_told_before():
    """Per phrase, no preposition governs it, as the value comprehension told it: phrases at the
    start, after a preposition, with a preposition clitic and genitives among them."""
    kinds, after_adp, at_start, with_clitic = set(), False, False, False
    more = [("ar", "قصفت الطائرات مواقع لقسد وقتلت ثلاثة من عناصرها قرب الحدود."),    # (لقسد، من عناصرها)
            ("ar", "الجيش اللبناني أعلن أن دورية تعرضت لإطلاق نار في الجنوب.")]     # (a phrase first)
    for lang, text in SENTENCES + more:
        if lang != "ar":
            continue
        prof = profile(lang)
        toks, mentions = _inputs(lang, text)
        p = parse(toks, mentions, prof)
        prep = Features(toks, prof, rules(lang)).prep
        bare = _bare_chunks(p.chunks, toks, p.tags, prof, prep)
        assert bare == _bare_before(p.chunks, p.tags, prep), text
        assert all(type(b) is bool for b in bare)
        kinds |= {c.kind for c in p.chunks}
        after_adp |= any(c.start and p.tags[c.start - 1] == "ADP" for c in p.chunks)
        at_start |= any(c.start == 0 for c in p.chunks)
        with_clitic |= any(prep[c.start] for c in p.chunks)
    assert "genitive" in kinds and after_adp and at_start and with_clitic


def test_the_lists_a_words_bits_put_it_in_are_the_bit_tests():
    """parse()'s table by a word's bits answers as the tests of each bit did, for every value a word's
    bits can take."""
    for b in range((QUOTE_WORD | PARTICIPLE_PREPOSITION | MARKER_START | DIGIT | CLAUSE_PUNCT | TANWIN | ANAPHOR) + 1):
        assert _WORD_LISTS_BY_BITS[b] == (bool(b & (QUOTE_WORD | PARTICIPLE_PREPOSITION)),
                                         bool(b & (QUOTE_WORD | CLAUSE_PUNCT)), bool(b & MARKER_START),
                                         bool(b & DIGIT), bool(b & ANAPHOR)), b
    for lang, text in SENTENCES:
        toks, _ = _inputs(lang, text)
        assert max(Features(toks, profile(lang), rules(lang)).bits) < len(_WORD_LISTS_BY_BITS)


def _provisional_before(r: int):
    """tag()'s provisional tag of an untagged token with readings r, as before the round (None: none)."""
    if r & VERB_READING and not r & (NOUN_READING | NAMED):
        return "VERB"
    elif not r & VERB_READING:
        return "PROPN" if r == NAMED else "NOUN"
    return None


def test_the_provisional_tags_are_those_of_the_bit_tests():
    for r in range(1, (VERB_READING | NOUN_READING | NAMED) + 1):
        assert _PROVISIONAL[r] == _provisional_before(r), r
