"""longest_non_overlapping's shortcut: a list in the order of the sentence that overlaps nowhere is
kept whole, as the greedy pass keeps it; a list out of order or with an overlap still goes through
the greedy pass."""
from __future__ import annotations

import random

from coder.model import Mention
from coder.spans import longest_non_overlapping


def _mention(first: int, last: int, name: str) -> Mention:
    return Mention("actor", first, last, first, last + 1, name, None)


def test_ordered_disjoint_mentions_are_all_kept_in_order():
    rng = random.Random(7)
    for _ in range(200):
        mentions, first = [], 0
        for n in range(rng.randrange(0, 7)):
            first += rng.randrange(0, 3)       # adjacent or apart, never overlapping
            last = first + rng.randrange(0, 3)
            mentions.append(_mention(first, last, str(n)))
            first = last + 1
        kept = longest_non_overlapping(mentions)
        assert [m.text for m in kept] == [m.text for m in mentions]
        assert kept is not mentions


def test_disjoint_mentions_out_of_order_come_back_sorted():
    mentions = [_mention(5, 6, "later"), _mention(0, 1, "earlier")]
    assert [m.text for m in longest_non_overlapping(mentions)] == ["earlier", "later"]


def test_an_overlap_keeps_the_longest():
    mentions = [_mention(0, 0, "short"), _mention(0, 2, "long"), _mention(3, 3, "after")]
    assert [m.text for m in longest_non_overlapping(mentions)] == ["long", "after"]
