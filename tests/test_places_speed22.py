"""The twenty-second speed round's changes to the rows and places, each checked against digests of what
the code gave before the round (tests/test_glue_speed15.py's digest of the whole coding: rows as
validated and as stored, places, trace) or against the former code, kept here, on hand-written Arabic
and English texts."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.geo.toponyms import capital_mentions
from coder.pipeline import analyse_sentence, sentences
from test_glue_speed15 import _digest

D = dt.date(2024, 5, 14)

# (language, publication date, text, digest of what the code gave before this round, events): fire
# from a place, a count, dated and undated texts (a time counted back in one), two events in a
# sentence and in a document, a place in an after-phrase, a place where a statement was made
CASES = [
    ('en', D, 'Rebels fired rockets from Gaza at Ashkelon on Tuesday, wounding three people.',
     '64e5acca9efb4f3f', 1),
    ('en', None, 'Police arrested 40 protesters in Basra after a rally near the oil ministry, officials said.',
     '298cea55d34f5673', 1),
    ('en', None, 'Two years ago, militants kidnapped a journalist in the town of Raqqa.',
     'bc4b079bf04376ae', 1),
    ('en', D, 'The army shelled villages in the Idlib countryside and troops stormed Saraqib.',
     '7602fa6bed7a2a36', 1),
    ('en', D, 'Turkish jets struck Kurdish fighters near Qamishli, the defence ministry in Ankara said.',
     '8180c511a64aa4ab', 1),
    ('en', None, 'Gunmen attacked a checkpoint in Kirkuk. Two soldiers were killed in the attack on Baghdad road.',
     '0ab06ab24c2d6c2a', 2),
    ('ar', D, 'أطلق مسلحون صواريخ من غزة على عسقلان يوم الثلاثاء وأصابوا ثلاثة أشخاص.',
     'd5d2994630730809', 1),
    ('ar', None, 'اعتقلت الشرطة 40 متظاهرا في البصرة بعد مسيرة قرب وزارة النفط.',
     '4b5984d0d47bae33', 1),
    ('ar', None, 'قبل عامين خطف مسلحون صحفيا في مدينة الرقة.',
     '420369b5e0cd7898', 1),
    ('ar', D, 'قصف الجيش قرى في ريف إدلب واقتحمت القوات سراقب.',
     'af3cdd29323a9722', 1),
    ('ar', D, 'قالت وزارة الدفاع في أنقرة إن الطائرات التركية قصفت مقاتلين أكرادا قرب القامشلي.',
     '1f2ff36184aa1af9', 1),
    ('ar', None, 'قصف الجيش السوري بلدة في ريف حماة. وقتل خمسة مدنيين في الهجوم على البلدة.',
     'efda50660b76c8ca', 2),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- capitals: the capital word asked first

def _former_capital_mentions(text, tokens, mentions, lang, gazetteer=None):
    """toponyms.capital_mentions before this round: every one-word bare country's mention read, then
    the word beside it asked whether it is a capital word."""
    from coder.geo.gazetteer import Gazetteer
    from coder.geo.toponyms import rules
    from coder.model import PlaceMention
    r = rules(lang)
    if not r.capital_words:
        return []
    bare = {}
    for m in mentions:
        if m.kind == "actor" and m.first == m.last and m.first not in bare:
            code = getattr(m.entry, "code", None)
            if code is not None and not code.role and not code.group and code.country:
                bare[m.first] = code.country
    if not bare:
        return []
    gaz = None
    out = []
    for n in sorted(bare):
        k = n - 1 if r.capital_adjective_after else n + 1
        if not 0 <= k < len(tokens) or r.capital_words.isdisjoint(tokens[k].forms):
            continue
        gaz = gaz or gazetteer or Gazetteer.default()
        capital = gaz.capital(bare[n])
        if capital is not None:
            tok = tokens[k]
            s, e = (tok.start, tokens[n].end) if n > k else (tokens[n].start, tok.end)
            out.append(PlaceMention(capital, s, e, text[s:e], 1.0, True, True, False))
    return out


# capitals named by an adjective, at the sentence's start and end; a country's adjective with no
# capital word; a capital word with no country; two capitals; a country named twice
CAPITAL_TEXTS = [   # (language, text, capitals named)
    ("en", "Police arrested protesters in the Sudanese capital on Sunday.", 1),
    ("en", "Iraqi capital police and Syrian capital residents protested.", 2),
    ("en", "Syrian forces shelled the town while Iraqi police arrested a man.", 0),
    ("en", "The capital was quiet after Iraqi and Syrian officials met in the Iraqi capital.", 1),
    ("en", "Protesters marched through the capital.", 0),
    ("en", "Turkish capital", 1),
    ("ar", "اعتقلت الشرطة متظاهرين في العاصمة السودانية يوم الأحد.", 1),
    ("ar", "العاصمة العراقية شهدت احتجاجات وفي العاصمة السورية اشتباكات.", 2),
    ("ar", "قصفت القوات السورية البلدة واعتقلت الشرطة العراقية رجلا.", 0),
    ("ar", "تظاهر محتجون في العاصمة بعد لقاء المسؤولين العراقيين في العاصمة العراقية.", 1),
    ("ar", "العاصمة التركية", 1),
]


@pytest.mark.parametrize("lang, text, capitals", CAPITAL_TEXTS)
def test_capital_mentions_as_the_former(lang, text, capitals):
    """The capital word beside a one-word mention asked before its entry: the same capitals, in the same
    order, from every mention of the sentence and from the actor mentions alone."""
    found = 0
    for s in sentences(text, lang):
        analysis = analyse_sentence(s, lang, D).analysis
        for mentions in (analysis.mentions, analysis.actor_mentions or []):
            former = _former_capital_mentions(s.text, s.tokens, mentions, lang)
            assert capital_mentions(s.text, s.tokens, mentions, lang) == former, text
        found += len(capital_mentions(s.text, s.tokens, analysis.mentions, lang))
    assert found == capitals
