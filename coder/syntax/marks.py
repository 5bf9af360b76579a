"""Word-level marks the argument rules read: an object pronoun on a verb, the accusative ending,
an opening quotation mark, the argument markers before a phrase; and what coder/syntax/clauses.py
asks of a word or a verb as written, kept per word as bits."""
from __future__ import annotations

from functools import lru_cache

from coder.lang import profile, profile_part
from coder.syntax.tagger import _NORM


QUOTATION_MARKS = frozenset({"«", "“", '"'})   # the words _opens_quote can find opening a quotation


def _opens_quote(toks, i: int) -> bool:
    """An opening quotation mark (« “, or a " after an even number of them): في شارع "إتش" names the street."""
    w = toks[i].norm
    return w in QUOTATION_MARKS and (w != '"' or sum(t.norm == '"' for t in toks[:i]) % 2 == 0)


_OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
_FATHATAN = "\u064b"


def _accusative(tok) -> bool:
    """Written with the accusative ending (tanwin fath: قيوداً، شهراً), which subjects never carry."""
    return _FATHATAN in tok.text


def _carries_pronoun(tok, prof) -> bool:
    """A verb with an object pronoun (شنه, قتلتهم): short verbs too, which the lookup forms keep whole.
    (Answered once per word as written and language: a token's norm and forms follow from its text.)"""
    key = (prof.CODE, tok.text)
    v = _PRONOUN_CARRIERS.get(key)
    if v is None:
        if len(_PRONOUN_CARRIERS) >= 100_000:
            _PRONOUN_CARRIERS.clear()
        v = _PRONOUN_CARRIERS[key] = _carries_pronoun_word(tok, prof)
    return v


_PRONOUN_CARRIERS: dict[tuple[str, str], bool] = {}


def _carries_pronoun_word(tok, prof) -> bool:
    # (a language whose possessive pronoun is on the word answers refers_back on the word alone)
    own = profile_part(prof, "carries_possessive", None)
    if own(tok) if own is not None else prof.refers_back([tok], 0):
        return True
    n = tok.norm
    if not prof.MODIFIER_AFTER_NOUN or not n.endswith(_OBJECT_PRONOUNS) or tok.text.endswith("ة"):
        return False    # (most words: no object pronoun's letters at the end)
    for s in _OBJECT_PRONOUNS:
        if n.endswith(s) and len(n) - len(s) >= 2:
            return True
    return False


_ACTOR_ROLES = ("target", "agent", "recipient")    # the markers whose words Parse.markers holds


def _marker_roles(toks, R, starts, marked: set[int] | None = None) -> dict[int, str]:
    """The role of the argument marker right before each token that follows one ("against" X, على X):
    token -> role, the longest marker first. `starts`: the tokens that may start a marker (the others
    start none), in text order. `marked`, if given, gains the tokens of every marker of an actor's
    role (target, agent, recipient), found in the same pass."""
    roles: dict[int, str] = {}
    n_toks = len(toks)
    markers_from = R.markers_from
    for i in starts:
        # (only the markers that start with the word are tried: one look-up a token, no key built
        # for a marker of one word, nor for a longer one whose second word is not the next token's)
        for key, role in markers_from.get(toks[i].norm, ()):
            n = len(key)
            if i + n > n_toks or (n > 1 and (toks[i + 1].norm != key[1] or tuple(map(_NORM, toks[i:i + n])) != key)):
                continue
            # (of two markers that end before the same token, the one from an earlier start is longer)
            if i + n < n_toks and i + n not in roles:
                roles[i + n] = role
            if marked is not None and role in _ACTOR_ROLES:
                if n == 1:    # (a marker of one word, most: no range made)
                    marked.add(i)
                else:
                    marked.update(range(i, i + n))
    return roles


def _no_mark(tok) -> bool:
    return False


@lru_cache(maxsize=None)
def _case_marks(lang: str) -> tuple:
    """The word tests _after_noun reads, for a language (_no_mark or None where its profile has
    none): asked per predicate, so the four are bundled once."""
    prof = profile(lang)
    return (profile_part(prof, "circumstantial", _no_mark), profile_part(prof, "adverbial_accusative", _no_mark),
            profile_part(prof, "agreement", None), profile_part(prof, "nominative", None))


def _noun_reader(code: str) -> tuple:
    """What arguments_after_noun._after_noun reads of a language, per predicate: its circumstantial and agreement
    tests (_case_marks) and its per-word marks (_WORD_MARKS, a dict cleared in place when full), kept
    together once a language: one look-up a predicate."""
    circumstantial, _, agreement, _ = _case_marks(code)
    marks = _WORD_MARKS.get(code)
    if marks is None:
        marks = _WORD_MARKS[code] = {}
    found = _NOUN_READER[code] = (circumstantial, agreement, marks)
    return found


_NOUN_READER: dict[str, tuple] = {}    # language -> what _noun_reader found


# what _after_noun asks of a word as written, as bits: answered once per word and language (a
# token's norm and forms follow from its text), then read by one look-up, not a call per question
OBJECT_PRONOUN, CARRIES_SUBJECT, ADVERBIAL, NOMINATIVE, ACCUSATIVE = 1, 2, 4, 8, 16
_WORD_MARKS: dict[str, dict[str, int]] = {}    # language -> word as written -> its bits


def _bit_table(bit: int) -> tuple[bool, ...]:
    """Whether `bit` is set, for every value of five bits (a word's marks, a verb's bits): read by a
    subscript, not a bitwise and, an operation the interpreter (3.11) does not specialise."""
    return tuple(bool(b & bit) for b in range(32))


IS_ADVERBIAL, IS_NOMINATIVE, IS_ACCUSATIVE = _bit_table(ADVERBIAL), _bit_table(NOMINATIVE), _bit_table(ACCUSATIVE)
HAS_OBJECT_PRONOUN, HAS_SUBJECT = _bit_table(OBJECT_PRONOUN), _bit_table(CARRIES_SUBJECT)


def _word_marks(tok, prof, marks: dict[str, int]) -> int:
    """The bits of a word not asked before, kept in its language's `marks`."""
    if len(marks) >= 100_000:
        marks.clear()
    _, adverbial, _, nominative = _case_marks(prof.CODE)
    # (the object pronoun worked out here, not through _carries_pronoun's memo: the bit is kept here)
    v = marks[tok.text] = (OBJECT_PRONOUN if _carries_pronoun_word(tok, prof) else 0) | \
        (CARRIES_SUBJECT if prof.carries_subject(tok) else 0) | (ADVERBIAL if adverbial(tok) else 0) | \
        (NOMINATIVE if nominative is not None and nominative(tok) else 0) | (ACCUSATIVE if _accusative(tok) else 0)
    return v


def word_marks(tok, prof, marks: dict[str, int]) -> int:
    """The bits of a word as written: kept in `marks`, worked out by _word_marks the first time, and
    kept in the word's memo (records.WordMemo), where the hot readers look first: `memo.marks if
    memo.marks_of is marks else word_marks(...)`."""
    bits = marks.get(tok.text)
    if bits is None:
        bits = _word_marks(tok, prof, marks)
    memo = tok.memo
    memo.marks_of, memo.marks = marks, bits
    return bits


# what arguments() asks of a verb as written, as bits: a passive's written vowel (قُتل); an impersonal
# verb (يمكن، يجب); a verb with no object (became, remained, وتصبح: its norm or its form without the
# conjunction); and for _after_noun, a first-person prefix (_first_person)
PASSIVE_VOWEL, IMPERSONAL, NO_OBJECT, FIRST_PERSON, FIRST_PERSON_READ = 1, 2, 4, 8, 16
_VERB_WORDS: dict[str, dict[str, int]] = {}    # language -> word as written -> its bits
# (by a verb's bits, as IS_ADVERBIAL by a word's marks)
IS_PASSIVE_VOWEL, IS_IMPERSONAL, HAS_NO_OBJECT = _bit_table(PASSIVE_VOWEL), _bit_table(IMPERSONAL), _bit_table(NO_OBJECT)
IS_FIRST_PERSON, IS_FIRST_PERSON_READ = _bit_table(FIRST_PERSON), _bit_table(FIRST_PERSON_READ)


def verb_bits(t, R, marks_passive, verb_words: dict[str, int], coordinators: tuple[str, ...]) -> int:
    """The bits of a verb as written: kept in `verb_words`, worked out by _verb_bits the first time,
    and kept in the word's memo, where clauses.arguments looks first (as word_marks)."""
    bits = verb_words.get(t.text)
    if bits is None:
        bits = _verb_bits(t, R, marks_passive, verb_words, coordinators)
    memo = t.memo
    memo.verb_of, memo.verb = verb_words, bits
    return bits


def _verb_bits(t, R, marks_passive, verb_words: dict[str, int], coordinators: tuple[str, ...]) -> int:
    """The bits of a verb not asked before, kept in its language's `verb_words` (`coordinators`: the
    language's conjunction clitics, for _first_person)."""
    w, forms = t.norm, t.forms
    v = verb_words[t.text] = (PASSIVE_VOWEL if marks_passive(t) else 0) | \
        (IMPERSONAL if R.impersonal and (w in R.impersonal or (len(forms) > 1 and forms[1] in R.impersonal)) else 0) | \
        (NO_OBJECT if w in R.no_object or (R.no_object and len(forms) > 1 and forms[1] in R.no_object) else 0) | \
        _first_person(w, coordinators)
    return v


def _first_person(w: str, coordinators: tuple[str, ...]) -> int:
    """A verb's first-person prefix (نواجه، سنرى), from its norm `w`, past a conjunction clitic:
    FIRST_PERSON for a word no lexicon reads, whose ن is a present-tense prefix unless the word ends
    like a past form (نشرت، نقلوا); FIRST_PERSON_READ for a word a lexicon reads, which may be a
    past form (ناشد، ناقش), though not with the future prefix (سنرد، سأدخل)."""
    stem = w[1:] if w[:1] in coordinators and len(w) > 4 else w
    if len(stem) < 4 or stem.endswith(("ت", "وا", "ا")):
        return 0
    if stem[0] == "ن":
        return FIRST_PERSON | (FIRST_PERSON_READ if stem[1] != "ا" else 0)
    if stem[:2] in {"سن", "سا"}:
        return FIRST_PERSON | (FIRST_PERSON_READ if len(stem) >= 5 else 0)
    return 0
