"""The twenty-first speed round's changes to the rows and places, each checked against digests of what
the code gave before the round (tests/test_glue_speed15.py's digest of the whole coding: rows as
validated and as stored, places, trace) or against the former code, kept here, on hand-written Arabic
and English texts."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import rows
from coder.model import Document
from coder.pipeline import resolve_document
from test_glue_speed15 import _digest
from test_rules_speed15 import with_grammar

D = dt.date(2024, 5, 14)

# (language, publication date, text, digest of what the code gave before this round, events): relative
# clauses, episode heads, both and neither; dated and undated; a capital named by its country's adjective
CASES = [
    ('en', D, 'Gunmen who fled the town attacked a checkpoint in Kirkuk on Monday, killing two police officers.',
     'ea050e66c0489505', 1),
    ('en', D, 'Protesters in Khartoum marked the anniversary of the coup of 2021 on Saturday.',
     'c0c5d79b25e96961', 1),
    ('en', None, 'Jets bombed a market in Maarat al-Numan two years ago, killing nine civilians, which angered residents.',
     'e10a45e544c23556', 1),
    ('en', D, 'Jets bombed a market in Maarat al-Numan, killing nine civilians.',
     'e38311989e5cdeaf', 1),
    ('ar', D, 'هاجم المسلحون الذين فروا من البلدة حاجزا في كركوك يوم الاثنين وقتلوا شرطيين اثنين.',
     '74b0ee17fa9dcc10', 1),
    ('ar', D, 'تظاهر محتجون في الخرطوم يوم السبت في ذكرى انقلاب 2021.',
     '9a263df74d50d259', 1),
    ('ar', None, 'قصفت الطائرات سوقا في معرة النعمان قبل عامين وقتلت تسعة مدنيين، الذين كانوا يتسوقون.',
     'c41a563aec9fd101', 1),
    ('ar', D, 'قصفت الطائرات سوقا في معرة النعمان وقتلت تسعة مدنيين.',
     '037646dd2a7b0422', 1),
    ('ar', D, 'قالت الحكومة العراقية إن مسلحين هاجموا العاصمة العراقية بعد مقتل قائدهم في الموصل.',
     'a169949ba8157d8e', 1),
    ('en', D, 'Militants attacked the Iraqi capital after their leader was killed in Mosul, the government said.',
     '0fdf2af8e3bb2f3e', 1),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- the walls and heads from the roles

def _former_walls_and_heads(r, lang: str) -> tuple[list, list]:
    """rows._walls_and_heads before the round: one pass over every mention of the sentence (its grammar
    words as mentions, as the matcher made them before the twenty-sixth round)."""
    walls, heads = [], []
    for m in with_grammar(lang, r.sentence):
        if m.kind == "grammar":
            role = m.entry.role
            if role == "relative_marker":
                walls.append((m.start, rows._clause_end(r.sentence.text, m.end)))
            elif role == "episode_head":
                heads.append((m.start, m.end))
    return walls, heads


def test_walls_and_heads_as_the_former_pass():
    """Read through the rules' index of the grammar roles, the relative clauses and episode heads are
    those the pass over every mention found, with and without either, and with no index at all."""
    seen = set()
    for lang, published, text, *_ in CASES:
        _, results, *_ = resolve_document(Document(doc_id="w", text=text, language=lang, published=published))
        for r in results:
            former = _former_walls_and_heads(r, lang)
            assert rows._walls_and_heads(r) == former, text
            seen.add((bool(former[0]), bool(former[1])))
            roles, r.analysis.roles = r.analysis.roles, None   # (no index: the pass over the mentions)
            try:
                assert rows._walls_and_heads(r) == former, text
            finally:
                r.analysis.roles = roles
    assert {(True, False), (False, True), (False, False)} <= seen


# ---------------------------------------------------------------- capitals read off the actor mentions

CAPITAL_TEXTS = [
    ("en", "Militants attacked the Iraqi capital after their leader was killed in Mosul, the government said."),
    ("en", "Police arrested protesters in the Sudanese capital on Sunday."),
    ("en", "Syrian forces shelled the town while Iraqi police arrested a man."),
    ("ar", "قالت الحكومة العراقية إن مسلحين هاجموا العاصمة العراقية بعد مقتل قائدهم في الموصل."),
    ("ar", "اعتقلت الشرطة متظاهرين في العاصمة السودانية يوم الأحد."),
    ("ar", "قصفت القوات السورية البلدة واعتقلت الشرطة العراقية رجلا."),
]


@pytest.mark.parametrize("lang, text", CAPITAL_TEXTS)
def test_capitals_from_the_actor_mentions_as_from_all(lang, text):
    """resolve_document hands capital_mentions the rules' index of the actor mentions where the rules
    made one: the same capitals as from every mention of the sentence."""
    from coder.geo.toponyms import capital_mentions
    from coder.pipeline import analyse_sentence, sentences
    found = 0
    for s in sentences(text, lang):
        analysis = analyse_sentence(s, lang, D).analysis
        assert analysis.actor_mentions is not None
        from_all = capital_mentions(s.text, s.tokens, analysis.mentions, lang)
        assert capital_mentions(s.text, s.tokens, analysis.actor_mentions, lang) == from_all
        found += len(from_all)
    assert found == (1 if "capital" in text or "العاصمة" in text else 0)
