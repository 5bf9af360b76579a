"""The syntax stage's per-sentence view of the profile (coder.syntax._known_class: one class a language): its answers by word
as written must be the sentence's answers by position, after parse() clears a lexicon word's clitics."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import coder.syntax as syntax
from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import Features, _View, _known_class
from coder.syntax.rules import rules

CORPUS = Path(__file__).resolve().parent / "corpus"


def _texts():
    for lang in ("ar", "en"):
        data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
        yield pytest.param(lang, [c["text"] for c in data["cases"]], id=lang)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_the_views_answers_by_word_are_the_answers_by_position(lang, texts):
    prof, R = profile(lang), rules(lang)
    for text in texts:
        sent = sentences(text, lang)[0]
        toks, mentions = sent.tokens, match(load(lang).trie, sent.tokens, sent.text)
        F = Features(toks, prof, R)
        for m in mentions:      # as parse() does for a word a lexicon knows as written
            if m.kind != "grammar" and m.first_form == 0 and (F.conj[m.first] or F.prep[m.first]):
                F.conj[m.first] = F.prep[m.first] = False
                F.cleared.add(id(toks[m.first]))
        known = _known_class(lang)(prof, toks, F)
        for i, t in enumerate(toks):
            assert (known.has_conjunction_clitic(t), known.has_preposition_clitic(t), known.is_definite(t)) == \
                (F.conj[i], F.prep[i], F.definite[i]), (text, t.text)
            assert known.refers_back(toks, i) == prof.refers_back(toks, i), (text, t.text)


def test_a_languages_class_holds_the_profiles_parts_and_the_shared_view_nothing(monkeypatch):
    monkeypatch.setattr(syntax, "_KNOWN_CLASSES", {})
    prof = profile("ar")
    toks = sentences("قصفت الطائرات المدينة", "ar")[0].tokens
    F = Features(toks, prof, rules("ar"))
    cls = _known_class("ar")
    assert cls(prof, toks, F).HONORIFICS == prof.HONORIFICS
    assert "HONORIFICS" not in vars(_View)
    assert cls(prof, toks, F).is_possessor is prof.is_possessor     # (a function stays unbound)
    assert "is_possessor" in vars(cls) and cls(prof, toks, F).is_possessor is prof.is_possessor
