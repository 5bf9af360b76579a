"""A light verb's object: the window after the verb in which an object phrase of its entry must
start (coder.rules.engine._select_triggers), and which tokens count towards that window."""
from __future__ import annotations

from typing import Optional

from coder.lexicon.load import Trigger
from coder.rules.counts import is_number
from coder.rules.types import PUNCT_BARRIER
from coder.spans import phrase_at

OBJECT_WINDOW = 5       # tokens after a light verb in which its object must appear (a language may set its own)
# object_end's answer when its window crosses a comma and its `stops` are None (not read yet): the
# caller reads them then and asks again (most windows never cross one: the stops are rarely read)
STOPS_WANTED = (-1, -1)


def object_end(toks, start: int, entry: Trigger, countable: list[bool],
                skip: frozenset[int] | set[int] = frozenset(),
                stops: frozenset[int] | set[int] | None = frozenset(),
                window: int = OBJECT_WINDOW) -> Optional[tuple[int, int]]:
    """(first, last) token of the first object phrase within `window` tokens after `start`,
    counting only the `countable` tokens (countable: not actor words on the way, where the subject of
    a verb-first clause sits, nor a number, "pledged 500 million euros in military aid", nor
    punctuation, which must be False there). Past a comma the search ends
    at another verb (`stops`): an object never spans a clause of its own ("send air defences, a day
    after Russia fired 80 missiles"), while an infinitive before it is crossed ("urged X to resume talks").
    With `stops` None, a window that gets past a comma answers STOPS_WANTED (asked again with them,
    the same search answers)."""
    counted, punctuated = 0, False
    by_first = entry.objects_by_first
    firsts = by_first.keys()    # (one test in C per token: most words start no object)
    if window <= 0:
        return None
    # (a for loop over the positions, the window's end tested only where a word counts: fewer steps a
    # token than a while loop's two tests and its increment)
    for j in range(start, len(toks)):
        t = toks[j]
        # skipped: the verb's own subject, and the inner words of a multi-word actor name
        # ("وحدات حماية الشعب": not "protection"); asked only of a word that starts an object, few
        if not firsts.isdisjoint(t.forms) and j not in skip:
            for f in t.forms:
                objs = by_first.get(f)
                if objs:
                    for obj in objs:
                        if phrase_at(toks, j, obj):
                            return j, j + len(obj) - 1
        if punctuated:
            if stops is None:
                return STOPS_WANTED
            if j in stops:
                return None
        if countable[j]:
            counted += 1
            if counted >= window:   # (the window's last counted word: no word after it is read)
                return None
        elif t.norm in PUNCT_BARRIER:  # (punctuation never counts: asked only of the words that do not)
            punctuated = True
    return None


def countable(toks, actor_tokens, tags, lang: str, numbers: set[int], marks: set[int]) -> list[bool]:
    """Per token: does it count towards an object window? Not actor words, counts and punctuation
    (`marks`, found once a sentence: "سيطر مسلحو «داعش»، أمس، على مدينة"), nor the adverbs of time the
    stage tags ("وقّع X وY، مساء أمس الاثنين، اتفاقاً"). The same for every trigger of the sentence:
    worked out once."""
    out = [True] * len(toks)
    for j in marks:
        out[j] = False
    # a count as written is a count read through the article too: only those few are asked
    for j in numbers:
        if is_number(toks[j], lang):
            out[j] = False
    for j in actor_tokens:
        out[j] = False
    j = -1
    for _ in range(tags.count("ADV")):  # (each adverb found in C: no Python step a token)
        j = tags.index("ADV", j + 1)
        out[j] = False
    return out
