"""The front stages' fourteenth speed round (coder/lang/common.py, coder/recognise/matcher.py, ...):
each rewritten function is checked against the logic it had (a reference copy here) on sentences and
words written for these tests."""
from __future__ import annotations

import pytest

from coder.lang import ar, en
from coder.lang.common import _Words, tokens_by
from coder.lexicon.load import END, load
from coder.model import Mention, WordMemo
from coder.recognise import matcher

from test_rules_speed25 import former_names_as_written   # (the matcher's name filter as it was)

SENTENCES = {
    "en": ["Syrian troops shelled rebel positions near Idlib on Monday, (AFP) said.",
           "The U.S. army killed three militants; the militants' leader fled to Iraq.",
           "Police arrested 12 protesters in Cairo, and the protesters were released later.",
           "IRAQ and Iraq: the Iraqi government condemned the attack by Islamic State fighters."],
    "ar": ["قصفت القوات السورية مواقع للمسلحين قرب إدلب يوم الاثنين، وقال مسؤولون إن المسلحين انسحبوا.",
           "اعتقلت الشرطة المصرية 12 متظاهرا في القاهرة (رويترز) وأفرجت عن المتظاهرين لاحقا.",
           "قال الجيش العراقي إن تنظيم الدولة الإسلامية هاجم قرية قرب الموصل، والجيش رد على الهجوم.",
           "وصل وزير الخارجية الأمريكي إلى بغداد لإجراء محادثات مع الحكومة العراقية بشأن الهجوم."],
}
PROFILES = {"en": en, "ar": ar}


def _forms_fn(prof):
    return prof._forms if prof is en else prof._forms_of_word


# ---------------------------------------------------------------- tokens_by


def _plain_tokens(prof, text):
    """The tokens as the word pattern reads them, each worked out from its word alone."""
    forms = _forms_fn(prof)
    out = []
    for m in prof._WORD.finditer(text):
        norm = prof.normalise(m[0])
        if norm:
            out.append((m[0], *m.span(), norm, tuple(f for f in forms(norm, m[0]) if f)))
    return out


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_tokens_cold_and_warm_are_the_pattern_s_words(lang):
    prof = PROFILES[lang]
    cache: dict = {}
    for _ in range(2):   # cold, then from the cache
        for text in SENTENCES[lang]:
            got = tokens_by(text, prof._WORD, prof.normalise, _forms_fn(prof), cache)
            assert [(t.text, t.start, t.end, t.norm, t.forms) for t in got] == _plain_tokens(prof, text)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_token_of_a_word_shares_the_text_the_cache_keeps(lang):
    prof = PROFILES[lang]
    cache: dict = {}
    texts = SENTENCES[lang]
    first = tokens_by(texts[0], prof._WORD, prof.normalise, _forms_fn(prof), cache)
    # the same words in a new string (a new sentence): their tokens' texts are the cache's strings
    again = tokens_by("".join(list(texts[0])), prof._WORD, prof.normalise, _forms_fn(prof), cache)
    assert [t.text for t in again] == [t.text for t in first]
    assert all(a.text is b.text and a.forms is b.forms and a.norm is b.norm for a, b in zip(first, again))
    for chunk, kept in cache.items():
        if type(kept) is not _Words:   # one word: (its text, norm, forms, length, memo), the text the key itself
            assert len(kept) == 5 and kept[0] is chunk and kept[3] == len(chunk) and type(kept[4]) is WordMemo
        else:   # several: (start, end, text, norm, forms, memo), each text and memo its own entry's
            for start, end, text, norm, forms, memo in kept:
                assert chunk[start:end] == text and cache[text][0] is text and memo is cache[text][4]


# ---------------------------------------------------------------- match


_OLD_STARTS: dict = {}
_OLD_TEXT_STARTS: dict = {}   # (keyed by the word as written, as the matcher's own memo was: its entries now hold more)


def _old_match(trie, tokens, text, keyed_by_text: bool = False):
    """match() as it was: the per-word memo keyed by the token's tuple of forms. With keyed_by_text,
    as it was after that (test_front_speed16): keyed by the word as written, in the matcher's own memo.
    Both make a phrase of several words by Mention's own __init__, its text sliced for each payload."""
    out = []
    n = len(tokens)
    starts = matcher.trie_memo(_OLD_TEXT_STARTS if keyed_by_text else _OLD_STARTS, trie)
    clitic_triggers = set()
    for i, tok in enumerate(tokens):
        key = tok.text if keyed_by_text else tok.forms
        first = starts.get(key)
        if first is None:
            first = starts[key] = matcher._first_steps(trie, tok.forms)
        if not first:
            continue
        fi, node, ends, next_keys = first
        if fi is not None:
            for kind, p, rule_id in ends:
                out.append(Mention(kind, i, i, tok.start, tok.end, tok.text, p, rule_id, fi))
            if next_keys is None or i + 1 == n or next_keys.isdisjoint(tokens[i + 1].forms):
                continue
            stack = [(i + 1, node[f], fi) for f in tokens[i + 1].forms if f in node]
        else:
            stack = [(i, step_node, step_fi) for step_fi, step_node, _, _ in node]
        seen = set()
        while stack:
            j, node, fi = stack.pop()
            payloads = node.get(END)
            if payloads is not None and type(payloads) is not list:
                payloads = node[END] = payloads()
            if payloads and (j, id(payloads)) not in seen:
                seen.add((j, id(payloads)))
                start, end = tok.start, tokens[j].end
                for p in payloads:
                    kind = matcher._KIND[type(p)]
                    out.append(Mention(kind, i, j, start, end, text[start:end], p,
                                       "" if kind == "grammar" else p.rule_id, fi))
                    if kind == "trigger" and matcher._through_clitic(tok, fi):
                        clitic_triggers.add(i)
            if j + 1 < n:
                for f in tokens[j + 1].forms:
                    nxt = node.get(f)
                    if nxt is not None:
                        stack.append((j + 1, nxt, fi))
    return former_names_as_written(out, tokens, clitic_triggers) if clitic_triggers else out


def _fields(m):
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_match_keyed_by_the_word_finds_what_the_forms_key_found(lang):
    prof = PROFILES[lang]
    trie = load(lang).trie
    for _ in range(2):   # the memos empty for these words, then filled
        for text in SENTENCES[lang] + ["بايدن"] * (lang == "ar"):
            toks = prof.tokenise(text)
            got = matcher.match(trie, toks, text, True)
            assert [_fields(m) for m in got] == [_fields(m) for m in _old_match(trie, toks, text)]
