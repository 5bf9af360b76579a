"""Speed steps of the numbers, dates and quantities (issue 13, round 12): each does less work a
sentence and must give what the plain code gives."""
from __future__ import annotations

import pytest
from test_rec_speed2 import _corpus_texts

LANGS = ("ar", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_gates_read_per_chunk_answer_as_the_whole_text(lang):
    # a gate answers per chunk between white space and remembers each chunk's answer: the same
    # answers as the whole text read at once, new gates (nothing remembered) and old, with chunks
    # cut by white space other than a space (a separator str.split cuts at) and glued punctuation
    import coder.lang.numbers as numbers
    from coder.dates import date_rules
    from coder.dates.rules import _YEAR
    texts = [numbers.folded(t, lang).text for t in _corpus_texts(lang)]
    texts += ["in\x1c1999", "(2019)،", "x2019 y", "al-qaeda 3", "\u2028", "", "1\t9", "19 99", "ﻻ"]
    texts += [" ".join(reversed(t.split())) for t in texts]
    for words, also in ((date_rules(lang).gate.words, _YEAR), (numbers.reader(lang).gate.words, numbers._ANY_DIGIT)):
        def new_gate():   # a gate of the same words that has learnt no chunk
            gate = numbers.WordGate((), also=also)
            gate.words = words
            return gate
        plain = [also.search(t) is not None or not words.isdisjoint(numbers._LETTER_RUNS.findall(t)) for t in texts]
        assert 0 < sum(plain) < len(texts)
        gate = new_gate()
        assert [gate.admits(t) for t in texts] == plain       # learning
        assert [gate.admits(t) for t in texts] == plain       # remembered
        assert [new_gate().admits(t) for t in texts] == plain     # each text to a new gate


def _windows(lang: str) -> list[str]:
    """The text before every number of the corpus sentences, and odd windows (runs of white space,
    a "(" alone or glued, a clitic, no white space at all)."""
    import coder.lang.numbers as numbers
    from coder.quantities.recognise import _WINDOW
    out = []
    for text in _corpus_texts(lang):
        f = numbers.folded(text, lang).text
        for num in numbers.reader(lang).find(f):
            left = f[max(0, num.start - _WINDOW):num.start]
            out += [left, left.rstrip() + " (", left.rstrip() + "(", left.rstrip() + ".  ", left + "\n\t ",
                    left.replace(" ", "   "), left.replace(" ", "\u2028"), left.replace(" ", "")]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_searches_before_a_number_find_what_the_search_from_the_start_finds(lang):
    # each pattern that ends the text before a number is searched from where its last chunks begin:
    # the same match (span and groups) as the search from the window's start, on every window
    from coder.quantities.recognise import AtEnd, recogniser
    r = recogniser(lang)
    patterns = [p for p in vars(r).values() if isinstance(p, AtEnd)]
    assert len(patterns) >= 6 and all(p.chunks for p in patterns)
    found = 0
    for left in _windows(lang):
        for p in patterns:
            got, want = p.search(left), p.regex.search(left)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), \
                (left, p.regex.pattern[:80])
            found += want is not None
    assert found > 20


def _plain_marker_starts(tokens, lang: str) -> list[list[tuple[int, int]]]:
    """Each marker list's words looked for at every token: (token index, char start) in list
    order, then sentence order."""
    from coder.dates.markers import FIELDS, markers
    out = []
    for field in FIELDS:
        found = set()
        for n, key in enumerate(markers(lang, field)):
            for i, t in enumerate(tokens):
                if key[0] in t.forms and i + len(key) <= len(tokens) and \
                        all(tokens[i + j].norm == key[j] for j in range(1, len(key))):
                    found.add((n, i, t.start))
        out.append([(i, start) for _, i, start in sorted(found)])
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_marker_starts_are_the_words_found_at_every_token(lang):
    # the words of a sentence read from the per-word memo in one list, and only the words that
    # start a key looked at further: the same places as each list's words looked for everywhere,
    # with the memo new and filled
    from coder.dates import markers
    from coder.pipeline import sentences
    texts = _corpus_texts(lang)
    texts += [" ".join(reversed(t.split())) for t in texts]
    found = 0
    markers._WORDS.pop(lang, None)
    for _ in range(2):   # the memo new, then filled
        for text in texts:
            for s in sentences(text, lang):
                want = _plain_marker_starts(s.tokens, lang)
                assert [markers.marker_starts(s.tokens, lang, f) for f in markers.FIELDS] == want, s.text
                found += sum(map(len, want))
    assert found > 20
