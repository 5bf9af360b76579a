"""The thirty-third speed round of the rules: group_actors makes a one-actor group without a slice,
and shares roles and countries inside a group as it makes it (no second pass over the groups);
group_of finds the group a phrase with no modifier names in one pass over the groups, with no list
built. Checked against copies of the former group_actors and group_of, and digests of what the code
before the round (2539b54) read in sentences written for these tests (coordinated actors sharing a
role or a country)."""
from __future__ import annotations

import copy

from coder.model import ActorCode, Token
from coder.rules.actors import Actor, ActorGroup, _joiner, group_actors, groups_overlapping, groups_within
from coder.rules.phrases import group_of, phrase_span

from test_rules_speed15 import digest_tests

# coordinated actors: bare countries before a role noun, a role-only conjunct after one with a
# country, lists with commas, conjunctions written on the next word, several groups and triggers
SENTENCES = {
    "en": [
        "Hungarian and Romanian officials met Serbian and Croatian diplomats in Vienna on Tuesday.",
        "Israeli helicopters and tanks attacked Hamas and Islamic Jihad positions near the border.",
        "The United States, Russia, and Turkey condemned the bombing of the hospital by rebels.",
        "Police arrested two protesters after soldiers and militants clashed in the capital.",
        "Iran accused Israel and the United States of attacking its nuclear sites.",
        "French and German ministers urged Moscow and Kyiv to resume talks, and the rebels agreed.",
        "Gunmen killed three villagers, and the army and police later detained five suspects.",
        "Egypt said it would host talks between Hamas and Israel next week.",
    ],
    "ar": [
        "اشتبكت قوات الجيش السوري وقوات سوريا الديمقراطية في ريف دير الزور.",
        "التقى الرئيس المصري ونظيره الفرنسي في القاهرة وبحثا الأزمة في غزة.",
        "اتهمت إيران إسرائيل والولايات المتحدة بمهاجمة منشآتها النووية.",
        "قصفت الطائرات الروسية والسورية مواقع المعارضة في إدلب وقتلت عشرة مدنيين.",
        "دعت روسيا وتركيا وإيران إلى وقف إطلاق النار في سوريا.",
        "اعتقلت الشرطة والجيش عشرين متظاهرا في بغداد بعد اشتباكات مع مسلحين.",
    ],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'Hungarian and Romanian officials met Serbian and Croatian diplomats in Vienna on Tuesday.': 'e221cb9e744a782c',
    'Israeli helicopters and tanks attacked Hamas and Islamic Jihad positions near the border.': '11c7e52142a0627f',
    'The United States, Russia, and Turkey condemned the bombing of the hospital by rebels.': 'b74376839af89c9a',
    'Police arrested two protesters after soldiers and militants clashed in the capital.': 'dd0d0fc2ddd4b2de',
    'Iran accused Israel and the United States of attacking its nuclear sites.': 'dd6cdc765e87e850',
    'French and German ministers urged Moscow and Kyiv to resume talks, and the rebels agreed.': '5bbf447d46b0e4ac',
    'Gunmen killed three villagers, and the army and police later detained five suspects.': '10769953ed18155d',
    'Egypt said it would host talks between Hamas and Israel next week.': '7d4dfd438d9e1908',
    'اشتبكت قوات الجيش السوري وقوات سوريا الديمقراطية في ريف دير الزور.': 'd782ac200e31945f',
    'التقى الرئيس المصري ونظيره الفرنسي في القاهرة وبحثا الأزمة في غزة.': 'f8289b608ca63798',
    'اتهمت إيران إسرائيل والولايات المتحدة بمهاجمة منشآتها النووية.': '24beb9ec7cb5f644',
    'قصفت الطائرات الروسية والسورية مواقع المعارضة في إدلب وقتلت عشرة مدنيين.': 'b974ede64cae8294',
    'دعت روسيا وتركيا وإيران إلى وقف إطلاق النار في سوريا.': '83d4e3892720bbd1',
    'اعتقلت الشرطة والجيش عشرين متظاهرا في بغداد بعد اشتباكات مع مسلحين.': 'dc2ee5ed8cfcd739',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_group_actors(actors, coordinator_at, tokens, opens_conjunct=lambda i: False):
    """group_actors before the round: every group built first, then a second pass shares roles."""
    groups = []
    k = 0
    while k < len(actors):
        end, last_coordinated = k, k
        while end + 1 < len(actors):
            start, stop = actors[end].last + 1, actors[end + 1].first
            j = _joiner(start, stop, coordinator_at, tokens, opens_conjunct)
            if j is None:
                break
            end += 1
            if j:
                last_coordinated = end
        members = actors[k:last_coordinated + 1]
        groups.append(ActorGroup(members, members[0].first, members[-1].last))
        k = last_coordinated + 1
    for g in groups:
        last = g.members[-1]
        if last.code.role and not last.code.group:
            for m in g.members[:-1]:
                if not m.code.role and not m.code.group:
                    m.code = ActorCode(m.code.country, m.code.group, last.code.role)
        for a, b in zip(g.members, g.members[1:]):
            if b.code.role and not b.code.country and not b.code.group and a.code.role == b.code.role \
                    and a.code.country and not a.code.group:
                b.code = ActorCode(a.code.country, None, b.code.role)
    return groups


def _actor(first: int, last: int, country=None, group=None, role=None) -> Actor:
    return Actor(name=f"w{first}", code=ActorCode(country, group, role), rule_ids=("t",), first=first,
                 last=last, start=first, end=last + 1)


def _words(norms: str) -> list[Token]:
    out, at = [], 0
    for w in norms.split():
        out.append(Token(w, at, at + len(w), w, (w,)))
        at += len(w) + 1
    return out


# (words, coordinator positions, actors): lone actors, pairs and lists sharing a role or a country,
# a named group's own role, a gap that parts two actors, a conjunction written on the next word
CASES = [
    ("a and b officials met c", {1}, [(0, 0, "HUN"), (2, 3, None, None, "GOV"), (5, 5, "AUT")]),
    ("a b and c officials", {2}, [(0, 0, "USA"), (1, 1, "RUS"), (3, 4, "TUR", None, "GOV")]),
    ("x , y , and z said", {4}, [(0, 0, "USA"), (2, 2, "RUS"), (5, 5, None, None, "MIL")]),
    ("israeli jets and tanks hit", {2}, [(0, 1, "ISR", None, "MIL"), (3, 3, None, None, "MIL")]),
    ("hamas and israel fought", {1}, [(0, 0, None, "HAM", "REB"), (2, 2, "ISR")]),
    ("iran and hezbollah fighters", {1}, [(0, 0, "IRN"), (2, 3, "LBN", "HEZ", "REB")]),
    ("police , army arrested them", set(), [(0, 0, None, None, "COP"), (2, 2, None, None, "MIL")]),
    ("police met the army", set(), [(0, 0, None, None, "COP"), (3, 3, None, None, "MIL")]),
    ("russia wturkey and iran", {2}, [(0, 0, "RUS"), (1, 1, "TUR"), (3, 3, None, None, "GOV")]),
    ("alone here", set(), [(0, 0, "EGY")]),
    ("nobody here", set(), []),
]


def _case(spec):
    words, coordinators, actors = spec
    return _words(words), coordinators, [_actor(*a) for a in actors]


def test_groups_as_the_former_group_actors():
    shared = 0
    for spec in CASES:
        toks, coordinators, actors = _case(spec)
        former_actors = copy.deepcopy(actors)
        opens = (lambda i, t=toks: t[i].norm.startswith("w"))
        got = group_actors(actors, coordinators, toks, opens)
        former = _former_group_actors(former_actors, coordinators, toks, opens)
        assert [(g.first, g.last, [(m.first, m.code) for m in g.members]) for g in got] == \
            [(g.first, g.last, [(m.first, m.code) for m in g.members]) for g in former]
        assert [m.code for m in actors] == [m.code for m in former_actors]
        shared += sum(m.code != a.code for m, a in zip(actors, _case(spec)[2]))
    assert shared >= 3      # (the cases reach both sharing rules)


def test_a_one_actor_group_has_a_list_of_its_own():
    toks, coordinators, actors = _case(CASES[0])
    groups = group_actors(actors, coordinators, toks)
    alone = groups[-1]
    assert alone.members == [actors[-1]] and alone.members is not actors
    alone.members.append(actors[0])
    assert len(actors) == 3


def _former_group_of(p, k, groups):
    """group_of before the round: the groups in the phrase as a list, then the one on its head."""
    if k is None or not groups:
        return None
    c = p.chunks[k]
    if c.refers_to is not None:
        k = c.refers_to
        c = p.chunks[k]
    inside = groups_overlapping(groups, *phrase_span(p, k)) if c.modifiers else groups_overlapping(groups, c.start, c.end)
    if not inside:
        for j in p.conjuncts(k):
            inside = groups_overlapping(groups, *phrase_span(p, j))
            if inside:
                break
    if not inside:
        for cl in p.clauses:
            if cl.kind == "relative" and cl.antecedent == k:
                inside = groups_within(groups, cl.start, cl.end)
                break
        if not inside:
            return None
    head = c.head
    for rel, i in c.modifiers:
        if rel == "appos":
            for g in inside:
                if g.first <= i <= g.last:
                    head = i
                    break
            break
    for g in inside:
        if g.first <= head <= g.last:
            return g
    return inside[0]


def test_each_phrase_names_the_group_the_former_group_of_found():
    asked = bare = named = 0
    for _, _, analysis in READINGS:
        p = analysis.parse
        if p is None:
            continue
        # each phrase with the sentence's groups, and with each group alone and none (a phrase that
        # names one only through its conjuncts or its relative clause)
        for groups in [analysis.groups, []] + [[g] for g in analysis.groups]:
            for k in [None, *range(len(p.chunks))]:
                got = group_of(p, k, groups)
                assert got is _former_group_of(p, k, groups)
                asked += 1
                if k is not None and not p.chunks[k].modifiers and got is not None:
                    bare += 1
                named += got is not None
    assert asked and bare and named


class _Chunk:
    def __init__(self, start, end, head, modifiers=(), refers_to=None):
        self.start, self.end, self.head, self.modifiers, self.refers_to = start, end, head, list(modifiers), refers_to


class _Parse:
    """The shape of a parse group_of reads: chunks, their conjuncts, clauses."""
    def __init__(self, chunks, conjuncts=None):
        self.chunks, self.clauses, self._conjuncts = chunks, [], conjuncts or {}
        self.chunk_of = [-1] * 20
        for k, c in enumerate(chunks):
            for i in range(c.start, c.end + 1):
                self.chunk_of[i] = k

    def conjuncts(self, k):
        return self._conjuncts.get(k, [])


def _group(first, last):
    return ActorGroup([], first, last)


def test_a_bare_phrase_names_the_group_on_its_head_as_before():
    # a chunk 2..5 headed at 5; another at 8..9 headed at 8 referring back to it; one at 11 (a
    # conjunct of chunk 0 at 0); groups before, across the start, inside, on the head, across the end
    p = _Parse([_Chunk(2, 5, 5), _Chunk(8, 9, 8, refers_to=0), _Chunk(11, 11, 11), _Chunk(0, 0, 0)],
               conjuncts={3: [2]})
    layouts = [[(0, 1), (2, 2), (5, 5)], [(1, 2), (4, 6)], [(3, 3)], [(5, 7), (11, 11)], [(0, 0), (6, 7)],
               [(0, 1), (3, 4), (5, 6), (11, 12)], [(11, 11)], []]
    on_head = not_first = 0
    for layout in layouts:
        groups = [_group(*g) for g in layout]
        for k in (None, 0, 1, 2, 3):
            got = group_of(p, k, groups)
            assert got is _former_group_of(p, k, groups)
            on_head += got is not None and got.first <= 5 <= got.last and k in (0, 1)
            not_first += got is not None and got is not groups[0]
    assert on_head and not_first
