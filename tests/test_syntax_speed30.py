"""The thirtieth speed round of the syntax stage, checked against what ef6cd8d made of hand-written
Arabic and English sentences, and against the former logic:
- parse() reads the matcher's mentions by kind (Mentions.triggers, .actor_mentions, .discards), each
  kind in a loop of its own, where one loop over every mention tested each one's kind; a list the
  matcher did not make is sorted by kind first (lexicon.grammar.by_kind). A discard word of no event class answers
  None before the sentence's features are read.
- the English possessor test ("Russia's") is kept per word with the word's features (the profile's
  is_possessor asked once a word): Features.possessive, the view's possessive_flags, read by the
  English chunker and by clauses._bare_chunks."""
from __future__ import annotations

import dataclasses

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import Features, parse, phrases
from coder.syntax.clauses import _bare_chunks
from coder.syntax.rules import rules
from test_syntax_speed14 import _digest, _inputs

SENTENCES = [
    ("en", "Russia's army shelled the rebels' positions near the group's headquarters on Monday."),
    ("en", "The minister's envoy met Iran's foreign minister and the militia's leaders in Baghdad."),
    ("en", "Police said gunmen attacked the governor's convoy, killing two of his guards."),
    ("en", "Turkey's president Recep Tayyip Erdogan accused the Kurdish fighters of attacking the army's base."),
    ("en", "The football team beat Syria's squad in the final match of the tournament."),
    ("ar", "قصف الجيش السوري مواقع المسلحين في ريف إدلب يوم الاثنين."),
    ("ar", "التقى وزير الخارجية الروسي بوفد من حركة حماس في موسكو."),
    ("ar", "واتهمت وزارة الدفاع التركية وحدات حماية الشعب بمهاجمة قواتها."),
    ("ar", "قال بوتين إن روسيا ستواصل دعم الحكومة السورية ضد الإرهابيين."),
    ("ar", "فاز المنتخب السوري على نظيره العراقي في مباراة كرة القدم."),
]
# what ef6cd8d made of each (test_syntax_speed14._digest; None: no parse, a discard word marks the
# sentence as no event)
BEFORE = ["fd0b3876c37e4b0c", "10dd42fdd43961ae", "00bea47339dff981", "c0674652e3fc32ff", "d8d0a1be04cad11d",
          "f4f51e04702b06d9", "8e7891a50c18a4ad", "234f051185399ac7", "a120314600a76167", None]


def _digest_of(p, toks):
    return None if p is None else _digest(p, toks)


def _former_by_kind(mentions):
    """The mentions parse() read, by kind, in the order of the former single loop."""
    return ([m for m in mentions if m.kind == "trigger"], [m for m in mentions if m.kind in ("actor", "agent")],
            [m for m in mentions if m.kind == "discard"])


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    lang, text = SENTENCES[n]
    toks, mentions = _inputs(lang, text)
    for _ in range(2):    # (first sight, then from the kept answers)
        assert _digest_of(parse(toks, mentions, profile(lang)), toks) == BEFORE[n]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_list_the_matcher_did_not_make_is_read_by_kind(n):
    """A plain list, in the matcher's order or reversed (the mentions' order within a kind changes
    no answer), parses as the matcher's Mentions."""
    lang, text = SENTENCES[n]
    toks, mentions = _inputs(lang, text)
    assert syntax.by_kind(list(mentions))[:3] == (mentions.triggers, mentions.actor_mentions, mentions.discards)
    assert syntax.by_kind(list(mentions))[:3] == _former_by_kind(mentions)
    for given in (list(mentions), list(reversed(mentions))):
        assert _digest_of(parse(toks, given, profile(lang)), toks) == BEFORE[n]


def test_the_sentences_reach_every_kind():
    """Triggers, actors, agents, a discard word of no event class, and lexicon words whose clitics
    are cleared (read as written, with a clitic letter first) are all among the sentences."""
    kinds, cleared = set(), 0
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        kinds |= {m.kind for m in mentions}
        F = Features(toks, profile(lang), rules(lang))
        cleared += sum(1 for m in mentions if (F.conj[m.first] or F.prep[m.first]) and m.first_form == 0)
    assert kinds == {"trigger", "actor", "agent", "discard"} and cleared


def _with_discard(mentions, at: int, roots: tuple):
    """The mentions and a discard mention of the word at token `at`, read as written."""
    entry = type("Entry", (), {"roots": roots})()
    extra = dataclasses.replace(mentions[0], kind="discard", first=at, last=at, entry=entry, first_form=0)
    return list(mentions) + [extra]


def test_a_discard_word_of_an_event_class_has_its_clitics_cleared_as_before():
    """A discard mention with event classes of its own (no parse refused) clears the clitics of a
    word read as written, as every mention did in the former loop; one of no event class: no parse."""
    lang, text = SENTENCES[7]     # (واتهمت: a conjunction clitic on the first word)
    toks, mentions = _inputs(lang, text)
    p = parse(toks, mentions, profile(lang))
    assert p.conjunction_clitics[0] is True
    marked = parse(toks, _with_discard(mentions, 0, ("18",)), profile(lang))
    assert marked.conjunction_clitics[0] is False and marked.conjunction_clitics[1:] == p.conjunction_clitics[1:]
    assert parse(toks, _with_discard(mentions, 0, ()), profile(lang)) is None


def test_a_discard_word_of_no_event_class_reads_no_features(monkeypatch):
    lang, text = SENTENCES[9]
    toks, mentions = _inputs(lang, text)

    def refused(*args):
        raise AssertionError("features read for a sentence with no parse")
    monkeypatch.setattr(syntax, "Features", refused)
    assert parse(toks, mentions, profile(lang)) is None


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_possessive_flags_are_the_profiles_answers(lang, text):
    toks, _ = _inputs(lang, text)
    prof = profile(lang)
    for _ in range(2):    # (first sight, then from the kept entries)
        F = Features(toks, prof, rules(lang))
        if prof.MODIFIER_AFTER_NOUN:
            assert F.possessive is None
        else:
            assert F.possessive == [bool(prof.is_possessor(t)) for t in toks] and True in F.possessive


@pytest.mark.parametrize("lang,text", [s for s in SENTENCES if s[0] == "en"])
def test_the_chunker_reads_the_kept_flags_as_the_profile_answers(lang, text):
    """The English chunker and _bare_chunks on the language's view (the kept flags) and on the bare
    profile (is_possessor asked per token) find the same phrases, possessors and governed phrases."""
    toks, mentions = _inputs(lang, text)
    prof, R = profile(lang), rules(lang)
    p = parse(toks, mentions, prof)
    view = syntax._known_class(lang)(prof, toks, Features(toks, prof, R))
    assert view.possessive_flags is not None
    with_flags = phrases.chunk(toks, p.tags, p.readings, R, view)
    asked = phrases.chunk(toks, p.tags, p.readings, R, prof)
    assert with_flags == asked and any(c.kind == "possessor" for c in asked)
    prep = [False] * len(toks)
    assert _bare_chunks(with_flags, toks, p.tags, view, prep) == _bare_chunks(asked, toks, p.tags, prof, prep)
