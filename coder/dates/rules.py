"""The date rules of one language, compiled once from `lexicon/<lang>/dates.yaml`.

Each rule's pattern has {slots} (month names, weekdays, numbers...) filled with alternations of the
data file's word lists, and every rule becomes one branch of a single regex, so a sentence is
scanned once. Group names are prefixed with the rule's index (`r3_day`) because a regex cannot
repeat a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from coder.dates import first_chars, pattern_cache
from coder.lang import profile
from coder.lang.word_gate import _LETTER_RUNS, matches_at_word_starts, matches_searched   # (the gate's letter runs)
from coder.lexicon.load import LexiconError
from coder.lexicon.schema import DATE_RESOLVERS, DATE_UNITS
from coder.lang.numbers import WordGate, alternation, load_lexicon, prepare_fold, reader, text_chunks

RESOLVERS, UNITS = DATE_RESOLVERS, DATE_UNITS
_SLOT = re.compile(r"\{(\w+)\}")
_NAMED = re.compile(r"\(\?P<(\w+)>")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Slots that are captured under another slot's name or not at all.
_ALIASES = {"month_safe": "month", "weekday_bare": "weekday", "month_alt": None}
# A match of a rule holding one of these slots holds one of the slot's words (or a year). Ordinal
# day words (الثاني، الأول) are common words and always come with a month, so they are no trigger.
_WORD_SLOTS = {"month", "month_safe", "weekday", "weekday_bare", "unit", "year"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Characters the guards test (see first_chars), measured on news text: a branch's guard, four (the
# Arabic regex's time halves against one; longer only grow the regex); the guard of the whole
# alternation, six (a word that begins no date, most words, fails it once instead of once a
# branch: the time halves again).
_GUARD_DEPTH = 4
_ALTERNATION_GUARD_DEPTH = 6


def guarded(branch: str) -> str:
    """`branch` behind a look-ahead of its first characters."""
    return first_chars.guarded(branch, _GUARD_DEPTH)


def guarded_alternation(alternation: str) -> str:
    """The alternation of the (guarded) branches behind a look-ahead of what any of them begins with."""
    return first_chars.guarded(alternation, _ALTERNATION_GUARD_DEPTH)


def date_pattern(lead: str, branches: list[str]) -> tuple[str, frozenset[str] | None]:
    """The date regex's pattern: each branch passed over where it cannot begin (guarded), the
    alternation behind a guard of its own; and the runs of letters a date can hold (None: not known;
    first_chars.letter_runs), for DateRules._window_start."""
    pattern = lead + guarded_alternation("(?:" + "|".join(guarded(b) for b in branches) + ")") + r"(?!\w)"
    # (behind \b where its matches are proven to begin at a word's start: DateRules.find_all)
    return first_chars.at_word_start(pattern), first_chars.letter_runs(pattern)


@dataclass
class Rule:
    id: str
    resolve: str
    unit: str | None = None
    offset: int = 0
    groups: dict[str, list[str]] = field(default_factory=dict)   # slot -> its group names


def _bad_pattern(rules: list[Rule], branches: list[str], error: re.error, where: str) -> LexiconError:
    """The error of a date regex that does not compile, naming the rule whose branch is bad. Each
    branch is compiled alone only here, once the whole regex has failed: at every start, compiling
    each took 4 ms (English) and 11 ms (Arabic) of the date rules' 30 and 52."""
    for rule, branch in zip(rules, branches):
        try:
            re.compile(branch)
        except re.error as e:
            return LexiconError(f"{where}: rule {rule.id} has a bad pattern ({e}); fix the regex")
    return LexiconError(f"{where}: the rules' patterns do not make one regex ({error}); fix the regex")


class DateRules:
    def __init__(self, lang: str):
        data = load_lexicon(lang, "dates")
        where = f"lexicon/{lang}/dates.yaml"
        self.lang = lang
        norm = profile(lang).normalise
        self.normalise = norm
        self.numbers = reader(lang)
        self.months = _table(data.get("months"), norm, 1, 12, f"{where}: months")
        self.weekdays = _table(data.get("weekdays"), norm, 0, 6, f"{where}: weekdays")
        self.day_words = _table(data.get("day_words"), norm, 1, 31, f"{where}: day_words")
        self.units: dict[str, tuple[str, int | None]] = {}   # word -> (unit, implied count)
        for section, count in (("units", 1), ("plural_units", None), ("dual_units", 2)):
            for unit, words in (data.get(section) or {}).items():
                if unit not in UNITS:
                    raise LexiconError(f"{where}: {section} has unit {unit!r}; use one of {UNITS}")
                for w in words:
                    self.units[" ".join(norm(w).split())] = (unit, count)
        self.dateparser_phrase = data.get("dateparser_phrase", "{count} {unit} ago")
        self.dateparser_units = data.get("dateparser_units") or {}
        self.dateparser_options = data.get("dateparser") or {"languages": [lang]}
        need_cue_months = {norm(w) for w in data.get("months_need_cue") or []}
        need_cue_days = {norm(w) for w in data.get("weekdays_need_cue") or []}
        slots = {
            "day": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)",
            "month_num": r"(?:1[0-2]|0?[1-9])(?!\d)",
            "year": r"(?:19|20)\d{2}(?!\d)",
            "month": _words(self.months),
            "month_alt": _words(self.months),
            "month_safe": _words(w for w in self.months if w not in need_cue_months),
            "weekday": _words(self.weekdays),
            "weekday_bare": _words(w for w in self.weekdays if w not in need_cue_days),
            "day_word": _words(self.day_words) if self.day_words else "(?!)",
            "unit": _words(self.units),
            "count": r"\d+|" + self.numbers.words_pattern,
        }
        self.rules: list[Rule] = []
        # a match's rule by the name of its branch's group (a match's lastgroup: _compile_rule)
        self.rule_of_group: dict[str, Rule] = {}
        branches = []
        triggers = list(self.months) + list(self.weekdays) + list(self.units)
        for i, spec in enumerate(data.get("rules") or []):
            rule, branch = self._compile_rule(i, spec, slots, where)
            self.rules.append(rule)
            self.rule_of_group[rule_group(i)] = rule
            branches.append(branch)
            if not set(_SLOT.findall(spec["pattern"])) & _WORD_SLOTS:
                if not spec.get("triggers"):
                    raise LexiconError(f"{where}: rule {rule.id} has no word slot, so it needs "
                                       f"`triggers`: words one of which every match contains")
                triggers += [self.normalise(w) for w in spec["triggers"]]
        self.gate = WordGate(triggers, self.numbers.prefixes, also=_YEAR)
        if not branches:
            raise LexiconError(f"{where} has no `rules`: add at least one (see ../en/dates.yaml)")
        clitics = load_lexicon(lang, "numbers").get("clitics") or ""
        lead = f"(?<!\\w)(?:{clitics})??" if clitics else r"(?<!\w)"
        # the pattern analysed (guards, letter runs) once, then read from the on-disk cache
        try:
            pattern, self.inside_words = pattern_cache.analysed(lang, lead, branches, date_pattern)
            self.regex = re.compile(pattern)
        except re.error as e:
            raise _bad_pattern(self.rules, branches, e, where) from None
        # (every match begins at a word's start: find_all tries those alone)
        self.at_word_starts = pattern.startswith("\\b")
        prepare_fold(lang)

    def _window_start(self, chunks: Sequence[str], admitting: int, floor: int) -> int:
        """The first chunk, not before `floor`, that a date holding the chunk `admitting` (one the
        gate admits) may begin in. Every date holds a word the gate admits, so one that begins before
        that chunk runs through it, and every chunk between lies wholly inside it: each of their runs
        of letters is one the regex's matches can hold (inside_words)."""
        inside = self.inside_words
        if inside is None:   # (not known: a date may begin anywhere from the floor on)
            return floor
        k = admitting - 1
        while k >= floor:
            chunk = chunks[k]
            if chunk.isalpha():   # (most chunks: one word, a set test)
                if chunk not in inside:
                    # a word no date holds: no date begins in it either (one begins where no word
                    # character is before it, so at the word's start, and would hold it whole): the
                    # date begins in the chunk after it
                    return k + 1
            elif not inside.issuperset(_LETTER_RUNS.findall(chunk)):
                return k
            k -= 1
        return floor

    def find_all(self, folded: str, chunks: Sequence[str] | None = None, spaced: bool = False,
                 first: int | None = None) -> list[re.Match]:
        """Every match of the regex in a folded text, as finditer() finds them from its start.
        `chunks`: the text's chunks (text_chunks), where the caller has them; `spaced`: the text is
        they joined by single white space characters (their offsets are their lengths added up);
        `first`: the index of the first of them the gate admits (WordGate.first_admitting), likewise.
        Every date holds a word the gate admits and begins at a word's start (the pattern begins
        with \\b: date_pattern), in one of the chunks before such a word that _window_start
        allows, or in the word's own chunk: the regex is matched at those words' starts alone, in
        order, each date's end the least start of the next. A search from the first such chunk
        tried about ten times as many word starts on news: those between the dates and after the
        last to the text's end, where the search for one more date goes on for nothing. A text not
        spaced, or a pattern whose first characters are not known to be word characters, is
        searched (matches_searched)."""
        if chunks is None:
            chunks = text_chunks(folded)
            spaced = len(folded) + 1 == sum(map(len, chunks)) + len(chunks)
        gate = self.gate
        a = gate.first_admitting(chunks) if first is None else first
        if a is None:
            return []
        if not (spaced and self.at_word_starts):
            return matches_searched(self.regex, folded, chunks, gate, a, self._window_start)
        return matches_at_word_starts(self.regex.match, folded, chunks, gate, a, self._window_start)

    def _compile_rule(self, i: int, spec: dict, slots: dict, where: str) -> tuple[Rule, str]:
        rid, resolve = spec.get("id"), spec.get("resolve")
        if not rid or resolve not in RESOLVERS or not spec.get("pattern"):
            raise LexiconError(f"{where}: rule {spec!r} needs an `id`, a `pattern` and "
                               f"`resolve` (one of {RESOLVERS})")
        if spec.get("unit") not in (None, *UNITS):
            raise LexiconError(f"{where}: rule {rid}: unit must be one of {UNITS}")
        rule = Rule(rid, resolve, spec.get("unit"), int(spec.get("offset", 0)))
        pattern = _NON_ASCII.sub(lambda m: self.normalise(m.group()), spec["pattern"])
        pattern = _NAMED.sub(lambda m: self._group(rule, i, m.group(1)), pattern)

        def fill(m: re.Match) -> str:
            slot = m.group(1)
            if slot not in slots:
                raise LexiconError(f"{where}: rule {rid} uses unknown slot {{{slot}}}; "
                                   f"known slots: {sorted(slots)}")
            name = _ALIASES.get(slot, slot)
            if name is None:
                return f"(?:{slots[slot]})"
            return self._group(rule, i, name) + slots[slot] + ")"

        pattern = _SLOT.sub(fill, pattern)
        return rule, f"(?P<{rule_group(i)}>{pattern})"

    @staticmethod
    def _group(rule: Rule, i: int, name: str) -> str:
        names = rule.groups.setdefault(name, [])
        group = f"r{i}_{name}" + (f"__{len(names)}" if names else "")
        names.append(group)
        return f"(?P<{group}>"

    def slot(self, m: re.Match, rule: Rule, name: str) -> str | None:
        for group in rule.groups.get(name, ()):
            value = m.group(group)
            if value is not None:
                return value
        return None


def rule_group(i: int) -> str:
    """The name of the group that is the `i`th rule's branch of the date regex: the lastgroup of its
    matches (the branch closes after the groups of its slots)."""
    return f"r{i}"


def _table(raw, norm, lo: int, hi: int, where: str) -> dict[str, int]:
    table = {}
    for key, words in (raw or {}).items():
        if not (isinstance(key, int) and lo <= key <= hi):
            raise LexiconError(f"{where}: key {key!r} must be a number from {lo} to {hi}")
        for w in words:
            table[" ".join(norm(w).split())] = key
    return table


def _words(words) -> str:
    return f"(?:{alternation(words)})(?!\\w)"
