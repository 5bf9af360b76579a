"""The twenty-fourth speed round of the rules. analyse tests once whether the sentence's watched forms
hold any of the disguise, link and ally words or an anaphor (counts.rule_words), and calls the three
passes that look for them (disguised_mentions, affiliations, fold_allies) only then: most sentences
hold none. It also calls retaliation_targets only where a threat was coded, own_forces_act only where
an event noun whose genitive is its doer was, speaker_as_source only where a reporting verb was, and
domestic_opposition only where a group holds more than one actor; settle_mood_and_frames calls
apply_mood only where a mood or attribution word, or an act but speech read through a clitic, is
there. Each skipped call must have answered what it was given, and the readings of hand-written sentences, with and without what those
passes look for, must be those of the code before the round (digests of what it produced for them)."""
from __future__ import annotations

from coder.lang import NO_WORDS, profile
from coder.lexicon.load import load
from coder.rules.affiliation import affiliations, domestic_opposition, fold_allies
from coder.rules.counts import counts_marks_and_watched, rule_words, watched_words
from coder.rules.disguise import disguised_mentions
from coder.rules.mood import _MOOD_ROLES, MOOD_READ_ROLES, apply_mood
from coder.rules.possessions import own_forces_act
from coder.rules.reality import speaker_as_source
from coder.rules.retaliation import retaliation_targets
from coder.rules.slots import HARM_ROOTS
from coder.rules.syntax_words import anaphors
from coder.rules.types import ROOT

from test_rules_speed15 import digest_tests   # (the digest of an analysis, and the two tests over them)

SENTENCES = {
    "ar": [
        'اقتحم مسلحون يرتدون زي الشرطة مقرا حكوميا في بغداد وقتلوا حارسين.',
        'اعتقلت الشرطة شخصا يشتبه بانتمائه إلى تنظيم داعش في الموصل.',
        'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المتمردين قرب الحدود.',
        'أعلن التنظيم مسؤوليته عن الهجوم، وقالت الجماعة إن مقاتليها قتلوا جنديين.',
        'قصف الجيش مواقع المسلحين في ريف إدلب أمس.',
        'التقى وزير الخارجية نظيره التركي في أنقرة وبحثا الأزمة.',
        'أطلقت الشرطة سراح عضو في حزب العمال بعد أن اعتقلته أمس.',
        'بدأت محادثات بين الحكومة السورية والمعارضة في جنيف.',
        'قصفت الطائرات الإسرائيلية مواقع في غزة، وهددت حماس إسرائيل بالرد.',
        'قال الرئيس إن على الحكومة أن تتوصل إلى اتفاق مع المتمردين.',
        'قالت الحركة إن مقاتليها سيهاجمون مواقع الجيش قريبا.',
        'تظاهر الطلاب للمطالبة بالإفراج عن المعتقلين، ردا على اعتقال زملائهم.',
        'اجتمع وزراء خارجية مصر والأردن والسعودية وممثلوهم في القاهرة.'],
    "en": [
        'Gunmen wearing police uniforms stormed a government office in Baghdad and killed two guards.',
        'Police arrested a man suspected of membership in the Islamic State group.',
        'The army and militias allied with it attacked rebel positions near the border.',
        'The group claimed the attack, and the movement said its fighters killed two soldiers.',
        'Troops shelled militant positions in the north of the country yesterday.',
        'The foreign minister met his Turkish counterpart in Ankara.',
        'Belgium completed the withdrawal of its soldiers from Mali.',
        'Straw said the Sudanese government must reach an agreement with the rebels.',
        'Israeli jets struck Gaza overnight, and Hamas threatened Israel with revenge.',
        'Talks between the Syrian government and the rebels resumed in Geneva.',
        'Rebels will attack the capital next week, their commander said.',
        'In response to the attack, the army shelled rebel positions.'],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before
# the round (its events: 190 UAF, the police a uniform; 173 COP->ISIINS; 190 MIL->REB, the militias folded
# into the army; 015 INS, 190 INS->MIL; 194 MIL->UAF; 040 TURGOV, 020 TURGOV; 0841 COP->PTY, 173 ->CVL;
# 040 SYRGOV->SYROPP, 040 SYROPP->SYRGOV; 194 ISR, 138 PSEHAMREB->ISR; 057 ->REB; 1384 ->MIL; 141 EDU,
# 0841 EDU->CVL; 040 between EGYGOV, JOR and SAU each way;
# 190 UAF->GOV; 173 COP->CVL; 050 ->MIL, 190 MIL->REB; 190 REB->MIL; 194 MIL->INS; 040 GOV->TURGOV;
# 0874 BELMIL; 100 GBRGOV->SDNGOV, 057 SDNGOV->REB; 190 ISRMIL->PSE, 138 PSEHAMREB->ISR; 040 SYRGOV, 040 SYRREB;
# 138 REB; 194 MIL->REB)
DIGESTS = {
    'اقتحم مسلحون يرتدون زي الشرطة مقرا حكوميا في بغداد وقتلوا حارسين.': 'c7d6735270c08ef5',
    'اعتقلت الشرطة شخصا يشتبه بانتمائه إلى تنظيم داعش في الموصل.': '22ff9639facb8def',
    'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المتمردين قرب الحدود.': 'dfef8c9a2b877f38',
    'أعلن التنظيم مسؤوليته عن الهجوم، وقالت الجماعة إن مقاتليها قتلوا جنديين.': '212f894d084641df',
    'قصف الجيش مواقع المسلحين في ريف إدلب أمس.': '66396fc5fcb1b1a4',
    'التقى وزير الخارجية نظيره التركي في أنقرة وبحثا الأزمة.': '7805b7901fe94cf9',
    'أطلقت الشرطة سراح عضو في حزب العمال بعد أن اعتقلته أمس.': 'f4d4c0afc963a76a',
    'بدأت محادثات بين الحكومة السورية والمعارضة في جنيف.': 'db5ae5d59cc7f046',
    'قصفت الطائرات الإسرائيلية مواقع في غزة، وهددت حماس إسرائيل بالرد.': '8e1b933df54fcd26',
    'قال الرئيس إن على الحكومة أن تتوصل إلى اتفاق مع المتمردين.': '5feb1818b71f7fd0',
    'قالت الحركة إن مقاتليها سيهاجمون مواقع الجيش قريبا.': '39196c9ddf63f1b4',
    'تظاهر الطلاب للمطالبة بالإفراج عن المعتقلين، ردا على اعتقال زملائهم.': '1ace9f59bc0f8ce7',
    'اجتمع وزراء خارجية مصر والأردن والسعودية وممثلوهم في القاهرة.': '9a09f62ec317e8be',
    'Gunmen wearing police uniforms stormed a government office in Baghdad and killed two guards.': '06072584de3927a9',
    'Police arrested a man suspected of membership in the Islamic State group.': '99761eb3c1d35aef',
    'The army and militias allied with it attacked rebel positions near the border.': '9296ddc2f9ef1060',
    'The group claimed the attack, and the movement said its fighters killed two soldiers.': '21cb7eea781c2469',
    'Troops shelled militant positions in the north of the country yesterday.': 'db4d08472bf11caa',
    'The foreign minister met his Turkish counterpart in Ankara.': '1f3485c6dfd6e201',
    'Belgium completed the withdrawal of its soldiers from Mali.': '581d8df8e240b735',
    'Straw said the Sudanese government must reach an agreement with the rebels.': 'c9b6cd574bc476ed',
    'Israeli jets struck Gaza overnight, and Hamas threatened Israel with revenge.': '282a2f4fc81afa96',
    'Talks between the Syrian government and the rebels resumed in Geneva.': '59352fcaa25b78f0',
    'Rebels will attack the capital next week, their commander said.': 'ba22d3d96569a63f',
    'In response to the attack, the army shelled rebel positions.': 'c3a7c78d7c139538',
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


def _coded_by_every_pairing(a) -> list[list]:
    """The analysis's triggers coded with each pair of its groups as source and target (and with none):
    lists of (hit, source, target) as the passes after the slots read them."""
    sides = [None, *a.groups]
    return [[(h, s, t) for h in a.triggers] for s in sides for t in sides if s is None or s is not t]


def test_the_passes_after_the_slots_answer_what_they_are_given_without_what_they_read():
    """Without a threat, retaliation_targets gives the events as they are; without an event noun whose
    genitive is its doer, own_forces_act; without a reporting verb, speaker_as_source; and with every
    group one actor alone, domestic_opposition changes no code. The sentences meet both sides of each."""
    sides = set()
    for lang, sent, a in READINGS:
        threats = any(ROOT[h.entry.code] == "13" for h in a.triggers)
        doers = any(h.entry.genitive == "source" for h in a.triggers)
        speech = any(h.entry.speech for h in a.triggers)
        alone = len(a.groups) == len(a.actors)
        sides |= {("threat", threats), ("doer", doers), ("speech", speech), ("alone", alone)}
        for coded in _coded_by_every_pairing(a):
            trace = []
            if not threats:
                assert retaliation_targets(coded, HARM_ROOTS, trace) == coded
            if not doers:
                assert own_forces_act(coded, trace) == coded
            if not speech:
                assert speaker_as_source(coded, trace) == coded
            assert trace == []
        if alone:
            codes, trace = [m.code for g in a.groups for m in g.members], []
            domestic_opposition(a.groups, trace)
            assert [m.code for g in a.groups for m in g.members] == codes and trace == []
    assert sides == {(k, v) for k in ("threat", "doer", "speech", "alone") for v in (True, False)}


def test_the_groups_part_the_actors():
    """domestic_opposition's test (fewer groups than actors) holds because every actor is in one group."""
    for _, _, a in READINGS:
        assert sum(len(g.members) for g in a.groups) <= len(a.actors)
        assert all(g.members for g in a.groups)


def test_apply_mood_keeps_every_act_without_what_it_reads():
    """With no mood or attribution word (the roles apply_mood reads) and every act but speech read as
    written, apply_mood keeps every act as it is. The sentences meet both sides of the test."""
    assert MOOD_READ_ROLES == _MOOD_ROLES | {"attribution_marker"}
    sides = set()
    for lang, sent, a in READINGS:
        prof, roles, hits = profile(lang), a.roles or {}, a.triggers
        written = all(not h.mention.first_form for h in hits if not h.entry.speech)
        unmarked = roles.keys().isdisjoint(MOOD_READ_ROLES)
        sides |= {("mood words", not unmarked), ("written", written)}
        if unmarked and written:
            for coded in _coded_by_every_pairing(a):
                trace = []
                assert apply_mood(coded, sent.tokens, roles, prof, trace) == coded and trace == []
    assert sides == {(k, v) for k in ("mood words", "written") for v in (True, False)}
