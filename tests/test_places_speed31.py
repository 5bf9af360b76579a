"""The thirty-second speed round of the places' start pass and of the sentences' records.

One test of whether a new word may start a place name. It was written twice, as toponyms._may_start
(reached only through _starts' own gate, which only tests asked for) and out in
SentencePlaces._start_tokens' loop, where the first sight asks it; now only in the loop, and _starts,
asked there only of a word that passes it, has no gate of its own. And the loop asks whether one of
a word's forms folds only where the word as written holds a letter that may fold (a form's letters
are the word's, or letters its normalisation and clitic stripping make of them, which fold to
themselves where those do), where it searched each form. Checked against copies of the former
_may_start and _starts (kept here: earlier rounds' tests read them too), on every word of the corpus
texts and of sentences written for these tests (names read through their ASCII fold, through a
proclitic, in lower case, after a word that is a name only with the next; short words; Latin words
in Arabic text; Arabic letters that carry a hamza, and marks; wide and ligature letters; words that
fold and start nothing): _starts answers as before for every word, and the start pass hands it
exactly the words the former _may_start admitted, keeping the same answers and start tokens.

pipeline.sentences makes each Sentence by stores on a bare instance, not through the dataclass's
__init__: checked against Sentence(...) (type, fields and their order, equality, repr, pickling).
The gazetteer's cached trie holds whether a place's name is its display name as a JSON true or
false (read as the bool itself, where a number was parsed and made one) and reads a node's one
place (most names' end) without slices and a zip: checked against the former writing and reading
of the same tries, values and their types. Gazetteer.rank reads
each place once, where it read it three times: checked against a copy of the former ranking."""
from __future__ import annotations

import pickle

import pytest
from test_rec_speed2 import _corpus_texts

from coder.geo import toponyms
from coder.geo.gazetteer import _END, _MAY_FOLD, _default, ascii_fold, folds
from coder.geo.toponyms import SentencePlaces, _place_forms, rules
from coder.lang import profile
from coder.spans import trie_memo

LANGS = ("ar", "en")

OWN = {
    "en": [
        "Soldiers shelled Serêkaniyê and then Serekaniye close to the Euphrates on Sunday.",
        "Militants in Şanlıurfa and in Hama stormed Al Bāb, Al Bab and the town of Idlib.",
        "Police detained 30 students in mosul and basra after the rally in Mosul.",
        "Union City and union members met in New York, and Eagle Pass saw an eagle.",
        "Café owners in Zürich and Tōkyō met at the Ünye fair; İstanbul sent none.",
        # (\u212a, the Kelvin sign: the acronym's form folds, the norm "k.s.a" not)
        "The ＵＮ and the ＥＵ sent ﬁve teams to Kraków, the Ωmega unit, the \u212a.S.A team and Bāb al-Hawa.",
    ],
    "ar": [
        "قصف الجيش وتل أبيض ومدينة حماة والرقة في دمشق، وبحلب ودير الزور أمس.",
        "شن مسلحون هجوما على حاجز قرب إدلب وفي حمص وباللاذقية ولحلب.",
        "زار الوفد Zürich وSerêkaniyê ثم عاد إلى عمان ولبنان.",
        "وَقَالَ مسؤولٌ في ئيلام إن کرمانشاه وسنندج شهدتا احتجاجات",
        "أعلنت المؤسسة إغلاق مكاتبها في آمرلي وﻻ تزال القوات في دِمَشْق وZürichـ",
    ],
}


def may_start(trie: dict, tok) -> bool:
    """toponyms._may_start as it was (ca83cd7): may one of the word's place forms be a first word of
    a name? Where no form is a key and none changes when folded, none is."""
    if len(tok.norm) <= 3:
        return True
    for f in tok.forms:
        if f in trie or (not f.isascii() and _MAY_FOLD.search(f) is not None and ascii_fold(f) != f):
            return True
    return False


def former_starts(trie: dict, tok, lang: str, may_start_known: bool = False) -> tuple:
    """toponyms._starts as it was (ca83cd7): its own gate, unless the caller had passed it."""
    if not may_start_known and not may_start(trie, tok):
        return ()
    pairs = tuple([(f, trie[f]) for f in _place_forms(tok.norm, tok.forms, lang) if f in trie])
    if not pairs:
        return ()
    form = next((f for f, node in pairs if _END in node), None)
    if form is None:
        return pairs, False
    r = rules(lang)
    dropped = (r.case_sensitive and not any(map(str.isupper, tok.text))) or (form,) in r.stop \
        or (form != tok.norm and (tok.norm,) in r.stop)
    if not dropped:
        return pairs, True
    if all(len(node) == 1 and _END in node for _, node in pairs):
        return ()
    return pairs, False


def former_answers(trie: dict, tokens, lang: str, known: dict) -> None:
    """The former answering of a sentence's new words (_start_tokens at ca83cd7, its test as _may_start)."""
    for tok in tokens:
        if tok.text in known:
            continue
        admitted = may_start(trie, tok)
        if not admitted and tok.norm in tok.forms:
            known[tok.text] = False
            continue
        starts = former_starts(trie, tok, lang, True) if admitted else ()
        if starts:
            known[tok.text] = starts[0], None if starts[1] else toponyms._follow(starts[0])
        else:
            known[tok.text] = toponyms._NONE_BUT_FOLDS if folds(tok.norm) else False


def words_handed_to_starts(lang: str, token_lists, monkeypatch) -> list:
    """The words SentencePlaces._start_tokens asks _starts about, every word new to it, in order."""
    asked = []
    starts = toponyms._starts

    def recording(trie, tok, lang_):
        asked.append(tok.text)
        return starts(trie, tok, lang_)
    monkeypatch.setattr(toponyms, "_STARTS", {})
    monkeypatch.setattr(toponyms, "_starts", recording)
    for tokens in token_lists:
        SentencePlaces(" ".join(t.text for t in tokens), tokens, lang)._start_tokens()
    monkeypatch.setattr(toponyms, "_starts", starts)
    return asked


def _token_lists(lang: str) -> list:
    prof = profile(lang)
    return [prof.tokenise(text) for text in _corpus_texts(lang) + OWN[lang]]


def _same(a: dict, b: dict) -> bool:
    """Equal answers, of the same kinds (False, _NONE_BUT_FOLDS, a pair): () == () but not False."""
    return a == b and all(type(a[k]) is type(b[k]) for k in a)


@pytest.mark.parametrize("lang", LANGS)
def test_what_a_word_starts_is_as_before_without_the_gate(lang):
    trie = _default().tries[lang]
    gated = started = 0
    for tokens in _token_lists(lang):
        for t in tokens:
            former = former_starts(trie, t, lang)
            assert toponyms._starts(trie, t, lang) == former, t.text
            gated += not may_start(trie, t)
            started += bool(former)
    assert gated > started > 10


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_pass_asks_starts_of_the_words_the_former_test_admitted(lang, monkeypatch):
    trie = _default().tries[lang]
    token_lists = _token_lists(lang)
    asked = words_handed_to_starts(lang, token_lists, monkeypatch)
    admitted, seen = [], set()
    for tokens in token_lists:
        for t in tokens:
            if t.text not in seen:
                seen.add(t.text)
                if may_start(trie, t):
                    admitted.append(t.text)
    assert asked == admitted
    # some told only by a form that folds (Latin words in Arabic text: its normalisation keeps their marks)
    by_fold = [t for tokens in token_lists for t in tokens if t.text in asked and len(t.norm) > 3
               and not any(f in trie for f in t.forms)]
    assert by_fold or lang == "en"
    assert len(seen) > len(asked) > 20


@pytest.mark.parametrize("lang", LANGS)
def test_first_sight_keeps_the_former_answers_and_start_tokens(lang, monkeypatch):
    trie = _default().tries[lang]
    token_lists = _token_lists(lang)
    former: dict = {}
    for tokens in token_lists:
        former_answers(trie, tokens, lang, former)
    monkeypatch.setattr(toponyms, "_STARTS", {})
    found = [SentencePlaces(" ".join(t.text for t in tokens), tokens, lang)._start_tokens() for tokens in token_lists]
    assert _same(trie_memo(toponyms._STARTS, trie), former)
    monkeypatch.setattr(toponyms, "_STARTS", {})
    trie_memo(toponyms._STARTS, trie).update(former)
    assert found == [SentencePlaces(" ".join(t.text for t in tokens), tokens, lang)._start_tokens()
                     for tokens in token_lists]
    assert sum(map(len, found)) > 20


def test_the_gate_is_gone():
    assert not hasattr(toponyms, "_may_start")


@pytest.mark.parametrize("lang", LANGS)
def test_a_word_written_with_no_letter_that_may_fold_has_no_form_that_folds(lang):
    """The learning pass's shortcut: where the word as written has no letter _MAY_FOLD finds, none
    of its forms folds (and the search of each form is left out)."""
    passed = searched = 0
    for tokens in _token_lists(lang):
        for t in tokens:
            folding = [f for f in t.forms if folds(f)]
            if t.text.isascii() or _MAY_FOLD.search(t.text) is None:
                assert not folding, (t.text, t.forms)
                passed += 1
            else:
                searched += 1
    assert passed > searched > 3


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_are_the_records_the_constructor_makes(lang):
    texts = {"en": "Troops shelled Homs on Sunday. Police said nothing!  Two   more died.\\nNo one spoke",
             "ar": "قصف الجيش حمص أمس. وقال مسؤول إن اثنين قتلا؟ لم يعلق أحد"}[lang]
    from coder.model import Sentence
    from coder.pipeline import sentences
    got = sentences(texts, lang)
    assert len(got) >= 3
    for k, s in enumerate(got):
        want = Sentence(k, s.text, s.start, profile(lang).tokenise(s.text))
        assert type(s) is Sentence and s == want and repr(s) == repr(want)
        assert (s.index, s.text, s.start) == (k, texts[s.start:s.start + len(s.text)], texts.index(s.text))
        if hasattr(want, "__dict__"):   # (the plain record: fields in the constructor's order)
            assert list(vars(s)) == list(vars(want)) == ["index", "text", "start", "tokens"]
        assert pickle.loads(pickle.dumps(s)) == want


def _former_trie(lines, tries: dict, lang: str):
    """index_cache._trie as it was (ca83cd7): every node's entries read by slices and a zip."""
    import json

    from coder import cache as disk

    def hook(node: dict) -> dict:
        flat = node.get(_END)
        if flat is not None:
            node[_END] = dict(zip(flat[::2], map(bool, flat[1::2])))
        return node
    scan = json.JSONDecoder(object_hook=hook).scan_once

    def decode(line: bytes, is_end: bool):
        v = disk.line_value(line, scan)
        return dict(zip(v[::2], map(bool, v[1::2]))) if is_end else v
    return disk.LazyTrie(lines[0], lines[1:], decode, _END)


def test_the_cached_trie_reads_each_nodes_places_as_before():
    from coder import cache as disk
    from coder.geo import index_cache

    def former_flat(v: dict) -> list:   # (as index_cache.encode wrote a node's entries)
        return [x for i, d in v.items() for x in (i, int(d))]

    def typed(node: dict) -> dict:   # (a node with its entries' types: True == 1 in a plain comparison)
        return {k: [(i, type(d)) for i, d in v.items()] if k == _END else typed(v) for k, v in node.items()}

    def both(trie: dict, lang: str) -> tuple[dict, dict]:
        got = index_cache._trie(disk.trie_lines(trie, _END, index_cache._flat_entries), {}, lang).whole()
        return got, _former_trie(disk.trie_lines(trie, _END, former_flat), {}, lang).whole()
    trie = {"homs": {_END: {5: True}, "city": {_END: {7: False, 9: True, 2: False}}},
            "ras": {"al": {"ain": {_END: {11: False}}}, _END: {4: True, 3: True}},
            _END: {8: False, 6: True}, "عين": {"العرب": {_END: {12: True}}}}
    got, want = both(trie, "ar")
    assert got == want == trie
    assert list(typed(got).items()) == list(typed(want).items()) == list(typed(trie).items())
    # subtrees of the default gazetteer's
    gaz = _default()
    for lang, keys in (("en", ["homs", "aleppo", "new", "al", "ras"]), ("ar", ["حمص", "دير", "تل", "عين", "راس"])):
        trie = gaz.tries[lang]
        part = {k: trie[k] for k in keys if k in trie}
        assert len(part) >= 3
        got, want = both(part, lang)
        assert got == want == part and typed(got) == typed(want) == typed(part)


def _former_rank(gaz, entries: dict, country=None, soft: bool = False) -> list:
    """Gazetteer.rank as it was (ca83cd7): each place read three times."""
    from coder.geo.gazetteer import _may_take_hint
    top = max((gaz.places[i].population for i in entries), default=0) if soft else 0
    scored = [(gaz.places[i], gaz.score(gaz.places[i], country if _may_take_hint(gaz.places[i], top)
                                        else None, display))
              for i, display in entries.items()]
    scored.sort(key=lambda ps: (-ps[1], ps[0].place_id))
    return scored


def test_places_are_ranked_as_before():
    gaz = _default()
    several = 0
    for lang, names in (("en", ["tripoli", "homs", "geneva", "al", "ras", "new", "springfield"]),
                        ("ar", ["طرابلس", "حمص", "دمشق", "عين", "تل"])):
        trie = gaz.tries[lang]
        for name in names:
            node = trie.get(name)
            if not node:
                continue
            tables = [node[_END]] if _END in node else []
            tables += [child[_END] for child in node.values() if isinstance(child, dict) and _END in child][:20]
            for entries in tables + [{}]:
                several += len(entries) > 1
                for country in (None, "SYR", "LBY", "USA", "CHE"):
                    for soft in (False, True):
                        assert gaz.rank(entries, country, soft) == _former_rank(gaz, entries, country, soft)
    assert several > 3
