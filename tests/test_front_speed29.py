"""The front stages' twenty-ninth speed round (coder/quantities, coder/dates, coder/lang/word_gate.py):
a sentence's duals placed from the chunks that hold one (QuantityRecogniser._duals_of: the chunks not
read yet learnt first, a word with no dual ending without a call; those that hold a dual found in C
and placed by the lengths before them), instead of a walk of every chunk, each found in the text; a
dual's letters tested by one search; the gates' new chunks of more than letters answered without a
call (WordGate._learn); the event word nearest to a date (dates.events.owner) without a tuple and a
call a word; a date match's rule read by its group's name (DateRules.rule_of_group). Checked against
copies of the former logic on sentences written for these tests (spaced, the tokeniser's folds, and
not; memos empty and warm), on random spans, and on every character."""
from __future__ import annotations

import pytest

from test_glue_firstsight import chunk_admits

# duals (يومين، شخصين، طائرتين), one twice, one in brackets and glued to a clitic; counts beside them;
# none at all; and English, which has no duals
SENTENCES = {
    "ar": ["قتل شخصين وأصيب 12 آخرون في هجوم قبل يومين قرب الحدود.",
           "أسقطت الدفاعات طائرتين مسيرتين، وقالت إن طائرتين أخريين عادتا (يومين) بعد القصف.",
           "اعتقلت الشرطة ثلاثة رجال ووعدت بالإفراج عن شخصين وبشخصين آخرين خلال أسبوعين.",
           "تظاهر محتجون في الساحة وهتفوا ضد الحكومة.",
           "نزحت نحو 200 عائلة من القتال، وقتل مدنيان اثنان."],
    "en": ["Gunmen killed two soldiers and wounded 15 near the border.",
           "Protesters gathered in the square and chanted against the government."],
}
# other white space between chunks: one character (spaced still) or more (not)
GAPS = ("\t", "  ", " \n ")


def _former_duals(rec, ftext, chunks):
    """The duals as QuantityRecogniser.find read them before: each chunk found in the text in turn."""
    free, found = rec._dual_free, rec._chunk_duals
    duals = []
    at = 0
    for chunk in chunks:
        at = ftext.find(chunk, at)
        if chunk not in free:
            in_chunk = found.get(chunk)
            if in_chunk is None:
                in_chunk = rec._duals_in(chunk)
                if in_chunk:
                    found[chunk] = in_chunk
                else:
                    free.add(chunk)
            for s, e, unit in in_chunk:
                duals.append((at + s, at + e, unit))
        at += len(chunk)
    return duals


def _texts(lang):
    for text in SENTENCES[lang]:
        yield text
        for gap in GAPS:
            yield text.replace(" ", gap, 2)


def test_english_has_no_duals():
    """English marks no dual on the noun: its recogniser has no dual words to place."""
    from coder.quantities.recognise import recogniser
    assert recogniser("en").dual_words is None


@pytest.mark.parametrize("lang", ("ar",))
def test_duals_as_before(lang):
    """The duals (start, end, unit), as the former walk found them, from empty memos and warm ones."""
    from coder.lang.numbers import folded, text_chunks
    from coder.quantities.recognise import recogniser
    rec = recogniser(lang)
    seen, kinds = 0, set()
    for warm in (False, True):
        for text in _texts(lang):
            ftext = folded(text, lang).text
            chunks = text_chunks(ftext)
            spaced = len(ftext) + 1 == sum(map(len, chunks)) + len(chunks)
            kinds.add(spaced)
            outcomes = []
            for version in (lambda: rec._duals_of(ftext, chunks, spaced), lambda: _former_duals(rec, ftext, chunks)):
                if not warm:
                    rec._dual_free.clear()
                    rec._chunk_duals.clear()
                outcomes.append(version())
            assert outcomes[0] == outcomes[1], text
            assert all(ftext[s:e] for s, e, _ in outcomes[0])
            seen += len(outcomes[0])
    assert seen >= 20 and kinds == {True, False}   # (duals placed in spaced texts and others)


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_quantities_with_folds_as_without(lang):
    """A sentence's quantities read from the tokeniser's folds (its duals placed by the lengths of
    its chunks) as from the text folded whole (the walk)."""
    from coder import pipeline
    from coder.lang.chunk_folds import chunk_folds
    from coder.lang.common import spaced_chunks
    from coder.quantities import find_quantities
    duals = 0
    for text in SENTENCES[lang]:
        sent = pipeline.sentences(text, lang)[0]
        folds = chunk_folds(sent.text, spaced_chunks(sent.text), lang)
        assert folds is not None
        given = find_quantities(sent.text, lang, None, folds)
        assert given == find_quantities(sent.text, lang)
        duals += sum(q.value == 2 and q.text == sent.text[q.start:q.end] for q in given)
    assert duals >= (5 if lang == "ar" else 0)


# ---------------------------------------------------------------- the gates' learning

def _former_learn(gate, chunks):
    """WordGate._learn before: each chunk tested against the known ones and added in a loop."""
    known, admitting = gate._known, gate._admitting
    if len(known) >= 200_000:
        known.clear()
        admitting.clear()
    words = gate.words
    for chunk in chunks:
        if chunk not in known:
            known.add(chunk)
            if chunk in words if chunk.isalpha() else chunk_admits(gate, chunk):
                admitting.add(chunk)


def _fresh(gate):
    from coder.lang.word_gate import WordGate
    copy = WordGate.__new__(WordGate)
    copy.words, copy.also = gate.words, gate.also
    copy._known, copy._admitting = set(), set()
    return copy


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_gates_learn_as_before(lang):
    """The dates' and the numbers' gates know and admit the same chunks, learnt sentence by sentence
    (a chunk twice in one, chunks of digits, signs and brackets among them), and answer the same."""
    from coder.dates import date_rules
    from coder.lang.numbers import folded, reader, text_chunks
    admitted = 0
    for gate in (date_rules(lang).gate, reader(lang).gate):
        new, former = _fresh(gate), _fresh(gate)
        for text in [*SENTENCES["ar" if lang == "ar" else "en"], *SENTENCES["en"], "(3) 2019-05 $15 " * 2]:
            chunks = text_chunks(folded(text, lang).text)
            new._learn(chunks)
            _former_learn(former, chunks)
            assert (new._known, new._admitting) == (former._known, former._admitting), text
            assert new.first_admitting(chunks) == former.first_admitting(chunks)
        admitted += len(new._admitting)
        assert len(new._known) > len(new._admitting)
    assert admitted >= 5


def test_dual_words_letters_only_as_before():
    """A dual's word holds no decimal digit and no "_": one search (_DIGIT_OR_UNDERSCORE) answers as
    the former test of each character did, for every character."""
    import sys
    from coder.quantities.recognise import _DIGIT_OR_UNDERSCORE
    held = 0
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        former = c.isdecimal() or c == "_"
        assert (_DIGIT_OR_UNDERSCORE.search(c) is not None) == former, hex(code)
        if former or code % 97 == 0:   # (inside a word as alone)
            assert (_DIGIT_OR_UNDERSCORE.search("يوم" + c + "ين") is not None) == former
        held += former
    assert held > 600   # (the decimal digits of many scripts)


# ---------------------------------------------------------------- the event word a date is nearest

def _former_owner(d, words):
    from coder.dates.events import gap
    best = best_key = None
    span = (d.start, d.end)
    for i, w in enumerate(words):
        if d.start <= w[0] and w[1] <= d.end:
            continue
        key = (gap(span, w), w[0])
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def test_owner_as_before():
    """The index of the event word nearest to a date, as before: words before, after, inside and
    around the date, at equal distances on both sides, none."""
    import datetime as dt
    import random
    from coder.dates.events import owner
    from coder.model import ResolvedDate
    rnd = random.Random(29)
    answers = set()
    for _ in range(3000):
        start = rnd.randrange(0, 60)
        d = ResolvedDate(dt.date(2020, 1, 1), "day", start, start + rnd.randrange(1, 15), "x")
        words = []
        for _ in range(rnd.randrange(0, 6)):
            s = rnd.randrange(0, 80)
            words.append((s, s + rnd.randrange(1, 8)))
        got = owner(d, words)
        assert got == _former_owner(d, words), (d, words)
        answers.add(got)
    assert None in answers and len(answers) >= 5


# ---------------------------------------------------------------- a date match's rule

@pytest.mark.parametrize("lang", ("ar", "en"))
def test_rule_of_a_match_as_before(lang):
    """A match's rule read by its group's name (DateRules.rule_of_group) is the one its name decoded
    gave (the rule's index after "r"), for every rule; and the rules that may count a year back are
    the same."""
    from coder.dates import _counting_back, date_rules, scan
    rules = date_rules(lang)
    assert len(rules.rule_of_group) == len(rules.rules)
    for name, rule in rules.rule_of_group.items():
        assert rules.rules[int(name[1:])] is rule
    matched = 0
    more = {"en": "Troops left two years ago, on 3 March 2021, last week and yesterday.",
            "ar": "غادرت القوات قبل عامين، في 3 آذار 2021، والأسبوع الماضي وأمس."}
    for text in SENTENCES[lang] + [more[lang]]:
        for m in scan(text, lang)[1]:
            assert rules.rule_of_group[m.lastgroup] is rules.rules[int(m.lastgroup[1:])]
            matched += 1
    assert matched >= 3
    former = frozenset(f"r{i}" for i, rule in enumerate(rules.rules)
                       if rule.resolve not in ("calendar", "weekday", "shift")
                       or (rule.resolve == "shift" and rule.offset < 0 and rule.unit in (None, "year")))
    assert _counting_back(lang) == former and former
