"""The thirteenth speed round of the syntax stage answers as before: Features' columns sliced from
the entries laid end to end (not zip()), records and the Parse set one field a statement, the
per-word marks and the actor test read in place in _after_noun, the article asked before the
circumstantial test, not_genitive asked only of a word with tanwin, _first_conjunct stepping back
by chunk index, _opens asking the verb's letter first, _genitives' gap computed once.
The functions rewritten are compared with copies of their former logic, and whole parses with
digests of what the former code made of the same sentences."""
from __future__ import annotations

import copy
import hashlib

import pytest

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import _FEATURES, Features, describe, parse
from coder.syntax.tagger import LOOKS_FURTHER, word_closed
from coder.syntax.clauses import _first_conjunct
from coder.syntax.marks import _WORD_MARKS, _case_marks, _noun_reader
from coder.syntax.phrases import _genitives
from coder.syntax.records import Parse, Predicate
from coder.syntax.rules import rules
from coder.syntax.segmenter import _opens, _PARTICIPLE_AFTER

SENTENCES = [
    ("ar", "خرج المتظاهرون إلى شوارع المدينة أمس مرددين هتافات ضد الحكومة، ووقع الرئيس عقداً جديداً مع الشركة."),
    ("ar", "شاهد السكان سيارة تقل مسلحين قرب الحدود، ثم قضى الجيش شهراً في ملاحقتهم."),
    ("ar", "قال وزير الداخلية إن قوات الأمن اعتقلت خمسة مشتبهين بعد هجوم على مركز للشرطة في بغداد."),
    ("ar", "سيستمر عملنا حتى نهاية العام، وأكد المتحدث أن الوفد الذي أرسلته الحكومة وصل إلى جنيف."),
    ("ar", "قام الجيش بتوزيع مساعدات للنازحين في المخيمات، واتهمت المعارضة قواته بقصف القرى."),
    ("en", "BA and IAG have cracked it, the airline said on Monday."),
    ("en", "Protesters, students and workers marched to the ministry and demanded the release of the detained journalists."),
    ("en", "The deal between Aoun and Hariri has collapsed after the army was accused of shelling the camp."),
    ("en", "Rebels fighting near the border attacked a convoy carrying aid for refugees, the UN said."),
]

# what the code before this round made of each sentence: sha256 of the parse's `coder explain` lines,
# its marker tokens, readings, conjunction clitics and token-to-chunk map (first 16 hex digits)
BEFORE = [
    "effc5fc5e8bc7a45",
    "4ad3afd93c47df69",
    "067fe1691e800784",
    "f5f5d96cb6c85d3e",
    "2bb103e8f6b07fc4",
    "9cbac6924bc4793f",
    "786997997a217762",
    "7517a25a2a7004d3",
    "34235d627c933d86",
]


def _parsed(lang: str, text: str):
    s = sentences(text, lang)[0]
    mentions = match(load(lang).trie, s.tokens, s.text)
    return s.tokens, mentions, parse(s.tokens, mentions, profile(lang))


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    lang, text = SENTENCES[n]
    toks, _, p = _parsed(lang, text)
    key = repr((describe(p, toks), sorted(p.markers), list(p.readings), list(p.conjunction_clitics), p.chunk_of))
    assert hashlib.sha256(key.encode()).hexdigest()[:16] == BEFORE[n], "\n".join(describe(p, toks))


def test_the_sentences_reach_the_rewritten_paths():
    """(A participle for the subject's state, a word with the accusative tanwin, a relative clause with
    no pronoun, coordinated subjects, an owned phrase.)"""
    lines = "\n".join(line for lang, text in SENTENCES for line in describe(_parsed(lang, text)[2], _parsed(lang, text)[0]))
    for said in ("the subject's state", "the noun the clause describes", "subject [BA]", "subject [Protesters]",
                 "object [شهراً]", "resumed by the verb's pronoun"):
        assert said in lines, said


def further_flags(lang: str, toks) -> list[bool]:
    """Whether tagger._closed looks further than each token's word, as word_closed says it (with the
    conjunction clitic its entry keeps): what the word's LOOKS_FURTHER bit must say."""
    prof, R = profile(lang), rules(lang)
    return [word_closed(t, R, prof, _FEATURES[lang][0][t.text][0])[1] for t in toks]


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_features_columns_are_the_entries_transposed(lang, text):
    """The columns sliced from the entries laid end to end are zip(*entries), as lists."""
    prof = profile(lang)
    toks = sentences(text, lang)[0].tokens
    F = Features(toks, prof, rules(lang))
    entries = [_FEATURES[lang][0][t.text] for t in toks]
    # (seven fields an entry since tests/test_syntax_speed33.py's round: the language's own flag last)
    conj, prep, definite, bits, closed_tags, _, flags = (list(c) for c in zip(*entries))
    further, open_word = further_flags(lang, toks), [tag is None for tag in closed_tags]
    assert (F.conj, F.prep, F.definite, F.bits, F.closed_tags) == (conj, prep, definite, bits, closed_tags)
    assert F.owned_flags == (flags if lang == "ar" else None)
    assert F.possessive == (None if lang == "ar" else flags)
    assert F.special == [i for i, b in enumerate(bits) if b]
    assert [i for i in F.special if F.bits[i] & LOOKS_FURTHER] == [i for i, f in enumerate(further) if f]
    assert [i for i, tag in enumerate(F.closed_tags) if tag is None] == [i for i, o in enumerate(open_word) if o]


def test_features_of_no_tokens():
    F = Features([], profile("ar"), rules("ar"))
    assert (F.conj, F.prep, F.definite, F.bits, F.special, [i for i in F.special if F.bits[i] & LOOKS_FURTHER]) == ([], [], [], [], [], [])


def _first_conjunct_before(k, chunks, toks, tags) -> int:
    """clauses._first_conjunct as it was, over the chunk indices sorted by their starts."""
    order = sorted(range(len(chunks)), key=lambda j: chunks[j].start)
    pos = order.index(k)
    listed_before = False
    while pos > 0:
        prev = chunks[order[pos - 1]]
        gap = range(prev.end + 1, chunks[order[pos]].start)
        words = [toks[i].norm for i in gap]
        in_list = prev.start > 0 and toks[prev.start - 1].norm == ","
        listed = (words == [","] and listed_before) or \
            (len(gap) == 2 and words[0] == "," and tags[gap[1]] == "CCONJ" and in_list)
        if not gap or not (all(tags[i] == "CCONJ" for i in gap) or listed) or prev.kind != "np" or \
                (prev.start > 0 and tags[prev.start - 1] == "ADP"):
            break
        listed_before = True
        pos -= 1
    return order[pos]


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_first_conjunct_as_the_sorted_scan(lang, text):
    toks, _, p = _parsed(lang, text)
    assert [c.start for c in p.chunks] == sorted({c.start for c in p.chunks})    # (text order, no two alike)
    for k in range(len(p.chunks)):
        assert _first_conjunct(k, p.chunks, toks, p.tags) == _first_conjunct_before(k, p.chunks, toks, p.tags)


def test_not_genitive_is_asked_of_words_with_tanwin_only():
    """The chunker asks not_genitive only of a word with the tanwin bit: a word it answers for has one."""
    prof = profile("ar")
    words = "عقداً تقريرٌ مكانٍ شهراً رسمياً عقد التقرير"
    for t in prof.tokenise(words):
        if prof.not_genitive(t):
            assert prof.has_tanwin(t), t.text
    assert any(prof.not_genitive(t) for t in prof.tokenise(words))


def _opens_before(i, toks, tags, R, prof, groups_at, speech, last_verb):
    """segmenter._opens as it was: the profile's questions on the noun before the verb's letter."""
    t, w = tags[i], toks[i].norm
    if w in R.quote and (t in {"SCONJ", "DET"} or prof.has_conjunction_clitic(toks[i]) is False) and \
            last_verb is not None and (last_verb in speech or i - last_verb <= 1 or t == "SCONJ"):
        return "quote" if last_verb in speech else "subordinate"
    if t == "REL":
        return "relative"
    if t == "DET" and w == "that" and i + 1 < len(toks) and tags[i + 1] in {"VERB", "AUX"}:
        return "relative"
    if t == "SCONJ":
        return "subordinate"
    if i in groups_at and i > 0 and toks[i - 1].norm in _PARTICIPLE_AFTER and R.participle_endings and \
            w.endswith(R.participle_endings):
        return "participle"
    if prof.MODIFIER_AFTER_NOUN and i in groups_at and groups_at[i] == i and i > 0 and tags[i - 1] == "NOUN" and \
            not prof.is_definite(toks[i - 1]) and not prof.has_conjunction_clitic(toks[i]) and \
            w[:1] in {"ي", "ت"} and last_verb is not None:
        return "relative"
    return None


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_opens_as_before(lang, text):
    toks, _, p = _parsed(lang, text)
    prof, R = profile(lang), rules(lang)
    groups_at = {c.predicates[0].first: c.predicates[0].verb for c in p.clauses if c.predicates}
    for i in range(len(toks)):
        for last_verb in (None, i - 1, 0):
            args = (i, toks, p.tags, R, prof, groups_at, {0}, last_verb)
            assert _opens(*args) == _opens_before(*args), (toks[i].text, last_verb)


def _genitives_before(chunks, toks, tags, R, prof) -> None:
    """phrases._genitives as it was, with the gap asked twice."""
    prep = [prof.has_preposition_clitic(t) for t in toks]
    for a, b in zip(chunks, chunks[1:]):
        start = b.start
        if start == a.end + 2:
            w = toks[start - 1].norm
            if w in R.genitive or (w in R.partitive and tags[a.head] == "NUM"):
                a.modifiers.append(("of", b.head))
                b.kind = "genitive"
        elif start <= a.end + 1 and prep[start] and b.kind != "pronoun" and \
                toks[start].norm[:1] == "ل" and tags[a.head] in {"NOUN", "NUM"}:
            a.modifiers.append(("of", b.head))
            b.kind = "genitive"


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_genitives_as_before(lang, text):
    toks, _, p = _parsed(lang, text)
    prof, R = profile(lang), rules(lang)
    for c in p.chunks:    # (back to what the chunker made, as far as _genitives reads it)
        if c.kind == "genitive":
            c.kind = "np"
        c.modifiers = [m for m in c.modifiers if m[0] != "of"]
    mine, theirs = copy.deepcopy(p.chunks), copy.deepcopy(p.chunks)
    _genitives(mine, toks, p.tags, R, prof)
    _genitives_before(theirs, toks, p.tags, R, prof)
    assert mine == theirs


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_records_made_field_by_field_are_whole(lang, text):
    """The Parse and the predicates made without their __init__ equal those the dataclasses make."""
    toks, _, p = _parsed(lang, text)
    assert p == Parse(p.tags, p.chunks, p.clauses, p.chunk_of, p.conjunction_clitics, p.readings, p.markers)
    assert p._predicate_at is None
    for cl in p.clauses:
        for q in cl.predicates:
            assert q == Predicate(q.verb, q.first, q.passive, q.arguments, q.how, q.inherited)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_noun_reader_is_the_case_marks_and_the_word_marks(lang):
    circumstantial, _, agreement, _ = _case_marks(lang)
    assert _noun_reader(lang) == (circumstantial, agreement, _WORD_MARKS[lang])
