"""The syntax stage's per-word entries and short cuts (coder/syntax): each must answer as the
per-token questions it stands for, on the examples corpora's sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import coder.syntax as syntax
from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import Features, _known_class, parse
from coder.syntax.phrases import _genitives, join_names
from coder.syntax.records import Chunk
from coder.syntax.rules import rules
from coder.syntax.tagger import LOOKS_FURTHER, word_closed

CORPUS = Path(__file__).resolve().parent / "corpus"


def _texts():
    for lang in ("ar", "en"):
        data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
        yield pytest.param(lang, [c["text"] for c in data["cases"]], id=lang)


def _tokens(text: str, lang: str):
    sent = sentences(text, lang)[0]
    return sent.tokens, match(load(lang).trie, sent.tokens, sent.text)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_a_words_entry_is_the_profiles_answers(lang, texts):
    """One entry a word as written holds the clitics, the article and the word lists' tag: the
    answers the profile and tagger give for the token itself. The word lists' tag does not depend on
    the conjunction clitic, which parse() may clear for a word a lexicon knows as written."""
    prof, R = profile(lang), rules(lang)
    for text in texts:
        toks, _ = _tokens(text, lang)
        F = Features(toks, prof, R)
        for i, t in enumerate(toks):
            conj = prof.has_conjunction_clitic(t)
            assert (F.conj[i], F.prep[i], F.definite[i]) == (conj, prof.has_preposition_clitic(t), prof.is_definite(t))
            tag, further, closed = word_closed(t, R, prof, conj)
            assert (F.closed_tags[i], i in [i for i in F.special if F.bits[i] & LOOKS_FURTHER]) == (tag, further), (text, t.text)
            if further:    # (what word_closed said of the word: kept apart for such a word alone)
                assert F.phrases_started[t.text] == closed, (text, t.text)
            assert word_closed(t, R, prof, False) == (tag, further, closed), (text, t.text)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_a_warm_parse_is_the_cold_one(lang, texts, monkeypatch):
    prof = profile(lang)
    cases = [_tokens(text, lang) for text in texts]
    warm = [repr(parse(toks, mentions, prof)) for toks, mentions in cases]
    monkeypatch.setattr(syntax, "_FEATURES", {})
    monkeypatch.setattr(rules(lang), "word_rules", {})
    assert [repr(parse(toks, mentions, prof)) for toks, mentions in cases] == warm


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_genitives_by_position_as_by_question(lang, texts):
    """_genitives reads the preposition clitic from the sentence's features when it has them."""
    prof, R = profile(lang), rules(lang)
    for text in texts:
        toks, mentions = _tokens(text, lang)
        p = parse(toks, mentions, prof)
        F = Features(toks, prof, R)

        def copies():
            return [Chunk(c.kind, c.head, c.start, c.end, list(c.modifiers)) for c in p.chunks]
        by_question, by_position = copies(), copies()
        _genitives(by_question, toks, p.tags, R, prof)
        _genitives(by_position, toks, p.tags, R, _known_class(lang)(prof, toks, F))
        assert by_position == by_question, text


def test_no_name_of_several_words_leaves_the_chunks_as_they_are():
    chunks = [Chunk("np", 0, 0, 0), Chunk("np", 1, 1, 1)]
    assert join_names(chunks, []) == [Chunk("np", 0, 0, 0), Chunk("np", 1, 1, 1)]
    assert join_names(chunks, [(0, 1)]) == [Chunk("np", 0, 0, 1, [("flat", 1)])]


def _joined_by_scan(chunks: list[Chunk], names: list[tuple[int, int]]) -> list[Chunk]:
    """join_names as it was written before its table of name positions: each pair of adjacent
    phrases tested against every name."""
    out: list[Chunk] = []
    for c in chunks:
        prev = out[-1] if out else None
        if prev is not None and c.kind == "np" and prev.kind == "np" and c.start == prev.end + 1 and \
                any(first <= prev.end < c.start <= last and prev.start <= first for first, last in names):
            prev.modifiers += [("flat", c.head)] + c.modifiers
            prev.end = c.end
            continue
        out.append(c)
    return out


@pytest.mark.parametrize("spans,names", [
    ([(0, 0), (1, 1), (2, 2)], [(0, 2)]),                  # a name of three one-word phrases
    ([(0, 1), (2, 2), (3, 4)], [(1, 3)]),                  # a name starting inside a phrase
    ([(0, 0), (1, 2), (3, 3)], [(1, 3), (0, 1)]),          # two names overlapping
    ([(0, 0), (1, 1), (3, 3), (4, 4)], [(0, 1), (3, 4)]),  # two names, a gap between
    ([(0, 0), (1, 1), (2, 2)], [(1, 2), (0, 2)]),          # a name inside another
    ([(1, 1), (2, 2)], [(0, 2)]),                          # a phrase starting after the name's first word
])
def test_names_join_phrases_as_by_a_scan_of_the_names(spans, names):
    def chunks():
        return [Chunk("np", s, s, e) for s, e in spans]
    assert join_names(chunks(), names) == _joined_by_scan(chunks(), names)
