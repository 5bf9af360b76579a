"""The eighteenth speed round of the rules. _rank reads a hit's entry once and orders by `not
objects` and `-(not subject_agents)` instead of calling bool: the order of the readings must be
the one the former key gave (a copy kept here). _select_triggers reads the verbs that stop an
object window (read_as_verbs) only when a window crosses a comma: object_end, given no stops,
answers STOPS_WANTED there and as with the stops everywhere else. The readings of hand-written
sentences (windows crossing commas among them) must be those of the code before the round
(digests of what it produced for them). The time-phrase test asks a trigger's tag before its part
of speech: the same answer for every trigger mention (the former order kept here)."""
from __future__ import annotations

import dataclasses
import itertools

from coder.lexicon.load import NO_EVENT
from coder.rules.engine import _rank
from coder.rules.mentions import read_as_verbs
from coder.rules.objects import OBJECT_WINDOW, STOPS_WANTED, object_end
from coder.rules.types import PUNCT_BARRIER, Hit

from test_rules_speed15 import digest_tests   # (the same digest of an analysis)
from test_rules_speed27 import each_entry   # (a word's light verbs as a mention each)

SENTENCES = {
    "ar": [
        'قبل الرئيس استقالة الحكومة بعد أن رفض البرلمان خطة الإصلاح.',
        'أطلقت الشرطة سراح عشرة متظاهرين، ورفضت الإفراج عن قادة الاحتجاج.',
        'طالب المتظاهرون برحيل الحكومة، وأعلنت النقابة إضرابا عاما في العاصمة.',
        'فجر انتحاري نفسه فجر اليوم قرب مقر للشرطة في الموصل.',
        'تعرضت قافلة للجيش لإطلاق نار، وفتح الجنود النار على المهاجمين.',
        'قدم السفير أوراق اعتماده إلى الرئيس، ثم عقد الوزيران اجتماعا في القاهرة.',
        'عثرت قوات الأمن على سيارة مفخخة جاهزة للتفجير في حي المنصور.',
        'أطلقت قوات الأمن، صباح اليوم، النار على متظاهرين في البصرة.',
        'شن الطيران، الذي قصف المدينة أمس، غارات على مواقع المسلحين.',
        'أطلقت الشرطة، وقالت مصادر إن الجيش اعتقل عشرة، سراح المتظاهرين.',],
    "en": [
        'Police launched an investigation after gunmen opened fire on a bus near Kabul.',
        'The minister said talks would resume, and the rebels agreed to a ceasefire.',
        'Protesters demanded the release of detainees and threatened to block the port.',
        'Said Ahmed, a local official, said troops fired tear gas at the crowd.',
        'Launched last year, the campaign has held talks with tribal leaders.',
        'The army imposed a curfew, and the government appealed for calm.',
        'Police fired, witnesses said, tear gas at the crowd in the square.',
        'The army sent air defences to the border, a day after Russia fired missiles at the city.',
        'Rebels launched, according to residents, attacks on two army posts.',],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'قبل الرئيس استقالة الحكومة بعد أن رفض البرلمان خطة الإصلاح.': '7d940e0472c51daa',
    'أطلقت الشرطة سراح عشرة متظاهرين، ورفضت الإفراج عن قادة الاحتجاج.': '31420650854858ad',
    'طالب المتظاهرون برحيل الحكومة، وأعلنت النقابة إضرابا عاما في العاصمة.': '3e05c2136da7745a',
    'فجر انتحاري نفسه فجر اليوم قرب مقر للشرطة في الموصل.': '66111b09697dba76',
    'تعرضت قافلة للجيش لإطلاق نار، وفتح الجنود النار على المهاجمين.': '6f35a4ab31176c63',
    'قدم السفير أوراق اعتماده إلى الرئيس، ثم عقد الوزيران اجتماعا في القاهرة.': '527d39ad1c626676',
    'عثرت قوات الأمن على سيارة مفخخة جاهزة للتفجير في حي المنصور.': '0fbe1d3a5f459806',
    'Police launched an investigation after gunmen opened fire on a bus near Kabul.': '3559f3414ac970cf',
    'The minister said talks would resume, and the rebels agreed to a ceasefire.': '592404696c5cfb4f',
    'Protesters demanded the release of detainees and threatened to block the port.': '64ee158730357c10',
    'Said Ahmed, a local official, said troops fired tear gas at the crowd.': '7c689ad3fa2e7b81',
    'Launched last year, the campaign has held talks with tribal leaders.': '8d87d35245b6affb',
    'The army imposed a curfew, and the government appealed for calm.': 'd96cb5ad89789dca',
    'أطلقت قوات الأمن، صباح اليوم، النار على متظاهرين في البصرة.': 'b63526b85ee5e1d1',
    'شن الطيران، الذي قصف المدينة أمس، غارات على مواقع المسلحين.': '7ac5773e53a50dec',
    'أطلقت الشرطة، وقالت مصادر إن الجيش اعتقل عشرة، سراح المتظاهرين.': '22a110d42403efb1',
    'Police fired, witnesses said, tear gas at the crowd in the square.': '07660a584dfdd47d',
    'The army sent air defences to the border, a day after Russia fired missiles at the city.': '9740da32fbe055fc',
    'Rebels launched, according to residents, attacks on two army posts.': 'fe1fe49ca782a862',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_rank(h: Hit) -> tuple:
    return (-bool(h.entry.objects), -len(h.tokens), h.entry.code != NO_EVENT, bool(h.entry.subject_agents),
            h.entry.pos != "verb", -len(h.entry.code), h.first)


def _sign(a, b) -> int:
    return (a > b) - (a < b)


def _hits() -> list[Hit]:
    """Every trigger reading of the sentences as a hit, a light verb's with an object word after it,
    and each again with an entry that needs a subject, one that reads no event, and one as a noun."""
    out = []
    for _, _, analysis in READINGS:
        for m in each_entry(analysis.mentions):
            if m.kind != "trigger":
                continue
            words = set(range(m.first, m.last + 1))
            if m.entry.objects:
                words |= {m.last + 2, m.last + 3}
            for entry in (m.entry, dataclasses.replace(m.entry, subject_agents=("ar.agents.protesters",)),
                          dataclasses.replace(m.entry, code=NO_EVENT), dataclasses.replace(m.entry, pos="noun")):
                out.append(Hit(m, entry, m.first, m.last, m.start, m.end, frozenset(words)))
    return out


def test_the_readings_meet_every_side_of_the_key():
    hits = _hits()
    assert any(h.entry.objects for h in hits) and any(not h.entry.objects for h in hits)
    assert len({len(h.tokens) for h in hits}) > 2 and len({len(h.entry.code) for h in hits}) > 1
    assert any(h.entry.code == NO_EVENT for h in hits) and any(h.entry.pos == "verb" for h in hits)


def test_rank_orders_the_readings_as_before():
    hits = _hits()
    for a, b in itertools.combinations(hits, 2):
        assert _sign(_rank(a), _rank(b)) == _sign(_former_rank(a), _former_rank(b))
    # (the sort is stable: equal keys keep the order of the mentions, as before)
    for readings in (hits, hits[::-1]):
        assert [id(h) for h in sorted(readings, key=_rank)] == [id(h) for h in sorted(readings, key=_former_rank)]


def test_an_object_window_without_its_stops_asks_for_them_or_answers_as_with_them():
    wanted = answered = 0
    for _, sent, analysis in READINGS:
        toks, tags = sent.tokens, analysis.parse.tags
        triggers = [m for m in each_entry(analysis.mentions) if m.kind == "trigger"]
        verbs = read_as_verbs(triggers, tags)
        for m in triggers:
            if not m.entry.objects:
                continue
            for window in (OBJECT_WINDOW, len(toks)):
                # (punctuation never counts towards a window: object_end reads it off the uncounted words)
                args = (toks, m.last + 1, m.entry, [t.norm not in PUNCT_BARRIER for t in toks], frozenset())
                full, lazy = object_end(*args, verbs, window), object_end(*args, None, window)
                assert full is not STOPS_WANTED
                if lazy is STOPS_WANTED:    # (only past a comma, with a word after it)
                    wanted += 1
                    assert any(t.norm in PUNCT_BARRIER for t in toks[m.last + 1:-1])
                else:
                    answered += 1
                    assert lazy == full
    assert wanted and answered


def _former_time_phrase(m, tags, adverbs: bool) -> bool:
    e = m.entry
    return bool(adverbs and e.pos == "verb" and tags[m.first] == "ADV" and "ADV" in tags[m.last + 1:m.last + 2])


def _time_phrase(m, tags, adverbs: bool) -> bool:
    e = m.entry     # (the order of _select_triggers' test now)
    return bool(adverbs and tags[m.first] == "ADV" and e.pos == "verb" and "ADV" in tags[m.last + 1:m.last + 2])


def test_the_time_phrase_test_answers_as_before():
    answers = set()
    for _, sent, analysis in READINGS:
        tags = analysis.parse.tags
        for m in analysis.mentions:
            if m.kind == "trigger":
                for adverbs in (True, "ADV" in tags):
                    assert _time_phrase(m, tags, adverbs) == _former_time_phrase(m, tags, adverbs)
                    answers.add(_former_time_phrase(m, tags, adverbs))
    assert answers == {True, False}
    dawn = next(a for _, s, a in READINGS if s.text.startswith("فجر انتحاري"))
    assert "'فجر': part of a time phrase, not a verb" in dawn.trace
