"""The twenty-second speed round of the syntax stage answers as before: clauses._introduced reads the
phrase a marker introduces from each token's phrase (the parse's chunk_of), the tokens sorted alone,
where it bisected the phrases' starts over sorted (token, role) pairs; tagger._holds_in_context reads a
possessive pronoun on the word before from the sentence's flags where the language keeps them per word,
where it called Features.owned; clauses.arguments bisects the phrases that end in a clause once a
clause (none for a clause with no verb group), the phrases after a clause's last verb being those, where
it made three bisections a predicate; arguments_after_noun._after_noun asks the tag of a lone word
between the verb and a phrase without a slice, and makes no slice where no word lies between a subject
and its verb or before it; tagger._revision, clauses._later_finite, modifiers._governed_list and
_reduced_relative loop where they made a generator. Compared with copies of the former logic on
sentences written for this test, and whole parses with digests of what the code before the round
(386610d) made of them (test_syntax_speed14._digest)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import pytest

import coder.syntax as syntax
import coder.syntax.tagger as tagger
from coder.lang import profile
from coder.syntax import Features
from coder.syntax.clauses import _introduced
from coder.syntax.marks import _marker_roles
from coder.syntax.rules import rules
from test_syntax_speed14 import _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "شنت قواته الجوية غارات عنيفة على مواقع المسلحين في ريف حلب، وقال الجيش إن الغارات دمرت مخازن كبيرة."),
    ("ar", "اعتقلت قوات الأمن الإسرائيلية خمسة شبان فلسطينيين على يد وحدة خاصة ضد المتظاهرين في مدينة الخليل."),
    ("ar", "تظاهر آلاف المحتجين الغاضبين ضد الحكومة الجديدة، ودعت المعارضة السورية إلى حوار وطني شامل مع النظام."),
    ("ar", "أعلن وزير الدفاع التركي أن طائراته الحربية قصفت مواقع لحزب العمال الكردستاني في شمال العراق أمس."),
    ("ar", "وقعت الحكومة اتفاقاً مع الفصائل المسلحة، وأرسلت مساعدات إنسانية عاجلة للنازحين في المخيمات الحدودية."),
    ("ar", "هددت إيران برد قاس على أي هجوم أمريكي، واتهمت واشنطن بدعم الجماعات الإرهابية في المنطقة."),
    ("en", "The army launched heavy strikes against rebel positions near Aleppo, and the minister said the attacks "
           "were carried out by special forces."),
    ("en", "Protesters marched against the new government on Sunday, while police sent aid to the displaced families "
           "in the camps."),
]

# what the code before this round (386610d) made of each sentence (test_syntax_speed14._digest)
BEFORE = [
    "ae9f8561adb88877",
    "43fe45676ea9c3c6",
    "424986d246c615cd",
    "07bec5b5ebbf86c4",
    "2a6ef0e30784d26d",
    "20180937fd6c61cb",
    "3750d01e8c0fc2f5",
    "776f581a39f3641a",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


# the Arabic argument reader's cases (arguments_after_noun._after_noun): one word, several words or
# none between the verb (or the subject) and the next phrase; a subject before its verb right before
# it, with an auxiliary or a negation between, at the clause's opening or after a fronted place, a
# pronoun; with what 386610d made of each (test_syntax_speed14._digest)
AFTER_NOUN = [
    ("ar", "استقبل الرئيس في دمشق، أمس، وزير الخارجية الإيراني وبحث معه الأوضاع في المنطقة.", "ca460e26a61c48af"),
    ("ar", "وقال المتحدث إن الجيش لم يقصف المدينة، وإن المسلحين قد هاجموا الحاجز ليلاً.", "42f690bd56d2fd81"),
    ("ar", "فهو قد أخرج القوات من المدينة، ثم أعلنت الحكومة أن الجنود انسحبوا من المواقع.", "6342e2acaa194000"),
    ("ar", "قصفت الطائرات أمس في ريف حلب الجنوبي مواقع للمعارضة المسلحة، وقتلت عشرة مدنيين.", "31e87c840d553ac4"),
    ("ar", "في بلدة قرب الحدود أطلقت دبابة النار على منزل، والقوات الحكومية تواصل عملياتها.", "74b0f3e7e3f94f64"),
    ("ar", "وأكد المصدر أن الجيش، بعد ساعات من المعارك، قصف مواقع المسلحين.", "ffdb1e2de199f3ff"),
    ("ar", "المسلحون في المدينة هاجموا الحاجز، وقالت الشرطة إن القوات اعتقلت خمسة منهم.", "a8c9f9f8eb4c4279"),
]


@pytest.mark.parametrize("lang,text,digest", AFTER_NOUN)
def test_the_arabic_arguments_are_the_ones_found_before(lang, text, digest):
    """_after_noun asks the tag of a lone word between the verb and a phrase without slicing the tags,
    and makes no slice where no word lies between a subject and its verb or before the subject."""
    assert_parsed_as(lang, text, digest)


def _former_introduced(roles: dict[int, str], starts: list[int]) -> list[tuple[int, str]]:
    """clauses._introduced as it was: (token, role) pairs sorted, each token's phrase found by bisecting."""
    introduced = []
    for i, role in sorted(roles.items()):
        k = bisect_left(starts, i)
        if k < len(starts) and starts[k] == i:
            introduced.append((k, role))
    return introduced


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_phrases_markers_introduce_are_the_former_ones(lang, text):
    toks, mentions = _inputs(lang, text)
    p = syntax.parse(toks, mentions, profile(lang))
    R = rules(lang)
    roles = _marker_roles(toks, R, [i for i, t in enumerate(toks) if t.norm in R.marker_starts])
    starts = [c.start for c in p.chunks]
    former = _former_introduced(roles, starts)
    assert former, text    # (every sentence has a phrase after a marker)
    assert _introduced(roles, starts, p.chunk_of) == former
    assert _introduced(roles, starts) == former
    # every token a marker precedes, inside a phrase, at its start or outside phrases, in any order
    every = {i: "target" for i in range(len(toks))}
    assert _introduced(every, starts, p.chunk_of) == _former_introduced(every, starts)
    backwards = dict(sorted(every.items(), reverse=True))
    assert _introduced(backwards, starts, p.chunk_of) == _former_introduced(backwards, starts)


def test_the_markers_of_a_sentence_can_come_out_of_order():
    """A marker of two words ends after the one-word marker inside it (على يد, يد): the roles are not
    in token order, so _introduced sorts them."""
    lang, text = SENTENCES[1]
    toks, _ = _inputs(lang, text)
    R = rules(lang)
    roles = list(_marker_roles(toks, R, [i for i, t in enumerate(toks) if t.norm in R.marker_starts]))
    assert roles != sorted(roles)


def _former_holds_in_context(r, i: int, toks, tags, F) -> bool:
    """tagger._holds_in_context as it was: the possessive pronoun on the word before asked of Features.owned."""
    if r.next_tag and (tags[i + 1] if i + 1 < len(toks) else "END") not in r.next_tag:
        return False
    if r.next_definite is not None and (i + 1 < len(toks) and F.definite[i + 1]) != r.next_definite:
        return False
    if r.prev_definite is not None and (i > 0 and F.definite[i - 1]) != r.prev_definite:
        return False
    if r.definite_agrees and (i == 0 or (F.definite[i - 1] or F.owned(i - 1)) != F.definite[i]):
        return False
    if r.prev_word and (i == 0 or toks[i - 1].norm not in r.prev_word):
        return False
    if r.next_word and (i + 1 >= len(toks) or toks[i + 1].norm not in r.next_word):
        return False
    if r.capitalised is not None and (i > 0 and toks[i].text[:1].isupper()) != r.capitalised:
        return False
    if r.next_capitalised is not None and (i + 1 < len(toks) and toks[i + 1].text[:1].isupper()) != r.next_capitalised:
        return False
    return True


@pytest.mark.parametrize("lang,text", SENTENCES)
@pytest.mark.parametrize("per_word", [True, False])
def test_a_rule_holds_in_context_as_before(lang, text, per_word):
    """Every rule of the language (its conditions on the sentence around the word), at every token of the
    sentence, holds where it held; with the possessive flags kept per word, and without (asked of the
    profile, as for a language whose pronoun comes before the word)."""
    toks, mentions = _inputs(lang, text)
    prof = profile(lang)
    R = rules(lang)
    p = syntax.parse(toks, mentions, prof)
    F = Features(toks, prof, R)
    if not per_word:
        F.owned_flags = None
    context_rules = {id(r): tagger._context_part(r) for rs in R.rules_by_kind.values() for r in rs}.values()
    agreeing = 0
    for r in context_rules:
        for i in range(len(toks)):
            new = tagger._holds_in_context(r, i, toks, p.tags, F)
            assert new == _former_holds_in_context(r, i, toks, p.tags, F), (r, i, toks[i].text)
            agreeing += bool(r.definite_agrees and new)
    if lang == "ar":
        assert agreeing, text    # (an adjective that agrees with the noun before it)


def test_a_possessive_pronoun_makes_the_word_before_definite():
    """قواته الجوية: the adjective agrees with a noun that carries a pronoun, read from the flags."""
    lang, text = SENTENCES[0]
    toks, mentions = _inputs(lang, text)
    prof = profile(lang)
    F = Features(toks, prof, rules(lang))
    assert F.owned_flags is not None and F.owned_flags[1] and not F.definite[1] and F.definite[2]
    p = syntax.parse(toks, mentions, prof)
    assert p.tags[2] == "ADJ"


def _former_after(cl, v: int, mine: list[tuple[int, int]], n: int, starts: list[int], ends: list[int]) -> list[int]:
    """The phrases arguments() handed a predicate as those after its verb, as it found them before: the
    phrases that start after the verb and before the next verb group (the clause's end after the last),
    less any that ends past the clause's end, by three bisections a predicate."""
    limit = mine[n + 1][0] if n + 1 < len(mine) else cl.end + 1
    first_after, after_end, clause_end = bisect_right(starts, v), bisect_left(starts, limit), bisect_right(ends, cl.end)
    return list(range(len(starts)))[first_after:min(after_end, clause_end)]


AFTER_VERBS = SENTENCES + [
    ("ar", "قال المتحدث إن الجيش قصف المواقع ودمر الآليات واعتقل المسلحين الذين هاجموا القرية."),
    ("en", "The rebels, who had seized the town, fled and regrouped, officials said on Monday."),
]


def _after_verbs_checked(monkeypatch, lang: str, text: str) -> int:
    """Checks each predicate's phrases after its verb against the former bisections; the number of
    predicates in a clause with several verb groups."""
    import coder.syntax.clauses as clauses
    handed = []
    for name in ("_after_noun", "_before_noun"):
        reader = getattr(clauses, name)

        def kept(p, cl, prev, before, after, *rest, _reader=reader):
            handed.append((p.verb, cl, list(after)))
            return _reader(p, cl, prev, before, after, *rest)
        monkeypatch.setattr(clauses, name, kept)
    toks, mentions = _inputs(lang, text)
    p = syntax.parse(toks, mentions, profile(lang))
    starts, ends = [c.start for c in p.chunks], [c.end for c in p.chunks]
    groups = syntax._verb_groups(p.tags)
    assert handed and len(handed) == sum(len(cl.predicates) for cl in p.clauses)
    several = 0
    for v, cl, after in handed:
        mine = [g for g in groups if cl.start <= g[1] <= cl.end]
        n = [g[1] for g in mine].index(v)
        assert after == _former_after(cl, v, mine, n, starts, ends), (text, v)
        several += len(mine) > 1
    return several


@pytest.mark.parametrize("lang,text", AFTER_VERBS)
def test_the_phrases_after_each_verb_are_the_former_ones(monkeypatch, lang, text):
    """arguments() bisects the phrases that end in a clause once a clause, and after the clause's last
    verb group takes them as the phrases after the verb: each predicate is handed the phrases after its
    verb that the former three bisections found (clauses with no verb group skipped, their antecedent
    still found)."""
    _after_verbs_checked(monkeypatch, lang, text)


def test_the_sentences_have_clauses_of_several_verbs(monkeypatch):
    """(The phrases after a verb that is not its clause's last, up to the next verb group, are checked.)"""
    for lang in ("ar", "en"):
        assert sum(_after_verbs_checked(monkeypatch, lg, text) for lg, text in AFTER_VERBS if lg == lang), lang


# English cases of the helpers that lost their generators (tagger._revision, clauses._later_finite,
# modifiers._governed_list and _reduced_relative), with what 386610d made of each
ENGLISH = [
    ("en", "Leaders of companies such as Spotify, Tesla, Uber and Snapchat will attend the summit in Paris.",
     "5d446de953fc076c"),
    ("en", "The president criticised an accord the United States abandoned, and officials gathered outside "
           "parliament to demand a vote.", "4b70b3742860ce0f"),
    ("en", "The police told the crowd gathered there that the area controlled by the rebels was the most widely "
           "accepted target.", "aa69a7f6a1b10c97"),
    ("en", "Five civilians killed in the strike were buried on Sunday, the ministry said.", "128ce12ee411a3d4"),
    ("en", "Russia's troops deployed in Syria were attacked on Monday, officials said.", "dac2cbe5cbd55a5b"),
    ("en", "The group's fighters stationed near the border were killed by an air strike.", "1e7199e7bcdb9103"),
]


@pytest.mark.parametrize("lang,text,digest", ENGLISH)
def test_the_english_parses_are_the_ones_made_before(lang, text, digest):
    """A list of names a conjunction closes, a relative clause with its own subject, participles that
    describe a noun (one after a possessor's phrase), a verb before an infinitive: the parses 386610d made."""
    assert_parsed_as(lang, text, digest)


def _former_revision(R, i: int, toks, tags, prev: str, F):
    """tagger._revision as it was: next() over a generator."""
    return next((r for r in R.revisions if (not r.prev_tag or prev in r.prev_tag) and
                 tagger._holds(r, i, toks, tags, prev, F)), None)


def test_the_revisions_are_the_former_ones():
    """Every token of the English sentences, with the tags it has and with a noun after it, after any
    tag: the revision found is the one next() over a generator found (one holds for some)."""
    prof, R = profile("en"), rules("en")
    held = 0
    for lang, text, _ in ENGLISH:
        toks, mentions = _inputs(lang, text)
        tags = syntax.parse(toks, mentions, prof).tags
        F = Features(toks, prof, R)
        for i in range(len(toks)):
            for following in (tags, tags[:i + 1] + ["NOUN"] + tags[i + 2:]):
                for prev in ("START", "DET", "ADV", "NOUN", "VERB"):
                    found = tagger._revision(R, i, toks, following, prev, F)
                    assert found is _former_revision(R, i, toks, following, prev, F)
                    held += found is not None
    assert held


def _former_later_finite(toks, mine, n: int) -> bool:
    """clauses._later_finite as it was: any() over a generator."""
    return any(f2 == 0 or toks[f2 - 1].norm != "to" for f2, _ in mine[n + 1:])


def test_a_later_finite_verb_is_found_as_before():
    """Of every verb group of the English sentences (and a group at the first token), the groups after
    it hold a finite verb where any() over a generator found one (both answers met)."""
    from coder.syntax.clauses import _later_finite
    answers = set()
    for lang, text, _ in ENGLISH:
        toks, mentions = _inputs(lang, text)
        mine = [(0, 0)] + syntax._verb_groups(syntax.parse(toks, mentions, profile(lang)).tags)
        for n in range(len(mine)):
            answer = _later_finite(toks, mine, n)
            assert answer == _former_later_finite(toks, mine, n), (text, n)
            answers.add(answer)
    assert answers == {True, False}
