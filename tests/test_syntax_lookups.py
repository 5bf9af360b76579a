"""The syntax stage's look-ups that stand in for scans (coder/syntax): each must answer as the scan
it replaced, on the examples corpora's sentences and on sentences of its own."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import coder.syntax as syntax
import coder.syntax.tagger as tagger
from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import Features, _verb_groups, parse
from coder.syntax.segmenter import segment
from coder.syntax.marks import _marker_roles
from coder.syntax.rules import rules

CORPUS = Path(__file__).resolve().parent / "corpus"


def _texts():
    for lang in ("ar", "en"):
        data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
        yield pytest.param(lang, [c["text"] for c in data["cases"]], id=lang)


def _parsed(text: str, lang: str):
    sent = sentences(text, lang)[0]
    toks = sent.tokens
    mentions = match(load(lang).trie, toks, sent.text)
    return parse(toks, mentions, profile(lang)), toks, mentions


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_predicate_index_answers_as_the_scan(lang, texts):
    for text in texts:
        p, toks, _ = _parsed(text, lang)
        for i in range(-1, len(toks) + 1):
            scan = next(((c, q) for c in p.clauses for q in c.predicates if q.first <= i <= q.verb), None)
            assert p.predicate(i) == scan, (text, i)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_segment_visiting_some_tokens_splits_as_visiting_all(lang, texts):
    for text in texts:
        p, toks, mentions = _parsed(text, lang)
        prof, R = profile(lang), rules(lang)
        groups = _verb_groups(p.tags)
        speech = {m.first for m in mentions if m.kind == "trigger" and m.entry.speech and not m.entry.objects}
        every = segment(toks, p.tags, R, prof, groups, speech, p.chunks, list(range(len(toks))))
        some = segment(toks, p.tags, R, prof, groups, speech, p.chunks, Features(toks, prof, R).special)
        assert some == every, text


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_rules_kept_per_word_tag_as_all_rules(lang, texts, monkeypatch):
    """The tagger tries a word only against the rules its own features allow (kept per word, its
    clitics in the key): trying every rule gives the same tags."""
    kept = [parse(*a[:2], profile(lang)).tags for a in
            [(s.tokens, match(load(lang).trie, s.tokens, s.text)) for s in (sentences(t, lang)[0] for t in texts)]]
    monkeypatch.setattr(tagger, "_word_allows", lambda rules, *a: list(rules))   # every rule
    every_condition_asked(monkeypatch)    # (the rules tried as they stand: every condition asked)
    assert kept == _tags_without_kept_rules(texts, lang)


def _tags_without_kept_rules(texts, lang: str) -> list:
    """The texts' tags with the tagger's rules kept per word emptied first (the rules chosen anew,
    as the test has patched the choice), and restored after: those kept by clitics in R.word_rules
    and those kept with each word's features (the features cache, set aside whole)."""
    R = rules(lang)
    saved = dict(R.word_rules)
    R.word_rules.clear()
    features = syntax._FEATURES
    syntax._FEATURES = {}
    try:
        return [_parsed(t, lang)[0].tags for t in texts]
    finally:
        syntax._FEATURES = features
        R.word_rules.clear()
        R.word_rules.update(saved)


def test_marker_roles_longest_marker_first():
    # على alone marks a target, على يد an agent: the phrase after يد is the agent
    sent = sentences("قتل ثلاثة مدنيين على يد مسلحين ضد الحكومة", "ar")[0]
    toks = sent.tokens
    words = [t.text for t in toks]
    roles = _marker_roles(toks, rules("ar"), range(len(toks)))
    assert roles[words.index("مسلحين")] == "agent"
    assert roles[words.index("يد")] == "target"
    assert roles[words.index("الحكومة")] == "target"
    assert words.index("مدنيين") not in roles


def every_condition_asked(monkeypatch) -> None:
    """For the tests that have tag() try every rule as it stands (tagger._word_allows patched to
    keep them all, their conditions on the word alone with them): each rule tried is asked every
    condition, as _holds asks it (the tag before a rule tried allows is one of its own, as the rules
    are picked by it), not only those _holds_in_context asks of a rule kept without the word's."""
    in_context = tagger._holds_in_context
    monkeypatch.setattr(tagger, "_holds_in_context",
                        lambda r, i, toks, tags, F: in_context(r, i, toks, tags, F) and tagger._holds_on_word(r, i, toks, F))
