"""The nineteenth speed round of the chunker answers as before: the Arabic chunker asks an
adjective's tag first and a genitive's tests (idafa) apart from the honorific's, which needs an
adjective or a name before the word and so holds for none of the words an idafa can follow; a noun
after an indefinite noun with no adjective yet is asked for an adjective or a genitive under one test;
its modifiers before the head are found by a loop, and a profile's per-word answers, when it keeps none,
asked in a function apart (no comprehension in the chunker: none of its variables a cell).
The Arabic chunker is compared with a copy of the former one (kept here) on parses of sentences
written for this test, and so is the English one (which asks the first test of _joined_hyphen and
of _adverb_in_phrase before calling them, finds a noun in a phrase and its modifiers by loops, with no
generator or comprehension frame, and makes its chunks field by field), and whole parses with digests of what the code before the round (5512663)
made of them."""
from __future__ import annotations

from itertools import compress, count

import pytest

from coder.lang import profile
from coder.syntax import parse, phrases
from coder.syntax.phrases import (_DEMONSTRATIVE_AR, _GOES_ON, _NOMINAL, _NOUNS, _OPENS_AFTER, _PLURAL_ENDING, _PRE,
                                  _WITHOUT_TANWIN, TANWIN, _adverb_in_phrase, _head_before_noun, _joined_hyphen,
                                  _never, _new_chunk, _tanwin_agrees, has_tanwin)
from coder.syntax.records import Chunk
from test_syntax_speed14 import _inputs, assert_parsed_as   # (the same inputs and digest of a parse)

SENTENCES = [
    ("ar", "قال السيد أحمد حسن إن مقتل أربعة مقاتلين أدى إلى اعتبار هذه القضية قضية خطيرة."),
    ("ar", "التقى وزير الخارجية الإماراتي الشيخ عبد الله بن زايد الرئيس الأمريكي دونالد ترامب في واشنطن."),
    ("ar", "أطلق محتجون غاضبون النار على مقر قائد الجيش، وقال محتجو الحركة إن عصياناً مسلحاً بدأ."),
    ("ar", "وقع السيد حسن عقداً مع ثلاثة من قادة الفصائل لتدمير كل المواقع التابعة لقسد."),
    ("ar", "أعلنت الوزارة أنها قصفت مواقع المسلحين في ريف حلب الشمالي بعد هجوم شنه 50 مسلحاً."),
    ("ar", "استقبل الرئيس رجب طيب أردوغان رئيس وزراء باكستان وأربعة وزراء في مقر الرئاسة."),
    ("ar", "دمرت الغارات مستودعات أسلحة ومراكز تدريب تابعة لجماعة مسلحة شمال البلاد."),
    ("ar", "قال العميد محمود إن عناصر الشرطة اعتقلوا خمسة مشتبهين بعد اشتباكات عنيفة مع مهربي المخدرات."),
    ("ar", "وقع السيد حسن الاتفاق بعد أن رفع المحتجون علماً الثورة وخرج قائدٌ الحشد غاضباً القاعة."),
    ("ar", "قال قائدٌ الشرطة إن رجلاً مسلحاً هاجم عنصراً الأمن قرب مبنىً البلدية."),
    ("ar", "أطلق مسلحون النار على جنودٍ عراقيين وقتلوا رجلاً مسلحاً شاباً قرب مبنىٍ حكوميٍ قديمٍ."),
    ("ar", "قال محتجون النقابة إن معلمون المدارس تظاهروا أمام وزارةٍ تعليمٍ وطنيةٍ."),
    ("en", "A heavily armed group attacked the U.N.-run school, and the band Sigur Rós condemned it."),
    ("en", "President Donald Trump met his rival Prabowo Subianto near the Potomac River on Monday."),
    ("en", "The most widely watched channel said Russia's army shelled positions of the rebels."),
    ("en", "Those who fled said this was bad, but these heavily armed men and the U.N.-backed government's forces disagreed."),
    ("en", "His rival, the singer Ed Sheeran, met the Joint Military Commission's chairman in the Second Opium War museum."),
    ("en", "Gunmen stormed a U.N.-run school and the Saudi-led coalition hit a state-owned refinery near al-Qaeda-linked camps."),
]

# what the code before this round (5512663) made of each sentence (test_syntax_speed14._digest:
# sha256 of the `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "10bc24c3bc6bb62b",
    "75d44059ec3e61ac",
    "abc7ec8e7a29bb1c",
    "553f6eabf6ff1d48",
    "b063d504533b4b63",
    "70595bb814a67ec5",
    "ee6dfac2ff74a955",
    "899ba2545577f0ca",
    "955e7780bd3c26fd",
    "2b24bbf120ca7e02",
    "46d9628165856f8f",
    "4844191def36520a",
    "93120e5cb5791216",
    "ddb2688a5208ce9f",
    "c9fcb39d259e831d",
    "9eccd09914a102b2",
    "cf0337d0ff2a0eab",
    "6c2b6892d004a84b",
]


# the Arabic chunker before this round (5512663), as it was
def _former_chunks_after(toks, tags, read, prof, R) -> list[Chunk]:
    """Arabic: the head comes first; adjectives, an idafa genitive (a noun after a noun without the
    article) and names follow it."""
    chunks, n = [], len(toks)
    subject_pronoun = getattr(prof, "subject_pronoun", None)
    bits = getattr(prof, "token_bits", None)   # tanwin per token, when kept per word
    if bits is None:
        bits = [TANWIN if has_tanwin(prof, t) else 0 for t in toks]
    # (asked only of a word with tanwin: it reads the accusative or nominative one)
    not_genitive = getattr(prof, "not_genitive", _never)
    owned_flags = getattr(prof, "owned_flags", None)   # refers_back of each token, when kept per word
    if owned_flags is None:
        owned_flags = [bool(prof.refers_back(toks, k)) for k in range(n)]
    name_joiners, honorifics, titles = getattr(prof, "NAME_JOINERS", ()), getattr(prof, "HONORIFICS", ()), R.titles
    # each token's clitics and article, from the sentence's features (by position: no call per question)
    flags = getattr(prof, "token_flags", None)
    conj, prep, definite = flags if flags is not None else \
        ([prof.has_conjunction_clitic(t) for t in toks], [prof.has_preposition_clitic(t) for t in toks],
         [prof.is_definite(t) for t in toks])
    end = 0     # (the tokens before it are in a phrase found: no phrase starts there)
    # only a token whose tag can open a phrase is visited (found in C): most tokens are passed over
    for i in compress(count(), map(_OPENS_AFTER.__contains__, tags)):
        if i < end:
            continue
        start, opening = i, tags[i]
        if opening not in _NOUNS:    # (most phrases start at their noun: the other openings asked only here)
            if opening == "PRON" or (opening == "SCONJ" and subject_pronoun is not None and subject_pronoun(toks[i])):
                chunks.append(Chunk("pronoun", i, i, i))     # هو; أنها: the pronoun on أنّ is a subject
                continue
            if opening == "DET" and i + 1 < n and tags[i + 1] in _NOMINAL:
                i += 1     # كل، بعض، هذه + noun
            elif opening == "NUM":
                while i + 1 < n and tags[i + 1] == "NUM":
                    i += 1     # 103 مليون
                if i + 1 < n and tags[i + 1] in _NOUNS:
                    i += 1     # ثلاثة جنود, 50 مليون دولار: the counted noun heads the phrase
                else:
                    i = start
            if tags[i] == "DET" and start == i and toks[i].norm in _DEMONSTRATIVE_AR:
                chunks.append(Chunk("pronoun", i, i, i))     # هذا, ذلك standing alone
                continue
            if tags[i] not in _NOMINAL:
                continue
        # (the phrase's modifiers and end found first, the chunk made whole once)
        modifiers = [("det" if tags[k] == "DET" else "nummod", k) for k in range(start, i)] if start < i else []
        adjectives, named = False, -1
        j, k = i, i + 1     # (k: the next token, always j + 1, kept apart: it is read many times)
        while True:
            # (the bound tested by an if of its own: a while's test jumps past the whole body, too far
            # for the interpreter (3.11) to specialise the comparison with its jump)
            if k >= n:
                break
            nxt = tags[k]
            if nxt not in _GOES_ON and toks[k].norm not in honorifics:
                break     # (a verb, a preposition, punctuation: only an honorific is asked past one)
            # a conjunction or a preposition on the word starts a new phrase (an adjective's first
            # letter is no clitic: بريطانية، كردية)
            if conj[k] or (prep[k] and nxt != "ADJ"):
                break
            t = toks[k]
            construct = _WITHOUT_TANWIN[bits[j]]     # a word written with tanwin heads no idafa (غاضباً القاعة)
            # (the tests read the next word's tag first, where they ask it: most words fail that)
            if nxt in {"NOUN", "PROPN"} and toks[j].norm in titles and not definite[k]:
                modifiers.append(("appos", k))   # السيد أوزبورن
                # a name takes no definite genitive (السيد حسن الاتفاق), unless it is a name's first part (عبد الله)
                named = -1 if t.norm in name_joiners else k
            elif nxt == "PROPN" == tags[j]:
                modifiers.append(("flat", k))    # a name of several words (رجب طيب أردوغان)
            elif nxt == "ADJ" or (nxt == "NOUN" and (
                    # a sound plural keeps its ن only when no genitive follows (محتجون غاضبون, but محتجو
                    # الحركة): a plural after it that agrees with it is an adjective
                    (not adjectives and tags[j] == "NOUN" and not definite[j] and _PLURAL_ENDING[toks[j].norm]
                     and not definite[k] and _PLURAL_ENDING[t.norm]) or
                    (not construct and not definite[k] and not prep[k] and _tanwin_agrees(toks[j], t)))):
                # (عصيانٍ مسلح، بلاءً حسناً: after a word with tanwin, an indefinite word is its adjective)
                modifiers.append(("amod", k))
                adjectives = True
            elif nxt == "PROPN" and adjectives and tags[j] != "PROPN" and not definite[k]:
                modifiers.append(("appos", k))   # a title and the name: الرئيس الأمريكي دونالد ترامب
            elif t.norm in honorifics and (adjectives or tags[j] == "PROPN") and \
                    k + 1 < n and tags[k + 1] in {"NOUN", "PROPN"} and not definite[k + 1]:
                modifiers.append(("appos", k))   # his office, then his name: وزير الخارجية الإماراتي الشيخ عبد الله
                adjectives = False                     # the name's own words follow (محمد بن سلمان)
            elif nxt == "NUM" and construct and not adjectives and tags[j] == "NOUN" and not definite[j] and \
                    k + 1 < n and tags[k + 1] in {"NOUN", "NUM"}:
                modifiers.append(("idafa", k))   # مقتل أربعة مقاتلين: a count as the genitive
            elif nxt == "DET" and construct and not adjectives and tags[j] == "NOUN" and not definite[j] and \
                    not _PLURAL_ENDING[toks[j].norm] and k + 1 < n and tags[k + 1] == "NOUN" and \
                    definite[k + 1]:
                modifiers.append(("idafa", k + 1))   # اعتبار هذه القضية، تدمير كل المواقع: a genitive with its determiner
                modifiers.append(("det", k))
                j, k = k, k + 1
            elif nxt in {"NOUN", "PROPN"} and construct and not adjectives and tags[j] == "NOUN" and not definite[j] \
                    and _PLURAL_ENDING[toks[j].norm] != "ون" and not (not _WITHOUT_TANWIN[bits[k]] and not_genitive(t)) \
                    and not (named == j and definite[k]):     # مسلحون النار: no construct state keeps its ن
                modifiers.append(("idafa", k))   # وزير الخارجية, قائد الجيش
            else:
                break
            j, k = k, k + 1
        # (a phrase of one word, most: its own flag, a bool, with no slice built)
        owned = owned_flags[j] if j == i else True in owned_flags[i:j + 1]
        # (a bare instance with its fields set one by one: no Python frame for the dataclass __init__,
        # for the most numerous record of the stage; one statement a field, as an assignment to more
        # than three targets builds a tuple and unpacks it)
        c = _new_chunk(Chunk)
        c.kind = "np"
        c.head = i
        c.start = start
        c.end = j
        c.modifiers = modifiers
        c.owned = owned
        c.possessor = None
        c.refers_to = None
        chunks.append(c)
        end = j + 1
    return chunks


# the English chunker before this round (5512663), as it was
def _former_chunks_before(toks, tags, read, prof, R) -> list[Chunk]:
    chunks, n, i = [], len(toks), 0
    possessor = None
    # (read once: a method call on the view per word of a phrase finds the profile's function on the
    # class each time, a look-up the interpreter (3.11) does not specialise)
    is_possessor = prof.is_possessor
    while i < n:
        if tags[i] == "PRON":
            chunks.append(Chunk("pronoun", i, i, i))
            i += 1
            continue
        if tags[i] not in _PRE:
            i += 1
            possessor = None
            continue
        if tags[i] == "DET" and (i + 1 >= n or tags[i + 1] not in _PRE) and not _adverb_in_phrase(tags, i + 1):
            chunks.append(Chunk("pronoun", i, i, i))     # "this", "those" standing alone
            i += 1
            continue
        j = i
        while j + 1 < n and not is_possessor(toks[j]):
            if tags[j + 1] in _PRE and tags[j + 1] not in {"DET", "POSS"}:
                j += 1
            elif _joined_hyphen(toks, tags, j + 1):
                j += 2      # "a U.N.-run school": a hyphen inside a word joins its halves
            elif _adverb_in_phrase(tags, j + 1):
                j += 1      # "the most widely watched channel": an adverb on an adjective
            else:
                break
        if not any(tags[k] in _NOMINAL for k in range(i, j + 1)):
            i = j + 1
            continue
        c = Chunk("np", _head_before_noun(tags, read, i, j, toks, R.titles, R), i, j)
        c.modifiers = [("det" if tags[k] in {"DET", "POSS"} else "amod" if tags[k] == "ADJ" else
                        "nummod" if tags[k] == "NUM" else "compound", k) for k in range(i, j + 1) if k != c.head]
        if c.head < j and tags[c.head] == "NOUN" and all(tags[k] == "PROPN" for k in range(c.head + 1, j + 1)):
            # "the band Sigur Rós": the name after the head is its apposition
            c.modifiers = [m for m in c.modifiers if m[1] <= c.head] + \
                [("appos", c.head + 1)] + [("flat", k) for k in range(c.head + 2, j + 1)]
        c.owned = tags[i] == "POSS" and toks[i].norm != "whose"
        if possessor is not None:
            c.modifiers.append(("poss", chunks[possessor].head))
            chunks[possessor].kind = "possessor"
        chunks.append(c)
        possessor = len(chunks) - 1 if is_possessor(toks[j]) else None
        i = j + 1
    return chunks


def _fields(chunks: list[Chunk]) -> list[tuple]:
    return [(c.kind, c.head, c.start, c.end, list(c.modifiers), c.owned, c.possessor, c.refers_to) for c in chunks]


def _chunker_calls(monkeypatch, lang: str, text: str) -> list[tuple]:
    """The arguments the parse of the sentence gives the chunker of its language, with its answer."""
    name = "_chunks_after" if lang == "ar" else "_chunks_before"
    calls, chunker = [], getattr(phrases, name)

    def recorded(*args):
        chunks = chunker(*args)
        calls.append((args, _fields(chunks)))
        return chunks
    monkeypatch.setattr(phrases, name, recorded)
    parse(*_inputs(lang, text), profile(lang))
    return calls


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_chunks_are_the_former_ones(n, monkeypatch):
    lang, text = SENTENCES[n]
    calls = _chunker_calls(monkeypatch, lang, text)
    assert calls
    former = _former_chunks_after if lang == "ar" else _former_chunks_before
    for args, chunks in calls:
        assert chunks == _fields(_former_chunks(former, *args[:5]))


def _former_chunks(former, toks, tags, read, prof, R) -> list[Chunk]:
    """The former chunker's phrases; the Arabic ones with their genitives marked, as the Arabic chunker
    now marks them as it goes (phrases._genitives marked them after it). (The Arabic chunker is given
    the parse's index of the phrases to fill as well, a sixth argument: tests/test_chunker_speed22.py)"""
    chunks = former(toks, tags, read, prof, R)
    if former is _former_chunks_after:
        phrases._genitives(chunks, toks, tags, R, prof)
    return chunks


def test_the_arabic_chunks_are_the_former_ones_from_a_profile_without_kept_answers(monkeypatch):
    """A profile that keeps no per-word answers (the language's own module): each asked of it."""
    prof, chunker = profile("ar"), phrases._chunks_after    # (the chunker itself, before it is recorded)
    assert getattr(prof, "token_bits", None) is None and getattr(prof, "token_flags", None) is None
    for _, text in SENTENCES[:10]:
        for (toks, tags, read, _, R, _), _ in _chunker_calls(monkeypatch, "ar", text):
            assert _fields(chunker(toks, tags, read, prof, R)) == \
                _fields(_former_chunks(_former_chunks_after, toks, tags, read, prof, R))


def test_the_sentences_reach_every_kind_of_modifier(monkeypatch):
    relations = {rel for _, text in SENTENCES[:10] for _, chunks in _chunker_calls(monkeypatch, "ar", text)
                 for c in chunks for rel, _ in c[4]}
    assert {"amod", "appos", "flat", "idafa", "det"} <= relations


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])
