"""The thirty-first speed round of the syntax stage, checked against the former logic and against
what 1366e5f made of hand-written Arabic and English sentences:
- tagger.tag visits the untagged tokens and those the rules decide whatever their tag in one pass
  over the tags (the latter marked per token), where it made a list of the untagged first and merged
  the ruled into it by a sort;
- the Arabic chunker's phrases are joined by join_names only where some name's first and last words
  are not in one phrase (a name inside one phrase has no phrase starting inside it to join)."""
from __future__ import annotations

import copy

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import parse, phrases, tagger
from coder.syntax.tagger import _PROVISIONAL, _RULED, NAMED, _closed, _holds_in_context, _revision, _rules_to_try
from test_syntax_speed14 import _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "وقصفت الطائرات الحربية مواقع للمسلحين قرب الحدود، وقتلت عشرة منهم أمس."),
    ("ar", "أعلن الجيش أن قواته استعادت السيطرة على البلدة بعد معارك عنيفة مع المقاتلين."),
    ("ar", "هاجم مسلحون مجهولون دورية للشرطة في المدينة التي شهدت احتجاجات واسعة."),
    ("ar", "واستقبل الرئيس المصري وفداً من الحكومة الليبية في القاهرة لبحث الأزمة."),
    ("ar", "ندد الاتحاد الأوروبي بالهجوم الذي استهدف مدرسة للأطفال في الجنوب."),
    ("en", "Rebels attacked a police station and killed three officers, the ministry said on Tuesday."),
    ("en", "The army's spokesman said troops had shelled the militants' positions near the border."),
    ("en", "Protesters who marched through the capital demanded the resignation of the prime minister."),
    ("en", "Israel and Egypt signed an agreement to reopen the crossing, officials announced."),
    ("ar", "التقى الرئيس السوري بشار الأسد وزير الخارجية الروسي سيرغي لافروف في دمشق."),
    ("ar", "قال الرئيس التركي رجب طيب أردوغان إن بلاده سترد على الهجوم."),
    ("ar", "اتهمت حركة حماس الجيش الإسرائيلي بقصف منازل المدنيين في غزة."),
]
# what 1366e5f made of each (test_syntax_speed14._digest)
BEFORE = ["b776bfa71e0d85f6", "e2f12901520137d9", "6dacb9bd28129ff0", "95fb6db21df44cb2", "b895d590d3c5d0c5",
          "a46f6b354d64c712", "619e8859d8ce4912", "f66bf1527769069b", "483964587e8c1c46", "eb720c14417a2f4f",
          "7913dbfad8a80898", "a9c4452904839d0c"]


def _former_tag(toks, read, read_at, R, prof, F) -> list[str]:
    """tagger.tag as 1366e5f wrote it: the untagged tokens listed first, the ruled merged in by a sort."""
    tags = _closed(toks, F, prof, R)
    ruled = []
    for i in read_at:
        r = read[i]
        if tags[i] is not None:
            if r & NAMED and len(toks[i].text) > 1 and toks[i].text.isupper():
                tags[i] = "PROPN"
        else:
            provisional = _PROVISIONAL[r]
            if provisional is None:
                continue
            tags[i] = provisional
        if _RULED[r]:
            ruled.append(i)
    visit = [i for i, t in enumerate(tags) if t is None]
    if ruled:
        visit += ruled
        visit.sort()
    conj, prep, memos = F.conj, F.prep, F.tag_memos
    for i in visit:
        r, has_conj = read[i], conj[i]
        prev = "CCONJ" if has_conj else (tags[i - 1] or "X") if i else "START"
        memo = memos[i]
        if memo is not None:
            key = (r, prev) if r else prev
            rules = memo.get(key)
            if rules is None:
                rules = memo[key] = _rules_to_try(R, r, prev, toks[i], has_conj, prep[i], F.definite[i])
        else:
            key = (r, prev, toks[i].text, has_conj, prep[i])
            rules = R.word_rules.get(key)
            if rules is None:
                rules = R.word_rules[key] = _rules_to_try(R, r, prev, toks[i], has_conj, prep[i], F.definite[i])
        rules, chosen = rules
        if rules:
            for rule in rules:
                if _holds_in_context(rule, i, toks, tags, F):
                    chosen = rule.tag
                    break
        if chosen is not None:
            tags[i] = chosen
    if R.revisions:
        i = -1
        for _ in range(tags.count("VERB")):
            i = tags.index("VERB", i + 1)
            prev = "START" if i == 0 else tags[i - 1]
            rule = _revision(R, i, toks, tags, prev, F)
            if rule is not None:
                tags[i] = rule.tag
    return tags


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_tags_are_the_former_ones(n, monkeypatch):
    """Each parse's tags, from the same features (their closed tags copied: both tag in place), are
    those of the former tag(); the sentences hold ruled tokens and untagged ones."""
    lang, text = SENTENCES[n]
    toks, mentions = _inputs(lang, text)
    seen = []

    def both(toks, read, read_at, R, prof, F):
        former = copy.copy(F)
        former.closed_tags = list(F.closed_tags)
        expected = _former_tag(toks, read, read_at, R, prof, former)
        untagged = sum(1 for t in F.closed_tags if t is None)
        ruled = sum(1 for i in read_at if _RULED[read[i]])
        got = tagger.tag(toks, read, read_at, R, prof, F)
        seen.append((got, expected, untagged, ruled))
        return got
    monkeypatch.setattr(syntax, "tag", both)
    for _ in range(2):
        parse(toks, mentions, profile(lang))
    for got, expected, untagged, ruled in seen:
        assert got == expected
        assert untagged and ruled


def _former_chunk_indexed(toks, tags, read, R, prof, names):
    """phrases.chunk_indexed's Arabic route as 1366e5f wrote it: join_names asked wherever a name of
    several words is."""
    index = []
    chunks = phrases._chunks_after(toks, tags, read, prof, R, index)
    if not names:
        return chunks, index
    joined = phrases.join_names(chunks, names)
    if len(joined) == len(chunks):
        return chunks, index
    flags = prof.token_flags
    return joined, (*phrases.index_phrases(joined, len(toks), tags, flags[1], True), index[6])


def test_the_arabic_phrases_are_those_of_the_former_route(monkeypatch):
    """Every Arabic parse's phrases and their index are the former route's; among the sentences are
    names inside one phrase (no join asked), names that are not, and a join."""
    outcomes = []
    asked = []
    join_names = phrases.join_names

    def counted(chunks, names):
        asked.append(names)
        return join_names(chunks, names)

    def both(toks, tags, read, R, prof, names):
        expected = _former_chunk_indexed(toks, tags, read, R, prof, names)
        before = len(asked)
        got = phrases.chunk_indexed(toks, tags, read, R, prof, names)
        assert repr(got) == repr(expected)
        outcomes.append((bool(names), len(asked) > before, len(got[0]) < len(phrases._chunks_after(toks, tags, read, prof, R))))
        return got
    monkeypatch.setattr(syntax, "chunk_indexed", both)
    monkeypatch.setattr(phrases, "join_names", counted)
    for lang, text in SENTENCES:
        if lang == "ar":
            toks, mentions = _inputs(lang, text)
            parse(toks, mentions, profile(lang))
    named = [o for o in outcomes if o[0]]
    assert any(not asked_ for _, asked_, _ in named) and any(asked_ for _, asked_, _ in named)
    assert any(joined for _, _, joined in named)
