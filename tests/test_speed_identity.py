"""The speed-ups must not change what is coded: per-word caches give the answers the functions
give, a warm run codes the same rows as a cold one, and the writer's cheap storability check
refuses exactly what Arrow refuses."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coder.lang import ar, en
from coder.lang.common import tokens_by
from coder.model import Document, EventRow, QuantityRow
from coder.pipeline import code_document
from coder.tables import check_storable, to_arrow

AR = ["وقصفت الطائرات الحربية مواقع للمسلحين في ريف المدينة، وقالت الوزارة إن قواتها اعتقلت ثلاثة منهم.",
      "والتقى وزير الخارجية بنظيره في العاصمة يوم الاثنين لبحث وقف إطلاق النار."]
EN = ["The U.S. army said its forces arrested two gunmen near the border on Friday.",
      "Protesters didn't leave the square; police fired tear gas at 5,000 of them."]


def _fresh_tokens(text: str, prof):
    """The tokens as computed without any cache."""
    forms = prof._forms if prof is en else prof.lookup_forms
    return tokens_by(text, prof._WORD, prof.normalise, forms)


# what the word pattern steps over (spaces, "_"), marks and symbols that open a word, repeats
AWKWARD = ["__ab _ab a_b __", "\u064eقصف  \u064e\u064e قصفت_ _قصف", "٣٠ 30 ٣٠،٣٠ 3.5.", "x_y x x_y_ _x",
           "U.S. U.S U.S.. 's ’s don't", "\u200fقال\u200f «قال» قال!!", "a\tb\n\nb a"]


@pytest.mark.parametrize("prof", [ar, en])
def test_token_offsets_are_the_pattern_matches(prof):
    for text in AWKWARD + AR + EN:
        kept = [(m[0], *m.span()) for m in prof._WORD.finditer(text)]
        toks = prof.tokenise(text)
        assert all(t == dataclasses.replace(t) for t in toks)   # every field set (replace reads them all)
        got = [(t.text, t.start, t.end) for t in toks]
        assert got == [k for k in kept if prof.normalise(k[0])], text


@pytest.mark.parametrize("prof,texts", [(ar, AR), (en, EN)])
def test_cached_tokens_are_the_computed_ones(prof, texts):
    for text in texts:
        for _ in range(2):   # cold, then from the per-word cache
            got = prof.tokenise(text)
            want = _fresh_tokens(text, prof)
            assert [(t.text, t.start, t.end, t.norm, t.forms) for t in got] == \
                   [(t.text, t.start, t.end, t.norm, t.forms) for t in want]


def test_per_word_answers_are_the_functions_answers():
    toks = ar.tokenise(" ".join(AR))
    for question in (ar.has_conjunction_clitic, ar.has_preposition_clitic, ar.is_definite):
        raw = question.__wrapped__
        for t in toks:
            first, again = question(t), question(t)
            assert first == again == raw(t)
    owned = [ar.refers_back(toks, i) for i in range(len(toks))]
    assert owned == [ar.refers_back(toks, i) for i in range(len(toks))]
    assert any(owned) and not all(owned)   # قواتها carries a pronoun, most words none


@pytest.mark.parametrize("texts,lang", [(AR, "ar"), (EN, "en")])
def test_a_warm_run_codes_what_a_cold_one_codes(texts, lang):
    def rows():
        out = []
        for k, text in enumerate(texts):
            coded = code_document(Document(doc_id=f"d{k}", text=text, language=lang, published=dt.date(2024, 3, 4)),
                                  coded_at=dt.datetime(2024, 3, 4))
            out.append((coded.document.model_dump(), [e.model_dump() for e in coded.events],
                        [q.model_dump() for q in coded.quantities]))
        return out
    ar._WORDS.clear()
    en._WORDS.clear()
    cold = rows()
    assert rows() == cold
    assert any(events for _, events, _ in cold)


def _event(**change) -> EventRow:
    base = dict(event_id="e1", doc_id="d1", sentence_index=0, sentence="Police arrested two men.",
                evidence="arrested", language="en", event_code="111", event_base_code="111",
                event_root_code="11", quad_class=3, goldstein=-2.0, rule_id="r", confidence=0.5,
                coder_version="0")
    return EventRow(**{**base, **change})


@pytest.mark.parametrize("table,row", [
    ("events", _event()),
    ("events", _event(sentence="ok \u00e9\u0627", quantity_value=2 ** 62)),
    ("events", _event(sentence_index=2 ** 31)),          # beyond the int32 column
    ("events", _event(evidence="broken \ud800 text")),   # a lone surrogate: no UTF-8
    ("events", _event(fatalities=2 ** 63)),              # beyond int64
    ("event_quantities", QuantityRow(event_id="e1", value=-(2 ** 63) - 1, qualifier="exact", unit="killed", text="x")),
    ("event_quantities", QuantityRow(event_id="e1", value=-(2 ** 63), qualifier="exact", unit="killed", text="x")),
    # values put in without validation (model_copy with an update does not validate)
    ("events", _event().model_copy(update={"sentence": 5})),
    ("events", _event().model_copy(update={"published": "2024-03-04"})),
    ("events", _event().model_copy(update={"is_background": "yes"})),
    ("events", _event().model_copy(update={"goldstein": "high"})),
])
def test_the_storability_check_refuses_what_arrow_refuses(table, row):
    try:
        to_arrow(table, [row])
        arrow_error = None
    except (ValueError, TypeError, OverflowError) as e:
        arrow_error = e
    if arrow_error is None:
        check_storable(table, [row])
    else:
        with pytest.raises((ValueError, TypeError, OverflowError)):
            check_storable(table, [row])


@pytest.mark.parametrize("text,lang", [
    ("قُتِلَ ثلاثـــة جنود في ٢٠ هجوماً\u200f يوم الأحد", "ar"),
    ("İstanbul: ﻻ 5 killed\u00ad on Friday", "en"),
    ("plain text with nothing to fold", "en"),
])
def test_folded_offsets_are_the_character_by_character_ones(text, lang):
    from coder.lang.numbers import Folded, _fold_table
    table, _ = _fold_table(lang)
    naive = [i for i, ch in enumerate(text) for _ in ch.translate(table)] + [len(text)]
    f = Folded(text, lang)
    assert len(f.text) + 1 == len(naive)
    assert [f.span(k, k)[0] for k in range(len(f.text) + 1)] == naive


@pytest.mark.parametrize("prof,texts", [(ar, AR), (en, EN)])
def test_once_a_sentence_answers_are_the_per_token_ones(prof, texts):
    """number_flags and counts_and_marks' counts are the number test over the sentence (digits among them); a verb's object pronoun, kept per word, is what
    the word itself gives; the matcher gives grammar words no rule id and the others theirs."""
    from coder.lexicon.load import GrammarRef, load
    from coder.recognise.matcher import match
    from coder.rules.counts import _KINDS, _NUMBERS, _number, counts_marks_and_watched, number_flags
    from coder.syntax.clauses import _carries_pronoun, _carries_pronoun_word, _passive_mark
    for text in texts + ["وقتل ثلاثة جنود وجرح اثنان", "three soldiers and 12 civilians were killed", "1,500 people; 2nd day"]:
        toks = prof.tokenise(text)
        for with_article in (False, True):
            _NUMBERS.clear()     # (the positions first, on words no memo knows yet)
            _KINDS.clear()
            for _ in range(2):   # cold, then from the per-word memo: the uncached function's answers
                expected = [_number(t, prof.CODE, with_article) for t in toks]
                # (analyse reads the counts through the article, from counts_and_marks)
                positions = counts_marks_and_watched(toks, prof.CODE)[:2][0] if with_article else \
                    {i for i, v in enumerate(number_flags(toks, prof.CODE, with_article)) if v}
                assert positions == {i for i, v in enumerate(expected) if v}
                assert number_flags(toks, prof.CODE, with_article) == expected
                # (analyse seeks the digits that end a phrase among the counts: every digit is one)
                assert {i for i, t in enumerate(toks) if t.norm[:1].isdigit()} <= positions
        assert [_carries_pronoun(t, prof) for t in toks] == [_carries_pronoun_word(t, prof) for t in toks]
        for m in match(load(prof.CODE).trie, toks, text, True):   # (the grammar words as mentions too)
            assert m.rule_id == ("" if isinstance(m.entry, GrammarRef) else m.entry.rule_id)
    assert any(number_flags(ar.tokenise("وقتل ثلاثة جنود"), "ar"))
    assert _passive_mark(ar)(ar.tokenise("قُتل")[0]) and not _passive_mark(en)(en.tokenise("killed")[0])


def _walked(trie, tokens, text):
    """Every phrase of the trie over the tokens by the plain walk from each form of each token, as
    (kind, first, last, start, end, text, entry, rule id, form): what the matcher's memo must give."""
    from coder.lexicon.load import END, GrammarRef
    found = set()
    for i, tok in enumerate(tokens):
        paths = [(i, trie.get(f), fi) for fi, f in enumerate(tok.forms)]
        while paths:
            j, node, fi = paths.pop()
            if node is None:
                continue
            for p in node.get(END, ()):
                s, e = tok.start, tokens[j].end
                found.add((type(p).__name__, i, j, s, e, text[s:e], id(p),
                           "" if isinstance(p, GrammarRef) else p.rule_id, fi))
            if j + 1 < len(tokens):
                paths += [(j + 1, node.get(f), fi) for f in tokens[j + 1].forms]
    return found


@pytest.mark.parametrize("prof,texts", [(ar, AR), (en, EN)])
def test_the_matcher_finds_what_the_plain_walk_finds(prof, texts):
    """One-word phrases read from the per-word memo, longer ones walked: nothing is skipped; a trigger
    read through a clitic on a known name (بايدن: ب + أيد) is still dropped."""
    from coder.lexicon.load import load
    from coder.recognise.matcher import match
    trie = load(prof.CODE).trie
    extra = ["قال بايدن إن وزير الخارجية الأمريكي سيزور بغداد وبيروت", "وبالدواعش للصحفيين مرتزقته",
             "the U.S. Secretary of State will visit Baghdad", "police fired tear gas"]
    for text in texts + extra:
        toks = prof.tokenise(text)
        for _ in range(2):   # cold, then from the memo
            got = match(trie, toks, text, True)   # (the grammar words as mentions too)
            assert all(m == dataclasses.replace(m) for m in got)   # every field set (replace reads them all)
            kept = {(type(m.entry).__name__, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id,
                     m.first_form) for m in got}
            walked = _walked(trie, toks, text)
            assert len(kept) == len(got) and kept <= walked
            dropped = walked - kept
            assert all(d[0] == "Trigger" and d[8] > 0 for d in dropped), dropped
    names = match(trie, ar.tokenise("بايدن"), "بايدن") if prof is ar else []
    assert all(m.kind != "trigger" for m in names)
