"""The twenty-second speed round of the chunker answers as before: the Arabic chunker marks the
genitives (phrases._genitives' tests) as it makes each phrase, and gathers what the parse reads of the
phrases (phrases.index_phrases' lists: the phrase of each token, the phrases' starts and ends, the owned
phrases, the pronouns, the phrases no preposition governs) in the same pass, where parse() made a pass of
its own over the phrases; phrases.chunk_indexed makes that index again only where join_names joined two
phrases. The Arabic chunker's pass over the tags finds the tokens segment() visits for their tag as well
(segmenter.clause_tagged's: the verbs and the clause openers), which parse() found by a pass of its own.
Compared with the former route (the former chunkers, kept in tests/test_chunker_speed19.py, then
_genitives, join_names, a copy of parse()'s former pass over the phrases and its pass over the tags) on
the parses of sentences written for this test, and whole parses with digests of what the code before the
round (2717d6b) made of them (test_syntax_speed14._digest)."""
from __future__ import annotations

from itertools import compress, count

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import phrases
from coder.syntax.phrases import _GOVERNED_KINDS, flags_asked
from coder.syntax.segmenter import _VISITED_TAGS
from test_chunker_speed19 import _fields, _former_chunks_after, _former_chunks_before
from test_syntax_speed14 import _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "قال الرئيس السوري بشار الأسد إن ثلاثة من عناصر التنظيم قتلوا في هجوم على مواقع لقسد قرب الحدود."),
    ("ar", "أعلنت الوزارة أنها دمرت مستودعات تابعة للجماعة، وقال هو إن هذا لن يتكرر."),
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة، وبحثا هذه القضية مع ممثلين عن الفصائل التابعة لتركيا."),
    ("ar", "هاجم مسلحون قافلة للجيش في ريف إدلب، وأكد ذلك مصدر في المعارضة لوكالة الأنباء."),
    ("ar", "أطلقت قوات الأمن سراح خمسة من المعتقلين، ثم اعتقلت اثنين منهم في مقر لحزب الله جنوب لبنان."),
    ("ar", "وصل وفد من حركة طالبان إلى إسلام أباد، وقال الأمين العام لحزب الله حسن نصر الله إن المحكمة الخاصة بلبنان مسيسة."),
    ("ar", "دعت الجمعية العامة للأمم المتحدة الوكالة الدولية للطاقة الذرية إلى تفتيش المنشآت."),
    ("ar", "قتل الجيش ثلاثة من هؤلاء في درعا، وقال إن أحد هؤلاء قائد في حركة طالبان."),
    ("ar", "سيطرت الفصائل على مقر ل الجيش قرب المطار بعد قصف عنيف."),
    ("ar", "أدان الوزير الهجوم الذي شنه المسلحون على القرية التي تقع قرب الحدود."),
    ("en", "The president of Egypt met three of the rebel leaders, and he said that this was a step."),
    ("en", "Rebels of the Free Syrian Army shelled the positions of government forces near Aleppo on Monday."),
]

# what the code before this round (2717d6b) made of each sentence (test_syntax_speed14._digest)
BEFORE = [
    "d7673618d02ec525",
    "5501182d2034a623",
    "f0325ba27703e103",
    "d6866f7a0a0079e1",
    "f47a570bbfefcc02",
    "4d1fb1b914d2a5a8",
    "31106d3fef90ba5b",
    "b242c3f133281d89",
    "439cf46dc94908bc",
    "b590e6320b8996ac",
    "2c5c2fbd931b421d",
    "4fb39b7a74b91d3f",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _former_index(chunks, n: int, tags, prep, head_first: bool) -> tuple:
    """parse()'s pass over the phrases before this round, as it was written there."""
    chunk_of = [-1] * n
    starts = []
    ends = []
    owned = []
    pronouns = []
    bare = [True] * len(chunks) if head_first else None
    for k, c in enumerate(chunks):
        start, end = c.start, c.end
        starts.append(start)
        ends.append(end)
        if bare is not None and (c.kind in _GOVERNED_KINDS or prep[start] or (start and tags[start - 1] == "ADP")):
            bare[k] = False
        if c.owned:
            owned.append(k)
        if start == end:
            chunk_of[start] = k
            if c.kind == "pronoun":
                pronouns.append(k)
        elif end == start + 1:
            chunk_of[start] = chunk_of[end] = k
        else:
            chunk_of[start:end + 1] = [k] * (end + 1 - start)
    return chunk_of, starts, ends, owned, pronouns, bare


def _former_route(toks, tags, read, R, prof, names) -> tuple:
    """The phrases and their index as parse() made them before this round: the former chunker, the
    possessive pronouns before the noun (English), _genitives, join_names, then its pass over them, and
    its pass over the tags for the tokens segment() visits."""
    head_first = prof.MODIFIER_AFTER_NOUN
    chunks = (_former_chunks_after if head_first else _former_chunks_before)(toks, tags, read, prof, R)
    if not head_first:
        for c in chunks:
            if c.owned or (c.start > 0 and prof.refers_back(toks, c.start)):
                c.owned = True
    phrases._genitives(chunks, toks, tags, R, prof)
    chunks = phrases.join_names(chunks, names)
    flags = getattr(prof, "token_flags", None)
    prep = (flags if flags is not None else flags_asked(toks, prof))[1]
    tagged = list(compress(count(), map(_VISITED_TAGS.__contains__, tags)))
    return chunks, (*_former_index(chunks, len(toks), tags, prep, head_first), tagged)


def _chunking_calls(monkeypatch, lang: str, text: str) -> list[tuple]:
    """The arguments the parse of the sentence gives phrases.chunk_indexed (copies of its lists)."""
    calls, chunk_indexed = [], syntax.chunk_indexed

    def recorded(toks, tags, read, R, prof, names):
        calls.append((toks, list(tags), list(read), R, prof, list(names)))
        return chunk_indexed(toks, tags, read, R, prof, names)
    monkeypatch.setattr(syntax, "chunk_indexed", recorded)
    syntax.parse(*_inputs(lang, text), profile(lang))
    return calls


def _as_compared(chunks, index) -> tuple:
    return _fields(chunks), [list(x) if x is not None else None for x in index]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_phrases_and_their_index_are_the_former_ones(n, monkeypatch):
    lang, text = SENTENCES[n]
    calls = _chunking_calls(monkeypatch, lang, text)
    assert calls
    for args in calls:
        assert _as_compared(*phrases.chunk_indexed(*args)) == _as_compared(*_former_route(*args))


def test_the_phrases_are_the_former_ones_from_a_profile_without_kept_answers(monkeypatch):
    """A profile that keeps no per-word answers (the language's own module): each asked of it."""
    for lang, text in SENTENCES:
        prof = profile(lang)
        assert getattr(prof, "token_flags", None) is None
        for toks, tags, read, R, _, names in _chunking_calls(monkeypatch, lang, text):
            assert _as_compared(*phrases.chunk_indexed(toks, tags, read, R, prof, names)) == \
                _as_compared(*_former_route(toks, tags, read, R, prof, names))


def test_the_sentences_reach_every_case(monkeypatch):
    """Joined names (the index made again) and names left apart; genitives after a genitive word, after
    one of a count, of a pronoun and on the clitic ل; pronouns; owned phrases; phrases of three words;
    a verb, a relative pronoun and a determiner inside a phrase among the tokens segment() visits."""
    seen = set()
    for lang, text in SENTENCES:
        if lang != "ar":
            continue
        for toks, tags, read, R, prof, names in _chunking_calls(monkeypatch, lang, text):
            index = []
            chunks = phrases._chunks_after(toks, tags, read, prof, R, index)
            for i in index[6]:
                seen.add("a determiner inside a phrase" if tags[i] == "DET" and index[0][i] >= 0 and
                         chunks[index[0][i]].start < i else tags[i])
            joined = phrases.join_names(phrases._chunks_after(toks, tags, read, prof, R), names)
            if names:
                seen.add("joined" if len(joined) < len(chunks) else "apart")
            for a, b in zip(chunks, chunks[1:]):
                if b.kind == "genitive":
                    seen.add("of a pronoun" if b.start == b.end and toks[b.start - 1].norm in R.partitive and
                             tags[b.start] == "DET" else "on ل" if b.start == a.end + 1 else
                             "after a count" if toks[b.start - 1].norm in R.partitive else "after a genitive word")
            seen.update("pronoun" for c in chunks if c.kind == "pronoun")
            seen.update("owned" for c in chunks if c.owned)
            seen.update("three words" for c in chunks if c.end - c.start >= 2)
    assert seen >= {"joined", "apart", "of a pronoun", "on ل", "after a count", "after a genitive word", "pronoun",
                    "owned", "three words", "VERB", "REL", "a determiner inside a phrase"}


@pytest.mark.parametrize("tag", ["PART", "X", "ADP"])
def test_a_genitive_after_a_word_of_any_tag_is_governed(tag, monkeypatch):
    """A phrase after a genitive word is governed (not bare) whatever that word's tag: the word tagged
    otherwise than as a preposition here, on the tags of a parse."""
    lang, text = "ar", "سيطرت الفصائل على مقر ل الجيش قرب المطار بعد قصف عنيف."
    (toks, tags, read, R, prof, names), = _chunking_calls(monkeypatch, lang, text)
    between = [t.norm for t in toks].index("ل")
    tags[between] = tag
    for p in (prof, profile(lang)):
        chunks, index = phrases.chunk_indexed(toks, tags, read, R, p, names)
        assert _as_compared(chunks, index) == _as_compared(*_former_route(toks, tags, read, R, p, names))
        k = index[0][between + 1]
        assert chunks[k].kind == "genitive" and index[5][k] is False
