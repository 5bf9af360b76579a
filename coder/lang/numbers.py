"""Numbers as written: digits (Western, Arabic-Indic, Persian, with separators) and number words.

Shared by the quantity recogniser and the date recogniser ("قبل ثلاثة أيام", "three days ago").
Everything is matched on a *folded* copy of the text (the language profile's normalisation:
lower case, Arabic letter variants folded, digits to ASCII); `Folded` maps offsets back so that
spans are returned as written.
"""
from __future__ import annotations

import codecs
import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from coder.lang import profile
# (the gates, and the regexes matched at word starts, live in word_gate; their readers import
# WordGate, text_chunks and words_end_of from here)
from coder.lang.word_gate import (_LETTER_RUNS, WordGate, matches_at_word_starts, matches_searched,  # noqa: F401
                                  text_chunks, words_end_of)
from coder.lexicon.load import LexiconError, read_support
from coder.model import _maker, _open_class, _slot_setting_init

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


def load_lexicon(lang: str, stem: str) -> dict:
    """One of our YAML lexicon files, checked for the header every lexicon carries and against its
    schema (parsed and checked once per change of the file: coder/lexicon/data.py)."""
    profile(lang)     # an unsupported language fails here, with the languages to use
    path = LEXICON / lang / f"{stem}.yaml"
    if not path.exists():
        raise LexiconError(f"{path} is missing: create it (see the other language's {stem}.yaml)")
    return read_support(path, lang, stem)


_SPACE = " "   # the trie key of a run of white space between a phrase's words


def alternation(words) -> str:
    """A regex alternation of literal phrases in which the longest one that matches wins; spaces
    inside a phrase match any run of white space.

    Written as a trie ("ab(?:c|d)?" for ab, abc, abd), not as a flat list tried word by word at
    every position of a sentence: the regex engine then reads each character once per position
    instead of once per listed word. It matches what the flat list longest-first matches, in the
    same order of preference: phrases that match at one position are prefixes of one another, and
    the trie tries the longer one first."""
    uniq = sorted({w for w in words if w})
    if any(not w.split() for w in uniq):   # a blank phrase matches the empty text: keep the flat list
        uniq.sort(key=lambda w: -len(w))
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in uniq)
    root: dict = {}
    for w in uniq:
        node = root
        for k, part in enumerate(w.split()):
            if k:
                node = node.setdefault(_SPACE, {})
            for ch in part:
                node = node.setdefault(ch, {})
        node[None] = {}
    return _trie(root)


def _trie(node: dict) -> str:
    alts = [(r"\s+" if key == _SPACE else re.escape(key)) + _trie(child)
            for key, child in node.items() if key is not None]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if None not in node:
        return body
    return body + "?" if len(alts) > 1 else f"(?:{body})?"


# ---------------------------------------------------------------- folding

class Folded:
    """The normalised text and a map from its offsets to the original's."""
    __slots__ = ("text", "_shifted", "_index")

    def __init__(self, original: str, lang: str):
        through_page = _code_page_folded(original, lang)
        if through_page is not None:
            # through the code page each character is one byte, dropped or read as one character
            # (one that expands fails it): the length tells whether one that shifts offsets is in
            # it, instead of a regex search of a large class at each character
            text, encoded = through_page
            shifts = len(text) != len(original)
        else:
            table, changes_length = _fold_table(lang)
            text = original.translate(table)
            encoded = None
            shifts = not (original.isascii() and _ascii_stays(lang)) and changes_length.search(original) is not None
        self.text = text
        # (original, language, its code page bytes or None) when a character shifts offsets: the
        # map is made when a span is first asked for (most sentences hold no date or quantity: never)
        self._shifted = (original, lang, encoded) if shifts else None
        self._index = None

    @classmethod
    def of(cls, text: str, original: str, lang: str) -> Folded:
        """`text`, the fold of `original` made otherwise (coder/lang/chunk_folds.py), where no
        character of `original` folds to two: as long as it only where no character shifts offsets."""
        made = cls.__new__(cls)
        made.text, made._index = text, None
        made._shifted = None if len(text) == len(original) else (original, lang, None)
        return made

    def shifts(self) -> bool:
        """Does a character of the text fold to more or fewer than one?"""
        return self._shifted is not None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded span [start, end)."""
        if self._shifted is None:
            return start, end
        if self._index is None:
            self._index = _shift_points(*self._shifted)
        # The end takes in the marks that follow the last letter (الجمعةِ), up to the next letter.
        return _original_offset(start, self._index), _original_offset(end, self._index)


def _shift_points(original: str, lang: str, encoded: bytes | None = None) -> list[tuple[int, int]]:
    """The characters of `original` that shift offsets, in order: (offset, length of their fold: 0
    where the fold drops them). `encoded`: the text in its language's code page, where it was
    folded through it (_code_page_folded): there each character that shifts is a dropped byte.
    (The few characters that shift, not a map of every character: an Arabic sentence's map is a
    list of a few hundred offsets, each a new int, where its marks are a dozen)"""
    if encoded is not None:
        return [(m.start(), 0) for m in _code_page_dropped(lang).finditer(encoded)]
    table, changes_length = _fold_table(lang)
    return [(m.start(), len(m.group().translate(table))) for m in changes_length.finditer(original)]


def _original_offset(at: int, shifts: list[tuple[int, int]]) -> int:
    """The original offset of the folded text's character `at` (or of its end), from the characters
    that shift offsets (_shift_points): every other character folds to exactly one, so the runs
    between them map one to one."""
    gained = 0   # characters the fold has added (less those it dropped) before the run
    for offset, length in shifts:
        begins = offset + gained   # where the character's fold begins in the folded text
        if at < begins:
            break
        if at < begins + length:   # inside what one character folds to
            return offset
        gained += length - 1
    return at - gained


@lru_cache(maxsize=64)
def folded(text: str, lang: str) -> Folded:
    """The folded copy of a sentence, made once for the dates and the quantities that both read it
    (a Folded is never changed after it is made)."""
    return Folded(text, lang)


@lru_cache(maxsize=None)
def _fold_table(lang: str) -> tuple[dict, re.Pattern]:
    """The language profile's normalisation as one str.translate table (character by character,
    which is what it does), ten times faster than calling it on a sentence; and a regex of the
    characters it drops or expands, which shift offsets."""
    normalise = profile(lang).normalise
    table, shifting = {}, []
    for code in [*range(0x20, 0x3000), *range(0xFB50, 0xFF00)]:
        ch = chr(code)
        f = normalise(ch)
        if f != ch:
            table[code] = f or None
            if len(f) != 1:
                shifting.append(re.escape(ch))
    # Characters that stay are listed too, as themselves: str.translate raises (and drops) a
    # LookupError inside for every character missing from the table, which costs far more.
    for code in range(0x3000):
        table.setdefault(code, code)
    changes_length = re.compile("[" + "".join(shifting) + "]") if shifting else re.compile("(?!)")
    return table, changes_length


def prepare_fold(lang: str) -> None:
    """Make the fold's tables of a language (once, with its rules: coder.dates.rules), not when the
    first text is folded whole, which a run of sentences whose chunks' folds are known reaches late."""
    _fold_table(lang)
    _code_page_fold(lang)


@lru_cache(maxsize=None)
def _ascii_stays(lang: str) -> bool:
    """Does the fold keep every ASCII character one character long (nothing to search for shifts in
    a plain ASCII text)?"""
    return _fold_table(lang)[1].search("".join(map(chr, range(128)))) is None


# What a byte whose character the fold drops decodes to, taken out of the decoded text after (the
# replacement character, which the code pages decode no byte to: see _code_page_fold)
_DROPPED = "\ufffd"

# A single-byte code page that holds all of a language's letters and marks. str.translate looks
# every character of a text that is not plain ASCII up in its dict (about 500 instructions a
# character); a text that encodes to the code page is folded by the C codecs instead, a table
# index a byte: about twenty times fewer instructions on an Arabic sentence.
_CODE_PAGES = {"ar": "cp1256"}


@lru_cache(maxsize=None)
def _code_page_fold(lang: str) -> tuple[object, str, bytes] | None:
    """(the code page's encoding map, the folded character of each of its bytes as a charmap
    decoding table, the bytes of the characters the fold drops), or None for a language without a
    code page. A byte the code page leaves undefined, or whose character folds to two, decodes to
    U+FFFE, which the codec takes for undefined: a text with one is folded by str.translate. A byte
    whose character the fold drops decodes to _DROPPED, which no other byte decodes to."""
    page = _CODE_PAGES.get(lang)
    if page is None:
        return None
    table = _fold_table(lang)[0]
    decoding, dropped = [], bytearray()
    for b in range(256):
        folded = bytes([b]).decode(page, "replace").translate(table)
        if not folded:
            dropped.append(b)
            decoding.append(_DROPPED)
        else:
            decoding.append(folded if len(folded) == 1 and folded != _DROPPED else "\ufffe")
    # the codec's own map, for the C encoder called without the codec registry and its Python
    # method between (str.encode looks the codec up and calls that method a text)
    encoding = importlib.import_module(f"encodings.{page}").encoding_table
    return encoding, "".join(decoding), bytes(dropped)


def _code_page_folded(original: str, lang: str) -> tuple[str, bytes] | None:
    """`original` folded through its language's code page, and `original` encoded in it (a byte a
    character); None when the language has none, when the text is plain ASCII (str.translate is fast
    there) or holds a character outside the code page."""
    fold = None if original.isascii() else _code_page_fold(lang)
    if fold is None:
        return None
    encoding, decoding, _ = fold
    try:
        encoded = codecs.charmap_encode(original, "strict", encoding)[0]
        text = codecs.charmap_decode(encoded, "strict", decoding)[0]
    except UnicodeError:
        return None
    # (the characters the fold drops, most texts none, taken out of the decoded text where it holds
    # one: where the bytes were deleted from every text before it was decoded, a table built and
    # each byte read once more)
    return (text.replace(_DROPPED, "") if _DROPPED in text else text), encoded


@lru_cache(maxsize=None)
def _code_page_dropped(lang: str) -> re.Pattern:
    """A bytes regex of the code page's bytes whose character the fold drops."""
    dropped = _code_page_fold(lang)[2]
    return re.compile(b"[" + b"".join(re.escape(bytes([b])) for b in dropped) + b"]" if dropped else b"(?!)")


# ---------------------------------------------------------------- number phrases

# (each field stored through its slot's setter: the frozen dataclass's own __init__ calls
# object.__setattr__ a field, and a number is made for every number phrase of a sentence)
@_slot_setting_init
@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int      # offsets in the folded text
    end: int
    value: int
    vague: bool
    words: bool     # written in words (not digits)
    text: str       # folded text of the phrase


# (a number phrase made by plain stores into an instance of an open class, then given NumberMatch's
# class: about half the instructions of a call of the class, which the reader makes a number)
new_number_match = _maker(NumberMatch, _open_class(NumberMatch), "new_number_match")


_ANY_DIGIT = re.compile(r"\d")
_GROUP_SEPARATOR = re.compile(r"[,٬](?=\d{3})")   # (compiled once: re.sub of a pattern string looks it up in re's cache a call)
_DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫]\d+)?"
# Not part of a longer token: no letter, digit, separator, currency sign or hyphen glued on
# (F-16, G20, 10:30, 5th, 1990s, $5, 25-year-old, 3/4 are not counts).
_BEFORE = r"(?<![\w.,٫٬/:+$€£#-])"
_AFTER_DIGITS = r"(?![\w%٪]|[.,٫٬:/]\d|-\w)"
_GUARD_DEPTH = 4   # characters the look-ahead tests (measured on news, 1 to 4: the deeper, the fewer instructions)


class NumberReader:
    """Finds number phrases in folded text and computes their values (one per language)."""

    def __init__(self, lang: str):
        data = load_lexicon(lang, "numbers")
        norm = profile(lang).normalise
        n = lambda ws: [norm(w) for w in ws]  # noqa: E731
        self.atoms = {norm(k): int(v) for k, v in (data.get("atoms") or {}).items()}
        self.hundreds = {norm(k): int(v) for k, v in (data.get("hundreds") or {}).items()}
        self.scales = {norm(k): int(v) for k, v in (data.get("scales") or {}).items()}
        self.duals = {norm(k): int(v) for k, v in (data.get("dual_scales") or {}).items()}
        self.vague = {" ".join(norm(k).split()): int(v) for k, v in (data.get("vague") or {}).items()}
        self.teen_suffixes = set(n(data.get("teen_suffixes") or []))
        self.ones = set(n(data.get("one_before_multiplier") or []))
        # English never writes "million" alone for 1,000,000 ("a million"); Arabic does (ألف شخص).
        self.bare_multipliers = bool(data.get("bare_multipliers", True))
        teen_only = set(n(data.get("teen_only") or []))
        multipliers = alternation(list(self.hundreds) + list(self.scales))
        free_words = [w for w in (list(self.atoms) + list(self.hundreds) + list(self.scales)
                                  + list(self.duals)) if w not in teen_only]
        word_alts = [alternation(free_words)]
        if teen_only and self.teen_suffixes:
            word_alts.insert(0, f"(?:{alternation(teen_only)})\\s+(?:{alternation(self.teen_suffixes)})")
        if self.ones:
            word_alts.append(f"(?:{alternation(self.ones)})(?=\\s+(?:{multipliers})(?!\\w))")
        word = "(?:" + "|".join(f"(?:{a})" for a in word_alts) + r")(?!\w)"
        joiner = data.get("joiner") or r"\s+"
        self.words_pattern = f"{word}(?:{joiner}{word})*"   # for other recognisers' patterns
        clitics = data.get("clitics") or ""
        lead = f"(?<!\\w)(?:{clitics})?" if clitics else r"(?<!\w)"
        from coder.dates.first_chars import at_word_start, guarded   # (here: coder.dates imports this module)
        # behind a look-ahead of the first characters a number can begin with: most positions of
        # a sentence fail that one test instead of the look-behinds and each alternative; and
        # behind \b, which the positions inside a word (most of the others) fail at once
        self.regex = re.compile(at_word_start(guarded(
            _BEFORE + lead + "(?:"
            f"(?P<vague>{alternation(self.vague)})(?!\\w)"
            f"|(?P<digits>{_DIGITS}){_AFTER_DIGITS}(?:\\s*(?P<mult>{multipliers})(?!\\w))?"
            f"|(?P<words>{word}(?:{joiner}{word})*)"
            ")", _GUARD_DEPTH)))
        self._word_split = re.compile(joiner)
        # the numbers of the groups _read reads
        self._groups = tuple(self.regex.groupindex[name] for name in ("vague", "digits", "mult", "words"))
        self.prefixes = [norm(p) for p in data.get("prefixes") or []]
        self.gate = WordGate(list(self.atoms) + list(self.hundreds) + list(self.scales)
                             + list(self.duals) + list(self.vague), self.prefixes, also=_ANY_DIGIT)
        # A number holds a word the gate admits (its digits, one of its words, a vague phrase's
        # longest word), in the same chunk as the number's first word or a few chunks after it:
        # the words of a vague phrase before its longest one ("tens of thousands"), a teen word
        # before its ten (أحد عشر), "a" before a multiplier ("a million"). So many chunks at most
        # (more, never fewer: beginning earlier finds the same numbers)
        self._lead_chunks = max([len(p.split()) - 1 for p in self.vague]
                                + [1 if (teen_only and self.teen_suffixes) or self.ones else 0])
        # (every match begins at a word's start, where at_word_start proved it: find tries those alone)
        self._at_word_starts = self.regex.pattern.startswith("\\b")

    def find(self, folded: str, chunks: Sequence[str] | None = None, spaced: bool = False) -> list[NumberMatch]:
        """`chunks`: the text's chunks (text_chunks), where the caller has them; `spaced`: the text
        is they joined by single white space characters (their offsets are their lengths added up).
        A number holds a word the gate admits, in the chunk of its first word or _lead_chunks after
        it, and begins at a word's start (the pattern begins with \\b): in a spaced text the regex
        is matched at the word starts of those chunks alone, in order, each number's end the least
        start of the next, not searched through the words between the numbers and after the last
        (matches_searched: a text not spaced)."""
        if chunks is None:
            chunks = text_chunks(folded)    # (split once: the gate and the start of the search read them)
            spaced = len(folded) + 1 == sum(map(len, chunks)) + len(chunks)
        gate = self.gate
        a = gate.first_admitting(chunks)
        if a is None:
            return []
        if spaced and self._at_word_starts:
            found = matches_at_word_starts(self.regex.match, folded, chunks, gate, a, self._window_start)
        else:
            found = matches_searched(self.regex, folded, chunks, gate, a, self._window_start)
        out = []
        for m in found:
            self._read(folded, m, out)
        return out

    def _window_start(self, chunks: Sequence[str], admitting: int, floor: int) -> int:
        """The first chunk, not before `floor`, a number holding the chunk `admitting` may begin in."""
        k = admitting - self._lead_chunks
        return k if k > floor else floor

    def _read(self, folded: str, m: re.Match, out: list[NumberMatch]) -> None:
        """The numbers of a match of the regex, added to `out`."""
        # (its groups read by number, in one call: a group asked by name is looked up in the
        # pattern's index at each ask)
        vague_at, digits_at, mult_at, words_at = self._groups
        vague, digits, mult, words = m.group(vague_at, digits_at, mult_at, words_at)
        if vague:
            out.append(new_number_match(m.start(vague_at), m.end(vague_at), self.vague[" ".join(vague.split())],
                                        True, True, vague))
            return
        if digits:
            value = self._digits_value(digits, mult)
            if value is not None:
                start = m.start(digits_at)
                end = m.end(mult_at) if mult else start + len(digits)
                out.append(new_number_match(start, end, value, False, False, folded[start:end]))
        else:
            out.extend(self._words(folded, m.start(words_at), words))

    def value_of(self, phrase: str) -> int | None:
        """The value of a folded phrase that is one number ("ثلاثة", "3", "twenty-five")."""
        if self.gate.excludes_word(phrase):   # (most words: a set test, no search)
            return None
        found = self.find(phrase)
        return found[0].value if len(found) == 1 and found[0].text == phrase.strip() else None

    def _digits_value(self, digits: str, mult: str | None) -> int | None:
        # (digits alone, as most numbers are: no separator to take out, no decimal point to read)
        grouped = digits if digits.isdigit() else _GROUP_SEPARATOR.sub("", digits).replace("٫", ".")
        if len(grouped) >= 8 and grouped.isdigit() and not mult:
            return None   # 8+ bare digits: an id or phone number, not a count
        value = float(grouped) if "." in grouped else int(grouped)
        if mult:
            value *= self.hundreds.get(mult) or self.scales.get(mult) or 1
        if value != int(value):
            return None   # 2.5 (of something) is a measure, not a count
        return int(value)

    def _words(self, folded: str, start: int, phrase: str) -> list[NumberMatch]:
        """Split a run of number words into numbers: a run may hold two ("three four") when the
        order of magnitudes breaks; each is valued on its own."""
        pieces = []   # (start, end, word)
        pos = 0
        for part in self._word_split.split(phrase):
            i = phrase.index(part, pos)
            pieces.append((start + i, start + i + len(part), part))
            pos = i + len(part)
        out, i = [], 0
        while i < len(pieces):
            value, used = self._value(pieces[i:])
            s, e = pieces[i][0], pieces[i + used - 1][1]
            if value is not None:
                out.append(new_number_match(s, e, value, False, True, folded[s:e]))
            i += used
        return out

    def _value(self, pieces) -> tuple[int | None, int]:
        """Value of the longest well-formed number at the start of `pieces`, and words used."""
        total = current = 0
        last_atom = None      # the last atom added since the last scale
        used = 0
        for _, _, word in pieces:
            if word in self.teen_suffixes and last_atom is not None and (
                    1 <= last_atom <= 9 or last_atom in (11, 12)) and used:
                current += 10 if last_atom <= 9 else 0   # أحد/اثنا already count 11/12
                last_atom = 10
            elif word in self.ones and used == 0:
                current, last_atom = 1, None
            elif used == 0 and not self.bare_multipliers and (
                    word in self.scales or word in self.hundreds):
                break
            elif word in self.scales and (current or used == 0) and not (used == 0 and word in self.duals):
                total += (current or 1) * self.scales[word]
                current, last_atom = 0, None
            elif word in self.duals and used == 0:
                total += self.duals[word]
                last_atom = None
            elif word in self.hundreds:
                if current and current >= 10:
                    break
                current = (current or 1) * self.hundreds[word]
                last_atom = None
            elif word in self.atoms:
                v = self.atoms[word]
                if last_atom is not None and not _follows(last_atom, v):
                    break
                if current % 1000 and v >= 100 and current >= 100:
                    break
                current += v
                last_atom = v
            else:
                break
            used += 1
        if used == 0:
            return None, 1
        return total + current, used


def _follows(prev: int, new: int) -> bool:
    """May atom `new` follow atom `prev` inside one number? Tens then units (twenty-five),
    or units then tens (خمسة وعشرون), or hundreds then anything smaller."""
    if prev >= 100:
        return new < 100
    if prev >= 20 and prev % 10 == 0:
        return new < 10
    if prev < 10:
        return new >= 20 and new % 10 == 0 and new < 100
    return False


@lru_cache(maxsize=None)
def reader(lang: str) -> NumberReader:
    return NumberReader(lang)
