"""The twenty-fourth speed round of the rules. analyse tests once whether the sentence's watched forms
hold any of the disguise, link and ally words or an anaphor (counts.rule_words), and calls the three
passes that look for them (disguised_mentions, affiliations, fold_allies) only then: most sentences
hold none. Each skipped call must have answered nothing, and the readings of hand-written sentences,
with and without those words, must be those of the code before the round (digests of what it
produced for them)."""
from __future__ import annotations

from coder.lang import NO_WORDS, profile
from coder.lexicon.load import load
from coder.rules.affiliation import affiliations, fold_allies
from coder.rules.counts import counts_marks_and_watched, rule_words, watched_words
from coder.rules.disguise import disguised_mentions
from coder.rules.syntax_words import anaphors

from test_rules_speed15 import digest_tests   # (the digest of an analysis, and the two tests over them)

SENTENCES = {
    "ar": [
        'اقتحم مسلحون يرتدون زي الشرطة مقرا حكوميا في بغداد وقتلوا حارسين.',
        'اعتقلت الشرطة شخصا يشتبه بانتمائه إلى تنظيم داعش في الموصل.',
        'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المتمردين قرب الحدود.',
        'أعلن التنظيم مسؤوليته عن الهجوم، وقالت الجماعة إن مقاتليها قتلوا جنديين.',
        'قصف الجيش مواقع المسلحين في ريف إدلب أمس.',
        'التقى وزير الخارجية نظيره التركي في أنقرة وبحثا الأزمة.',
        'أطلقت الشرطة سراح عضو في حزب العمال بعد أن اعتقلته أمس.'],
    "en": [
        'Gunmen wearing police uniforms stormed a government office in Baghdad and killed two guards.',
        'Police arrested a man suspected of membership in the Islamic State group.',
        'The army and militias allied with it attacked rebel positions near the border.',
        'The group claimed the attack, and the movement said its fighters killed two soldiers.',
        'Troops shelled militant positions in the north of the country yesterday.',
        'The foreign minister met his Turkish counterpart in Ankara.'],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before
# the round (its events: 190 UAF, the police a uniform; 173 COP->ISIINS; 190 MIL->REB, the militias folded
# into the army; 015 INS, 190 INS->MIL; 194 MIL->UAF; 040 TURGOV, 020 TURGOV; 0841 COP->PTY, 173 ->CVL;
# 190 UAF->GOV; 173 COP->CVL; 050 ->MIL, 190 MIL->REB; 190 REB->MIL; 194 MIL->INS; 040 GOV->TURGOV)
DIGESTS = {
    'اقتحم مسلحون يرتدون زي الشرطة مقرا حكوميا في بغداد وقتلوا حارسين.': 'c7d6735270c08ef5',
    'اعتقلت الشرطة شخصا يشتبه بانتمائه إلى تنظيم داعش في الموصل.': '22ff9639facb8def',
    'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المتمردين قرب الحدود.': 'dfef8c9a2b877f38',
    'أعلن التنظيم مسؤوليته عن الهجوم، وقالت الجماعة إن مقاتليها قتلوا جنديين.': '212f894d084641df',
    'قصف الجيش مواقع المسلحين في ريف إدلب أمس.': '66396fc5fcb1b1a4',
    'التقى وزير الخارجية نظيره التركي في أنقرة وبحثا الأزمة.': '7805b7901fe94cf9',
    'أطلقت الشرطة سراح عضو في حزب العمال بعد أن اعتقلته أمس.': 'f4d4c0afc963a76a',
    'Gunmen wearing police uniforms stormed a government office in Baghdad and killed two guards.': '06072584de3927a9',
    'Police arrested a man suspected of membership in the Islamic State group.': '99761eb3c1d35aef',
    'The army and militias allied with it attacked rebel positions near the border.': '9296ddc2f9ef1060',
    'The group claimed the attack, and the movement said its fighters killed two soldiers.': '21cb7eea781c2469',
    'Troops shelled militant positions in the north of the country yesterday.': 'db4d08472bf11caa',
    'The foreign minister met his Turkish counterpart in Ankara.': '1f3485c6dfd6e201',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_watched_words(lang: str) -> frozenset[str]:
    """counts.watched_words as written before the round (one union of the five sets)."""
    prof = profile(lang)
    return frozenset().union(getattr(prof, "DISGUISE_WORDS", NO_WORDS), getattr(prof, "LINK_WORDS", NO_WORDS),
                             getattr(prof, "ALLY_WORDS", NO_WORDS), anaphors(lang), load(lang).object_firsts)


def test_the_rule_words_are_the_watched_words_of_the_three_passes():
    for lang in SENTENCES:
        prof = profile(lang)
        assert watched_words(lang) == _former_watched_words(lang)
        assert rule_words(lang) == frozenset().union(prof.DISGUISE_WORDS, prof.LINK_WORDS, prof.ALLY_WORDS,
                                                     anaphors(lang))
        assert rule_words(lang) <= watched_words(lang)


def test_the_skipped_passes_answer_nothing_without_the_rule_words():
    """Where the sentence's watched forms hold none of the rule words, the three passes find nothing:
    no disguised mention, no affiliation, no group folded (nor a trace line). The sentences meet
    both sides of the test in both languages."""
    sides = set()
    for lang, sent, a in READINGS:
        prof = profile(lang)
        forms = counts_marks_and_watched(sent.tokens, lang)[2]
        meets = not rule_words(lang).isdisjoint(forms)
        sides.add((lang, meets))
        if meets or not a.actor_mentions:
            continue
        trace = []
        members = [list(g.members) for g in a.groups]
        assert disguised_mentions(a.actor_mentions, sent.tokens, prof, forms) == []
        assert affiliations(a.actors, sent.tokens, prof, trace, forms) == set()
        assert fold_allies(a.groups, sent.tokens, prof, trace, forms) is None
        assert [list(g.members) for g in a.groups] == members and trace == []
    assert sides == {("ar", True), ("ar", False), ("en", True), ("en", False)}


def test_the_rule_words_change_readings_where_they_are():
    """The sentences with those words are read by the passes (a uniform, an ally folded in)."""
    steps = [s for _, _, a in READINGS for s in a.trace if isinstance(s, str)]
    assert any(s.endswith("names a uniform or a likeness, not an actor") for s in steps)
    assert any(": folded into it" in s for s in steps)
