"""The nineteenth speed round of the chunker answers as before: the Arabic chunker asks an
adjective's tag first and a genitive's tests (idafa) apart from the honorific's, which needs an
adjective or a name before the word and so holds for none of the words an idafa can follow; a noun
after an indefinite noun with no adjective yet is asked for an adjective or a genitive under one test.
The Arabic chunker is compared with a copy of the former one (kept here) on parses of sentences
written for this test, and whole parses with digests of what the code before the round (5512663)
made of them."""
from __future__ import annotations

from itertools import compress, count

import pytest

from coder.lang import profile
from coder.syntax import parse, phrases
from coder.syntax.phrases import (_DEMONSTRATIVE_AR, _GOES_ON, _NOMINAL, _NOUNS, _OPENS_AFTER, _PLURAL_ENDING,
                                  _WITHOUT_TANWIN, TANWIN, _never, _new_chunk, _tanwin_agrees, has_tanwin)
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


def _fields(chunks: list[Chunk]) -> list[tuple]:
    return [(c.kind, c.head, c.start, c.end, list(c.modifiers), c.owned, c.possessor, c.refers_to) for c in chunks]


def _arabic_chunker_calls(monkeypatch, text: str) -> list[tuple]:
    """The arguments the parse of the sentence gives the Arabic chunker, with its answer."""
    calls, chunker = [], phrases._chunks_after

    def recorded(*args):
        chunks = chunker(*args)
        calls.append((args, _fields(chunks)))
        return chunks
    monkeypatch.setattr(phrases, "_chunks_after", recorded)
    parse(*_inputs("ar", text), profile("ar"))
    return calls


@pytest.mark.parametrize("n", [n for n, (lang, _) in enumerate(SENTENCES) if lang == "ar"])
def test_the_arabic_chunks_are_the_former_ones(n, monkeypatch):
    calls = _arabic_chunker_calls(monkeypatch, SENTENCES[n][1])
    assert calls
    for args, chunks in calls:
        assert chunks == _fields(_former_chunks_after(*args))


def test_the_sentences_reach_every_kind_of_modifier(monkeypatch):
    relations = {rel for _, text in SENTENCES[:10] for _, chunks in _arabic_chunker_calls(monkeypatch, text)
                 for c in chunks for rel, _ in c[4]}
    assert {"amod", "appos", "flat", "idafa", "det"} <= relations


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])
