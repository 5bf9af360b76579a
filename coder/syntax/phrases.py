"""Noun-phrase chunks with their modifiers: adjectives (before the noun in English, after it in
Arabic), determiners and numbers, idafa chains (وزير الخارجية), genitives after "of" or the clitic
ل (مواقع لقسد), possessors ("Russia's army") and appositions; and the possessive pronouns
("its fighters", قواته) that a chunk carries."""
from __future__ import annotations

from itertools import compress, count

from coder import is_compiled
from coder.model import Mention, Token, WordMemo
from coder.syntax.records import Chunk
from coder.syntax.segmenter import _VISITED_TAGS, clause_tagged
from coder.syntax.tagger import NOUN_READING

_NOUNS = frozenset({"NOUN", "PROPN"})
_NOMINAL = _NOUNS | {"NUM"}
_PRE = frozenset({"DET", "POSS", "ADJ", "NUM", "NOUN", "PROPN"})
_new_chunk = Chunk.__new__     # a bare Chunk, its fields set one by one where many are made
# the compiled build makes each phrase of the chunkers in C, its fields stored into its slots, and
# reads the tokens' and phrases' fields at the offsets it was compiled with, checked here
# (coder/syntax/record_slots.pxd, coder/slots.pxd; as the tokens: coder/lang/common.py _TOKENS_MADE_IN_C)
_CHUNKS_MADE_IN_C = is_compiled(__file__)
if _CHUNKS_MADE_IN_C:
    _records_layout_checked(Token, Mention, WordMemo)  # noqa: F821
    _chunk_layout_checked(Chunk)  # noqa: F821
_DEMONSTRATIVE_AR = frozenset({"هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك"})
_OPENS_AFTER = _NOMINAL | {"PRON", "SCONJ", "DET"}     # the tags an Arabic phrase (or pronoun) can start at
# the tags of the tokens the Arabic chunker visits: those a phrase can start at, and those of the tokens
# segment() visits for their tag (segmenter.clause_tagged: a verb, a clause opener), found in the same pass
_VISITED_AFTER = _OPENS_AFTER | _VISITED_TAGS
_GOES_ON = _NOMINAL | {"ADJ", "DET"}    # the tags of a word an Arabic phrase can go on to (an honorific apart)
_GOVERNED_KINDS = frozenset({"genitive", "possessor"})    # the phrases another phrase governs


def _head_before_noun(tags, read, i: int, j: int, toks=None, titles=frozenset(), R=None) -> int:
    """English: the last noun; a name at the end heads from its first word ("President Donald Trump"
    is Donald's phrase in UD's flat names), unless its last word is a noun the lexicons know (Forces)."""
    last = j    # the last nominal word, else j (a loop back from the end: no generator, no max())
    while last >= i and tags[last] not in _NOMINAL:
        last -= 1
    if last < i:
        last = j
    if tags[last] == "NUM" and last > i and tags[last - 1] in {"NOUN", "PROPN"}:
        last -= 1    # "Resolution 2334", "£ 125": the noun a number follows heads the phrase
    # a name after "the" names a thing ("the Second Opium War", "the Joint Military Commission"),
    # headed by its last word; a person's name is headed by its first ("Donald Trump")
    named_thing = toks is not None and toks[i].norm in {"the", "a", "an"}
    if tags[last] == "PROPN" and toks is not None and tags[i] in {"DET", "POSS"}:
        # "the band Sigur Rós", "his rival Prabowo Subianto": a common noun after a determiner, then
        # a name, heads the phrase; the name is its apposition
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
            return last     # "Potomac River", "North Carolina": a place or a body
        return k
    return last


def _adverb_in_phrase(tags, a: int) -> bool:
    """Adverbs at `a` before an adjective that a noun follows ("a heavily armed group")."""
    k = a
    while k < len(tags) and tags[k] == "ADV":
        k += 1
    return k > a and k + 1 < len(tags) and tags[k] == "ADJ" and tags[k + 1] in {"NOUN", "PROPN", "ADJ"}


def _joined_hyphen(toks, tags, h: int) -> bool:
    return toks[h].text in {"-", "–"} and h + 1 < len(toks) and tags[h + 1] in _PRE and \
        toks[h - 1].end == toks[h].start and toks[h].end == toks[h + 1].start


def _chunks_before(toks, tags, read, prof, R) -> list[Chunk]:
    chunks, n, i = [], len(toks), 0
    possessor = None
    in_c = _CHUNKS_MADE_IN_C
    # per token, whether the word is a possessor ("Russia's"): kept per word by the language's view
    possessive = possessive_flags(toks, prof)
    while i < n:
        if tags[i] == "PRON":
            chunks.append(Chunk("pronoun", i, i, i))
            i += 1
            continue
        if tags[i] not in _PRE:
            i += 1
            possessor = None
            continue
        if tags[i] == "DET" and (i + 1 >= n or tags[i + 1] not in _PRE) and \
                (i + 1 >= n or tags[i + 1] != "ADV" or not _adverb_in_phrase(tags, i + 1)):
            chunks.append(Chunk("pronoun", i, i, i))     # "this", "those" standing alone
            i += 1
            continue
        j = i
        # (the first test of _joined_hyphen and of _adverb_in_phrase asked here, on the next word: most
        # words fail it, with no call made)
        while j + 1 < n and not possessive[j]:
            following = tags[j + 1]
            if following in _PRE and following not in {"DET", "POSS"}:
                j += 1
            elif toks[j + 1].text in {"-", "–"} and _joined_hyphen(toks, tags, j + 1):
                j += 2      # "a U.N.-run school": a hyphen inside a word joins its halves
            elif following == "ADV" and _adverb_in_phrase(tags, j + 1):
                j += 1      # "the most widely watched channel": an adverb on an adjective
            else:
                break
        # (a loop, not any() over a generator: no generator frame a phrase)
        for k in range(i, j + 1):
            if tags[k] in _NOMINAL:
                break
        else:
            i = j + 1   # no noun, name or number in it: no phrase
            continue
        head = _head_before_noun(tags, read, i, j, toks, R.titles, R)
        # (loops, not comprehensions or all() over a generator: no function frame a phrase, and the
        # sentence's tags read from a local variable, not from a cell, in the whole function)
        modifiers = []
        for k in range(i, j + 1):
            if k != head:
                tag = tags[k]
                modifiers.append(("det" if tag in {"DET", "POSS"} else "amod" if tag == "ADJ" else
                                  "nummod" if tag == "NUM" else "compound", k))
        if head < j and tags[head] == "NOUN":
            for k in range(head + 1, j + 1):
                if tags[k] != "PROPN":
                    break
            else:
                # "the band Sigur Rós": the name after the head is its apposition (the modifiers before
                # the head are the first head - i, one a word)
                modifiers = modifiers[:head - i] + [("appos", head + 1)] + [("flat", k) for k in range(head + 2, j + 1)]
        # (a bare instance with its fields set one by one, as in _chunks_after: no dataclass __init__ frame)
        is_owned = tags[i] == "POSS" and toks[i].norm != "whose"
        if in_c:    # (the compiled build: made in C, its fields stored into its slots)
            c = _chunk_made_in_c(Chunk, "np", head, i, j, modifiers, is_owned, None)  # noqa: F821
        else:
            c = _new_chunk(Chunk)
            c.kind = "np"
            c.head = head
            c.start = i
            c.end = j
            c.modifiers = modifiers
            c.refers_to = None    # (its possessor left unset: none, records.Chunk.possessor)
            c.owned = is_owned
        if possessor is not None:
            c.modifiers.append(("poss", chunks[possessor].head))
            chunks[possessor].kind = "possessor"
        chunks.append(c)
        possessor = len(chunks) - 1 if possessive[j] else None
        i = j + 1
    return chunks


TANWIN = 32     # a word written with tanwin: its bit in the parse's per-word bits (token_bits)
# by a token's bits (the parse's eight, below 256): no tanwin written on the word, read from a table
# (no bitwise and per word of a phrase, an operation the interpreter (3.11) does not specialise)
_WITHOUT_TANWIN = tuple(not b & TANWIN for b in range(256))


def has_tanwin(prof, t) -> bool:
    f = getattr(prof, "has_tanwin", None)
    return f is not None and f(t)


def _tanwin_agrees(a, b) -> bool:
    """b has no case ending written, or the same tanwin as a (an adjective agrees in case)."""
    marks = [m for m in "\u064b\u064c\u064d" if m in b.text]
    return not marks or all(m in a.text for m in marks)


def _never(t) -> bool:
    """A profile with no case endings written marks no word as out of the genitive."""
    return False


class _SoundPluralEndings(dict):
    """A word's sound plural ending ("ون" or "ين"; "" for none), worked out at its first question and
    kept: a look-up per question, where str.endswith parses its arguments at each call (about 930
    machine instructions a call against about 500 for the look-up, callgrind)."""

    def __missing__(self, w: str) -> str:
        if len(self) >= 100_000:
            self.clear()
        ending = self[w] = w[-2:] if w.endswith(("ون", "ين")) else ""
        return ending


_PLURAL_ENDING = _SoundPluralEndings()    # normalised word -> its sound plural ending, or ""


# For a profile that keeps no per-word answers (the syntax stage's language view keeps them; a bare
# profile, asked directly, does not): each token's answer asked of the profile, in a function of its
# own, so that a comprehension makes no cells of the caller's toks and prof, read through them at
# every question of the caller.

def _tanwin_bits(toks, prof) -> list[int]:
    """Per token: TANWIN where the word is written with tanwin, else 0."""
    return [TANWIN if has_tanwin(prof, t) else 0 for t in toks]


def _owned_flags(toks, prof) -> list[bool]:
    """Per token: a possessive pronoun refers back from it."""
    return [bool(prof.refers_back(toks, k)) for k in range(len(toks))]


def possessive_flags(toks, prof) -> list[bool]:
    """Per token: the word is a possessor ("Russia's"), from the language's view where it keeps the
    answers per word, else asked of the profile."""
    flags = getattr(prof, "possessive_flags", None)
    if flags is not None:
        return flags
    is_possessor = prof.is_possessor
    return [bool(is_possessor(t)) for t in toks]


def flags_asked(toks, prof) -> tuple[list[bool], list[bool], list[bool]]:
    """Per token: a conjunction clitic, a preposition clitic, the article (the three lists the language
    view keeps as `token_flags`; the chunker and the clause reader ask them of a bare profile)."""
    return ([prof.has_conjunction_clitic(t) for t in toks], [prof.has_preposition_clitic(t) for t in toks],
            [prof.is_definite(t) for t in toks])


def _chunks_after(toks, tags, read, prof, R, index: list | None = None) -> list[Chunk]:
    """Arabic: the head comes first; adjectives, an idafa genitive (a noun after a noun without the
    article) and names follow it. The genitives after a genitive word are marked as each phrase is
    made (_genitives' tests, asked of the phrase and the one before it); `index`, if given, receives
    what the parse reads of the phrases (index_phrases' lists), gathered in the same pass, and the
    tokens segment() visits for their tag (segmenter.clause_tagged's), found in the same pass too."""
    chunks, n = [], len(toks)
    # (index_phrases' lists, filled as each phrase is made: the parse's own pass over the phrases,
    # and _genitives', saved)
    chunk_of = [-1] * n
    starts = []
    ends = []
    owned = []
    bare = []
    tagged = []
    phrase_index = (chunk_of, starts, ends, owned, [], bare, tagged)
    # the last token of the phrase made before (none yet: no gap of two or less); the tokens up to it
    # are in a phrase found: no phrase starts there
    last_end = -3
    subject_pronoun = getattr(prof, "subject_pronoun", None)
    in_c = _CHUNKS_MADE_IN_C
    bits = getattr(prof, "token_bits", None)   # tanwin per token, when kept per word
    if bits is None:
        bits = _tanwin_bits(toks, prof)
    # (asked only of a word with tanwin: it reads the accusative or nominative one)
    not_genitive = getattr(prof, "not_genitive", _never)
    owned_flags = getattr(prof, "owned_flags", None)   # refers_back of each token, when kept per word
    if owned_flags is None:
        owned_flags = _owned_flags(toks, prof)
    name_joiners, honorifics, titles = getattr(prof, "NAME_JOINERS", ()), getattr(prof, "HONORIFICS", ()), R.titles
    between_genitive = R.between_genitive
    # each token's clitics and article, from the sentence's features (by position: no call per question)
    flags = getattr(prof, "token_flags", None)
    conj, prep, definite = flags if flags is not None else flags_asked(toks, prof)
    # only a token whose tag can open a phrase, or that segment() visits, is visited (found in C): most
    # tokens are passed over
    for i in compress(count(), map(_VISITED_AFTER.__contains__, tags)):
        opening = tags[i]
        if opening in _VISITED_TAGS:    # (segmenter.clause_tagged's tokens, in order, inside a phrase or not)
            tagged.append(i)
            if opening not in _OPENS_AFTER:
                continue    # (a verb, a relative pronoun: no phrase starts there)
        if i <= last_end:
            continue
        start = i
        if opening not in _NOUNS:    # (most phrases start at their noun: the other openings asked only here)
            if opening == "PRON" or (opening == "SCONJ" and subject_pronoun is not None and subject_pronoun(toks[i])):
                # هو; أنها: the pronoun on أنّ is a subject
                _pronoun_phrase(i, chunks, last_end, toks, tags, R, prep, phrase_index)
                last_end = i
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
                # هذا, ذلك standing alone
                _pronoun_phrase(i, chunks, last_end, toks, tags, R, prep, phrase_index)
                last_end = i
                continue
            if tags[i] not in _NOMINAL:
                continue
        # (the phrase's modifiers and end found first, the chunk made whole once)
        # (a loop, not a list comprehension: the comprehension's function would make the sentence's tags
        # a cell, read through it at every question of the whole function)
        modifiers = []
        if start < i:   # (most phrases start at their head: no range made for them)
            for before in range(start, i):
                modifiers.append(("det" if tags[before] == "DET" else "nummod", before))
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
            # (the tests read the next word's tag first, where they ask it: most words fail that; an
            # adjective, which no test before the amod one takes, asked first)
            if nxt == "ADJ":
                modifiers.append(("amod", k))
                adjectives = True
            elif nxt in {"NOUN", "PROPN"} and toks[j].norm in titles and not definite[k]:
                modifiers.append(("appos", k))   # السيد أوزبورن
                # a name takes no definite genitive (السيد حسن الاتفاق), unless it is a name's first part (عبد الله)
                named = -1 if t.norm in name_joiners else k
            elif nxt == "PROPN" == tags[j]:
                modifiers.append(("flat", k))    # a name of several words (رجب طيب أردوغان)
            elif nxt in {"NOUN", "PROPN"} and not adjectives and tags[j] == "NOUN" and not definite[j]:
                # a noun or a name after an indefinite noun with no adjective yet: its adjective (a noun
                # only) or its genitive (the tests of both under one, the word's plural ending read once)
                ending = _PLURAL_ENDING[toks[j].norm]
                if nxt == "NOUN" and ((ending != "" and not definite[k] and _PLURAL_ENDING[t.norm]) or (
                        not _WITHOUT_TANWIN[bits[j]] and not definite[k] and not prep[k] and _tanwin_agrees(toks[j], t))):
                    # a sound plural keeps its ن only when no genitive follows (محتجون غاضبون, but محتجو
                    # الحركة): a plural after it that agrees with it is an adjective; after a word with
                    # tanwin, an indefinite word is its adjective (عصيانٍ مسلح، بلاءً حسناً)
                    modifiers.append(("amod", k))
                    adjectives = True
                elif not _WITHOUT_TANWIN[bits[j]] or ending == "ون" or (not _WITHOUT_TANWIN[bits[k]] and not_genitive(t)) \
                        or (named == j and definite[k]):
                    # a word written with tanwin heads no idafa (غاضباً القاعة), nor a plural that keeps its
                    # ن (مسلحون النار); a word with the accusative or nominative tanwin is not a genitive
                    break
                else:
                    modifiers.append(("idafa", k))   # وزير الخارجية, قائد الجيش, زعيم حماس
            elif nxt == "NOUN" and not _WITHOUT_TANWIN[bits[j]] and not definite[k] and not prep[k] and \
                    _tanwin_agrees(toks[j], t):
                modifiers.append(("amod", k))    # (the same adjective after a word with tanwin, as above)
                adjectives = True
            elif nxt == "PROPN" and adjectives and tags[j] != "PROPN" and not definite[k]:
                modifiers.append(("appos", k))   # a title and the name: الرئيس الأمريكي دونالد ترامب
            elif not adjectives and tags[j] == "NOUN" and not definite[j]:
                # a genitive after an indefinite noun with no adjective yet, in the construct state (no
                # tanwin written on it): a count or a determiner and its noun (a noun or a name is taken
                # above). (The honorific's test below needs an adjective or a name before the word, so it
                # holds for none of these words: the genitive's tests asked alone.)
                if not _WITHOUT_TANWIN[bits[j]]:
                    break
                if nxt == "NUM" and k + 1 < n and tags[k + 1] in {"NOUN", "NUM"}:
                    modifiers.append(("idafa", k))   # مقتل أربعة مقاتلين: a count as the genitive
                elif nxt == "DET" and not _PLURAL_ENDING[toks[j].norm] and k + 1 < n and tags[k + 1] == "NOUN" \
                        and definite[k + 1]:
                    modifiers.append(("idafa", k + 1))   # اعتبار هذه القضية، تدمير كل المواقع: a genitive with its determiner
                    modifiers.append(("det", k))
                    j, k = k, k + 1
                else:
                    break
            elif t.norm in honorifics and (adjectives or tags[j] == "PROPN") and \
                    k + 1 < n and tags[k + 1] in {"NOUN", "PROPN"} and not definite[k + 1]:
                modifiers.append(("appos", k))   # his office, then his name: وزير الخارجية الإماراتي الشيخ عبد الله
                adjectives = False                     # the name's own words follow (محمد بن سلمان)
            else:
                break
            j, k = k, k + 1
        # (a phrase of one word, most: its own flag, a bool, with no slice built)
        # (a bare instance with its fields set one by one: no Python frame for the dataclass __init__,
        # for the most numerous record of the stage; one statement a field, as an assignment to more
        # than three targets builds a tuple and unpacks it)
        is_owned = owned_flags[j] if j == i else True in owned_flags[i:j + 1]
        if in_c:    # (the compiled build: made in C, its fields stored into its slots)
            c = _chunk_made_in_c(Chunk, "np", i, start, j, modifiers, is_owned, None)  # noqa: F821
        else:
            c = _new_chunk(Chunk)
            c.kind = "np"
            c.head = i
            c.start = start
            c.end = j
            c.modifiers = modifiers
            c.owned = is_owned
            c.refers_to = None    # (its possessor left unset: none, records.Chunk.possessor)
        # index_phrases' lists (no phrase of this chunker is a pronoun's, nor a possessor; a genitive
        # one, marked below, is not bare)
        k = len(chunks)
        starts.append(start)
        ends.append(j)
        # (a statement, its tests as jumps: no int's truth tested, nor a not)
        if prep[start] or (start > 0 and tags[start - 1] == "ADP"):
            bare.append(False)
        else:
            bare.append(True)
        if is_owned:
            owned.append(k)
        if start == j:    # (most phrases are one word: no list built for them)
            chunk_of[start] = k
        elif j == start + 1:    # (a phrase of two words, most of the others: no list built nor sliced)
            chunk_of[start] = chunk_of[j] = k
        else:
            chunk_of[start:j + 1] = [k] * (j + 1 - start)
        # _genitives' tests of this phrase and the one before it (the phrase before is its own up
        # to here: no later phrase changes it but by this test)
        # (_is_genitive's first tests asked here, no call where they fail, as for most phrases: a
        # phrase right after the one before is its genitive only with a preposition clitic on its first
        # word, one a word after it only after a word of R.between_genitive)
        gap = start - last_end
        if (gap == 2 and toks[last_end + 1].norm in between_genitive or gap <= 1 and prep[start]) and \
                _is_genitive(chunks[-1], start, gap, toks, tags, R, prep):
            chunks[-1].modifiers.append(("of", i))
            c.kind = "genitive"
            bare[k] = False
        chunks.append(c)
        last_end = j
    if index is not None:
        index += phrase_index
    return chunks


def _pronoun_phrase(i: int, chunks: list[Chunk], last_end: int, toks, tags, R, prep, phrase_index: tuple) -> None:
    """_chunks_after's phrase of a pronoun alone at token i (a few a sentence), with _genitives' test of
    it and the phrase before it (which ends at `last_end`), and its entries in `phrase_index`
    (index_phrases' lists)."""
    c = Chunk("pronoun", i, i, i)
    gap = i - last_end
    # (a pronoun is a genitive only after one word of R.between_genitive: _is_genitive called for no
    # other gap or word)
    if gap == 2 and toks[i - 1].norm in R.between_genitive and _is_genitive(chunks[-1], i, gap, toks, tags, R, prep,
                                                                           pronoun=True):
        chunks[-1].modifiers.append(("of", i))
        c.kind = "genitive"
    chunk_of, starts, ends, _, pronouns, bare, _ = phrase_index
    k = chunk_of[i] = len(chunks)
    chunks.append(c)
    starts.append(i)
    ends.append(i)
    if c.kind == "pronoun":
        pronouns.append(k)
    bare.append(not (c.kind == "genitive" or prep[i] or (i and tags[i - 1] == "ADP")))


def chunk(toks, tags, read, R, prof) -> list[Chunk]:
    if prof.MODIFIER_AFTER_NOUN:
        return _chunks_after(toks, tags, read, prof, R)     # (its genitives marked as it goes)
    chunks = _chunks_before(toks, tags, read, prof, R)
    for c in chunks:    # "its fighters": the possessive pronoun before the noun
        if c.owned or (c.start > 0 and prof.refers_back(toks, c.start)):
            c.owned = True
    _genitives(chunks, toks, tags, R, prof)
    return chunks


def chunk_indexed(toks, tags, read, R, prof, names: list[tuple[int, int]]) -> tuple[list[Chunk], tuple]:
    """chunk() then join_names(), with index_phrases' lists of the phrases and the tokens segment()
    visits for their tag (segmenter.clause_tagged's). (The Arabic chunker gathers them all as it goes:
    the index made again only where join_names joined two phrases.)"""
    if prof.MODIFIER_AFTER_NOUN:
        index = []
        chunks = _chunks_after(toks, tags, read, prof, R, index)
        if not names:
            return chunks, index
        # a name whose first and last words are in one phrase has no phrase starting inside it, to join
        # the phrase before: join_names asked only where some name is not (about one sentence in five)
        chunk_of = index[0]
        for first, last in names:
            k = chunk_of[first]
            if k < 0 or chunk_of[last] != k:
                break
        else:
            return chunks, index
        joined = join_names(chunks, names)
        if len(joined) == len(chunks):    # (no phrase joined: the same phrases, in the same order)
            return chunks, index
        chunks, tagged = joined, index[6]
    else:
        chunks, tagged = join_names(chunk(toks, tags, read, R, prof), names), clause_tagged(tags)
    flags = getattr(prof, "token_flags", None)
    prep = (flags if flags is not None else flags_asked(toks, prof))[1]
    return chunks, (*index_phrases(chunks, len(toks), tags, prep, prof.MODIFIER_AFTER_NOUN), tagged)


def index_phrases(chunks: list[Chunk], n: int, tags, prep, head_first: bool) -> tuple:
    """What the later passes read of the phrases of a sentence of n tokens, in one pass over them:
    the phrase of each token (-1 outside phrases); the phrases' starts and ends (arguments() bisects
    them); the owned phrases (possessors() resolves those alone); the pronouns (antecedents()); and,
    where the modifiers follow the noun, per phrase whether no preposition governs it
    (clauses._bare_chunks: asked of the phrase's start alone there; None elsewhere). `prep`: per
    token, a preposition clitic."""
    chunk_of = [-1] * n
    starts = []
    ends = []
    owned = []
    pronouns = []    # (a pronoun's phrase is one word)
    # (every phrase bare to begin with, a governed one marked: a store for a few phrases, not an
    # append call for each)
    bare = [True] * len(chunks) if head_first else None
    for k, c in enumerate(chunks):
        start, end = c.start, c.end
        starts.append(start)
        ends.append(end)
        if bare is not None and (c.kind in _GOVERNED_KINDS or prep[start] or (start and tags[start - 1] == "ADP")):
            bare[k] = False
        if c.owned:
            owned.append(k)
        if start == end:    # (most phrases are one word: no list built for them)
            chunk_of[start] = k
            if c.kind == "pronoun":
                pronouns.append(k)
        elif end == start + 1:    # (a phrase of two words, most of the others: no list built nor sliced)
            chunk_of[start] = chunk_of[end] = k
        else:
            chunk_of[start:end + 1] = [k] * (end + 1 - start)
    return chunk_of, starts, ends, owned, pronouns, bare


def _genitives(chunks: list[Chunk], toks, tags, R, prof) -> None:
    """"the president of Egypt", "ثلاثة من عناصره", "مواقع لقسد": the chunk after a genitive word (or
    written with the clitic ل) modifies the chunk before it; it is marked by pointing its `kind` at
    the relation, and the governing chunk lists it."""
    # each token's preposition clitic, from the sentence's features (by position: no call per question)
    flags = getattr(prof, "token_flags", None)
    prep = (flags if flags is not None else flags_asked(toks, prof))[1]
    between_genitive = R.between_genitive
    for a, b in zip(chunks, chunks[1:]):
        # (_is_genitive's first tests asked here, as the Arabic chunker does: no call for most pairs)
        start = b.start
        gap = start - a.end
        if (gap == 2 and toks[start - 1].norm in between_genitive or gap <= 1 and prep[start]) and \
                _is_genitive(a, start, gap, toks, tags, R, prep, b.kind == "pronoun"):
            a.modifiers.append(("of", b.head))
            b.kind = "genitive"


def _is_genitive(before: Chunk, start: int, gap: int, toks, tags, R, prep, pronoun: bool = False) -> bool:
    """_genitives' test, which the Arabic chunker asks as it makes each phrase: the phrase starting at
    token `start`, `gap` tokens after the end of the phrase `before`, is its genitive: after one genitive
    word between them ("of", من; a partitive after a number), or, unless it is a pronoun, right after it
    with the clitic ل on its first word. `prep`: per token, a preposition clitic."""
    if gap == 2:    # one word between them
        w = toks[start - 1].norm
        return w in R.genitive or (w in R.partitive and tags[before.head] == "NUM")
    return gap <= 1 and not pronoun and bool(prep[start]) and toks[start].norm[:1] == "ل" and \
        tags[before.head] in {"NOUN", "NUM"}


def join_names(chunks: list[Chunk], names: list[tuple[int, int]]) -> list[Chunk]:
    """"الرئيس السوري بشار الأسد": a name the lexicons know (first, last token) is one phrase, though
    its last word reads as a definite noun on its own (الأسد, "the lion")."""
    if not names:
        return chunks   # (most sentences name no one in several words)
    # a token inside a name, after its first word -> the latest first word of a name it is in: a
    # phrase starting there joins the phrase right before it if that starts at or before that word
    # (a look-up a phrase, no generator)
    joins: dict[int, int] = {}
    for first, last in names:
        for i in range(first + 1, last + 1):
            joins[i] = max(joins.get(i, -1), first)
    out: list[Chunk] = []
    for c in chunks:
        first = joins.get(c.start)
        if first is not None and out:    # (asked first: most phrases start inside no name)
            prev = out[-1]
            if c.kind == "np" and prev.kind == "np" and c.start == prev.end + 1 and first >= prev.start:
                prev.modifiers += [("flat", c.head)] + c.modifiers
                prev.end = c.end
                continue
        out.append(c)
    return out
