"""The event rules' shortcuts of the fourth round answer as the longer ways did: the grammar roles
built word by word (a one-word marker without a range, the spans kept for the agent markers only)."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.pipeline import analyse_sentence, sentences

DAY = dt.date(2024, 3, 4)


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return analyse_sentence(sent, lang, DAY).analysis


def _events(analysis) -> list[tuple]:
    return [(e.code, e.source and e.source.code.code, e.target and e.target.code.code) for e in analysis.events]


@pytest.mark.parametrize("lang,text,events,how", [
    # a two-word agent marker (على يد): its span is the agent phrase's opening
    ("ar", "قتل خمسة مدنيين على يد مسلحين في بغداد.", [("190", "UAF", "CVL")], "agent phrase after the verb"),
    # a one-word marker, a passive auxiliary and a participle
    ("en", "Five civilians were killed by gunmen in Baghdad on Monday.", [("190", "IRQUAF", "CVL")], "passive"),
    # an actor's word that is also a grammar word ("IS" is no passive auxiliary)
    ("en", "IS fighters attacked the army in Mosul.", [("190", "ISIINS", "MIL")], "syntax: subject"),
])
def test_grammar_roles_built_word_by_word(lang, text, events, how):
    analysis = _analysis(lang, text)
    assert _events(analysis) == events
    assert any(how in line for line in analysis.trace)
