"""The grammar words of a sentence as one index: the matcher (coder.recognise.matcher) makes no
mention of each (a dozen a sentence) but gathers them, by role, onto the list of mentions it
returns; the rules and the rows read them from there."""
from __future__ import annotations


class Mentions(list):
    """The matcher's mentions of one sentence, with the index of its grammar words: `grammar_roles`,
    each role's tokens (every word of a marker of several words); `grammar_markers`, each node of
    markers found as (first token, last token, the grammar entries ending there), in the order found;
    `word_kinds`, the positions of the sentence's counts and punctuation and its watched lookup forms
    where the matcher was given the language's reader of them (the rules' counts pass), else None;
    `date_marker_words`, the positions of the words whose forms start a date marker where it was also
    given their first words (coder.dates.markers), else None; `triggers`, `actor_mentions` (actors and
    agents) and `discards`, its mentions of each kind in the list's order, and `actor_words`, the
    positions of the words of its actor mentions."""
    __slots__ = ("grammar_roles", "grammar_markers", "word_kinds", "date_marker_words", "triggers",
                 "actor_mentions", "discards", "actor_words")


def by_kind(mentions: list) -> tuple[list, list, list, set[int]]:
    """The trigger, actor (and agent) and discard mentions of a list the matcher did not make, and the
    words of the actor mentions, as the matcher's Mentions keeps them (its triggers, ...; grammar
    words are none of them): for mentions made otherwise (`coder explain`, tests)."""
    triggers, actors, discards, actor_words = [], [], [], set()
    for m in mentions:
        if m.kind == "trigger":
            triggers.append(m)
        elif m.kind == "actor" or m.kind == "agent":
            actors.append(m)
            actor_words.update(range(m.first, m.last + 1))
        elif m.kind == "discard":
            discards.append(m)
    return triggers, actors, discards, actor_words


def grammar_markers(mentions: list) -> list[tuple]:
    """(first token, last token, grammar entries) of each grammar word of a sentence: the matcher's
    index where the mentions are its own (Mentions), else read from the grammar mentions."""
    markers = getattr(mentions, "grammar_markers", None)
    if markers is not None:
        return markers
    return [(m.first, m.last, (m.entry,)) for m in mentions if m.kind == "grammar"]


def grammar_roles(mentions: list) -> dict[str, set[int]]:
    """Each grammar role's tokens (every word of a marker of several words): the matcher's index
    where the mentions are its own (Mentions), else gathered from the grammar mentions."""
    roles = getattr(mentions, "grammar_roles", None)
    if roles is not None:
        return roles
    roles = {}
    for first, last, entries in grammar_markers(mentions):
        for e in entries:
            roles.setdefault(e.role, set()).update(range(first, last + 1))
    return roles
