"""The twenty-sixth speed round's changes to the syntax stage, checked against the former logic on
hand-written Arabic and English sentences:
- parse() answers None for a sentence that a discard word of no event class of its own marks as no
  event (the rules stop at that word and read nothing of a parse): the analysis and the rows are
  the same as with the sentence parsed, as before."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.lexicon.load import load
from coder.model import Document
from coder.pipeline import code_document, sentences
from coder.recognise.matcher import match
from coder.rules.engine import analyse
from coder.syntax import parse

_DAY = dt.date(2019, 8, 5)

# (a discard word of no event class in each: a sport, an accident; then sentences with none, or
# with one that drops only some event classes)
_DISCARDED = [
    ("en", "Real Madrid attacked the Syrian army defence in the second half."),
    ("en", "Police arrested the driver after the traffic accident in Kirkuk killed two soldiers."),
    ("en", "The goalkeeper said Iraqi troops shelled the stadium."),
]
_KEPT = [
    ("en", "Syrian troops shelled Idlib three days ago, killing 12 fighters."),
    ("en", "Gunmen stormed a checkpoint in Kirkuk on Friday and killed two soldiers."),
    ("en", "The earthquake killed 12 people and the Iraqi government sent aid to the victims."),
    ("ar", "قصف الجيش السوري مواقع في إدلب أمس وقتل 12 مسلحا."),
    ("ar", "هاجم مسلحون قرية في ديالى الأسبوع الماضي."),
]


def _inputs(lang: str, text: str):
    s = sentences(text, lang)[0]
    return s, match(load(lang).trie, s.tokens, s.text)


def _discarded(mentions) -> bool:
    """The former test of analyse(): a discard mention of no event class stops it."""
    return any(m.kind == "discard" and not m.entry.roots for m in mentions)


@pytest.mark.parametrize("lang,text", _DISCARDED)
def test_a_discarded_sentence_is_not_parsed(lang, text):
    s, mentions = _inputs(lang, text)
    assert _discarded(mentions), "the sentence holds no discard word of no event class"
    assert {"trigger", "actor"} <= {m.kind for m in mentions} or {"trigger", "agent"} <= {m.kind for m in mentions}
    assert parse(s.tokens, mentions, profile(lang)) is None


@pytest.mark.parametrize("lang,text", _DISCARDED)
def test_a_discarded_sentence_analysed_as_with_its_parse(lang, text, monkeypatch):
    """The analysis of a discarded sentence reads no parse: the same with None as with the parse the
    stage made before (_as_former)."""
    s, mentions = _inputs(lang, text)
    prof = profile(lang)
    former = parse(s.tokens, [_as_former(m) for m in mentions], prof)
    assert former is not None
    with_parse = analyse(s, mentions, prof, _DAY, former)
    without = analyse(s, mentions, prof, _DAY, parse(s.tokens, mentions, prof))
    assert with_parse.events == without.events == []
    assert with_parse.steps == without.steps
    assert with_parse.parse is without.parse is None


@pytest.mark.parametrize("lang,text", _KEPT)
def test_other_sentences_still_parsed(lang, text):
    s, mentions = _inputs(lang, text)
    assert not _discarded(mentions)
    p = parse(s.tokens, mentions, profile(lang))
    assert p is not None and len(p.tags) == len(s.tokens)


@pytest.mark.parametrize("lang,text", _DISCARDED + _KEPT)
def test_rows_as_with_every_sentence_parsed(lang, text, monkeypatch):
    """The rows of a text are the same whether parse() answers None for a discarded sentence or
    parses it, as the former stage did."""
    from coder import pipeline
    now = _rows(text, lang)

    def parse_always(toks, mentions, prof, skip=frozenset()):
        return parse(toks, [_as_former(m) for m in mentions], prof, skip)
    monkeypatch.setattr(pipeline, "parse", parse_always)
    assert _rows(text, lang) == now


def _rows(text: str, lang: str) -> list[dict]:
    doc = Document(doc_id="t", text=text, language=lang, published=_DAY)
    return [r.model_dump() for r in code_document(doc, coded_at=dt.datetime(2000, 1, 1)).events]


def _as_former(m):
    """The mention as the former parse() read it: a discard word's first word (its clitics cleared
    where the lexicon knows it as written) and nothing more (an event class given to it here, so
    that parse() does not stop at it)."""
    if m.kind != "discard" or m.entry.roots:
        return m
    return SimpleNamespace(kind=m.kind, first=m.first, last=m.last, first_form=m.first_form,
                           entry=SimpleNamespace(roots=("former",)))
