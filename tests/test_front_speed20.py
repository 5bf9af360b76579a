"""The front stages' twentieth speed round (coder/recognise/matcher.py, coder/lang/common.py): each rewritten piece is
checked against the logic it had (a reference copy here) on sentences written for these tests."""
from __future__ import annotations

import random

import pytest

from tests.test_front_speed15 import _tokens_as_before
from tests.test_front_speed16 import MATCHER_SENTENCES, _mention_fields

LANGS = ("ar", "en")

# phrases of several words (a word that leads on, followed by the word that goes on and by words
# that do not), one-word phrases, clitics, and words that start nothing
PHRASE_SENTENCES = {
    "en": ["The foreign minister of Iraq met the prime minister in the capital on Sunday.",
           "Security forces arrested members of the Islamic State group near the border.",
           "The United Nations Security Council called for a ceasefire and humanitarian aid.",
           "Rebels shelled the city and government troops returned fire, a spokesman said.",
           "Minister foreign the of met council security called Nations United the."],
    "ar": ["التقى وزير الخارجية العراقي رئيس الوزراء في العاصمة يوم الأحد.",
           "اعتقلت قوات الأمن عناصر من تنظيم الدولة الإسلامية قرب الحدود.",
           "دعا مجلس الأمن الدولي إلى وقف إطلاق النار وإيصال المساعدات الإنسانية.",
           "وقصف المتمردون المدينة وردت القوات الحكومية على النيران، بحسب متحدث.",
           "الخارجية وزير الأمن مجلس الدولة تنظيم النار إطلاق وقف الأحد يوم."],
}


def _former_first_steps(trie: dict, forms: tuple) -> tuple:
    """matcher._first_steps as it was: the keys of a node that leads further kept as its dict view."""
    from coder.lexicon.load import END
    from coder.recognise.matcher import _ends
    steps = []
    for fi, f in enumerate(forms):
        if f in trie:
            node = trie.get(f)
            steps.append((fi, node, _ends(node), node.keys() if len(node) > (END in node) else None))
    if len(steps) == 1:
        return steps[0]
    return (None, tuple(steps), (), None) if steps else ()


def _texts(lang: str, n: int = 200) -> list[str]:
    """The sentences and texts of their words shuffled (each word before every other)."""
    rng = random.Random(20)
    sentences = PHRASE_SENTENCES[lang] + MATCHER_SENTENCES[lang]
    words = " ".join(sentences).split()
    return sentences + [" ".join(rng.sample(words, rng.randint(2, 18))) for _ in range(n)]


@pytest.mark.parametrize("lang", LANGS)
def test_first_steps_keep_the_keys_of_the_node(lang):
    """A node that leads further is kept with its keys as a frozenset: the same keys as its view,
    and the same answer to isdisjoint() for every word's forms."""
    from coder.lexicon.load import load
    from coder.pipeline import sentences
    from coder.recognise import matcher
    trie = load(lang).trie
    leading = 0
    for text in _texts(lang, 40):
        for sent in sentences(text, lang):
            for tok in sent.tokens:
                got, former = matcher._first_steps(trie, tok.forms), _former_first_steps(trie, tok.forms)
                assert got == former
                if got and got[0] is not None and got[3] is not None:
                    leading += 1
                    assert type(got[3]) is frozenset and got[3] == set(former[3])
                    for other in sent.tokens:
                        assert got[3].isdisjoint(other.forms) == former[3].isdisjoint(other.forms)
    assert leading > 10


@pytest.mark.parametrize("lang", LANGS)
def test_matcher_mentions_as_with_the_former_steps(lang, monkeypatch):
    """The mentions match() makes with each word's first steps as they are and as they were."""
    from coder.lexicon.load import load
    from coder.pipeline import sentences
    from coder.recognise import matcher
    trie = load(lang).trie
    sents = [s for text in _texts(lang) for s in sentences(text, lang)]
    new = [[_mention_fields(m) for m in matcher.match(trie, s.tokens, s.text, True)] for s in sents]
    # (the former steps: a word's light verbs a phrase each, as the match lines read them)
    monkeypatch.setattr(matcher, "_first_steps", lambda trie, forms, **_: _former_first_steps(trie, forms))
    monkeypatch.setattr(matcher, "_STARTS", {})
    former = [[_mention_fields(m) for m in matcher.match(trie, s.tokens, s.text, True)] for s in sents]
    assert new == former
    assert sum(m[1] != m[2] for ms in new for m in ms) > 20   # phrases of several words among them


# ---------------------------------------------------------------- tokens_by: offsets as if one space

def _spaced(texts: list[str]) -> list[str]:
    """The texts with other white space between or around their chunks: runs of spaces, tabs, line
    breaks, no-break and thin spaces, at the start, the end or both, before a chunk of several words
    or of none."""
    out = []
    for k, t in enumerate(texts):
        out += [t.replace(" ", "  ", 1), t.replace(" ", "\t", 2), " " + t, t + " ", "\n" + t + "\u00a0",
                t.replace(" ", "\u00a0", 1), t.replace(" ", " -- ", 1).replace(" ", "\u2009", k % 3),
                t.replace(" ", " (AFP) \t", 1), t.replace(" ", " \u200f ", 1)]
    return out + ["", " ", "\t\n", "--", " -- ", "a", " a", "a ", "\u00a0a\u00a0b\u00a0"]


@pytest.mark.parametrize("lang", LANGS)
def test_tokens_placed_as_before(lang):
    """The tokens, their offsets above all, as tokens_by made them when it told the texts whose chunks
    are one space apart from the others first: cold, then from the cache."""
    from coder.lang import ar, en
    from coder.lang.common import tokens_by
    prof = ar if lang == "ar" else en
    forms = prof._forms_of_word if prof is ar else prof._forms
    texts = PHRASE_SENTENCES[lang] + MATCHER_SENTENCES[lang]
    texts = texts + _spaced(texts)
    new_cache: dict = {}
    old_cache: dict = {}
    placed_again = 0
    for _ in range(2):
        for text in texts:
            toks = tokens_by(text, prof._WORD, prof.normalise, forms, new_cache)
            got = [(t.text, t.start, t.end, t.norm, t.forms) for t in toks]
            assert got == _tokens_as_before(text, prof._WORD, prof.normalise, forms, old_cache), repr(text)
            for t in toks:
                assert text[t.start:t.end] == t.text
            chunks = text.split()
            placed_again += len(text) != len("".join(chunks)) + len(chunks) - 1 and bool(toks)
    assert placed_again > 50


def test_place_in_text_moves_each_token_by_its_chunk():
    """_place_in_text on tokens placed as if one space lay between the chunks."""
    from coder.lang.common import _place_in_text
    from coder.model import Token
    text = "\t ab  c.d\u00a0\u00a0 e \n"
    chunks = text.split()   # ab, c.d, e: placed at 0, 3, 7
    toks = [Token("ab", 0, 2, "ab", ("ab",)), Token("c", 3, 4, "c", ("c",)), Token(".", 4, 5, ".", (".",)),
            Token("d", 5, 6, "d", ("d",)), Token("e", 7, 8, "e", ("e",))]
    _place_in_text(text, chunks, toks)
    assert [(t.start, t.end) for t in toks] == [(2, 4), (6, 7), (7, 8), (8, 9), (12, 13)]
    assert [text[t.start:t.end] for t in toks] == ["ab", "c", ".", "d", "e"]
