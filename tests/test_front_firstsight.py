"""First sight of a word: the fast paths a new word takes (Arabic lookup forms by the word's first
and last letters, a chunk's forms kept as given, the matcher's `in` before a look-up, cache entries
read in place) answer what the general ones answer."""
from __future__ import annotations

import dataclasses
import itertools
import json

import pytest

from coder import cache as disk
from coder.lang import ar, common, en
from coder.lexicon.load import END, GrammarRef, Trigger
from coder.recognise import matcher
from coder.records import WordMemo


def _forms_in_general(norm: str, raw: str = "") -> tuple[str, ...]:
    """Arabic lookup forms worked out the long way: every stem, every article, every suffix tried."""
    if not norm or not ("\u0600" <= norm[0] <= "\u06ff"):
        return (norm,)
    forms, stems = [norm], [norm]
    if norm[0] in "وف" and len(norm) >= 4 and not norm.startswith(("وزاره", "وزارت", "وزارا")):
        stems.append(norm[1:])
    for w in list(stems):
        if w.startswith("لل") and len(w) >= 4:
            stems.append("ال" + w[2:])
        elif w[0] in "بلك" and len(w) >= 4:
            stems.append(w[1:])
        if w[0] == "س" and len(w) >= 4 and w[1] in "يتنا":
            stems.append(w[1:])
    forms += stems[1:]
    forms += [w[2:] for w in stems if w.startswith("ال") and len(w) >= 4]
    written_ta_marbuta = raw.rstrip(ar._MARK_CHARS).endswith("ة")
    for w in list(forms):
        for suf in ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"):
            if suf == "ه" and written_ta_marbuta:
                continue
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                forms.append(w[:-len(suf)])
                if w[:-len(suf)].endswith("ت"):
                    forms.append(w[:-len(suf) - 1] + "ه")
                break
    return tuple(dict.fromkeys(forms))


_ARABIC = ["وبالدواعش", "للصحفيين", "مرتزقته", "محافظة", "محافظته", "سيقتل", "وسيقتلون", "وزارتها",
           "والجيش", "فالقوات", "كالجيش", "بقواتهم", "لهما", "كتابكما", "مدينتنا", "أهلهن", "ستنا",
           "سلام", "وَالجَيْشُ", "القوّة", "إلى", "لل", "وللمدنيين", "فلسطين", "ساحة", "ولها", "بيروت"]


@pytest.mark.parametrize("word", _ARABIC)
def test_arabic_forms_are_the_general_ones(word):
    norm = ar.normalise(word)
    for raw in (word, ""):
        assert ar.lookup_forms.__wrapped__(norm, raw) == _forms_in_general(norm, raw)


def test_arabic_forms_of_every_short_spelling_are_the_general_ones():
    # the clitic letters, the article's, the suffixes' and ta marbuta, in every order up to five
    letters = "وفبلكسالتنهمة"
    for n in range(1, 6):
        for spelled in itertools.islice(itertools.product(letters, repeat=n), 0, None, 1 if n < 5 else 5):
            raw = "".join(spelled)
            norm = ar.normalise(raw)
            assert ar.lookup_forms.__wrapped__(norm, raw) == _forms_in_general(norm, raw), raw


def test_tokenise_gives_the_forms_lookup_forms_gives():
    ar._WORDS.clear()
    for tok in ar.tokenise("وقال مسؤولو الوزارة إن قواتها قصفت مواقع للمسلحين، وسيقتلون."):
        assert tok.forms == ar.lookup_forms(tok.norm, tok.text)


@pytest.mark.parametrize("chunk", ["الجيش", "قصفت،", "(رويترز)", "«المرصد»", "...", "troops", "U.S.",
                                   "Idlib's", "(AFP)", "didn't", "١٢٣", "nicolás", "2,500"])
@pytest.mark.parametrize("prof", [ar, en], ids=["ar", "en"])
def test_a_chunk_is_the_words_the_pattern_finds(prof, chunk):
    forms = en._forms if prof is en else ar._forms_of_word
    got = common._chunk_words(chunk, prof._WORD, prof.normalise, forms, {})
    words = [(m.start(), m.end(), m[0]) for m in prof._WORD.finditer(chunk)]
    expected = [(s, e, w, prof.normalise(w), tuple(f for f in forms(prof.normalise(w), w) if f))
                for s, e, w in words if prof.normalise(w)]
    # (each word's last item is its WordMemo: tests/test_words_speed26.py)
    if type(got) is common._Words:
        assert [w[:5] for w in got] == expected and all(type(w[5]) is WordMemo for w in got)
    else:
        assert len(expected) == 1 and expected[0][:3] == (0, len(chunk), chunk) and got[:4] == (chunk, *expected[0][3:], len(chunk))
        assert len(got) == 5 and type(got[4]) is WordMemo


def test_a_chunk_keeps_the_forms_tuple_it_was_given_and_drops_empty_forms():
    given = ("word", "wordx")
    assert common._chunk_words("word", en._WORD, str.lower, lambda norm, raw: given, {})[2] is given
    assert common._chunk_words("word", en._WORD, str.lower, lambda n, r: ["word", "", "w"], {})[:4] == ("word", "word", ("word", "w"), 4)
    assert common._chunk_words("word", en._WORD, str.lower, lambda n, r: ("", "word"), {})[:4] == ("word", "word", ("word",), 4)


def _first_steps_by_get(trie, forms):
    steps = []
    for fi, f in enumerate(forms):
        node = trie.get(f)
        if node is not None:
            ends = tuple((type(p).__name__.replace("Ref", "").lower(), p,
                          "" if isinstance(p, GrammarRef) else p.rule_id) for p in node.get(END, ()))
            steps.append((fi, node, ends, node.keys() if len(node) > (END in node) else None))
    if len(steps) == 1:
        return steps[0]
    return (None, tuple(steps), (), None) if steps else ()


def _trie():
    hit = Trigger("r1", "190", "verb", "past", False, ())
    return {"قصف": {END: [hit], "الجيش": {END: [hit]}}, "جيش": {END: [GrammarRef("negation"), hit]},
            "بغداد": {"الجديده": {END: [hit]}}}


def test_first_steps_are_those_every_form_looked_up_gives():
    trie = _trie()
    lines = disk.trie_lines(trie, END, lambda payloads: [json.dumps(dataclasses.astuple(p)) for p in payloads])
    objects = {json.dumps(dataclasses.astuple(p)): p for node in (trie["قصف"], trie["جيش"]) for p in node[END]}

    def leaf(flat):
        return [objects[k] for k in flat]
    for forms in [("قصف",), ("والجيش", "الجيش", "جيش"), ("بغداد", "غداد"), ("لا",), ("قصف", "جيش"), ()]:
        lazy = disk.LazyTrie(lines[0], lines[1:], disk.trie_line_decoder(END, leaf), END)
        expected = _first_steps_by_get(trie, forms)
        got = matcher._first_steps(lazy, forms)
        assert got == expected and matcher._first_steps(trie, forms) == expected


@dataclasses.dataclass(frozen=True)
class _Place:
    name: str
    at: tuple = ()


def test_entries_read_in_place_are_those_read_from_lines():
    value = [_Place("بغداد", (33.3, 44.4)), {"k": (_Place("x"), 3)}, _Place("بغداد", (33.3, 44.4))]
    pack = disk.Packer({"_Place": _Place})
    roots = [pack.add(v) for v in value]
    packed = disk.unpack_lines(disk.pack_lines([disk.dump(e) for e in pack.table]))
    in_place = disk.Unpacker(packed, {"_Place": _Place}, pack.fields)
    from_lines = disk.Unpacker(list(packed), {"_Place": _Place}, pack.fields)
    assert in_place._in_place is not None and from_lines._in_place is None
    assert [in_place[r] for r in roots] == [from_lines[r] for r in roots] == value
    assert in_place.pick(roots) == value and in_place.pick(roots)[0] is in_place[roots[0]]
    for bad in ([len(pack.table)], [-1], ["0"], [0.5]):
        with pytest.raises(ValueError):
            in_place.pick(bad)


@pytest.mark.parametrize("prof", [ar, en], ids=["ar", "en"])
def test_the_fold_table_folds_as_it_would_without_the_letters_kept_as_themselves(prof):
    own = {c: v for c, v in prof._FOLD.items() if not (c in common.AS_ITSELF and v == c)}
    every = "".join(map(chr, range(0x3000))) + "\ufeff\u200bقصفَ الجيشُ أمس ٣ طائرات؛ Didn’t U.S. 2,500"
    assert every.translate(prof._FOLD) == every.translate(own)
    if prof is ar:
        assert prof.normalise("وَقالت الوزارةُ «ى» ٢٠") == "وقالت الوزاره «ي» 20"
    else:
        assert prof.normalise("Didn’t the U.N. say ٢٠") == "didn't the u.n. say 20"
