"""The front stages' seventeenth speed round (coder/records.py, ...): each rewritten piece is checked
against the logic it had (a reference copy here) or against what the round before made, on sentences
written for these tests."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from coder import records
from tests.test_front_speed16 import MATCHER_SENTENCES, _former_match, _mention_fields

LANGS = ("ar", "en")


# ---------------------------------------------------------------- Mention with slots

@dataclasses.dataclass
class _FormerMention:
    """Mention as it was: a dataclass without slots, its last two fields' defaults in the class."""
    kind: str
    first: int
    last: int
    start: int
    end: int
    text: str
    entry: object
    rule_id: str = ""
    first_form: int = 0


def _as_former(m: records.Mention) -> _FormerMention:
    return _FormerMention(*dataclasses.astuple(m))


@pytest.mark.parametrize("args", [
    ("actor", 1, 2, 4, 12, "Iraq army", None),
    ("trigger", 0, 0, 0, 4, "قصف", "entry", "r12"),
    ("grammar", 3, 3, 9, 11, "in", None, "", 2),
])
def test_mention_is_the_dataclass_it_was(args):
    m, former = records.Mention(*args), _FormerMention(*args)
    assert dataclasses.astuple(m) == dataclasses.astuple(former)
    assert [f.name for f in dataclasses.fields(m)] == [f.name for f in dataclasses.fields(former)]
    assert repr(m) == repr(former).replace("_FormerMention", "Mention")
    assert m == records.Mention(*dataclasses.astuple(m)) and m != dataclasses.replace(m, last=m.last + 1)
    assert records.Mention(**dataclasses.asdict(former)) == m
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(TypeError):
        hash(m)


def test_mention_defaults_and_slots():
    m = records.Mention("actor", 1, 2, 4, 12, "Iraq army", None)
    assert (m.rule_id, m.first_form) == ("", 0)
    assert not hasattr(m, "__dict__")   # (the point: no values array an instance)
    with pytest.raises(AttributeError):
        m.other = 1
    with pytest.raises(TypeError):
        records.Mention("actor", 1, 2, 4, 12, "Iraq army")   # (entry has no default, as before)


@pytest.mark.parametrize("lang", LANGS)
def test_matcher_mentions_equal_the_former_records(lang):
    """The matcher's mentions, field by field, as the round before's matcher made them, and each
    equal to the former dataclass built from its fields."""
    from coder.lexicon.load import load
    from coder.pipeline import sentences
    from coder.recognise.matcher import match
    trie = load(lang).trie
    for text in MATCHER_SENTENCES[lang]:
        for sent in sentences(text, lang):
            new = match(trie, sent.tokens, sent.text)
            former = _former_match(trie, sent.tokens, sent.text)
            assert [_mention_fields(m) for m in new] == [_mention_fields(m) for m in former], text
            assert [_as_former(m) for m in new] == [_as_former(m) for m in former]
