"""The fourteenth speed round of the rules: the comprehensions, generators and lambdas that read a
caller's locals (each such local a cell made at every call of the caller) became loops and small
helpers. Each helper must answer as the expression it replaced; the expressions are kept here as they
were written, and both are asked on the readings of hand-written sentences and on made-up spans."""
from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.model import Actor, ActorCode
from coder.pipeline import analyse_sentence, sentences
from coder.rules import actors, consolidate, custody, engine, mentions, mood, non_finite, reality, retaliation, slots
from coder.rules.types import NO_TOKENS, PUNCT_BARRIER, ROOT

from test_rules_speed13 import _tokens   # (tokens of plain words, made as the tokeniser makes them)

SENTENCES = {
    "ar": ["قتل خمسة مدنيين على يد مسلحين في هجوم على قرية شمال بغداد أمس.",
           "شنت طائرات حربية تركية غارات على مواقع لحزب العمال الكردستاني في شمال العراق.",
           "أطلق مسلحون النار على دورية للشرطة واعتقلت القوات الأمنية ثلاثة منهم.",
           "تظاهر آلاف الطلاب في القاهرة للمطالبة برحيل الحكومة.",
           "التقى وزير الخارجية الأمريكي نظيره الروسي في موسكو ووقعا اتفاقا للتعاون.",
           "قصفت قوات النظام السوري مدينة إدلب وقتلت عشرة مدنيين بينهم أطفال."],
    "en": ["Syrian troops shelled Idlib and killed three civilians on Monday, the ministry said.",
           "Gunmen stormed a checkpoint in Kirkuk, killing five policemen.",
           "Police detained 30 people in dawn raids after protesters blocked roads in Nairobi.",
           "The United States and Russia agreed to resume talks, while Chile and Colombia recalled their ambassadors.",
           "Hungarian and Romanian officials met in Budapest to discuss the crisis."],
}

# what the rules coded from them before the round: (code, source, target) per event
EXPECTED = {
    "قتل خمسة مدنيين": [("190", "UAF", "CVL")],
    "شنت طائرات": [("195", "TURMIL", "TURPKKREB")],
    "أطلق مسلحون": [("193", "UAF", "COP"), ("173", "MIL", None)],
    "تظاهر آلاف": [("141", "EDU", "GOV")],
    "التقى وزير": [("040", "USAGOV", "RUSGOV"), ("057", "USAGOV", None)],
    "قصفت قوات": [("194", "SYRMIL", None)],
    "Syrian troops": [("194", "SYRMIL", "CVL")],
    "Gunmen stormed": [("190", "UAF", "COP")],
    "Police detained": [("173", "COP", "CVL"), ("144", "CVL", "KENGOV")],
    "The United States": [("036", "USA", "RUS"), ("036", "RUS", "USA"), ("161", "CHL", None), ("161", "COL", None)],
    "Hungarian and": [("040", "HUNGOV", "ROUGOV"), ("040", "ROUGOV", "HUNGOV")],
}


def _readings():
    out = []
    for lang, texts in SENTENCES.items():
        for text in texts:
            for s in sentences(text, lang):
                out.append((lang, s, analyse_sentence(s, lang, dt.date(2020, 3, 1)).analysis))
    return out


READINGS = _readings()


def _code(actor):
    return actor.code.code if actor is not None else None


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=[s.text[:20] for _, s, _ in READINGS])
def test_the_sentences_code_as_before(lang, sent, analysis):
    expected = next(v for k, v in EXPECTED.items() if sent.text.startswith(k))
    assert [(e.code, _code(e.source), _code(e.target)) for e in analysis.events] == expected


def _spans(n: int, rng: random.Random, count: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(count):
        first = rng.randrange(n)
        out.append((first, min(n - 1, first + rng.choice((0, 0, 1, 2)))))
    return out


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=[s.text[:20] for _, s, _ in READINGS])
def test_mention_helpers_answer_as_the_comprehensions(lang, sent, analysis):
    toks, prof = sent.tokens, profile(lang)
    ms = analysis.mentions
    actor_ms = [m for m in ms if m.kind in ("actor", "agent")]
    hits = analysis.triggers
    for m in ms:
        assert mentions.in_longer_name(m, actor_ms) == any(
            a.first <= m.first and m.last <= a.last and (a.last - a.first) > (m.last - m.first) for a in actor_ms)
        assert mentions.opens_conjunct(actor_ms, toks, prof, m.first) == any(
            [prof.starts_with_coordinator(toks[m.first], a.first_form) for a in actor_ms if a.first == m.first])
    trigger_tokens = set().union(*[h.tokens for h in hits])
    objects = {t for h in hits for t in h.tokens if t > h.last}
    assert mentions.outside_triggers(actor_ms, hits, trigger_tokens, toks, prof) == [
        m for m in actor_ms if trigger_tokens.isdisjoint(range(m.first, m.last + 1))
        or (m.kind == "agent" and m.entry.code.role not in mentions.MEANS and
            not prof.refers_back(toks, m.first) and all(t in objects for t in range(m.first, m.last + 1)))]
    tags = ["VERB" if i % 2 else "NOUN" for i in range(len(toks))]
    triggers = [m for m in ms if m.kind == "trigger"]
    assert mentions.read_as_verbs(triggers, tags) == {
        v.first for v in triggers if v.entry.pos == "verb" and tags[v.first] == "VERB"}
    for nominal in (set(), {h.first for h in hits}, {h.first for h in hits[:1]}):
        harm = slots.HARM_ROOTS
        assert mentions.harm_noun_starts(hits, nominal, harm) == [
            x.first for x in hits if x.first in nominal and ROOT[x.entry.code] in harm]
        assert mentions.harm_noun_words(hits, nominal, harm) == {
            i for x in hits if x.first in nominal and ROOT[x.entry.code] in harm for i in range(x.first, x.last + 1)}
    for h in hits:
        assert mentions.other_triggers(hits, h) == {x.first for x in hits if x is not h}
    for g in analysis.groups:
        for agents in ((), tuple(r for m in g.members for r in m.rule_ids[:1]), ("nothing.here",)):
            assert mentions.named_by(g, agents) == any(r in agents for m in g.members for r in m.rule_ids)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=[s.text[:20] for _, s, _ in READINGS])
def test_group_helpers_answer_as_the_comprehensions(lang, sent, analysis):
    groups = analysis.groups
    n = len(sent.tokens)
    for s, e in _spans(n, random.Random(n), 30):
        assert actors.groups_overlapping(groups, s, e) == [g for g in groups if g.first <= e and g.last >= s]
        assert actors.groups_within(groups, s, e) == [g for g in groups if s <= g.first and g.last <= e]
        c = SimpleNamespace(start=s, end=e)
        assert actors.names_a_group(groups, c) == any(
            m.code.group for g in groups if c.start <= g.first <= c.end for m in g.members)


def _near_before(i, marks, lo, hi, toks):
    """mood._near as it was written before."""
    if not marks:
        return None
    best = None
    first, end = max(0, i + lo), min(len(toks), i + hi + 1)
    if not any(first <= j < end for j in marks):
        return None
    for j in sorted(range(first, end), key=lambda j: abs(j - i)):
        if j in marks:
            a, b = sorted((i, j))
            if not any(toks[k].norm in PUNCT_BARRIER for k in range(a + 1, b)):
                best = j
                break
    return best


WORDS = ["قال", "،", "الجيش", "إن", "مسلحين", "هاجموا", ",", "the", "police", "and", "؛", "soldiers", "قتل", "و"]


@pytest.mark.parametrize("seed", range(20))
def test_near_and_not_real_answer_as_before(seed):
    rng = random.Random(seed)
    toks = _tokens([rng.choice(WORDS) for _ in range(rng.randrange(3, 16))])
    n = len(toks)
    marks = {rng.randrange(n) for _ in range(rng.randrange(0, 4))}
    for i in range(n):
        for lo, hi in ((-4, -1), (-2, 2), (1, 3), (-9, -2)):
            assert mood._near(i, marks, lo, hi, toks) == _near_before(i, marks, lo, hi, toks)
    for first, last in _spans(n, rng, 10):
        tokens = frozenset(range(first, last + 1)) | ({min(n - 1, last + 2)} if rng.random() < 0.5 else set())
        h = SimpleNamespace(first=first, last=last, tokens=tokens)
        negation = {rng.randrange(n) for _ in range(rng.randrange(0, 3))}
        expected = None
        if negation and not negation.isdisjoint(range(max(0, first - reality.NEGATION_WINDOW), first)):
            expected = "negated"
        elif negation and any(i in negation and i not in tokens for i in range(first + 1, max(tokens, default=first))):
            expected = "negated"
        if expected is not None:
            assert reality.not_real(h, negation, set(), set(), set()) == expected
        else:
            assert reality.not_real(h, negation, set(), set(), set()) is None


def _hit(first: int, code: str = "190", pos: str = "verb", speech: bool = False, last: int | None = None):
    entry = SimpleNamespace(code=code, pos=pos, speech=speech, objects=(), tag="past")
    last = first if last is None else last
    return SimpleNamespace(first=first, last=last, entry=entry, tokens=frozenset(range(first, last + 1)),
                           mention=SimpleNamespace(text="x", first_form=0))


@pytest.mark.parametrize("seed", range(15))
def test_trigger_helpers_answer_as_the_comprehensions(seed):
    rng = random.Random(seed)
    hits = [_hit(f, rng.choice(("190", "010", "112", "173", "020")), rng.choice(("verb", "noun")), rng.random() < 0.3)
            for f in sorted(rng.sample(range(30), rng.randrange(1, 6)))]
    sources = {j: (object() if rng.random() < 0.5 else None) for j in range(len(hits))}
    for k in range(len(hits)):
        assert slots._verb_before(hits, k) == next((j for j in range(k - 1, -1, -1) if hits[j].entry.pos == "verb"), None)
        assert slots._verb_before(hits, k, sources) == next(
            (j for j in range(k - 1, -1, -1) if hits[j].entry.pos == "verb" and sources.get(j)), None)
    frames = {rng.randrange(30) for _ in range(3)}
    coded = [(h, None, None) for h in hits]
    assert reality._unframed(coded, frames) == [
        h for h, _, _ in coded if not h.entry.speech and
        frames.isdisjoint(range(max(0, h.first - reality.FRAME_WINDOW), h.first))]
    for h in hits:
        assert reality._nearest_before(h.first, frames, reality.FRAME_WINDOW) == next(
            (i for i in range(h.first - 1, max(-1, h.first - 1 - reality.FRAME_WINDOW), -1) if i in frames), None)
        assert reality._other_than(hits, h) == any(v is not h for v in hits)
        assert reality._requested(hits, h.first) == any(
            v.first < h.first and ROOT[v.entry.code] in reality._REQUESTING for v in hits)
        attacks = [x.first for x in hits if x is not h]
        assert consolidate._next_to(attacks, h.first) == any(0 < abs(a - h.first) <= consolidate._ADJACENT
                                                              for a in attacks)


def _actor(code: ActorCode, first: int) -> Actor:
    return Actor(code, "x", first, first, first, first + 1, ("r",))


@pytest.mark.parametrize("seed", range(15))
def test_party_helpers_answer_as_the_generators(seed):
    rng = random.Random(seed)
    codes = [ActorCode(c, g, r) for c in (None, "SYR", "TUR") for g in (None, "IMGREB") for r in (None, "MIL", "CVL")]
    hits = [_hit(f, rng.choice(("190", "130", "183"))) for f in sorted(rng.sample(range(20), rng.randrange(1, 5)))]
    groups = [SimpleNamespace(members=[_actor(rng.choice(codes), i)], first=i, last=i) for i in range(6)]
    out = [(h, rng.choice(groups + [None]), rng.choice(groups + [None])) for h in hits]
    src = rng.choice(groups)
    for h in hits:
        expected = next((s for x, s, t in out if x.first < h.first and ROOT[x.entry.code] in slots.HARM_ROOTS and
                         s is not None and t is not None and retaliation._parties(src) & retaliation._parties(t) and
                         not retaliation._parties(src) & retaliation._parties(s)), None)
        assert retaliation._struck_by(out, h, src, slots.HARM_ROOTS) is expected
    events = [SimpleNamespace(trigger_first=rng.randrange(3), source=rng.choice([None, *[_actor(c, 0) for c in codes]]))
              for _ in range(5)]
    for first in range(3):
        for country in (None, "SYR", "TUR"):
            assert custody._other_party(events, first, country) is next(
                (x.source for x in events if x.trigger_first == first and x.source is not None
                 and x.source.code.country and x.source.code.country != country), None)


def _marked_before(roles, *names, among=()):
    return set().union(*among, *[roles.get(r, NO_TOKENS) for r in names])


@pytest.mark.parametrize("seed", range(15))
def test_word_set_helpers_answer_as_before(seed):
    rng = random.Random(seed)
    roles = {r: {rng.randrange(20) for _ in range(rng.randrange(1, 4))}
             for r in ("target_marker", "agent_marker", "locative_marker") if rng.random() < 0.6}
    marks = {rng.randrange(20)}
    # (the helper became non_finite.opening_no_object, read only by `in`, which also reads the locative markers)
    particles = non_finite.opening_no_object(roles, marks)
    before = _marked_before(roles, "target_marker", "locative_marker", "complement_marker", "agent_marker",
                            among=(marks, set()))
    assert [i in particles for i in range(-1, 21)] == [i in before for i in range(-1, 21)]
    genitive, origin = {rng.randrange(8) for _ in range(3)}, {rng.randrange(8) for _ in range(3)}
    chunk_of = [rng.choice((-1, 0, 1)) for _ in range(10)]
    for start in range(8):
        for stop in range(start, min(start + 3, 9)):
            gap = range(start, stop)
            assert actors._unmarked(gap, genitive, origin) == (
                bool(gap) and any(g not in genitive and g not in origin for g in gap))
            assert actors._unmarked(gap, genitive, origin, chunk_of) == (
                bool(gap) and any(chunk_of[g] < 0 and g not in genitive and g not in origin for g in gap))
    toks = _tokens([rng.choice(WORDS) for _ in range(12)])
    cues = {"الجيش": (("قال", "الجيش"), ("الجيش",)), "police": (("the", "police"),)}
    for j in range(len(toks)):
        assert consolidate._cue_ends_at(toks, j, cues) == any(
            j - len(c) + 1 >= 0 and tuple(toks[i].norm for i in range(j - len(c) + 1, j + 1)) == c
            for c in cues.get(toks[j].norm, ()))


def _joiner_before(coordinator_at, tokens, opens_conjunct):
    """group_actors' joiner as the closure it was."""
    def joiner(start, stop):
        if start >= stop:
            return True if opens_conjunct(stop) else None
        coordinated, i = False, start
        while i < stop:
            if i in coordinator_at:
                coordinated = True
            elif tokens[i].norm not in (",", "،"):
                return None
            i += 1
        return coordinated
    return joiner


@pytest.mark.parametrize("seed", range(10))
def test_joiner_answers_as_the_closure(seed):
    rng = random.Random(seed)
    toks = _tokens([rng.choice([",", "،", "and", "و", "x"]) for _ in range(10)])
    coord = {i for i, t in enumerate(toks) if t.norm in ("and", "و")}
    opens = {rng.randrange(11) for _ in range(3)}
    before = _joiner_before(coord, toks, opens.__contains__)
    for start in range(10):
        for stop in range(start, 11):
            assert actors._joiner(start, stop, coord, toks, opens.__contains__) == before(start, stop)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=[s.text[:20] for _, s, _ in READINGS])
def test_records_set_field_by_field_are_whole(lang, sent, analysis):
    """The triggers, actors, groups and events the rules now make on a bare instance have every field
    set, as their dataclass's __init__ would set them."""
    from dataclasses import fields, replace
    records = [*analysis.triggers, *analysis.actors, *analysis.groups, *analysis.events]
    assert records
    for r in records:
        for f in fields(r):
            getattr(r, f.name)      # (an unset slot raises)
        assert replace(r) == r
