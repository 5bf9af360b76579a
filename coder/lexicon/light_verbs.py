"""The light verbs of one word as one trigger: make, take, give, hold, اتخذ, شن ... are the verb of
dozens of light-verb entries each (one an object: "took control", "took part", "took hostages"), and
a sentence holds about eight such entries on two or three words. The matcher (coder.recognise.matcher)
makes one trigger mention for a word's light verbs of one kind, whose entry is their LightVerbs; the
rules (coder.rules.engine._select_triggers) try each entry's object in turn, in the lexicon's order."""
from __future__ import annotations

from coder.lexicon.load import NO_EVENT, Trigger


class LightVerbs:
    """Light-verb entries ending at one trie node that share a part of speech and an event reading
    or a no-event one: to the readers of a trigger mention's entry (the syntax stage's reading pass,
    the rules' first tests) they are one entry. `entries` in the lexicon's order; `pos`, `code`
    (NO_EVENT or an event code, as every entry's: the first's), `speech` (any entry's) and `objects`
    (the first entry's: its readers ask only whether there are any) as an entry's. (No union of the
    entries' objects: built for each new word, it cost a first sight more than it spared the rules.)"""
    __slots__ = ("entries", "pos", "code", "speech", "objects")

    def __init__(self, entries: tuple[Trigger, ...]):
        first = entries[0]
        self.entries, self.pos, self.code, self.objects = entries, first.pos, first.code, first.objects
        self.speech = False
        for e in entries:
            if e.speech:
                self.speech = True
                break

    def __repr__(self) -> str:
        return f"LightVerbs({', '.join(e.rule_id for e in self.entries)})"


def light_verb_phrases(entries: list[Trigger]) -> list[tuple]:
    """The phrases (kind, entry, rule id) of a node's light-verb entries: one LightVerbs where they
    share a part of speech and a reading (event, or none), as at most nodes; else one for each kind,
    in the order of the kinds' first entries, and an entry alone in its kind as itself."""
    first = entries[0]
    if len(entries) == 1:
        return [("trigger", first, first.rule_id)]
    pos, no_event = first.pos, first.code == NO_EVENT
    for e in entries:
        if e.pos != pos or (e.code == NO_EVENT) is not no_event:
            break
    else:
        return [("trigger", LightVerbs(tuple(entries)), "")]
    kinds: dict[tuple[str, bool], list[Trigger]] = {}   # (a node's light verbs of two kinds: few)
    for e in entries:
        kinds.setdefault((e.pos, e.code == NO_EVENT), []).append(e)
    return [("trigger", LightVerbs(tuple(group)), "") if len(group) > 1 else ("trigger", group[0], group[0].rule_id)
            for group in kinds.values()]
