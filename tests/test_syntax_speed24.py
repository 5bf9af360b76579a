"""The twenty-third speed round of the syntax stage answers as before: the Arabic chunker asks
phrases._is_genitive of a phrase right after the one before only where its first word carries a
preposition clitic, and of a phrase (or a pronoun's phrase) one word after the phrase before only
where that word is one of the rule's genitive or partitive words (SyntaxRules.between_genitive), as
phrases._genitives does after the English chunker: the rule's own first tests, no call where they
fail; segmenter.segment asks _opens of a determiner only as "that" or a quote word, and of a verb
group after a noun only once a verb is passed where the modifiers follow the noun. Compared with
what the rule and _opens themselves answer for every pair of phrases, every token and every verb
before it, of sentences written for this test, and whole parses with digests of what the code before
the round (b7a2bea) made of them (test_syntax_speed14._digest)."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax import Features, parse
from coder.syntax.phrases import _is_genitive
from coder.syntax.rules import rules
from coder.syntax.segmenter import _PARTICIPLE_AFTER, _opens, _verb_groups
from test_syntax_speed14 import _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "قصفت الطائرات مواقع لقسد في ريف حلب، وقتلت ثلاثة من عناصرها وأصابت عدداً منهم بجروح."),
    ("ar", "أعلن المتحدث باسم الجيش أن قواته اعتقلت خمسة من المسلحين، وأن بعضهم من قادة التنظيم."),
    ("ar", "هاجم مسلحون حاجزاً للشرطة قرب مدينة الموصل، وقال مصدر أمني إن اثنين منهم قتلا في الاشتباك."),
    ("ar", "وصل وفد من وزارة الخارجية إلى دمشق للقاء مسؤولين من الحكومة السورية لبحث إعادة اللاجئين."),
    ("ar", "اتهمت المعارضة قوات النظام بقصف أحياء سكنية لمدينة درعا، ودعت المجتمع الدولي إلى حماية المدنيين."),
    ("ar", "اعتقلت الشرطة ثلاثة من هؤلاء في المدينة، وأفرجت عن اثنين منهم بعد التحقيق معهم."),
    ("en", "Two of the soldiers were killed when militants attacked a base of the army near the border on Monday."),
    ("en", "The president of Egypt met the leaders of the opposition and some of them criticised the government."),
]

# what the code before this round (b7a2bea) made of each sentence (test_syntax_speed14._digest)
BEFORE = [
    "d13990e0bcda962b",
    "4059c9011847281d",
    "2feb0dc7012d0ae4",
    "af66c86e873a8e65",
    "2e3ba5f775a6e44b",
    "867597a5feed8d47",
    "7eeb3bc61ce76883",
    "173498ed5879330b",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _asked_by_the_chunker(gap: int, pronoun: bool, preposition_clitic: bool, between: str, R) -> bool:
    """Whether the chunker asks _is_genitive of a phrase `gap` tokens after the end of the one before
    (the tests it makes before the call; `between`: the word before the phrase)."""
    after_word = gap == 2 and between in R.between_genitive
    return after_word if pronoun else after_word or (gap <= 1 and preposition_clitic)


def _pairs(lang: str, text: str):
    """Every phrase of the sentence's parse with each phrase before it that ends two tokens before
    it or less: (phrase before, start, gap, pronoun), with the sentence's tokens, tags and clitics."""
    toks, mentions = _inputs(lang, text)
    prof = profile(lang)
    p = parse(toks, mentions, prof)
    prep = Features(toks, prof, rules(lang)).prep
    pairs = []
    for k, c in enumerate(p.chunks):
        for before in p.chunks[:k]:
            gap = c.start - before.end
            if 1 <= gap <= 2:
                pairs.append((before, c.start, gap, c.start == c.end and p.tags[c.start] in {"PRON", "SCONJ", "DET"}))
    return pairs, toks, p.tags, prep


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_genitives_left_unasked_are_none(lang, text):
    """Where the chunker makes no call (the Arabic chunker as it goes, phrases._genitives after the
    English one), the rule would have answered no (for a phrase and for a pronoun's phrase, with the
    preposition clitic and without, after any word)."""
    pairs, toks, tags, prep = _pairs(lang, text)
    R = rules(lang)
    for before, start, gap, pronoun in pairs:
        for as_pronoun in (False, True):
            if not _asked_by_the_chunker(gap, as_pronoun, bool(prep[start]), toks[start - 1].norm, R):
                assert not _is_genitive(before, start, gap, toks, tags, R, prep, pronoun=as_pronoun)


def test_the_sentences_reach_both_sides_of_the_test():
    """The sentences hold pairs the chunker passes over and genitives it finds after one word and
    right after the phrase before (a ل on its first word), and a pronoun's genitive (من هؤلاء); and
    one-word gaps passed over for their word."""
    unasked = found_after_word = found_with_clitic = pronoun_genitive = other_word = 0
    R = rules("ar")
    for lang, text in SENTENCES:
        if lang != "ar":
            continue
        pairs, toks, tags, prep = _pairs(lang, text)
        for before, start, gap, pronoun in pairs:
            if not _asked_by_the_chunker(gap, pronoun, bool(prep[start]), toks[start - 1].norm, R):
                unasked += 1
                other_word += gap == 2
            elif _is_genitive(before, start, gap, toks, tags, R, prep, pronoun=pronoun):
                found_after_word += gap == 2
                found_with_clitic += gap == 1
                pronoun_genitive += pronoun
    assert unasked and other_word and found_after_word and found_with_clitic and pronoun_genitive


def test_the_words_between_are_the_genitive_and_partitive_words():
    for lang in ("ar", "en"):
        R = rules(lang)
        assert R.between_genitive == R.genitive | R.partitive and R.genitive


# segmenter.segment asks _opens of a determiner only as "that" or a quote word, and of a verb group
# after a noun only once a verb is passed and where the modifiers follow the noun (_opens' only test
# after a noun): what it skipped, it skips on the former test too
CLAUSE_SENTENCES = [
    ("ar", "استهدفت الغارات سيارة تقل قياديين في التنظيم، وقال مصدر إن الجيش يواصل عملياته في المنطقة."),
    ("ar", "الجيش السوري يقصف مواقع المسلحين التي سيطروا عليها، وهذه المواقع تضم مخازن أسلحة."),
    ("en", "The militants that attacked the base, killing ten soldiers, said that the army shelled their positions."),
    ("en", "Police arrested the man who shot the officer, and the mayor said all those protesters were released."),
]


def _opens_asked(i, toks, tags, R, prof, groups_at, last_verb) -> bool:
    """The test segment() makes before calling _opens (a copy of its condition)."""
    w, group = toks[i].norm, i in groups_at
    return tags[i] in {"REL", "SCONJ"} or w in R.quote or w == "that" or \
        (group and i > 0 and ((prof.MODIFIER_AFTER_NOUN and last_verb is not None and tags[i - 1] == "NOUN") or
                              toks[i - 1].norm in _PARTICIPLE_AFTER))


@pytest.mark.parametrize("lang,text", CLAUSE_SENTENCES)
def test_opens_is_asked_wherever_it_can_open_a_clause(lang, text):
    prof, R = profile(lang), rules(lang)
    toks, mentions = _inputs(lang, text)
    tags = parse(toks, mentions, prof).tags
    groups_at = dict(_verb_groups(tags))
    speech = {m.first for m in mentions if m.kind == "trigger" and m.entry.speech and not m.entry.objects}
    skipped = found = 0
    for i in range(len(toks)):
        for last_verb in (None, *range(i)):
            opens = _opens(i, toks, tags, R, prof, groups_at, speech, last_verb)
            if not _opens_asked(i, toks, tags, R, prof, groups_at, last_verb):
                assert opens is None, (toks[i].text, last_verb)
                # (a determiner or a verb group after a noun the former test asked of)
                skipped += tags[i] == "DET" or (i in groups_at and i > 0 and tags[i - 1] == "NOUN")
            else:
                found += opens is not None
    assert skipped and found


# what b7a2bea made of each (test_syntax_speed14._digest)
CLAUSE_BEFORE = [
    "341ad8cf75107464",
    "ee8133c884be2d8d",
    "0a2b3d35a87ee89a",
    "d4a4bc3967325687",
]


@pytest.mark.parametrize("n", range(len(CLAUSE_SENTENCES)))
def test_the_clauses_are_the_ones_found_before(n):
    assert_parsed_as(*CLAUSE_SENTENCES[n], CLAUSE_BEFORE[n])
