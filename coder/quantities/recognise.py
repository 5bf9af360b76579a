"""Quantities (SPEC §6): a number, the qualifier before it, and the unit of the noun it counts.

For every number phrase the reader finds, the words around it decide: a blocker (Resolution 2254,
5 %, 10 days, a month name: 2 August 2019, عام 2014) drops it; a qualifier before
or after it sets the qualifier; a cue (killing, مقتل, "were killed", "death toll rose to") or the
counted noun sets the unit. All word lists come from `lexicon/<lang>/quantities.yaml`; this module
holds no language-specific words.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter
from typing import Sequence

from coder.lang import profile
from coder.lang.chunk_folds import folded_of
from coder.model import QuantityValue, new_quantity_value
from coder.lexicon.load import LexiconError
from coder.lexicon.schema import QUANTITY_QUALIFIERS, QUANTITY_UNITS
from coder.lang.numbers import Folded, NumberMatch, alternation, folded as fold, load_lexicon, reader, text_chunks
from coder.quantities.context import (AtEnd, at_end, bare_last_words_of, holds_one_of, key_words, last_words_of,
                                      text_end, united_last_words)

UNITS, QUALIFIERS = QUANTITY_UNITS, QUANTITY_QUALIFIERS
_WINDOW = 80          # characters of context looked at on each side of a number
_GLUED = re.compile(r"[^\W\d]$")   # a letter at the end (or before a final newline: $)
_LETTERS = re.compile(r"[^\W\d_]+")
_UNSEEN = object()
_START = attrgetter("start")
_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
_PUNCT = re.compile(r"[^\w\s'’-]")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")   # (\d: str.isdecimal, one search, not a generator a character)
# A phone number: a leading + or 00, or three or more digit groups (checked for 7+ digits). Written to
# begin with the class of its first character, which it consumes ([+\d]: the look-behinds after it
# test that character and the one before), so that the regex engine skips the other characters of a
# sentence in its own loop instead of trying a match at each; same matches as
# (?<![\w.,])(?:(?:\+|00)\d[\d -]{5,}\d|\d{2,4}(?:[ -]\d{2,4}){2,})(?![\w.,]\d)
_PHONE = re.compile(r"[+\d](?<![\w.,].)"
                    r"(?:(?<=\+)\d[\d -]{5,}\d|(?<=0)0\d[\d -]{5,}\d|(?<=\d)\d{1,3}(?:[ -]\d{2,4}){2,})(?![\w.,]\d)")


def _phone_run_start(text: str, at: int) -> int:
    """Where the run of the characters _PHONE consumes (+, digits: \\d, which is str.isdecimal, space,
    hyphen) that holds `at` begins: a phone number that holds `at` lies in that run."""
    while at and (text[at - 1] in "+ -" or text[at - 1].isdecimal()):
        at -= 1
    return at


def _phrase_key(lang: str, phrase: str) -> str:
    return " ".join(profile(lang).phrase_tokens(phrase))


def _norm_alternation(lang: str, phrases) -> str:
    norm = profile(lang).normalise
    for p in phrases:
        if not isinstance(p, str):
            raise LexiconError(f"lexicon/{lang}/quantities.yaml: {p!r} is not text; quote it "
                               f"(YAML reads bare digits as numbers)")
    return alternation(norm(p) for p in phrases)


def _most_words(lang: str, *lists) -> int:
    """The most words (between white space) a phrase of the lists has, as the alternations read them."""
    norm = profile(lang).normalise
    return max((len(norm(p).split()) for phrases in lists for p in phrases or () if isinstance(p, str)),
               default=1)


def _category_regex(lang: str, table: dict, template: str) -> re.Pattern | None:
    """One regex over all categories' phrases with one named group per category."""
    parts = []
    for category, phrases in (table or {}).items():
        if phrases:
            parts.append(f"(?P<{category}>{_norm_alternation(lang, phrases)})")
    if not parts:
        return None
    return re.compile(template.replace("{alts}", "|".join(parts)))


class QuantityRecogniser:
    def __init__(self, lang: str):
        data = load_lexicon(lang, "quantities")
        self.lang = lang
        self.profile = profile(lang)
        self.numbers = reader(lang)
        self.units: dict[str, str] = {}
        for unit, nouns in (data.get("units") or {}).items():
            if unit not in UNITS:
                raise LexiconError(f"lexicon/{lang}/quantities.yaml: unit {unit!r} is not one of {UNITS}")
            for noun in nouns:
                key = _phrase_key(lang, noun)
                if self.units.get(key, unit) != unit:
                    raise LexiconError(f"lexicon/{lang}/quantities.yaml: {noun!r} is listed under both "
                                       f"{self.units[key]!r} and {unit!r}; keep it under one unit")
                self.units[key] = unit
        # the first words of the two-word unit nouns: a pair of words is looked up only after one
        self._pair_firsts = frozenset(k.split(" ")[0] for k in self.units if k.count(" ") == 1)
        self._readings: dict[str, tuple | None] = {}   # word -> _word_reading (bounded)
        for section in ("qualifiers", "right_qualifiers"):
            bad = set(data.get(section) or {}) - set(QUALIFIERS)
            if bad:
                raise LexiconError(f"lexicon/{lang}/quantities.yaml: {section} has unknown qualifiers "
                                   f"{sorted(bad)}; use {QUALIFIERS}")
        self.skip = {_phrase_key(lang, w) for w in data.get("skip_between") or []}
        self.max_gap = int(data.get("max_gap", 2))
        self.suffixes = tuple(self.profile.normalise(s) for s in data.get("noun_suffixes") or [])
        clitics = load_lexicon(lang, "numbers").get("clitics") or ""
        lead = f"(?<!\\w)(?:{clitics})?" if clitics else r"(?<!\w)"
        end = r"\s*(?:\(\s*)?$"   # written so that a run of spaces cannot make it backtrack
        # The patterns that end the text before a number span a phrase's words, the words `words`
        # adds, and a "(" the end may leave alone: so many chunks at most (the clitics glued to a
        # word; a clitic pattern that may hold white space: no bound)
        spaced = "\\" in clitics or any(c.isspace() for c in clitics)
        chunks = lambda *lists, more=0: None if spaced else _most_words(lang, *lists) + more + 1  # noqa: E731
        norm = self.profile.normalise
        # the last words of the phrases of the lists, as the alternations read them (normalised)
        last = lambda *lists, bare=False: (bare_last_words_of if bare else last_words_of)(  # noqa: E731
            *([norm(p) for p in phrases or () if isinstance(p, str)] for phrases in lists))
        qualifiers, cues = data.get("qualifiers") or {}, data.get("unit_cues_before") or {}
        self.left_qualifier = at_end(_category_regex(lang, qualifiers, lead + "(?:{alts})" + end),
                                      chunks(*qualifiers.values()), last(*qualifiers.values()))
        self.right_qualifier = _category_regex(lang, data.get("right_qualifiers"),
                                               r"^(?:\s+[^\W\d]+){0,2}?\s*(?:,\s*)?(?:{alts})(?!\w)")
        # the words one of which a text these two patterns match holds: a text after a number that
        # holds none (most) is not matched against them, whose words and categories the regex
        # engine tries again after each of the words they let stand before them
        self.right_qualifier_words = key_words(lang, data.get("right_qualifiers"))
        self.cue_before = at_end(_category_regex(lang, cues, lead + "(?:{alts})" + end), chunks(*cues.values()),
                                  last(*cues.values()))
        tolls = data.get("toll_cues") or {}
        self.toll_before = at_end(_category_regex(lang, tolls, lead + r"(?:{alts})(?:\s+[^\W\d]+){0,4}" + end),
                                   chunks(*tolls.values(), more=4), last(*tolls.values(), bare=True), (0, 4))
        self.cue_after = _category_regex(lang, data.get("unit_cues_after"),
                                         r"^(?:\s+[^\W\d]+){0,2}?\s+(?:{alts})(?!\w)")
        self.cue_after_words = key_words(lang, data.get("unit_cues_after"))
        blockers = _norm_alternation(lang, data.get("not_before") or [])
        adjacent = data.get("not_before_adjacent") or []
        near = _norm_alternation(lang, (data.get("not_before") or []) + adjacent)
        self.blocked_before = AtEnd(re.compile(lead + f"(?:{near})" + r"\.?\s*$"),
                                     chunks(data.get("not_before"), adjacent), last(data.get("not_before"), adjacent))
        # A number beside a month name (from dates.yaml) is part of a date (2 August 2019, June 5).
        # Month names that are also common words count after a number only before a year.
        ambiguous = {self.profile.normalise(w) for w in data.get("months_need_year") or []}
        months = {self.profile.normalise(w) for names in
                  (load_lexicon(lang, "dates").get("months") or {}).values() for w in names}
        after = [f"(?:{alternation(months - ambiguous)})(?!\\w)"]
        if ambiguous:
            after.append(f"(?:{alternation(ambiguous)})\\.?(?:,\\s*|\\s+)\\d")
        self.month_before = AtEnd(re.compile(lead + f"(?:{alternation(months)})" + r"\.?\s*$"), chunks(months),
                                   last_words_of(months))
        self.month_after = re.compile(r"^\s*(?:" + "|".join(after) + ")")
        # VSO languages put the subject between a verb cue and its object ("اعتقلت الشرطة 17"),
        # and adjectives between a blocker and its number ("القرار الأممي 2254").
        gap = int(data.get("context_gap", 0))
        words = r"(?:\s+[^\W\d]+){1,%d}" % gap if gap else None
        self.blocked_before_gap = AtEnd(re.compile(lead + f"(?:{blockers})" + words + r"\s*$"),
                                         chunks(data.get("not_before"), more=gap),
                                         last(data.get("not_before"), bare=True), (1, gap)) if gap else None
        self.cue_before_gap = at_end(_category_regex(lang, cues, lead + "(?:{alts})" + words + end),
                                      chunks(*cues.values(), more=gap), last(*cues.values(), bare=True),
                                      (1, gap)) if gap else None
        self.blocked_after = re.compile(
            r"^\s*(?:" + _norm_alternation(lang, data.get("not_after") or [])
            + r")(?!\w)")
        self.partitive = re.compile(r"(?:" + _norm_alternation(lang, data.get("partitive") or [])
                                    + r")(?!\w)") if data.get("partitive") else None
        self.cue_keeps = set(data.get("cue_keeps") or [])
        # Units a cue can give (killed, injured...): a noun of one of these is itself an outcome.
        self.cue_units = {u for key in ("unit_cues_before", "toll_cues", "unit_cues_after")
                          for u in (data.get(key) or {})}
        self.needs_noun = {self.profile.normalise(w) for w in data.get("needs_noun") or []}
        # money: "$15 billion", "US$ 6.5 billion", "5.6 مليار يورو", "two million dollars"
        signs = data.get("currency_before") or []
        self.currency_before = AtEnd(re.compile(lead + f"(?:{_norm_alternation(lang, signs)})" + r"\s*$"),
                                      chunks(signs), last(signs)) if signs else None
        # (not the space of a sign written with one, "US $": blanked, a space stays what it is, and
        # every sentence holds one, whose blanking copied the sentence for nothing)
        # the last words of the patterns that end the text before a number and are tested by them alone:
        # a text before a number whose end holds none of them (about half) is searched by none of them
        self.before_last_words = united_last_words(self.currency_before, self.left_qualifier, self.blocked_before,
                                                   self.month_before, self.cue_before)
        self.sign_chars = "".join(sorted({c for w in signs for c in w if not c.isalnum()} - {" "}))
        self.sign_glued = re.compile(f"[{re.escape(self.sign_chars)}](?=\\d)") if self.sign_chars else None
        # duals: every unit noun with each dual ending, unless that form is itself a listed noun
        ta_marbuta = self.profile.normalise("ة")
        self.dual_units: dict[str, str] = {}
        for key, unit in self.units.items():
            if " " in key:
                continue
            forms = [key + self.profile.normalise(x) for x in data.get("dual_suffixes") or []]
            if key.endswith(ta_marbuta):
                forms += [key[:-1] + self.profile.normalise(x) for x in data.get("dual_feminine_suffixes") or []]
            for f in forms:
                if f not in self.units:
                    self.dual_units.setdefault(f, unit)
        endings = sorted({self.profile.normalise(x) for x in (data.get("dual_suffixes") or [])
                          + (data.get("dual_feminine_suffixes") or [])}, key=len, reverse=True)
        if not all(_LETTERS.fullmatch(x) for x in endings):
            raise LexiconError(f"lexicon/{lang}/quantities.yaml: dual endings {endings} must be letters")
        # a word of two letters or more and a dual ending (which of them are unit nouns is a
        # dictionary look-up); what each word is, is remembered
        self.dual_endings = tuple(endings) if self.dual_units else ()
        # the words that end with one of them (whole words: most words of a sentence are not)
        self.dual_words = re.compile(r"(?<!\w)\w*(?:" + "|".join(map(re.escape, endings)) + r")(?!\w)") \
            if self.dual_endings else None
        self._duals: dict[str, tuple[int, str] | None] = {}   # word -> (length of its form, unit)
        # the whitespace-separated chunks that hold no dual: a sentence made only of them is not
        # scanned (duals are rare; whitespace is never \w, so a chunk's words, and whether one of
        # them is a dual, are the same in every sentence); and the duals of the chunks that hold
        # one, with their offsets in the chunk (both bounded)
        self._dual_free: set[str] = set()
        self._chunk_duals: dict[str, tuple] = {}
        # the chunks known to hold no dual and none the number reader's gate admits (no digit, no
        # number word), each read in a text found to hold none: a text made only of them (most
        # texts) holds no quantity, and is answered by one set test, where the duals' test, the
        # signs' and the number reader's gate each read it (bounded)
        self._plain: set[str] = set()
        words = data.get("currency_after") or []
        self.currency_after = re.compile(r"^\s*(?:" + _norm_alternation(lang, words) + r")(?!\w)") if words else None

        words = data.get("subset_cues") or []
        # a cue that closes the gap before a count makes it part of the count before ("24 hostages,
        # among them 13 Israelis")
        self.subset_cue = re.compile(r"(?<!\w)(?:" + _norm_alternation(lang, words) + r")[\s,:،]*$") \
            if words else None

    def subset_heads(self, text: str, quantities: list[QuantityValue]) -> dict[int, int]:
        """Index of a quantity -> index of the quantity it is a part of."""
        out: dict[int, int] = {}
        if self.subset_cue is None:
            return out
        for k in range(1, len(quantities)):
            gap = text[quantities[k - 1].end:quantities[k].start]
            if len(gap.split()) <= SUBSET_MAX_WORDS and self.subset_cue.search(Folded(gap, self.lang).text):
                out[k] = out.get(k - 1, k - 1)
        return out

    # ------------------------------------------------------------ per text

    def find(self, text: str, folded: Folded | None = None, folds: Sequence[str] | None = None) -> list[QuantityValue]:
        """`folds`: the folds of the text's chunks (coder.lang.chunk_folds), where the caller has them:
        then the text is folded only where they are not all plain."""
        plain = self._plain
        if folds is not None:
            if plain.issuperset(folds):
                return []
            if folded is None:
                folded = folded_of(text, folds, self.lang)
            chunks = folds
        else:
            if folded is None:
                folded = fold(text, self.lang)
            chunks = text_chunks(folded.text)   # (split once for the gates too)
            if plain.issuperset(chunks):
                return []
        ftext = folded.text
        duals = []
        if self.dual_words is not None and not self._dual_free.issuperset(chunks):
            duals = self._duals_of(ftext, chunks, folds is not None)
        # a currency sign glued to a number ("$15") hides it from the number reader: read it blanked
        blanked = ftext
        if self.sign_glued is not None:
            for c in self.sign_chars:   # (a loop: no generator made a sentence)
                if c in ftext:
                    blanked = self.sign_glued.sub(" ", ftext)
                    break
        # (the folds, where given, joined by single white space characters: chunk_folds)
        numbers = self.numbers.find(blanked, chunks, folds is not None) if blanked is ftext \
            else self.numbers.find(blanked)
        out = []
        for s, e, unit in duals:
            fs, fe = folded.span(s, e)
            out.append(new_quantity_value(2, "exact", unit, fs, fe, text[fs:fe]))
        if not numbers:
            # no dual in any chunk, and none the gate admits (read by the number reader in the same
            # chunks: no sign was blanked): every chunk is plain
            if not out and blanked is ftext and self.numbers.gate.refused(chunks):
                if len(plain) >= 200_000:   # bounded on a long run
                    plain.clear()
                plain.update(chunks)
            return out
        # phone numbers mask the numbers that begin in them, which are written in digits (a number
        # in words begins with a letter): no phone search where every number is in words
        masked = ()
        for num in numbers:   # (a loop, not all() of a generator)
            if not num.words:
                # (searched from the run of a phone number's characters that holds the first number in
                # digits: a phone number before it holds none of the numbers, and lies in a run before)
                masked = [(m.start(), m.end()) for m in _PHONE.finditer(ftext, _phone_run_start(ftext, num.start))
                          if sum(c.isdigit() for c in m.group()) >= 7]
                break
        for num in numbers:
            if masked and any(s <= num.start < e for s, e in masked):
                continue
            q = self._quantity(ftext, num)
            if q is None:
                continue
            qs, qe, value, qualifier, unit = q
            s, e = folded.span(qs, qe)
            if out and any(d.start < e and s < d.end for d in out):
                continue   # a dual already read there
            out.append(new_quantity_value(value, qualifier, unit, s, e, text[s:e]))
        return sorted(out, key=_START) if len(out) > 1 else out

    def _duals_of(self, ftext: str, chunks: Sequence[str], spaced: bool) -> list[tuple[int, int, str]]:
        """The duals of a folded text, (start, end, unit) in text order, from its chunks (text_chunks),
        each chunk's duals found once: a sentence that holds a dual is not scanned again at each
        sentence. (A match of dual_words lies inside one chunk, and the white space around a chunk
        is no \\w, as the chunk's ends are to a search of the chunk alone: the same matches)
        `spaced`: the text is its chunks joined by single white space characters."""
        free, found = self._dual_free, self._chunk_duals
        if len(free) >= 200_000 or len(found) >= 100_000:   # bounded on a long run
            free.clear()
            found.clear()
        endings = self.dual_endings
        for chunk in set(chunks).difference(free, found):   # (the chunks not read yet: most often none)
            if chunk.isalpha() and not chunk.endswith(endings):   # (one word with no dual ending: no call)
                free.add(chunk)
                continue
            in_chunk = self._duals_in(chunk)
            if in_chunk:
                found[chunk] = in_chunk
            else:
                free.add(chunk)
        duals = []
        if spaced:
            # only the chunks that hold a dual (a few of a sentence's), found in C, each placed by
            # the lengths before it: not a walk of every chunk, each found in the text
            for k in compress(count(), map(found.__contains__, chunks)):
                at = sum(map(len, chunks[:k])) + k
                for s, e, unit in found[chunks[k]]:
                    duals.append((at + s, at + e, unit))
            return duals
        at = 0
        for chunk in chunks:
            at = ftext.find(chunk, at)   # (only white space lies between it and the last chunk)
            for s, e, unit in found.get(chunk, ()):
                duals.append((at + s, at + e, unit))
            at += len(chunk)
        return duals

    def _duals_in(self, chunk: str) -> tuple[tuple[int, int, str], ...]:
        """The duals of a chunk of text between white space: (start, end, unit), offsets in the chunk."""
        # a chunk of letters alone (most) is one word, a dual's only where it ends with an ending
        if chunk.isalpha() and not chunk.endswith(self.dual_endings):
            return ()
        out = []
        known = self._duals    # (the memo of _dual read here first: one look-up, no call, per word)
        for m in self.dual_words.finditer(chunk):
            w = m.group()
            hit = known.get(w, _UNSEEN)
            if hit is _UNSEEN:
                hit = self._dual(w)
            if hit is not None:   # the clitics stripped stay outside the span
                out.append((m.end() - hit[0], m.end(), hit[1]))
        return tuple(out)

    def _dual(self, word: str) -> tuple[int, str] | None:
        hit = self._duals.get(word, _UNSEEN)
        if hit is not _UNSEEN:
            return hit
        hit = None
        if any(word.endswith(x) and len(word) - len(x) >= 2 for x in self.dual_endings) \
                and _DIGIT_OR_UNDERSCORE.search(word) is None:   # a word of letters only (no \d, no _)
            form = next((f for f in self.profile.lookup_forms(word) if f in self.dual_units), None)
            if form is not None:
                hit = (len(form), self.dual_units[form])
        if len(self._duals) >= 100_000:   # bounded on a long run
            self._duals.clear()
        self._duals[word] = hit
        return hit

    def _quantity(self, ftext: str, num: NumberMatch):
        if self.partitive and self.partitive.match(ftext, num.start):
            return None
        left = ftext[num.start - _WINDOW if num.start > _WINDOW else 0:num.start]
        if _GLUED.search(left, len(left) - 2):   # (only the last two characters can match)
            left = ""   # a conjunct (و31 إصابة): the words before it belong to the previous item
        right = ftext[num.end:num.end + _WINDOW]
        span_start = num.start
        qualifier = None
        # (the end of the text before the number, which each search that ends it tests: worked out
        # once, and again only where the text is cut)
        tail = text_end(left)
        # (no pattern tested by its last words can end the text before the number: those not searched.
        # Then no sign before the number moves its start, nor a qualifier cuts the text: `tail` stays)
        united = self.before_last_words
        quiet = united is not None and ((ends := united.get(tail[-1:])) is None or not tail.endswith(ends))
        money = self._money(left, right, num, tail, quiet)
        if money is not None and money[0] < num.start:
            left = left[:len(left) - (num.start - money[0])]   # "more than $5 billion": the sign is in the way
            tail = text_end(left)
            span_start = money[0]
        elif money is None and not num.words and len(num.text) == 4 and _looks_like_year(num) \
                and self._counted_noun(right)[0] is None:
            # "قتل في 2002", "killed in 2014": a year that counts no noun, whatever the words before
            # it, told before the text before it is searched (the year tests below, after those
            # searches, went: a year that reaches them counts a noun, so has a unit)
            return None
        m = self.left_qualifier.search(left, tail) if self.left_qualifier and not quiet else None
        if m:
            qualifier = m.lastgroup
            span_start = span_start - (len(left) - m.start(m.lastgroup))
            left = left[:m.start()]
            tail = text_end(left)
        if money is not None:
            return span_start, max(money[1], num.end), num.value, qualifier or "exact", "money"
        if (self.blocked_after.match(right) or self.month_after.match(right)
                or not quiet and (self.blocked_before.search(left, tail) or self.month_before.search(left, tail))):
            return None
        unit = None if quiet else self._cue(self.cue_before, left, tail)
        if not unit and self.blocked_before_gap and self.blocked_before_gap.search(left, tail):
            return None
        noun_unit, noun_end = self._counted_noun(right)
        if noun_unit in self.cue_keeps or (noun_unit in self.cue_units and not unit):
            unit = noun_unit          # "200 families"; an outcome noun: "22 dead and 40 wounded"
        unit = (unit or self._cue(self.cue_before_gap, left, tail) or self._cue(self.toll_before, left, tail)
                or noun_unit)
        after = right[noun_end:]
        # (a cue after the noun is looked for only where it would set the unit, and where the text
        # after the noun holds one of its words)
        if (not unit or unit == noun_unit) and noun_unit not in self.cue_keeps \
                and holds_one_of(after, self.cue_after_words):
            unit = self._cue_match(self.cue_after, after) or unit
        # (`after` ends `right`: where `right` holds none of the qualifiers' words, neither does `after`)
        if qualifier is None and self.right_qualifier and holds_one_of(right, self.right_qualifier_words):
            rq = self.right_qualifier.match(right)
            rq = rq or (self.right_qualifier.match(after) if noun_end else None)
            qualifier = rq.lastgroup if rq else None
        if unit is None:
            if num.words and num.text in self.needs_noun:
                return None
            unit = "other"
        if num.vague:
            qualifier = "vague"
        return span_start, num.end + noun_end, num.value, qualifier or "exact", unit

    def _money(self, left: str, right: str, num: NumberMatch, tail: str | None = None,
               quiet: bool = False) -> tuple[int, int] | None:
        """The span of an amount of money (currency sign or word included), or None. `tail`:
        text_end(left), where the caller has it; `quiet`: it ends with no currency sign (_quantity)."""
        m = self.currency_before.search(left, tail) if self.currency_before and not quiet else None
        if m:
            return num.start - (len(left) - m.start()), num.end
        m = self.currency_after.match(right) if self.currency_after else None
        if m:
            return num.start, num.end + m.end()
        return None

    @staticmethod
    def _cue(regex: AtEnd | None, left: str, tail: str | None = None) -> str | None:
        if regex is None:
            return None
        m = regex.search(left, tail)
        return m.lastgroup if m else None

    @staticmethod
    def _cue_match(regex: re.Pattern | None, right: str) -> str | None:
        if regex is None:
            return None
        m = regex.match(right)
        return m.lastgroup if m else None

    def _counted_noun(self, right: str) -> tuple[str | None, int]:
        """The unit of the noun a number counts, and where that noun ends in `right` (folded):
        the first unit noun (or two-word noun) within `max_gap` other words, across skip words.
        The words are read as far as they can be, up to punctuation, a number or `max_gap` + 5
        words. (Words read one at a time and each answered as soon as the next is read: the reading
        stops at the noun, most often the first word, instead of reading every word up to that
        bound first)"""
        known = self._readings
        most = self.max_gap + 5   # words read at most
        max_gap = self.max_gap
        read = gap = 0
        pending = None   # (forms, unit, end, skipped) of a word that may begin a two-word noun
        for m in _TOKEN.finditer(right):
            word = m.group()
            reading = known.get(word, _UNSEEN)
            if reading is _UNSEEN:   # once per word, not per number it follows
                if len(known) >= 100_000:
                    known.clear()
                reading = known[word] = self._word_reading(word)
            if reading is None or read == most:
                break
            read += 1
            forms, unit, starts_pair, skipped = reading
            if pending is not None:   # the word before, read with this one as its second word
                pair = self._pair_unit(pending[0], forms)
                if pair:
                    return pair, m.end()
                if pending[1]:
                    return pending[1], pending[2]
                if not pending[3]:
                    gap += 1
                    if gap > max_gap:
                        return None, 0
                pending = None
            if starts_pair:
                pending = (forms, unit, m.end(), skipped)
                continue
            if unit:
                return unit, m.end()
            if not skipped:
                gap += 1
                if gap > max_gap:
                    return None, 0
        if pending is not None and pending[1]:   # the last word read, with no word after it
            return pending[1], pending[2]
        return None, 0

    def _word_reading(self, word: str) -> tuple[tuple[str, ...], str | None, bool, bool] | None:
        """What the counted-noun search asks of a word: None for punctuation or a number (the
        search stops there); else (its forms, the unit it names alone, whether it may begin a
        two-word noun, whether it is a skip word)."""
        if _PUNCT.match(word) or word[0].isdigit():
            return None
        forms = self._forms(self.profile.lookup_forms(word))
        unit = next((u for u in map(self.units.get, forms) if u), None)
        return forms, unit, not self._pair_firsts.isdisjoint(forms), not self.skip.isdisjoint(forms)

    def _pair_unit(self, first: tuple[str, ...], second: tuple[str, ...]) -> str | None:
        for a in first:
            for b in second:
                unit = self.units.get(f"{a} {b}")
                if unit:
                    return unit
        return None

    def _forms(self, forms: tuple[str, ...]) -> tuple[str, ...]:
        if not self.suffixes:
            return forms
        extra = [f[: -len(s)] for f in forms for s in self.suffixes
                 if f.endswith(s) and len(f) - len(s) >= 2]
        return forms + tuple(extra)


SUBSET_MAX_WORDS = 8   # words between a count and its part, cue included


def _looks_like_year(num: NumberMatch) -> bool:
    return not num.words and num.text.isdigit() and len(num.text) == 4 and 1900 <= num.value <= 2100


@lru_cache(maxsize=None)
def recogniser(lang: str) -> QuantityRecogniser:
    return QuantityRecogniser(lang)


def subset_heads(text: str, quantities: list[QuantityValue], lang: str) -> dict[int, int]:
    """Which quantities (by index) are part of the count before them ("killed 18, including six
    staff", "بينهم عشرات الأطفال"): index -> index of that count."""
    return recogniser(lang).subset_heads(text, quantities)


def plain_chunks(lang: str) -> set[str]:
    """The folded chunks the quantities know to hold no quantity (no dual, none the number reader's
    gate admits): a text made only of them holds none."""
    return recogniser(lang)._plain


def find_quantities(text: str, lang: str, folded: Folded | None = None,
                    folds: Sequence[str] | None = None) -> list[QuantityValue]:
    """Every counted quantity in `text` (a sentence), with its span as written: from the
    qualifier, if any, through the number to its counted noun, if any. `folded`: the text's
    folded copy (coder.lang.numbers.folded) when the caller has it already (the dates' scan);
    `folds`: its chunks' folds (coder.lang.chunk_folds), likewise."""
    return recogniser(lang).find(text, folded, folds)
