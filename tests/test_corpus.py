"""Every lexicon file has an examples corpus (tests/corpus/<lang>/<file stem>.yaml), and every case
in it holds: positive cases code the expected events, negative ones code nothing (DESIGN.md §2)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from coder.lexicon.load import lexicon_files
from coder.model import Document
from coder.pipeline import code_document, sentences
from coder.lang import profile
from coder.lexicon.load import load
from coder.recognise.matcher import match
from coder.rules.engine import analyse

CORPUS = Path(__file__).parent / "corpus"
LANGS = ("ar", "en")


def _corpus_path(lexicon_file: Path) -> Path:
    return CORPUS / lexicon_file.parent.name / f"{lexicon_file.stem}.yaml"


@pytest.mark.parametrize("lexicon_file", [p for lang in LANGS for p in lexicon_files(lang)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_lexicon_file_has_an_examples_corpus(lexicon_file):
    corpus = _corpus_path(lexicon_file)
    assert corpus.exists(), f"write the examples corpus {corpus} for {lexicon_file}"
    cases = (yaml.safe_load(corpus.read_text(encoding="utf-8")) or {}).get("cases") or []
    assert cases, f"{corpus} has no cases"


def _cases():
    for lang in LANGS:
        for lexicon_file in lexicon_files(lang):
            corpus = _corpus_path(lexicon_file)
            if not corpus.exists():
                continue
            for i, case in enumerate((yaml.safe_load(corpus.read_text(encoding="utf-8")) or {}).get("cases") or []):
                yield pytest.param(lang, case, id=f"{lang}/{corpus.stem}#{i}")


def _published(case) -> dt.date | None:
    d = case.get("date")
    return d if isinstance(d, dt.date) else (dt.date.fromisoformat(d) if d else None)


CASE_KEYS = {"text", "events", "actors", "exactly", "date", "note"}
EVENT_KEYS = {"code", "root", "source", "target", "fatalities", "background"}


def _agrees(want: dict, e) -> bool:
    if e.is_background != bool(want.get("background")):
        return False
    if "code" in want and e.event_code != str(want["code"]):
        return False
    if "root" in want and e.event_root_code != str(want["root"]).zfill(2):
        return False
    for side in ("source", "target"):
        if side in want and want[side] != getattr(e, f"{side}_code"):
            return False
    if "fatalities" in want and e.fatalities != want["fatalities"]:
        return False
    return True


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_corpus_case(lang, case):
    # a mis-indented case would otherwise be read as an expected event that agrees with anything
    assert isinstance(case, dict) and set(case) <= CASE_KEYS, f"malformed case: {case!r}"
    for want in case.get("events") or []:
        assert isinstance(want, dict) and set(want) <= EVENT_KEYS, f"malformed expected event: {want!r}"
    text = case["text"]
    if "actors" in case:
        found = []
        for sent in sentences(text, lang):
            mentions = match(load(lang).trie, sent.tokens, sent.text)
            found += [a.code.code for a in analyse(sent, mentions, profile(lang), _published(case)).actors]
        assert found == case["actors"], f"{text!r}: actors {found}, expected {case['actors']}"
    if "events" in case:
        coded = code_document(Document(doc_id="case", text=text, language=lang, published=_published(case))).events
        got = [(e.event_code, e.source_code, e.target_code) + (("background",) if e.is_background else ())
               for e in coded]
        # background events (SPEC 5) are coded with a flag; a case names them with `background: true`,
        # and "nothing" and `exactly` count the news events
        news = [e for e in coded if not e.is_background]
        if not case["events"]:
            assert not news, f"{text!r} should code nothing, coded {got}"
        for want in case["events"]:
            assert any(_agrees(want, e) for e in coded), f"{text!r}: expected {want}, coded {got}"
        if case.get("exactly"):
            wanted = [w for w in case["events"] if not w.get("background")]
            assert len(news) == len(wanted), f"{text!r}: expected exactly {case['events']}, coded {got}"
