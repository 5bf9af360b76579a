"""The tokeniser's and the matcher's shortcuts give what the plain ways give: a text cut into
chunks at its spaces (str.split) and each chunk into words gives the tokens the word pattern
finds over the whole text."""
from __future__ import annotations

import random
import re
import sys

import pytest

from coder.lang import ar, en
from coder.lang.common import tokens_by


def test_str_split_cuts_at_the_spaces_the_word_patterns_step_over():
    spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c)}
    assert spaces == {c for c in map(chr, range(sys.maxunicode + 1)) if not c.split()}


def _plain_tokens(text: str, prof) -> list[tuple]:
    """The tokens as the word pattern finds them over the whole text, each word worked out afresh."""
    forms = prof._forms if prof is en else prof.lookup_forms
    out = []
    for m in prof._WORD.finditer(text):
        norm = prof.normalise(m[0])
        if norm:
            out.append((m[0], *m.span(), norm, tuple(f for f in forms(norm, m[0]) if f)))
    return out


@pytest.mark.parametrize("prof", [ar, en])
def test_tokens_by_chunks_are_the_pattern_matches(prof):
    rnd = random.Random(11)
    alphabet = [*"ab1٣ _.,٫٬-'’!\n\t", " ", " ", " ", "\u00a0", "\u2003", "\u064e", "\u0640", "\u200f", "ب", "ال", "é",
                "U.S.", "قصف", "«", "»"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    texts += [" ".join(rnd.choice(alphabet[:-4]) for _ in range(rnd.randint(0, 12))) for _ in range(1000)]
    texts += ["", " ", "a", " a", "a ", "a  b", "aa a", "a\u00a0aa a", "قصف الجيش، والقوات.  (AFP)"]
    forms = prof._forms if prof is en else prof.lookup_forms
    cache: dict = {}
    for text in texts:
        want = _plain_tokens(text, prof)
        for _ in range(2):   # cold, then from the chunk cache
            got = tokens_by(text, prof._WORD, prof.normalise, forms, cache)
            assert [(t.text, t.start, t.end, t.norm, t.forms) for t in got] == want, text


@pytest.mark.parametrize("prof,text", [
    (ar, "وقصفت الطائرات الحربية مواقع للمسلحين في ريف المدينة، وقالت الوزارة إن قواتها اعتقلت ثلاثة منهم."),
    (en, "The U.S. army said its forces arrested two gunmen near the border on Friday.")])
def test_a_mention_s_text_is_the_text_it_spans(prof, text):
    from coder.lexicon.load import load
    from coder.recognise.matcher import match
    mentions = match(load(prof.CODE).trie, prof.tokenise(text), text)
    assert any(m.first == m.last for m in mentions)
    assert all(m.text == text[m.start:m.end] for m in mentions)
