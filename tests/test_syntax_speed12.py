"""The twelfth speed round of the syntax stage answers as before: no range() made for a phrase,
mention or marker of one word (reference._names, marks._marker_roles, parse's actor and agent
tokens, _after_noun's first phrase naming an actor), arguments' phrase lists sliced from one list
of the chunk indices, possessors' search as a loop, membership tests against set literals, a
verb's first-person prefix kept with its bits (marks._first_person), and conditionals where min()
and max() were called.
The functions rewritten are compared with copies of their former logic, and whole parses with
digests of what the former code made of the same sentences."""
from __future__ import annotations

import copy
import hashlib
import itertools

import pytest

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import describe, parse
from coder.syntax.clauses import _passive_mark
from coder.syntax.marks import FIRST_PERSON, FIRST_PERSON_READ, _ACTOR_ROLES, _first_person, _marker_roles, _verb_bits
from coder.syntax.phrases import _NOMINAL, _head_before_noun
from coder.syntax.reference import _clause_of, _names, _subject_of, possessors
from coder.syntax.rules import rules
from coder.syntax.tagger import NOUN_READING, _NORM

SENTENCES = [
    ("ar", "قصفت القوات الروسية مواقع لتنظيم الدولة الإسلامية في ريف حلب، وقالت وزارة الدفاع إن الغارات دمرت مخازن أسلحته."),
    ("ar", "اتهم الرئيس السوري بشار الأسد الولايات المتحدة بدعم الإرهاب، ودعا الأمم المتحدة إلى التحرك ضد إسرائيل."),
    ("ar", "اعتقلت الشرطة التركية عشرة أشخاص على يد وحدة خاصة، بعد أن هاجم مسلحون مركزا للشرطة في أنقرة."),
    ("ar", "استقبل وزير الخارجية المصري نظيره الأردني في القاهرة، وبحث معه الهجوم الذي شنته حماس على القوات الإسرائيلية."),
    ("ar", "أعلنت حركة طالبان أنها ستفرج عن الجنود الأفغان، وطالبت الحكومة بإطلاق سراح مقاتليها."),
    ("en", "Russian forces shelled Islamic State positions near Aleppo, and the Syrian army said its troops captured the town."),
    ("en", "The United Nations condemned the attack against the Kurdish militia by Turkish troops, which killed ten civilians."),
    ("en", "President Donald Trump met Prime Minister Benjamin Netanyahu in Washington and urged him to resume talks with the Palestinians."),
    ("en", "Police arrested three protesters in Cairo after they threw stones at the embassy of Israel on Friday."),
    ("en", "The Taliban said the group would free its prisoners, and the Afghan government accused Pakistan of sheltering them."),
]

# what the code before this round made of each sentence: sha256 of the parse's `coder explain` lines,
# its marker tokens, readings, conjunction clitics and token-to-chunk map (first 16 hex digits)
BEFORE = [
    "660f85143c39fc5b",
    "77913f0b95be2cf3",
    "7a8e3419cc09036f",
    "cfb9ca41b2002578",
    "4d69c3dcb9ef804c",
    "17254b8a3da7456a",
    "a460bb22ca851068",
    "be6248c885e01a22",
    "b190b3c918629518",
    "1d4cbd2a57a30980",
]


def _parsed(lang: str, text: str):
    s = sentences(text, lang)[0]
    mentions = match(load(lang).trie, s.tokens, s.text)
    return s.tokens, mentions, parse(s.tokens, mentions, profile(lang))


def _digest(p, toks) -> str:
    key = repr((describe(p, toks), sorted(p.markers), list(p.readings), list(p.conjunction_clitics), p.chunk_of))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    lang, text = SENTENCES[n]
    toks, _, p = _parsed(lang, text)
    assert _digest(p, toks) == BEFORE[n], "\n".join(describe(p, toks))


def test_the_sentences_reach_the_rewritten_paths():
    """(Names and markers of one word and of several, owned phrases, several verbs a clause.)"""
    one_word = several = owned = verbs = 0
    for lang, text in SENTENCES:
        _, mentions, p = _parsed(lang, text)
        for m in mentions:
            if m.kind in ("actor", "agent"):
                if m.first == m.last:
                    one_word += 1
                else:
                    several += 1
        owned += sum(c.possessor is not None for c in p.chunks)
        verbs = max(verbs, max((len(c.predicates) for c in p.clauses), default=0))
    assert one_word and several and owned >= 3 and verbs >= 2


def _names_before(pool: set[int], c) -> bool:
    return not pool.isdisjoint(range(c.start, c.end + 1))


def test_names_is_the_range_test():
    for lang, text in SENTENCES:
        _, _, p = _parsed(lang, text)
        for c in p.chunks:
            for pool in (set(), {c.start}, {c.end}, {c.start - 1}, {c.end + 1}, set(range(c.start, c.end + 1)),
                         {c.head}, {c.start + 1}):
                assert _names(pool, c) == _names_before(pool, c), (text, c, pool)


def _marker_roles_before(toks, R, starts, marked=None) -> dict[int, str]:
    roles: dict[int, str] = {}
    n_toks = len(toks)
    for i in starts:
        for key, role in R.markers_from.get(toks[i].norm, ()):
            n = len(key)
            if i + n > n_toks or (n > 1 and (toks[i + 1].norm != key[1] or tuple(map(_NORM, toks[i:i + n])) != key)):
                continue
            if i + n < n_toks and i + n not in roles:
                roles[i + n] = role
            if marked is not None and role in _ACTOR_ROLES:
                marked.update(range(i, i + n))
    return roles


def test_marker_roles_mark_the_same_tokens():
    several = False
    for lang, text in SENTENCES:
        R = rules(lang)
        toks = sentences(text, lang)[0].tokens
        starts = [i for i, t in enumerate(toks) if t.norm in R.marker_starts]
        marked, before = set(), set()
        assert _marker_roles(toks, R, starts, marked) == _marker_roles_before(toks, R, starts, before)
        assert marked == before, text
        several |= any(len(key) > 1 for i in starts for key, _ in R.markers_from.get(toks[i].norm, ()))
    assert several    # (على يد: a marker of two words)


def _possessors_before(clauses, chunks, actorish) -> None:
    for k, c in enumerate(chunks):
        if not c.owned:
            continue
        cl = _clause_of(clauses, c.head)
        ref = None
        if cl is not None and cl.parent is not None and cl.kind in ("quote", "subordinate", "participle"):
            ref = _subject_of(clauses[cl.parent])
        if ref is None and cl is not None:
            last_end = -1
            for pr in cl.predicates:
                for r, a in pr.arguments.items():
                    if r in ("subject", "object") and a != k and last_end < chunks[a].end < c.start \
                            and ("of", c.head) not in chunks[a].modifiers:
                        ref, last_end = a, chunks[a].end
        if ref is None:
            ref = next((j for j in range(k - 1, -1, -1) if _names_before(actorish, chunks[j])), None)
        if ref is not None and ref != k:
            c.possessor = ref


def test_possessors_as_before():
    for lang, text in SENTENCES:
        _, mentions, p = _parsed(lang, text)
        actorish = {i for m in mentions if m.kind in ("actor", "agent") for i in range(m.first, m.last + 1)}
        # the actor tokens alone, none, or every token: the search back for a named phrase is reached
        for pool in (actorish, set(), set(range(len(p.chunk_of)))):
            mine, theirs = copy.deepcopy(p.chunks), copy.deepcopy(p.chunks)
            for c in mine + theirs:
                c.possessor = None
            possessors(p.clauses, mine, pool)
            _possessors_before(p.clauses, theirs, pool)
            assert [c.possessor for c in mine] == [c.possessor for c in theirs], text


def _first_person_before(stem: str, coordinators, read: bool) -> bool:
    """_after_noun's test as it was written there, per predicate."""
    stem = stem[1:] if stem[:1] in coordinators and len(stem) > 4 else stem
    unread = not read
    return len(stem) >= 4 and not stem.endswith(("ت", "وا", "ا")) and \
        ((stem[0] == "ن" and (unread or stem[1] != "ا")) or
         (stem[:2] in ("سن", "سا") and (unread or len(stem) >= 5)))


VERBS = "نواجه سنرى نشرت نقلوا ناشد ناقش سنرد سأدخل ونواجه فسنرى وناشد سنعمل ساعد نفذ ننفذ وننسحب فنحن " \
    "سافر نام نسعى سيقاتل سنقاتلهم ونقاتل قاتلوا سنة"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_first_person_is_the_test_it_replaces(lang):
    prof = profile(lang)
    seen = 0
    for t in prof.tokenise(VERBS):
        bits = _first_person(t.norm, prof.CLITIC_COORDINATORS)
        for read, bit in ((False, FIRST_PERSON), (True, FIRST_PERSON_READ)):
            assert bool(bits & bit) == _first_person_before(t.norm, prof.CLITIC_COORDINATORS, read), (t.text, read)
        seen |= bits
        # (kept with the verb's bits, which arguments() reads)
        verb_bits = _verb_bits(t, rules(lang), _passive_mark(prof), {}, prof.CLITIC_COORDINATORS)
        assert verb_bits & (FIRST_PERSON | FIRST_PERSON_READ) == bits
    assert seen == FIRST_PERSON | FIRST_PERSON_READ



def _head_before_noun_before(tags, read, i, j, toks=None, titles=frozenset(), R=None) -> int:
    """phrases._head_before_noun as it was, with max() over a generator."""
    last = max((k for k in range(i, j + 1) if tags[k] in _NOMINAL), default=j)
    if tags[last] == "NUM" and last > i and tags[last - 1] in ("NOUN", "PROPN"):
        last -= 1
    named_thing = toks is not None and toks[i].norm in ("the", "a", "an")
    if tags[last] == "PROPN" and toks is not None and tags[i] in ("DET", "POSS"):
        k = last
        while k - 1 > i and tags[k - 1] == "PROPN":
            k -= 1
        if tags[k - 1] == "NOUN" and toks[k - 1].text[:1].islower() and toks[k - 1].norm.rstrip(".") not in titles:
            return k - 1
    if tags[last] == "PROPN" and not read[last] & NOUN_READING and not named_thing:
        k = last
        while k - 1 >= i and tags[k - 1] == "PROPN" and not (toks is not None and toks[k - 1].norm.rstrip(".") in titles):
            k -= 1
        if R is not None and k < last and (toks[last].norm in R.name_heads or toks[k].norm in R.name_prefixes):
            return last
        return k
    return last


def test_head_before_noun_as_before():
    """The last nominal word found by a loop back from the end, as max() found it: every run of
    tags of up to four words, and the phrases of the English sentences with their tokens."""
    for n in range(1, 5):
        for tags in itertools.product(("NOUN", "PROPN", "ADJ", "NUM", "DET", "POSS"), repeat=n):
            for read in ([0] * n, [NOUN_READING] * n):
                for i in range(n):
                    for j in range(i, n):
                        assert _head_before_noun(list(tags), read, i, j) == \
                            _head_before_noun_before(list(tags), read, i, j), (tags, i, j)
    R = rules("en")
    for lang, text in SENTENCES:
        if lang == "en":
            toks, _, p = _parsed(lang, text)
            for c in p.chunks:
                args = (p.tags, list(p.readings), c.start, c.end, toks, R.titles, R)
                assert _head_before_noun(*args) == _head_before_noun_before(*args), (text, c)
