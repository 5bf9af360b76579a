"""The seventeenth speed round of the syntax stage answers as before: parse() gathers in its one
pass over the phrases what the later passes read of them (the phrases' starts and ends, the phrases
no preposition governs where the modifiers follow the noun, the owned phrases, the pronouns), and
arguments(), possessors() and antecedents() take those instead of stepping through every phrase
again.
Whole parses are compared with digests of what the code before the round made of sentences written
for this test, and what parse() hands on with what the former passes worked out for themselves."""
from __future__ import annotations

import copy

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import parse
from coder.syntax.clauses import _bare_chunks
from coder.syntax.reference import antecedents, possessors
from test_syntax_speed14 import assert_parsed_as
from test_syntax_speed15 import _inputs   # (the same inputs and digest of a parse)

SENTENCES = [
    ("ar", "قال المتحدث باسم الجيش إن قواته سيطرت على مواقع المسلحين في ريف حلب."),
    ("ar", "قصفت الطائرات الحربية مواقع المعارضة في ريف حماة الشمالي أمس."),
    ("ar", "أكد الرئيس أنه سيواصل دعم الجيش في حربه ضد الإرهاب."),
    ("ar", "التقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي في الرياض."),
    ("ar", "أعلنت الجماعة مسؤوليتها عن الهجوم الذي استهدف حافلة للجنود."),
    ("ar", "اعتقلت الشرطة ثلاثة من عناصر الخلية في مداهمة لمنزل في العاصمة."),
    ("en", "The militia said its fighters had seized the town after heavy clashes with government forces."),
    ("en", "Police arrested him near the embassy and later released him without charge."),
    ("en", "The group claimed responsibility for the bombing, which killed twelve soldiers in the north."),
    ("en", "Egyptian President Abdel Fattah el-Sisi met Russian President Vladimir Putin in Sochi."),
]

# what the code before this round (69240e7) made of each sentence (test_syntax_speed14._digest: sha256 of the
# `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "6ec7a474706fda80",
    "7ca2e6f77942ef94",
    "c1f874f88ba81dc7",
    "722d46fc160efa03",
    "4bc7e9574def8316",
    "d33346e7cd551382",
    "26e509319403d3d8",
    "ade0c6f7cba2af38",
    "ee8d8d25ad06bb6b",
    "8778e1187c933b0b",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _handed_on(monkeypatch, lang: str, text: str) -> tuple[dict, object, list]:
    """Parse a sentence, keeping what parse() hands to arguments(), possessors() and antecedents()
    (the clauses and chunks, their first two arguments, copied before the call changes them)."""
    calls = {}

    def keep(name, f):
        def kept(clauses, chunks, *args, **kwargs):
            calls[name] = ((copy.deepcopy(clauses), copy.deepcopy(chunks), *args), kwargs)
            return f(clauses, chunks, *args, **kwargs)
        return kept
    for name in ("arguments", "possessors", "antecedents"):
        monkeypatch.setattr(syntax, name, keep(name, getattr(syntax, name)))
    toks, mentions = _inputs(lang, text)
    p = parse(toks, mentions, profile(lang))
    return calls, p, toks


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_arguments_is_given_the_phrases_as_it_found_them(monkeypatch, n):
    """The starts, ends and bare phrases parse() hands arguments() are those it worked out itself
    (a list comprehension over the chunks, _bare_chunks); a language whose modifiers come before
    the noun hands no bare phrases (arguments() asks its own _bare_chunks)."""
    lang, text = SENTENCES[n]
    calls, p, toks = _handed_on(monkeypatch, lang, text)
    (clauses, chunks, _, tags, _, prof, *rest), _ = calls["arguments"]
    roles, bare, (starts, ends) = rest[-3:]
    assert starts == [c.start for c in chunks] and ends == [c.end for c in chunks]
    if lang == "ar":
        assert bare == _bare_chunks(chunks, toks, tags, prof, prof.token_flags[1])
    else:
        assert bare is None


def _possessors_before(clauses, chunks, actorish) -> list:
    """possessors() over every phrase, as before the round: the possessor of each chunk after it."""
    clauses, chunks = copy.deepcopy(clauses), copy.deepcopy(chunks)
    possessors(clauses, chunks, actorish)
    return [c.possessor for c in chunks]


def _antecedents_before(clauses, chunks, toks, tags, R, actorish, named, anaphor) -> list:
    """antecedents() over every phrase, as before the round: each chunk's antecedent after it."""
    clauses, chunks = copy.deepcopy(clauses), copy.deepcopy(chunks)
    antecedents(clauses, chunks, toks, tags, R, actorish, named, anaphor)
    return [c.refers_to for c in chunks]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_owned_phrases_and_pronouns_resolve_as_over_every_phrase(monkeypatch, n):
    """possessors() is called with the owned phrases, and only if there is one; antecedents() with
    the pronouns: each resolves the phrases as it did over every phrase (run on copies of what it
    was given, with the former arguments)."""
    lang, text = SENTENCES[n]
    calls, p, toks = _handed_on(monkeypatch, lang, text)
    chunks = calls["arguments"][0][1]
    owned = [k for k, c in enumerate(chunks) if c.owned]
    if owned:
        (clauses, chunks_then, actorish, given), _ = calls["possessors"]
        assert given == owned
        assert [c.possessor for c in p.chunks] == _possessors_before(clauses, chunks_then, actorish)
    else:
        assert "possessors" not in calls
        assert all(c.possessor is None for c in p.chunks)
    if "antecedents" in calls:
        (clauses, chunks_then, toks, tags, R, actorish, named, anaphor, pronouns), _ = calls["antecedents"]
        assert pronouns == [k for k, c in enumerate(chunks_then) if c.kind == "pronoun"]
        assert [c.refers_to for c in p.chunks] == \
            _antecedents_before(clauses, chunks_then, toks, tags, R, actorish, named, anaphor)
    else:
        assert not any(c.kind == "pronoun" for c in p.chunks)


def test_the_sentences_reach_the_changed_passes(monkeypatch):
    """Both languages have a sentence with an owned phrase and one with none, and a sentence with a
    pronoun and no anaphor (antecedents() visits the pronouns given) and one with an anaphor."""
    seen = set()
    for lang, text in SENTENCES:
        calls, p, _ = _handed_on(monkeypatch, lang, text)
        seen.add((lang, "owned" if "possessors" in calls else "none owned"))
        if "antecedents" in calls:
            anaphor, pronouns = calls["antecedents"][0][-2:]
            seen.add((lang, "anaphor" if anaphor else "pronouns alone"))
    assert {(lang, kind) for lang in ("ar", "en") for kind in ("owned", "none owned")} <= seen
    assert {kind for _, kind in seen} >= {"anaphor", "pronouns alone"}
