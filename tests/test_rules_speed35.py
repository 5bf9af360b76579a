"""The thirty-fifth speed round of the rules: the "how" of coder.rules.roles.roles_for (the trace's
"syntax: subject ...; object ...") kept as the predicate's roles (types.RolesHow), written out only
when the trace is read, where the text was built for every reading. Checked against the text the
former code built (a copy kept here), through the steps that add to it, and against digests of what
the code before the round (b4c545a) made of sentences written for these tests (light verbs, verbs
whose roles the syntax stage reads, both languages), whose trace holds those texts."""
from __future__ import annotations

from coder.rules.roles import roles_for
from coder.rules.types import RolesHow, roles_how

from test_rules_speed15 import digest_tests

SENTENCES = {
    "en": [
        "The militants took hostages and took control of two villages near the border on Monday.",
        "The rebels took part in the fighting and took control of the airport, a commander said.",
        "Opposition leaders made an appeal for calm after the army made arrests in the north.",
        "The rebels gave up their weapons, and the government gave assurances to the mediators.",
        "Soldiers carried out searches in the camp, then carried out an air strike on a convoy.",
        "The ministers held a meeting in Amman and held talks on the ceasefire, a spokesman said.",
        "Demonstrators took to the streets of Beirut, and the police took part in talks with them.",
        "Iran launched a missile attack on bases in Iraq, and the United States imposed sanctions on Tehran.",
        "The council took note of the report, made no decision and took no action on the request.",
        "Syrian troops, with Russian air cover, launched on Sunday an offensive against rebels in Idlib.",
    ],
    "ar": [
        "نفذت القوات الأمريكية غارة جوية على قافلة، ونفذ الجيش حملة دهم في المخيم.",
        "فرضت السلطات حظر التجول وفرضت الحكومة عقوبات على الشركات في الموصل.",
        "أجرى الرئيس المصري اتصالا هاتفيا مع العاهل الأردني وأجرى محادثات حول غزة.",
        "عقد المجلس جلسة طارئة، وعقد الوزراء اجتماعا مع المعارضة في عمان.",
        "أطلقت الشرطة سراح المعتقلين، وأطلق مسلحون قذائف على مواقع الجيش قرب حمص.",
        "اتخذ مجلس الأمن قرارا بفرض حظر على الأسلحة، واتخذت تركيا موقفا حازما.",
        "شنت إسرائيل هجوما على غزة وشنت طائراتها غارات على رفح، بحسب مصادر طبية.",
        "قدم الوزير استقالته، وقدمت إيران مساعدات إلى لبنان.",
        "شنت قوات النظام، بدعم من الطيران الروسي، حملة عسكرية وهجوما على ريف إدلب.",
        "أطلقت حماس صواريخ على إسرائيل، وأطلقت السلطات سراح صحفيين في القاهرة.",
    ],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'The militants took hostages and took control of two villages near the border on Monday.': 'fdd199ccd7f6e8c1',
    'The rebels took part in the fighting and took control of the airport, a commander said.': 'd39050ed58cf2ad9',
    'Opposition leaders made an appeal for calm after the army made arrests in the north.': '27133831d2f5eac7',
    'The rebels gave up their weapons, and the government gave assurances to the mediators.': '2b190db760c627a2',
    'Soldiers carried out searches in the camp, then carried out an air strike on a convoy.': 'b413fae28ff638bb',
    'The ministers held a meeting in Amman and held talks on the ceasefire, a spokesman said.': '48d3adb4141f1ae2',
    'Demonstrators took to the streets of Beirut, and the police took part in talks with them.': '2e18ddd8995dfce9',
    'Iran launched a missile attack on bases in Iraq, and the United States imposed sanctions on Tehran.': '4175011f633d314a',
    'The council took note of the report, made no decision and took no action on the request.': '306a130dc86f5d91',
    'Syrian troops, with Russian air cover, launched on Sunday an offensive against rebels in Idlib.': '154cd67a71f5b0a6',
    'نفذت القوات الأمريكية غارة جوية على قافلة، ونفذ الجيش حملة دهم في المخيم.': '938e3b635762eea6',
    'فرضت السلطات حظر التجول وفرضت الحكومة عقوبات على الشركات في الموصل.': '44433d83cbb31aec',
    'أجرى الرئيس المصري اتصالا هاتفيا مع العاهل الأردني وأجرى محادثات حول غزة.': '4bd6352db740738f',
    'عقد المجلس جلسة طارئة، وعقد الوزراء اجتماعا مع المعارضة في عمان.': 'c974ae05b2afaf0a',
    'أطلقت الشرطة سراح المعتقلين، وأطلق مسلحون قذائف على مواقع الجيش قرب حمص.': '0f8cf29598c689a0',
    'اتخذ مجلس الأمن قرارا بفرض حظر على الأسلحة، واتخذت تركيا موقفا حازما.': '96fda0ed5b0619bd',
    'شنت إسرائيل هجوما على غزة وشنت طائراتها غارات على رفح، بحسب مصادر طبية.': '77eb1e596268245f',
    'قدم الوزير استقالته، وقدمت إيران مساعدات إلى لبنان.': 'e42c7015d16c0671',
    'شنت قوات النظام، بدعم من الطيران الروسي، حملة عسكرية وهجوما على ريف إدلب.': 'f4af5f1962fc7b3d',
    'أطلقت حماس صواريخ على إسرائيل، وأطلقت السلطات سراح صحفيين في القاهرة.': '6339023f02d0dea6',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_how(pr) -> str:
    """roles_for's text for a predicate in the active, as the former code built it."""
    how = pr.how
    parts = []
    for r in pr.arguments:
        parts.append(f"{r} {how.get(r, '')}".strip())
    return "syntax: " + "; ".join(parts)


def test_roles_for_reads_as_the_former_text():
    read = 0
    for _, _, a in READINGS:
        if a.parse is None:
            continue
        for cl in a.parse.clauses:
            for pr in cl.predicates:
                found = roles_for(a.parse, pr, a.groups)
                if found is None or pr.passive:
                    continue
                how = found[2]
                assert type(how) is RolesHow and str(how) == _former_how(pr) and f"{how}" == _former_how(pr)
                read += 1
    assert read >= 10


def test_the_trace_holds_the_roles_read():
    assert sum(step.startswith("syntax: subject") or ": syntax: subject" in step
               for _, _, a in READINGS for step in a.trace) >= 5


def test_a_roles_how_reads_as_its_text():
    how = roles_how({"subject": 3, "object": 5, "recipient": 7},
                    {"subject": "the noun phrase before the verb", "object": "after it"})
    text = "syntax: subject the noun phrase before the verb; object after it; recipient"
    assert str(how) == text and f"{how}" == text and f"{how!r}" == repr(text) and how == text
    more = how + "; the phrase after 'that' before the verb is its subject (syntax)"
    more += "; more"
    assert str(more) == text + "; the phrase after 'that' before the verb is its subject (syntax); more"
    assert str(how) == text     # (adding makes a new one)
    assert "before the verb" in how and "passive" not in how and hash(how) == hash(text)
