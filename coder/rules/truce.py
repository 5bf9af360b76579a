"""A truce that takes effect: "A ceasefire between Armenia and Azerbaijan took effect at midnight" is
a truce declared (0871) by the parties between whom it holds, each way (a reciprocal class). The
onset verbs ("take effect", "begin") are an event only with a truce as their subject."""
from __future__ import annotations

from coder.rules.types import PUNCT_BARRIER, Hit

# lexicon entries (any language) of a truce's onset
ONSET_ENTRIES = ("truce_takes_effect",)
# (an entry's name is its rule id's last part: one suffix test, no split of every rule id)
_ONSET_ENDINGS = tuple("." + e for e in ONSET_ENTRIES)
SUBJECT_SPAN = 8   # words back to the truce noun: "a 72-hour truce between the government and the Houthis came"


def may_name_onset(rule_ids: str) -> bool:
    """Can an onset entry be among the rule ids joined in `rule_ids`? (An entry's name is in its rule
    id: one search in C an entry, where truce_onsets tests every trigger in Python.)"""
    for name in ONSET_ENTRIES:
        if name in rule_ids:
            return True
    return False


def truce_onsets(hits: list[Hit], toks, truce_nouns: set[int], trace: list[str]) -> list[Hit]:
    kept = []
    for h in hits:
        rule_id = h.entry.rule_id
        if (rule_id.endswith(_ONSET_ENDINGS) or rule_id in ONSET_ENTRIES) and not _truce_before(h.first, toks, truce_nouns):
            trace.append(f"{h.mention.text!r}: no truce as its subject, no event")
            continue
        kept.append(h)
    return kept


def _truce_before(first: int, toks, truce_nouns: set[int]) -> bool:
    for i in range(first - 1, max(first - 1 - SUBJECT_SPAN, -1), -1):
        if toks[i].norm in PUNCT_BARRIER:
            return False
        if i in truce_nouns:
            return True
    return False
