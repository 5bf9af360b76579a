"""Is a token a count? Digits, or a number word of the language as written or through its clitics
and article; answers kept per word, as tokens follow from their text. And what a count is
followed by: a noun, not the verb it is spelt like (drop_counted_nouns)."""
from __future__ import annotations

from functools import lru_cache

from coder.lang import NO_WORDS, profile
from coder.lang.numbers import reader
from coder.lexicon.load import load
from coder.rules.syntax_words import anaphors
from coder.rules.types import PUNCT_BARRIER, Hit


def is_number_word(lang: str, norm: str) -> bool:
    """Is the folded word one number written in words ("three", "ثلاثة")?"""
    if reader(lang).gate.excludes_word(norm):   # (most words: a set test, cheaper than the memo's look-up)
        return False
    return _read_as_number(lang, norm)


@lru_cache(maxsize=65536)
def _read_as_number(lang: str, norm: str) -> bool:
    return norm[:1].isalpha() and reader(lang).value_of(norm) is not None


# (language, with_article) -> word as written -> answer: tokens follow from their text
_NUMBERS: dict[tuple[str, bool], dict[str, bool]] = {}
_BOUND = 100_000


def _answers(lang: str, with_article: bool) -> dict[str, bool]:
    table = _NUMBERS.get((lang, with_article))
    if table is None:
        table = _NUMBERS[lang, with_article] = {}
    return table


def is_number(tok, lang: str, with_article: bool = False) -> bool:
    """A count: digits or a number word as written; `with_article` also reads it through clitics and
    the article ("الجنود الثلاثة", the three soldiers), which a count before its noun never has
    (and "الاثنين" is Monday)."""
    table = _NUMBERS.get((lang, with_article))   # (_answers written out: asked of many tokens a sentence)
    if table is None:
        table = _NUMBERS[lang, with_article] = {}
    v = table.get(tok.text)
    if v is None:
        if len(table) >= _BOUND:
            table.clear()
        v = table[tok.text] = _number(tok, lang, with_article)
    return v


def number_flags(toks, lang: str, with_article: bool = False) -> list[bool]:
    """is_number for every token of a sentence, in one pass (the rules ask it of each token many
    times: once a sentence, then by position); the words already answered cost one look-up each."""
    table = _answers(lang, with_article)
    get = table.get
    flags = [get(t.text) for t in toks]
    if None in flags:
        for i, v in enumerate(flags):
            if v is None:
                flags[i] = is_number(toks[i], lang, with_article)   # (answers it and keeps the answer)
    return flags


# language -> word as written -> what it is in a sentence: COUNT, PUNCT and WATCHED bits (0 for most words)
_KINDS: dict[str, dict[str, int]] = {}
COUNT, PUNCT, WATCHED = 1, 2, 4
# language -> word as written, of the WATCHED ones -> its lookup forms among the watched words
_WATCHED_FORMS: dict[str, dict[str, tuple[str, ...]]] = {}
_NO_FORMS: dict[str, tuple[str, ...]] = {}     # (none kept yet: a watched word raises KeyError, and is learnt)


@lru_cache(maxsize=None)
def watched_words(lang: str) -> frozenset[str]:
    """The words some rule looks for among a sentence's lookup forms before it reads the sentence:
    the disguise, link and ally words (disguise.py, affiliation.py), the anaphors, and the first
    words of the light verbs' objects (engine._select_triggers: a light verb none of whose objects
    starts with one of the sentence's forms has none). (Few words have one among their forms:
    WATCHED is set for those alone.)"""
    return rule_words(lang) | load(lang).object_firsts


@lru_cache(maxsize=None)
def rule_words(lang: str) -> frozenset[str]:
    """The watched words other than the light verbs' objects: the disguise, link and ally words and
    the anaphors. A sentence whose watched forms hold none of them (most) has none of the readings
    of disguise.py and affiliation.py to look for: the rules test that once (engine.analyse)."""
    prof = profile(lang)
    return frozenset().union(getattr(prof, "DISGUISE_WORDS", NO_WORDS), getattr(prof, "LINK_WORDS", NO_WORDS),
                             getattr(prof, "ALLY_WORDS", NO_WORDS), anaphors(lang))


def counts_marks_and_watched(toks, lang: str) -> tuple[set[int], set[int], set[str]]:
    """The positions of a sentence's counts (is_number with the article) and of its
    punctuation (PUNCT_BARRIER), and its lookup forms among the watched_words, in one pass: each
    word's kind is kept, so most tokens cost one look-up and a zero test, and the rules no longer
    scan the tokens again for punctuation, nor gather every lookup form of the sentence for the
    few words they look for."""
    table = _KINDS.get(lang)
    if table is None:
        table = _KINDS[lang] = {}
    # (the watched words' forms read once: about a word in four is one, a light verb's object among them)
    forms_of = _WATCHED_FORMS.get(lang, _NO_FORMS)
    numbers, marks, watched = set(), set(), set()
    try:
        for i, t in enumerate(toks):
            kind = table[t.text]    # (a subscript, no call a token: a word not seen yet raises, below)
            if kind:
                if kind == WATCHED:     # (most words with a kind: a watched word alone, or punctuation)
                    watched.update(forms_of[t.text])
                    continue
                if kind == PUNCT:
                    marks.add(i)
                    continue
                if kind & COUNT:
                    numbers.add(i)
                if kind & PUNCT:
                    marks.add(i)
                if kind & WATCHED:
                    watched.update(forms_of[t.text])
    except KeyError:    # (a word seen for the first time: its kind is worked out, and the sentence read again)
        return _kinds_learning(toks, lang, table)
    return numbers, marks, watched


def _kinds_learning(toks, lang: str, table: dict[str, int]) -> tuple[set[int], set[int], set[str]]:
    """counts_marks_and_watched for a sentence with a word not seen yet: each new word's kind is kept."""
    get = table.get
    words, kind_of = watched_words(lang), word_kinds(lang)
    # (the forms of the words watched, kept: a word already learnt has them, a new one's are found once)
    forms_of = _WATCHED_FORMS.setdefault(lang, {})
    numbers, marks, watched = set(), set(), set()
    for i, t in enumerate(toks):
        kind = get(t.text)
        if kind is None:
            if len(table) >= _BOUND:
                table.clear()
                forms_of.clear()
            entry = kind_of(t)     # (the matcher's reader: one definition of a new word's kind)
            kind = table[t.text] = entry[0] if entry else 0
        if kind:
            if kind & COUNT:
                numbers.add(i)
            if kind & PUNCT:
                marks.add(i)
            if kind & WATCHED:     # (about a word in four: their forms kept for the pass above)
                found = forms_of.get(t.text)
                if found is None:   # (in C, no comprehension's frame: the order of the forms is not read)
                    found = forms_of[t.text] = tuple(words.intersection(t.forms))
                watched.update(found)
    return numbers, marks, watched


@lru_cache(maxsize=None)
def word_kinds(lang: str):
    """The matcher's reader of a word's kind (coder.recognise.matcher.match, `word_kinds`): 0 for
    most words, else (COUNT, PUNCT and WATCHED bits, its lookup forms among the watched words).
    The matcher asks it once a word and gathers a sentence's counts, marks and watched forms in its
    own walk over the tokens, which spares the rules counts_marks_and_watched's pass."""
    words = watched_words(lang)
    number_words = reader(lang).gate.words    # (bound once)

    def kind_of(tok):
        # (the count: _number through the article for a word seen for the first time, with the number
        # reader's gate (WordGate.excludes_word: a word of letters none of `number_words`) tested in
        # place, which spares most forms the calls of is_number_word; all in this one frame: asked of
        # every word new to the matcher)
        norm, forms = tok.norm, tok.forms
        count = norm[:1].isdigit() or (not (norm.isalpha() and norm not in number_words)
                                       and _read_as_number(lang, norm))
        if not count:
            for f in forms:
                if f != norm and not (f.isalpha() and f not in number_words) and _read_as_number(lang, f):
                    count = True
                    break
        kind = (COUNT if count else 0) | (PUNCT if norm in PUNCT_BARRIER else 0) | \
            (0 if words.isdisjoint(forms) else WATCHED)
        return (kind, tuple(words.intersection(forms)) if kind & WATCHED else ()) if kind else 0
    return kind_of


def _number(tok, lang: str, with_article: bool) -> bool:
    norm = tok.norm
    if norm[:1].isdigit() or is_number_word(lang, norm):
        return True
    if with_article:   # (a loop, no generator: asked of every new word)
        for f in tok.forms:
            if f != norm and is_number_word(lang, f):
                return True
    return False


def drop_counted_nouns(hits: list[Hit], toks, prof, trace: list[str], numbers: set[int]) -> list[Hit]:
    """"خطف مسلحون 15 طالبا": after a number stands what is counted, a noun; the verb it is spelt
    like (طالب "demanded") is no trigger there. (Arabic numbers precede their noun, verbs never.)
    `numbers`: the counts of the sentence read through the article, among which the counts as written are."""
    if not numbers:     # (no count in the sentence, as in many: nothing is counted)
        return hits
    kept = []
    for h in hits:
        # a conjunction clitic starts a new clause: "دمر سيارة واحدة وقتل جنديين" (واحدة follows its noun)
        if h.entry.pos == "verb" and (h.first - 1) in numbers and is_number(toks[h.first - 1], prof.CODE) and \
                not prof.starts_with_coordinator(toks[h.first], h.mention.first_form):
            trace.append(f"{h.mention.text!r}: counted after the number {toks[h.first - 1].text!r}, a noun, not a verb")
            continue
        kept.append(h)
    return kept
