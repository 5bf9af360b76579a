"""What the event rules' shortcuts of the eighth round rely on: one test for a conjunct that carries
its conjunction (slots.opens_with_conjunction, which the list rules in reality.py asked through
starts_with_coordinator form by form) gives the same answer as the reading form by form; misread_names,
which tests the word after a name for what its three tests need before asking them, finds what the
three tests find asked of every name."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.rules.slots import opens_with_conjunction

WORDS = [
    ("ar", "وقتل"), ("ar", "وذبح"), ("ar", "والخطف"), ("ar", "وتركيا"), ("ar", "فقتل"), ("ar", "ووفد"),
    ("ar", "وزارة"), ("ar", "وزير"), ("ar", "ولد"), ("ar", "وقت"), ("ar", "و"), ("ar", "فلسطين"),
    ("ar", "فرنسا"), ("ar", "والاختطاف"), ("ar", "وبالمرتزقة"), ("ar", "وللجيش"), ("ar", "وسيقتل"),
    ("ar", "وقواته"), ("ar", "قتل"), ("ar", "الخطف"), ("ar", "2024"), ("ar", "،"),
    ("en", "and"), ("en", "killed"), ("en", "Washington"), ("en", "war"),
]


def _reference(tok, prof) -> bool:
    """The reading form by form: was some lookup form of the word reached through the conjunction?"""
    return any(prof.starts_with_coordinator(tok, f) for f in range(len(tok.forms)))


@pytest.mark.parametrize("lang,word", WORDS)
def test_opens_with_conjunction_agrees_with_the_reading_form_by_form(lang, word):
    prof = profile(lang)
    (tok,) = prof.tokenise(word)
    assert opens_with_conjunction(tok, prof) == _reference(tok, prof)


def test_the_words_cover_both_answers():
    prof = profile("ar")
    answers = {opens_with_conjunction(prof.tokenise(w)[0], prof) for lang, w in WORDS if lang == "ar"}
    assert answers == {True, False}


NAME_SENTENCES = [
    ("en", "Jordan Bardella criticised Germany over the decision."),
    ("en", "Iran Foreign Minister Abbas Araghchi visited Cairo."),
    ("en", "The United States pledged US $50 million and Japan sent five million U.S. dollars to Syria."),
    ("en", "Gunmen attacked the Europe Bridge and Damascus Gate after Egypt closed Cairo airport."),
    ("en", "Syrian troops shelled Idlib as Turkey denounced Russia."),
    ("ar", "قدمت السعودية مليون $ إلى اليمن وهاجم مسلحون مطار بغداد."),
]


def _misread(lang: str, text: str) -> tuple:
    """misread_names on the sentence, and the three tests asked of every actor mention."""
    from coder.pipeline import sentences
    from coder.recognise.matcher import match
    from coder.lexicon.load import load
    from coder.rules.names import country_as_given_name, misread_names, names_a_currency, names_a_facility
    from coder.syntax import parse
    prof = profile(lang)
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    mentions = match(load(lang).trie, toks, sent.text)
    parsed = parse(toks, mentions, prof, frozenset())
    actor_ms = [m for m in mentions if m.kind in ("actor", "agent")]
    reference = ([], [], [])    # each name under the first of the three tests it meets
    for m in actor_ms:
        if m.kind == "actor" and m.last + 1 < len(toks):
            met = [bool(country_as_given_name(toks, m, mentions, parsed)), bool(names_a_currency(toks, m)),
                   bool(names_a_facility(toks, m, prof))]
            if True in met:
                reference[met.index(True)].append(m)
    return misread_names(toks, actor_ms, mentions, parsed, prof), reference


@pytest.mark.parametrize("lang,text", NAME_SENTENCES)
def test_misread_names_reads_the_word_after_each_name_as_the_three_tests_do(lang, text):
    """misread_names passes over a name whose next word is neither capitalised, a currency nor a
    built place (what the three tests need): the same mentions as each test asked of every name."""
    fast, reference = _misread(lang, text)
    assert fast == reference


def test_the_name_sentences_cover_the_three_readings():
    found = [_misread(lang, text)[1] for lang, text in NAME_SENTENCES]
    assert all(any(f[kind] for f in found) for kind in range(3))
