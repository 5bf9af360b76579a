"""The front stages' twenty-third speed round (coder/quantities, coder/dates, coder/lang/numbers.py):
each rewritten piece is checked against the logic it had (a reference copy here) on sentences written
for these tests."""
from __future__ import annotations

import pytest

from tests.test_front_speed16 import shuffled_samples
from tests.test_front_speed17 import _window_begin

LANGS = ("ar", "en")

# numbers followed by a qualifier ("or more", "at least", تقريبا، على الأقل) or by a cue ("were
# killed", قتلوا) right after them or a word or two later, across a comma; numbers before and after
# dates, money and months; and numbers with nothing of the kind after them
QUALIFIED = {
    "en": ["At least 25 people were killed and 40 or more were wounded, officials said on Monday.",
           "Some 300 families, at least, were displaced and 12 protesters were arrested in March 2019.",
           "Approximately 50 soldiers died, 7 were executed, and 10 or so were detained, at most 20.",
           "Police said 3 men were injured, roughly 100 fled and $15 billion was lost; 5 dead, 2 plus.",
           "The toll rose to 44, fewer than 60 were hospitalised and 9 people, at least, drowned."],
    "ar": ["قتل 25 شخصا على الأقل وأصيب 40 آخرون تقريبا، بحسب مسؤولين يوم الاثنين.",
           "اعتقلت الشرطة 12 متظاهرا أو أكثر، ونزح 300 شخص أو نحو ذلك في آذار 2019.",
           "بلغ عدد القتلى 30 كحد أقصى، وقال إن 17 قتلوا و 8 جرحوا في الهجوم.",
           "أفاد المرصد بأن 5 مدنيين استشهدوا و 3 أصيبوا بجروح وخسائر بقيمة 15 مليار دولار.",
           "سقط 9 قتلى و 20 جرحى على الأقل، واحتجز 7 آخرون بحد أقصى، و 4 اعتقلوا."],
}


def _texts(lang: str, n: int = 300) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (numbers, qualifiers and cues at every place)."""
    return shuffled_samples(QUALIFIED[lang], lang, n, seed=23, longest=20)


# ---------------------------------------------------------------- quantities: the number's context


def _former_quantity(self, ftext: str, num):
    """QuantityRecogniser._quantity as it was: each search before the number works out the end of the
    text itself, and the patterns after it are matched whatever words the text holds."""
    from coder.quantities.recognise import _GLUED, _WINDOW, _looks_like_year
    if self.partitive and self.partitive.match(ftext, num.start):
        return None
    left = ftext[num.start - _WINDOW if num.start > _WINDOW else 0:num.start]
    if _GLUED.search(left, len(left) - 2):
        left = ""
    right = ftext[num.end:num.end + _WINDOW]
    span_start = num.start
    qualifier = None
    money = self._money(left, right, num)
    if money is not None and money[0] < num.start:
        left = left[:len(left) - (num.start - money[0])]
        span_start = money[0]
    m = self.left_qualifier.search(left) if self.left_qualifier else None
    if m:
        qualifier = m.lastgroup
        span_start = span_start - (len(left) - m.start(m.lastgroup))
        left = left[:m.start()]
    if money is not None:
        return span_start, max(money[1], num.end), num.value, qualifier or "exact", "money"
    if (self.blocked_before.search(left) or self.blocked_after.match(right)
            or self.month_before.search(left) or self.month_after.match(right)):
        return None
    unit = self._cue(self.cue_before, left)
    if not unit and self.blocked_before_gap and self.blocked_before_gap.search(left):
        return None
    noun_unit, noun_end = self._counted_noun(right)
    if noun_unit is None and _looks_like_year(num):
        return None
    if noun_unit in self.cue_keeps or (noun_unit in self.cue_units and not unit):
        unit = noun_unit
    unit = (unit or self._cue(self.cue_before_gap, left) or self._cue(self.toll_before, left)
            or noun_unit)
    after = right[noun_end:]
    after_cue = self._cue_match(self.cue_after, after)
    if after_cue and (not unit or unit == noun_unit) and noun_unit not in self.cue_keeps:
        unit = after_cue
    if qualifier is None:
        rq = self.right_qualifier.match(right) if self.right_qualifier else None
        rq = rq or (self.right_qualifier.match(after) if self.right_qualifier and noun_end else None)
        qualifier = rq.lastgroup if rq else None
    if unit is None:
        if num.words and num.text in self.needs_noun:
            return None
        if _looks_like_year(num):
            return None
        unit = "other"
    if num.vague:
        qualifier = "vague"
    return span_start, num.end + noun_end, num.value, qualifier or "exact", unit


@pytest.mark.parametrize("lang", LANGS)
def test_quantity_of_each_number_as_before(lang):
    """Every number of the texts: the same quantity (or none) as the former reading of its context."""
    from coder.quantities.recognise import recogniser
    rec = recogniser(lang)
    qualified = cued = 0
    for text in _texts(lang):
        for num in rec.numbers.find(text):
            expected = _former_quantity(rec, text, num)
            assert rec._quantity(text, num) == expected, (text, num)
            qualified += expected is not None and expected[3] not in ("exact", "vague")
            cued += expected is not None and expected[4] in rec.cue_units
    assert qualified >= 20 and cued >= 100


@pytest.mark.parametrize("lang", LANGS)
def test_quantities_of_the_sentences_as_before(lang):
    """Whole sentences, as written: the quantities the former reading of each number gives."""
    from unittest import mock

    from coder.quantities import recognise
    found = [recognise.find_quantities(t, lang) for t in QUALIFIED[lang]]
    with mock.patch.object(recognise.QuantityRecogniser, "_quantity", _former_quantity):
        assert [recognise.find_quantities(t, lang) for t in QUALIFIED[lang]] == found
    assert sum(map(len, found)) >= 12


def _phrases(lang: str, section: str) -> list[str]:
    from coder.lang import profile
    from coder.lang.numbers import load_lexicon
    norm = profile(lang).normalise
    return [norm(p) for phrases in (load_lexicon(lang, "quantities").get(section) or {}).values()
            for p in phrases]


@pytest.mark.parametrize("lang", LANGS)
def test_texts_after_a_number_that_a_pattern_matches_hold_one_of_its_words(lang):
    """Each phrase of the qualifiers and cues after a number, after none, one or two words, a comma,
    glued to a word, with its spaces doubled: where the pattern matches, the text holds one of the
    pattern's words (the test that lets the others go unmatched)."""
    from coder.quantities.recognise import holds_one_of, recogniser
    rec = recogniser(lang)
    cases = ((rec.right_qualifier, rec.right_qualifier_words, "right_qualifiers"),
             (rec.cue_after, rec.cue_after_words, "unit_cues_after"))
    before = ["", " ", "  ", " word", " كلمة", " word two", " كلمة أخرى", ", ", " ,", " word, ", " word,", " و"]
    after = ["", " ", ".", ", then", " x", "x", "\n"]
    for regex, words, section in cases:
        assert words, section
        matched = refused = 0
        for phrase in _phrases(lang, section):
            for b in before:
                for a in after:
                    for p in (phrase, phrase.replace(" ", "  "), phrase.replace(" ", "\n")):
                        right = b + p + a
                        if regex.match(right):
                            matched += 1
                            assert holds_one_of(right, words), (right, words)
        for text in _texts(lang, 100):
            for k in range(len(text)):
                right = text[k:k + 80]
                if regex.match(right):
                    assert holds_one_of(right, words), right
                refused += not holds_one_of(right, words)
        assert matched >= 20 and refused >= 100


def test_key_words():
    from coder.quantities.recognise import holds_one_of, key_words
    # each phrase's longest word, less those that hold another
    assert key_words("en", {"a": ["or more", "at least"], "b": ["more", "about"]}) == ("about", "least", "more")
    assert key_words("en", {"a": ["or so", "plus"], "b": []}) == ("or", "plus")
    assert key_words("en", {"a": ["", "or so"]}) == ("or",)      # an empty phrase: left out, as the alternation does
    assert key_words("en", {"a": ["at least", "   "]}) is None   # a blank one: no test
    assert key_words("en", None) == ()
    assert holds_one_of("x at least", ("least",)) and not holds_one_of("x at last", ("least",))
    assert holds_one_of("anything", None) and not holds_one_of("anything", ())


# ---------------------------------------------------------------- quantities: the phone numbers' search

PHONES = {
    "en": ["Call +961 1 234 567 or 00 44 20 7946 0958; 12 people were killed and 3 wounded.",
           "The hotline 0800-123-4567 took 40 calls, 5 from 555 12 34, and 7 from +1-202-555-0143.",
           "In 2019, 25 soldiers and 300 civilians died; dial 112 233 445 for 10 more.",
           "Three men, 17 women and 20 children fled; 9 - 11 - 13 - 15 people, 3 4 5 6 7 8 9.",
           "Numbers 1234567 and 12 345 678 and 2 -3-4 5 were read, 8 were lost."],
    "ar": ["اتصل على +961 1 234 567 أو 00 44 20 7946 0958؛ قتل 12 شخصا وأصيب 3 آخرون.",
           "تلقى الخط الساخن 0800-123-4567 نحو 40 اتصالا، 5 منها من 555 12 34 و 7 من +1-202-555-0143.",
           "في عام 2019 قتل 25 جنديا و 300 مدني؛ اتصلوا بالرقم 112 233 445 لمعرفة 10 أخرى.",
           "فر ثلاثة رجال و 17 امرأة و 20 طفلا؛ 9 - 11 - 13 - 15 شخصا، 3 4 5 6 7 8 9.",
           "قرئت الأرقام 1234567 و 12 345 678 و 2 -3-4 5، وفقد 8."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_phone_numbers_searched_from_the_first_number_in_digits(lang):
    """The quantities found where the phone numbers are searched from the run of their characters
    that holds the first number in digits are those found where they are searched from the start."""
    from unittest import mock

    from coder.lang.numbers import folded
    from coder.quantities import recognise
    texts = PHONES[lang] + shuffled_samples(PHONES[lang], lang, 200, seed=230, longest=16)
    found = [recognise.find_quantities(t, lang, folded(t, lang)) for t in texts]
    with mock.patch.object(recognise, "_phone_run_start", lambda text, at: 0):
        assert [recognise.find_quantities(t, lang, folded(t, lang)) for t in texts] == found
    assert sum(map(len, found)) >= 100


def test_phone_run_start():
    from coder.quantities.recognise import _PHONE, _phone_run_start
    text = "call +961 1 234-567, or x00 44 ٢٠ 7946, 12"
    assert _phone_run_start(text, text.index("961")) == text.index(" +961")
    assert _phone_run_start(text, text.index("44")) == text.index("00 44")
    assert _phone_run_start(text, text.index("12")) == text.index(" 12")
    assert _phone_run_start(text, 0) == 0
    # every phone number lies in one run: it begins at or after the run start of each of its characters
    for m in _PHONE.finditer(text):
        assert all(_phone_run_start(text, k) <= m.start() for k in range(m.start(), m.end()))


# ---------------------------------------------------------------- folding: the offsets' map

MARKED = ["قُتِلَ ثلاثـــةُ جنودٍ في هجومٍ يومَ الجمعةِ الماضيةِ",
          "أعلنت الوزارةُ\u200f أن ٢٥ شخصاً قُتِلوا، وجُرِحَ ١٢ آخرون\u200e (أمسِ).",
          "ـــ بدأت المحادثاتُ في ٣ آذار ٢٠١٩ ـــ",
          "ًٌٍَُِّْ", "قتل جنود بلا علامات", "ـ"]


def _former_offsets(original: str, lang: str) -> list[int]:
    """numbers._offsets as it was: the original offset of each character of the folded text, and of its end."""
    from coder.lang.numbers import _fold_table
    table, changes_length = _fold_table(lang)
    index, pos = [], 0
    for m in changes_length.finditer(original):
        i = m.start()
        index.extend(range(pos, i))
        index.extend([i] * len(original[i].translate(table)))
        pos = i + 1
    index.extend(range(pos, len(original)))
    index.append(len(original))
    return index


@pytest.mark.parametrize("lang", LANGS)
def test_spans_from_the_characters_that_shift_are_those_of_the_former_map(lang):
    """Every folded offset of texts with marks, tatweel, format characters, ligatures that expand:
    the original offset the former map of every character gives, whether the text was folded
    through the code page (its dropped bytes read) or character by character."""
    import random

    from coder.lang.numbers import Folded, _shift_points
    rng = random.Random(23)
    pool = MARKED + ["ﻻ يزال ٣ جرحى ﻷن", "İstanbul: ﻻ 5 killed\u00ad on Friday", "ﬁve ﬂed", "plain text"]
    texts = pool + [" ".join(rng.sample(" ".join(pool).split(), rng.randint(1, 12))) for _ in range(300)]
    through_page = by_character = 0
    for text in texts:
        f = Folded(text, lang)
        if f._shifted is None:
            continue
        original, _, encoded = f._shifted
        expected = _former_offsets(original, lang)
        assert [f.span(k, k)[0] for k in range(len(f.text) + 1)] == expected, text
        assert [Folded(text, lang).span(0, k)[1] for k in range(len(f.text) + 1)] == expected, text
        if encoded is not None:
            through_page += 1
            assert _shift_points(original, lang, encoded) == _shift_points(original, lang)
        else:
            by_character += 1
    assert (through_page >= 50) == (lang == "ar") and by_character >= 30


# ---------------------------------------------------------------- numbers: small steps


def test_words_end_of_as_before():
    """words_end_of counts the non-word characters at the chunk's end back: the former search of \\W*$."""
    import re

    from coder.lang.numbers import words_end_of
    chunks = ["2019", "2019,", "(2019)", "word.", "كلمة،", "«سنتين»", "x_", "_", "...", "(", "٣٠٠.", "ﻻ.", "a\u0651.",
              "²,", "Ⅻ)", "a-", "-a", "أمس؛", "F-16", "e\u0301"]
    for chunk in chunks:
        for text in (chunk, f"a {chunk} b", f"{chunk} x {chunk}"):
            assert words_end_of(text, chunk) == text.rfind(chunk) + re.search(r"\W*$", chunk).start(), (text, chunk)


def test_digits_value_as_before():
    """_digits_value with its separator pattern compiled once: the values of the pattern given as a string."""
    import re

    from coder.lang.numbers import reader

    def former(r, digits, mult):
        grouped = re.sub(r"[,٬](?=\d{3})", "", digits).replace("٫", ".")
        if len(grouped) >= 8 and grouped.isdigit() and not mult:
            return None
        value = float(grouped) if "." in grouped else int(grouped)
        if mult:
            value *= r.hundreds.get(mult) or r.scales.get(mult) or 1
        if value != int(value):
            return None
        return int(value)
    for lang in LANGS:
        r = reader(lang)
        mults = [None] + list(r.scales)[:3] + list(r.hundreds)[:2]
        for digits in ("12", "1,200", "1٬200", "12,345,678", "12345678", "2.5", "2٫5", "1,200.5", "3.0"):
            for mult in mults:
                assert r._digits_value(digits, mult) == former(r, digits, mult), (digits, mult)


# ---------------------------------------------------------------- quantities: the signs glued to a number

MONEY = {
    "en": ["The fund lost $15 billion, US$ 6.5 billion and £3 million; €2 bn and US $ 40 went to 7 people.",
           "Costs rose to $ 5 million, then $1,200; 3 $ 4 and ($2) were paid, 12 € 5 and 8£."],
    "ar": ["خسر الصندوق $15 مليار دولار و 6.5 مليار يورو و €2 مليون و £3 لصالح 7 أشخاص.",
           "بلغت التكاليف $ 5 ملايين ثم $1,200 دولار، ودفع 3 $ 4 و ($2) و 12 € 5."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_signs_glued_to_a_number_blanked_as_before(lang):
    """The sign characters are no longer blanked where they are spaces (a space stays a space): the
    same quantities as where the space is among them, on texts of money and their words shuffled."""
    import re
    from unittest import mock

    from coder.lang.numbers import folded
    from coder.quantities.recognise import recogniser
    rec = recogniser(lang)
    texts = MONEY[lang] + shuffled_samples(MONEY[lang], lang, 200, seed=231, longest=14)
    found = [rec.find(t, folded(t, lang)) for t in texts]
    chars = " " + rec.sign_chars
    with mock.patch.object(rec, "sign_chars", chars), \
            mock.patch.object(rec, "sign_glued", re.compile(f"[{re.escape(chars)}](?=\\d)")):
        assert [rec.find(t, folded(t, lang)) for t in texts] == found
    assert " " not in rec.sign_chars and sum(q.unit == "money" for qs in found for q in qs) >= 20


# ---------------------------------------------------------------- dates: where the search starts

# dates after words no date holds, after words a date may hold (cues, numbers, clitics), after
# punctuation glued to a word, and at the text's start
DATES_AFTER_WORDS = {
    "en": ["Officials said on Friday that the talks of 3 March 2019 ended; troops left last week.",
           "Yesterday troops moved in, and two days ago (on Monday) they left, in May 2014.",
           "The army, which shelled the town in June, said this year that it would stay until 2020.",
           "Since last month, since 2011 and since three weeks ago the town (Friday) was quiet."],
    "ar": ["قال مسؤولون يوم الجمعة إن محادثات 3 آذار 2019 انتهت، وغادرت القوات الأسبوع الماضي.",
           "أمس دخلت القوات المدينة، وقبل يومين (الاثنين) غادرتها، في أيار 2014.",
           "قال الجيش الذي قصف البلدة في حزيران هذا العام إنه باق حتى 2020.",
           "منذ الشهر الماضي ومنذ 2011 وقبل ثلاثة أسابيع كانت البلدة (الجمعة) هادئة، وبالأمس أيضا."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_search_starts_after_a_word_no_date_holds(lang):
    """find_all, whose search starts after the word of letters before the date's words that no date
    holds: every match (span, rule, groups) of the whole text searched from its start; and the start
    lies past that word, where the former start (the word's own) was before it."""
    import re

    from coder.dates import date_rules
    from coder.lang.numbers import text_chunks
    rules = date_rules(lang)
    texts = shuffled_samples(DATES_AFTER_WORDS[lang], lang, 400, seed=232, longest=20)
    later = 0
    for text in texts:
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in rules.find_all(text)]
        assert found == [(m.span(), m.lastgroup, m.groupdict()) for m in rules.regex.finditer(text)], text
        start = _window_begin(rules, text)
        if start:
            chunks = text_chunks(text)
            first = rules.gate.first_admitting(chunks)
            # (the former start: the chunk where the walk back over the words a date may hold stops;
            # a chunk's text found first where it is, or before: either start finds every date)
            k = first - 1
            while k >= 0 and (chunks[k] in rules.inside_words if chunks[k].isalpha()
                              else rules.inside_words.issuperset(re.findall(r"[^\W\d_]+", chunks[k]))):
                k -= 1
            former = text.find(chunks[k]) if k > 0 else 0
            later += start > former
    assert later >= 100


# ---------------------------------------------------------------- numbers: each match's groups read once

NUMBERS = {
    "en": ["Some 1,200 people, tens of thousands of others, 5 million dollars, 3.5 km and twenty-five men.",
           "Three hundred and 12, 2.0 billion, 7,000,000, hundreds of soldiers and a million more, 10 000."],
    "ar": ["نحو 1,200 شخص وعشرات الآلاف و 5 ملايين دولار و 3.5 كم وخمسة وعشرون رجلا.",
           "ثلاثمئة و 12 و 2.0 مليار و ٧٠٠٠ ومئات الجنود ومليون آخرون وأحد عشر طفلا و 25 ألفا."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_read_as_before(lang):
    """NumberReader.find: the numbers (every field) that the former reading of each match gives, each
    group asked by name again at each use, over the whole text."""
    from coder.lang.numbers import NumberMatch, reader
    r = reader(lang)

    def former(text):
        out = []
        for m in (r.regex.finditer(text) if r.gate.admits(text) else ()):
            if m.group("vague"):
                key = " ".join(m.group("vague").split())
                out.append(NumberMatch(m.start("vague"), m.end("vague"), r.vague[key], True, True, m.group("vague")))
            elif m.group("digits"):
                value = r._digits_value(m.group("digits"), m.group("mult"))
                if value is not None:
                    end = m.end("mult") if m.group("mult") else m.end("digits")
                    out.append(NumberMatch(m.start("digits"), end, value, False, False, text[m.start("digits"):end]))
            else:
                out.extend(r._words(text, m.start("words"), m.group("words")))
        return out
    texts = shuffled_samples(NUMBERS[lang], lang, 300, seed=233, longest=16)
    kinds = set()
    for text in texts:
        found = r.find(text)
        assert found == former(text), text
        kinds.update((n.vague, n.words, " " in n.text) for n in found)
    assert len(kinds) >= 4
