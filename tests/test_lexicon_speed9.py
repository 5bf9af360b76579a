"""Speed steps of the lexicon look-up and the tokens (coder/cache.py, coder/recognise/matcher.py,
coder/lang): a cache line read by the decoder's scanner, entries built in one loop, the payloads
below a word's first node built when first reached, and the Arabic word questions made cheaper
must give what the longer way gave."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle

import pytest

from coder import cache as disk
from coder.lang import ar, common, en
from coder.lexicon import load as lexload
from coder.recognise.matcher import match


# ---------------------------------------------------------------- lines and entries

@pytest.mark.parametrize("value", [[1, "a", None, True, 2.5], {"k": [1, {"i": 3}]}, "قصف", 7, [], {}])
def test_a_line_value_is_what_json_loads_gives(value):
    line = disk.dump(value)
    assert disk.line_value(line) == json.loads(line)


@pytest.mark.parametrize("line", [b"", b" ", b"]", b"nul", b"{\"a\": }"])
def test_a_line_that_is_no_json_is_a_value_error(line):
    with pytest.raises(ValueError):
        disk.line_value(line)


def test_an_object_hook_decoder_is_used_for_the_line():
    scan = json.JSONDecoder(object_hook=lambda d: sorted(d)).scan_once
    assert disk.line_value(b'{"b": 1, "a": {"c": 2}}', scan) == ["a", "b"]


@dataclasses.dataclass(slots=True, frozen=True)
class _Entry:
    name: str
    parts: tuple
    extra: dict


def _unpacked(values: list, lines: bool) -> list:
    pack = disk.Packer({"_Entry": _Entry})
    refs = [pack.add(v) for v in values]
    table = [disk.dump(e) for e in pack.table] if lines else pack.table
    objects = disk.Unpacker(table, {"_Entry": _Entry}, pack.fields)
    return [objects[r] if type(r) is int else (r["i"] if type(r) is dict else r) for r in refs]


@pytest.mark.parametrize("lines", [True, False])
def test_entries_come_back_as_they_were_packed(lines):
    shared = ("opposition", "party")
    values = [shared, [shared, 3, -1, None, "x"], {"a": [1, 2], "b": {"c": 4.5}}, dt.date(2019, 8, 5),
              _Entry("attack", (shared, ("forces",)), {"forces": [0, 1]}), (), [], {}, 12]
    back = _unpacked(values, lines)
    assert back == values
    assert [type(v) for v in back] == [type(v) for v in values]
    assert back[1][0] is back[0] and back[4].parts[0] is back[0]   # one object, built once


def test_an_entry_that_refers_forward_or_pairs_badly_is_refused():
    for table in ([["l", 0]], [["t", 1], ["l"]], [["m", "a"]], [["x"]], [["c", "Nope"]]):
        with pytest.raises((ValueError, KeyError)):
            disk.Unpacker(table, {}, {})[0]


# ---------------------------------------------------------------- payloads built when reached

_TRIE = {"strike": {"": ["190"], "back": {"": ["195"], "hard": {"": ["196"]}}}, "meet": {"": ["040"]}, "": ["root"]}


def _lazy_trie(trie: dict, built: list) -> disk.LazyTrie:
    def leaf(flat):
        built.append(flat)
        return [s.upper() for s in flat]
    keys, *lines = disk.trie_lines(trie, "", lambda payloads: payloads)
    return disk.LazyTrie(keys, lines, disk.trie_line_decoder("", leaf), "")


def test_a_word_s_first_node_is_built_at_once_and_the_nodes_below_when_called_for():
    built = []
    lazy = _lazy_trie(_TRIE, built)
    strike = lazy["strike"]
    assert strike[""] == ["190"] and type(strike[""]) is list
    assert built == [["190"]]                                   # only the first node's payloads
    deeper = strike["back"][""]
    assert isinstance(deeper, disk.Deferred) and callable(deeper)
    assert deeper() == ["195"] and deeper == ["195"] and ["195"] == deeper and deeper != ["196"]
    assert pickle.loads(pickle.dumps(deeper)) == ["195"] and type(pickle.loads(pickle.dumps(deeper))) is list
    assert lazy[""] == ["ROOT"]                                  # a line that is an end value: at once
    upper = {"strike": {"": ["190"], "back": {"": ["195"], "hard": {"": ["196"]}}}, "meet": {"": ["040"]},
             "": ["ROOT"]}
    assert lazy == upper and type(pickle.loads(pickle.dumps(lazy))) is dict
    assert pickle.loads(pickle.dumps(lazy)) == upper


def _mentions(trie, tokens, text) -> list:
    return [(m.kind, m.first, m.last, m.start, m.end, m.text, m.entry, m.rule_id, m.first_form)
            for m in match(trie, tokens, text, True)]


def _deferred_nodes(node: dict) -> int:
    return sum(isinstance(v, disk.Deferred) if k == lexload.END else _deferred_nodes(v) for k, v in node.items())


@pytest.mark.parametrize("lang, profile, sentences", [
    ("en", en, ["The Syrian Democratic Forces attacked Islamic State fighters near Raqqa on Monday.",
                "The United Nations Security Council called on Saudi Arabia and the United Arab Emirates to "
                "stop the air strikes, the Foreign Minister of Iran said.",
                "Police fired tear gas at protesters in front of the Ministry of Defence."]),
    ("ar", ar, ["قالت وزارة الخارجية الأمريكية إن قوات سوريا الديمقراطية هاجمت مواقع تنظيم الدولة الإسلامية.",
                "وأطلقت الشرطة الغاز المسيل للدموع على المتظاهرين أمام مجلس الوزراء في بغداد.",
                "ودعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار في قطاع غزة."]),
])
def test_the_matcher_finds_on_the_cached_trie_what_it_finds_on_the_compiled_one(lang, profile, sentences):
    compiled = lexload.compile_lexicon(lang)
    cached = lexload._decode_lexicon(lexload._encode_lexicon(compiled))
    assert isinstance(cached.trie, disk.LazyTrie)
    longer = 0
    for text in sentences:
        tokens = profile.tokenise(text)
        want = _mentions(compiled.trie, tokens, text)
        assert _mentions(cached.trie, tokens, text) == want
        assert _mentions(cached.trie, tokens, text) == want          # once built, the same
        longer += sum(m[2] > m[1] for m in want)
    assert longer >= 3                                                # phrases of several words were found
    reached = [dict.__getitem__(cached.trie, k) for k in dict.keys(cached.trie)]
    reached = [v for v in reached if type(v) is dict]
    assert reached and any(_deferred_nodes(v) for v in reached)        # some deeper payloads never built
    assert cached.trie == compiled.trie


# ---------------------------------------------------------------- words first seen

_WORDS = ["قواته", "جنودها", "محافظة", "محافظته", "مرتزقته", "وبالدواعش", "للصحفيين", "كتابهما", "بيتكم",
          "أرضنا", "سيقتلون", "وزارتها", "الحكومة", "عليه", "له", "هم", "وفدهم", "ضد", "Biden", "123"]


def _owned_by_every_suffix(t) -> bool:
    """_owned as first written: every suffix tried."""
    if t.text.rstrip(ar._MARK_CHARS).endswith("ة"):
        return False
    return any(t.norm.endswith(suf) and len(t.norm) - len(suf) >= 3 and t.norm[:-len(suf)] in t.forms
               for suf in ar._SUFFIXES)


@pytest.mark.parametrize("word", _WORDS)
def test_the_possessive_test_tries_the_suffixes_it_needs(word):
    tok, = ar.tokenise(word)
    assert ar._owned.__wrapped__(tok) == _owned_by_every_suffix(tok)


@pytest.mark.parametrize("word", _WORDS)
def test_lookup_forms_are_distinct_and_in_order(word):
    norm = ar.normalise(word)
    forms = ar.lookup_forms.__wrapped__(norm, word)
    assert forms[0] == norm and len(set(forms)) == len(forms)
    assert all(f for f in forms)


def test_a_chunk_drops_only_its_empty_forms():
    def forms(norm, raw):
        return (norm, "", norm + "x", "")
    assert common._chunk_words("word", ar._WORD, str.lower, forms, {})[:4] == ("word", "word", ("word", "wordx"), 4)
