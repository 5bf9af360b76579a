"""The front stages' fifteenth speed round (coder/quantities, coder/dates, coder/lang, coder/recognise):
each rewritten function is checked against the logic it had (a reference copy here, or the plain
regex search it stands for) on sentences and words written for these tests."""
from __future__ import annotations

import pytest

from coder.quantities.recognise import AtEnd, last_words_of, find_quantities, recogniser

LANGS = ("ar", "en")

SENTENCES = {
    "en": ["Police arrested more than 12 protesters in Cairo on 3 March 2019, and about 40 were injured.",
           "At least 25 people were killed and dozens wounded when gunmen opened fire, approx. 3 km away.",
           "The U.N. Resolution 2254 calls for talks; no. 5 brigade lost nearly $15 billion in 2014.",
           "Some 300 families fled the town (around 1,200 people), officials said on June 5.",
           "Three soldiers and twenty-five militants died; up to 7 ( 8 ) were held."],
    "ar": ["اعتقلت الشرطة المصرية أكثر من 12 متظاهرا في القاهرة، وأصيب نحو 40 شخصا.",
           "قتل ما لا يقل عن 25 شخصا وجرح العشرات عندما فتح مسلحون النار على حافلة.",
           "دعا القرار الأممي 2254 إلى محادثات، وقتل 7 جنود في 3 آذار 2019 قرب حلب.",
           "نزحت حوالي 300 عائلة من البلدة (قرابة 1200 شخص) بحسب مسؤولين محليين.",
           "قتل ثلاثة جنود وخمسة وعشرون مسلحا، واعتقلت القوات 17 شخصا بتهمة الانتماء."],
}


# ---------------------------------------------------------------- AtEnd.last_words


def _patterns(lang: str) -> list[AtEnd]:
    return [p for p in vars(recogniser(lang)).values() if isinstance(p, AtEnd)]


def _phrases_of(lang: str) -> list[str]:
    """Every phrase of the quantities' and months' word lists, normalised."""
    from coder.lang import profile
    from coder.lang.numbers import load_lexicon
    norm = profile(lang).normalise
    data = load_lexicon(lang, "quantities")
    out = []
    for key, value in data.items():
        for phrases in (value.values() if isinstance(value, dict) else [value]):
            if isinstance(phrases, list):
                out += [norm(p) for p in phrases if isinstance(p, str)]
    for names in (load_lexicon(lang, "dates").get("months") or {}).values():
        out += [norm(w) for w in names]
    return out


def _lefts(lang: str) -> list[str]:
    """Texts before a number: every listed phrase at the end, glued to what comes before it or after
    a clitic, followed by what the patterns let stand after it ("(", ".", runs of white space, a line
    break), or by a word; and the folded text before each number of the sentences above."""
    import coder.lang.numbers as numbers
    before = ["", "x ", "said ", "قال ", "(", "و", "ب", "وب"]
    after = ["", " ", ".", ". ", " (", "(", "( ", " ( ", ".\n", "..", ".(", " .", "\u2028", "\t(\t", "x",
             # words after the phrase, which the tolls and the patterns with a gap read
             " word", " word (", " word two", "  word\ttwo. ", " one two three four", " one two three four (",
             " one two three four five", " 12 word", " word 12", " كلمة", " كلمة أخرى", " كلمة أخرى ثالثة"]
    out = []
    for phrase in _phrases_of(lang):
        for b in before:
            for a in after:
                out.append(b + phrase + a)
        out.append(phrase.replace(" ", "  ") + " ")
        out.append(phrase[:-1] + " ")   # the phrase less its last letter
    for text in SENTENCES[lang]:
        f = numbers.folded(text, lang).text
        for num in numbers.reader(lang).find(f):
            left = f[max(0, num.start - 80):num.start]
            out += [left, left.rstrip() + " (", left + "\n", left.rstrip() + ".."]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_searches_that_test_the_last_word_find_what_the_plain_search_finds(lang):
    # a pattern whose phrase ends the text is searched only where the text ends with one of the
    # phrases' last words: the same match (span and groups) as the regex searched over the whole text
    patterns = _patterns(lang)
    tested = [p for p in patterns if p.last_words is not None]
    assert len(tested) >= 5 and any(p.words_after for p in tested)
    found = skipped = 0
    for left in _lefts(lang):
        for p in patterns:
            got, want = p.search(left), p.regex.search(left)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), \
                (left, p.regex.pattern[:80])
            found += want is not None
            skipped += want is None
    assert found > 100 and skipped > 100


def test_last_words_by_last_character():
    assert last_words_of(["more than", "about", "approx."], ["up to"]) == {
        "n": ("than",), "t": ("about",), "x": ("approx",), "o": ("to",)}
    assert last_words_of(["a(", "b."], ["c.("]) == {"a": ("a",), "b": ("b",), "c": ("c",)}
    assert last_words_of(["", "at"]) == {"t": ("at",)}    # an empty phrase: left out, as the alternation does
    assert last_words_of(["at", "   "]) is None           # a blank one: no test
    assert last_words_of(["at", "x ."]) is None           # a last word of "(" or "." alone: no test
    assert last_words_of([]) == {}


# the quantities the sentences above had before the round (value, qualifier, unit, start, end, text)
EXPECTED = {
    "en": [
        [(12, 'at_least', 'detainees', 16, 39, 'more than 12 protesters'), (40, 'approx', 'injured', 70, 91, 'about 40 were injured')],
        [(25, 'at_least', 'killed', 0, 18, 'At least 25 people'), (10, 'vague', 'injured', 35, 49, 'dozens wounded')],
        [(15000000000, 'approx', 'money', 61, 79, 'nearly $15 billion')],
        [(300, 'approx', 'families', 0, 17, 'Some 300 families'), (1200, 'approx', 'people', 33, 52, 'around 1,200 people')],
        [(3, 'exact', 'soldiers', 0, 14, 'Three soldiers'), (25, 'exact', 'killed', 19, 40, 'twenty-five militants'), (7, 'at_most', 'other', 47, 54, 'up to 7'), (8, 'exact', 'other', 57, 58, '8')],
    ],
    "ar": [
        [(12, 'at_least', 'detainees', 22, 40, 'أكثر من 12 متظاهرا'), (40, 'approx', 'injured', 59, 70, 'نحو 40 شخصا')],
        [(25, 'at_least', 'killed', 4, 24, 'ما لا يقل عن 25 شخصا'), (10, 'vague', 'injured', 30, 37, 'العشرات')],
        [(7, 'exact', 'killed', 41, 47, '7 جنود')],
        [(300, 'approx', 'families', 5, 20, 'حوالي 300 عائلة'), (1200, 'approx', 'people', 32, 46, 'قرابة 1200 شخص')],
        [(3, 'exact', 'killed', 4, 14, 'ثلاثة جنود'), (25, 'exact', 'fighters', 16, 33, 'خمسة وعشرون مسلحا'), (17, 'exact', 'detainees', 50, 57, '17 شخصا')],
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_quantities_of_the_sentences_as_before(lang):
    got = [[(q.value, q.qualifier, q.unit, q.start, q.end, q.text) for q in find_quantities(t, lang)]
           for t in SENTENCES[lang]]
    assert got == EXPECTED[lang]


# ---------------------------------------------------------------- dates: the resolvers' slots

DATE_SENTENCES = {
    "en": ["The army shelled the town on Friday, and again last Monday; talks resume next Tuesday.",
           "Protesters gathered on 3 March 2019 and again on June 5, in May, last June and this August.",
           "Three days ago police arrested two men; a week ago, yesterday and today others were held.",
           "The attack of 12/04/2018 and the one in 2016 were recalled, as was the first of May.",
           "Twenty-five days ago, two weeks ago and last month, officials met; next year they meet again."],
    "ar": ["قصف الجيش البلدة يوم الجمعة، ثم الاثنين الماضي، وتستأنف المحادثات الثلاثاء المقبل.",
           "تظاهر محتجون في 3 آذار 2019 ثم في 5 حزيران، وفي أيار الماضي وفي آب الجاري.",
           "اعتقلت الشرطة رجلين قبل ثلاثة أيام، وقبل أسبوع، وأمس واليوم اعتقلت آخرين.",
           "أعيد التذكير بهجوم 12/04/2018 وبهجوم عام 2016 وبما جرى في الأول من أيار.",
           "التقى المسؤولون قبل خمسة وعشرين يوما وقبل أسبوعين والشهر الماضي، ويلتقون العام المقبل."],
}

# the dates the sentences above had before the round, published 5 August 2019 and with no date given
# (value, precision, start, end, text)
DATES = {
    "en": [
        [('2019-08-02', 'day', 29, 35, 'Friday'), ('2019-07-29', 'day', 52, 58, 'Monday'), ('2019-08-06', 'day', 78, 85, 'Tuesday')],
        [],
        [('2019-03-03', 'day', 23, 35, '3 March 2019'), ('2019-06-05', 'day', 49, 55, 'June 5'), ('2019-05-01', 'month', 60, 63, 'May'), ('2019-06-01', 'month', 70, 74, 'June'), ('2019-08-01', 'month', 84, 90, 'August')],
        [('2019-03-03', 'day', 23, 35, '3 March 2019')],
        [('2019-08-02', 'day', 0, 14, 'Three days ago'), ('2019-07-29', 'day', 40, 50, 'a week ago'), ('2019-08-04', 'day', 52, 61, 'yesterday'), ('2019-08-05', 'day', 66, 71, 'today')],
        [],
        [('2016-01-01', 'year', 40, 44, '2016')],
        [('2016-01-01', 'year', 40, 44, '2016')],
        [('2019-07-11', 'day', 0, 20, 'Twenty-five days ago'), ('2019-07-22', 'day', 22, 35, 'two weeks ago'), ('2019-07-01', 'month', 40, 50, 'last month')],
        [],
    ],
    "ar": [
        [('2019-08-02', 'day', 21, 27, 'الجمعة'), ('2019-07-29', 'day', 32, 46, 'الاثنين الماضي'), ('2019-08-06', 'day', 66, 81, 'الثلاثاء المقبل')],
        [],
        [('2019-03-03', 'day', 16, 27, '3 آذار 2019'), ('2019-06-05', 'day', 34, 42, '5 حزيران'), ('2019-05-01', 'month', 48, 59, 'أيار الماضي'), ('2019-08-01', 'month', 64, 73, 'آب الجاري')],
        [('2019-03-03', 'day', 16, 27, '3 آذار 2019')],
        [('2019-08-02', 'day', 20, 34, 'قبل ثلاثة أيام'), ('2019-07-29', 'day', 37, 46, 'قبل أسبوع'), ('2019-08-04', 'day', 49, 52, 'أمس'), ('2019-08-05', 'day', 54, 59, 'اليوم')],
        [],
        [('2018-04-12', 'day', 19, 29, '12/04/2018'), ('2016-01-01', 'year', 41, 45, '2016'), ('2019-05-01', 'day', 58, 71, 'الأول من أيار')],
        [('2018-04-12', 'day', 19, 29, '12/04/2018'), ('2016-01-01', 'year', 41, 45, '2016')],
        [('2019-07-11', 'day', 16, 36, 'قبل خمسة وعشرين يوما'), ('2019-07-22', 'day', 38, 49, 'قبل أسبوعين'), ('2019-07-01', 'month', 51, 63, 'الشهر الماضي')],
        [],
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_dates_of_the_sentences_as_before(lang):
    # every resolver (calendar, weekday, shift, relative) reads its slots through rules.slot itself
    import datetime as dt

    from coder.dates import find_dates
    got = [[(d.value.isoformat(), d.precision, d.start, d.end, d.text) for d in find_dates(t, lang, published)]
           for t in DATE_SENTENCES[lang] for published in (dt.date(2019, 8, 5), None)]
    assert got == DATES[lang]


# ---------------------------------------------------------------- ar.refers_back


def test_refers_back_is_the_words_own_answer_cold_and_warm():
    # refers_back reads _owned's kept answer itself: the answer of the question on the word, whether
    # kept before (by _owned, word_features) or not
    from coder.lang import ar
    texts = SENTENCES["ar"] + ["أعلن الجيش أن قواته وجنودها ومرتزقته دخلوا المدينة مع محافظة حلب وقادتهم."]
    for ask_first in (None, ar._owned, ar.word_features):
        ar._owned.answers.clear()
        for text in texts:
            toks = ar.tokenise(text)
            if ask_first is not None:
                for t in toks[::2]:
                    ask_first(t)
            want = [ar._owned.__wrapped__(t) for t in toks]
            assert [ar.refers_back(toks, i) for i in range(len(toks))] == want
            assert [ar.refers_back(toks, i) for i in range(len(toks))] == want
    assert any(ar._owned.__wrapped__(t) for t in ar.tokenise(texts[-1]))


# ---------------------------------------------------------------- tokens_by: the chunk's length kept


def _tokens_as_before(text, word, normalise, forms, cache):
    """tokens_by as it was: each chunk's length counted at each token, the entry (chunk, norm, forms)."""
    from coder.lang.common import _Words
    out = []
    chunks = text.split()
    one_space = len(text) == len("".join(chunks)) + len(chunks) - 1
    end = -1
    for chunk in chunks:
        base = end + 1 if one_space else text.find(chunk, end + 1)
        end = base + len(chunk)
        known = cache.get(chunk)
        if known is None:
            known = cache[chunk] = _words_as_before(chunk, word, normalise, forms, cache)
        if type(known) is not _Words:
            out.append((known[0], base, end, known[1], known[2]))
            continue
        for start, stop, raw, norm, lookup in known:
            out.append((raw, base + start, base + stop, norm, lookup))
    return out


def _words_as_before(chunk, word, normalise, forms, cache):
    from coder.lang.common import _NO_WORDS, _Words
    if chunk.isalpha() or ((m := word.match(chunk)) is not None and m.end() == len(chunk)):
        norm = normalise(chunk)
        if not norm:
            return _NO_WORDS
        found = forms(norm, chunk)
        return chunk, norm, tuple(filter(None, found))
    out = []
    for m in word.finditer(chunk):
        alone = cache.get(m[0])
        if alone is None:
            alone = cache[m[0]] = _words_as_before(m[0], word, normalise, forms, cache)
        if alone:
            out.append((*m.span(), *alone))
    return _Words(out)


@pytest.mark.parametrize("lang", LANGS)
def test_tokens_with_the_kept_length_are_the_tokens_before(lang):
    from coder.lang import ar, en
    from coder.lang.common import tokens_by
    prof = ar if lang == "ar" else en
    forms = prof._forms_of_word if prof is ar else prof._forms
    texts = SENTENCES[lang] + DATE_SENTENCES[lang]
    texts += ["  " + t.replace(" ", "\t ", 3) + "\n" for t in texts] + ["", "   ", "(AFP) --", "قال: «نعم»."]
    new_cache: dict = {}
    old_cache: dict = {}
    for _ in range(2):   # cold, then from the cache
        for text in texts:
            got = [(t.text, t.start, t.end, t.norm, t.forms)
                   for t in tokens_by(text, prof._WORD, prof.normalise, forms, new_cache)]
            assert got == _tokens_as_before(text, prof._WORD, prof.normalise, forms, old_cache), text
    from coder.lang.common import _Words
    from coder.model import WordMemo
    for chunk, entry in new_cache.items():
        if type(entry) is not _Words:   # one word: (its text, norm, forms, length, memo)
            assert len(entry) == 5 and entry[0] == chunk and entry[3] == len(chunk) and type(entry[4]) is WordMemo


# ---------------------------------------------------------------- dates/markers.py: _scan


def _scan_as_before(tokens, lang):
    """markers._scan as it was: every word's answer in a list, then any() and compress() over it."""
    from itertools import compress

    from coder.dates.markers import _NO_MARKS, _by_first
    words = {}
    first_of = _by_first(lang).get
    for t in tokens:
        found = ()
        for f in t.forms:
            keys = first_of(f)
            if keys:
                found += tuple(keys)
        words[t.text] = found
    starts = [words[t.text] for t in tokens]
    per_field = tuple(map(list, _NO_MARKS))
    if not any(starts):
        return per_field
    found = []
    end = len(tokens)
    for i in compress(range(end), starts):
        for k, n, rest in starts[i]:
            j = i
            for key in rest:
                j += 1
                if j == end or tokens[j].norm != key:
                    break
            else:
                found.append((k, n, i, tokens[i].start))
    for k, _, i, start in sorted(set(found)):
        per_field[k].append((i, start))
    return per_field


MARKER_SENTENCES = {
    "en": ["After the talks, and since Monday, police held them until Friday, days after the attack.",
           "Before the news broke, in the years after 2011 and since then, nothing changed until now.",
           "In the wake of the strike and in response to it, troops moved in, following orders, till dawn.",
           "In the city, in retaliation for nothing, earlier reports said the wake was held in the hall.",
           "No marker here at all."],
    "ar": ["بعد المحادثات، ومنذ الاثنين، احتجزتهم الشرطة حتى الجمعة، بعد أيام من الهجوم.",
           "وفي الأعوام التي تلت 2011 ومنذ ذلك الحين، لم يتغير شيء حتى الآن، وعقب الهجوم وإثر ذلك.",
           "في أعقاب الغارة، واثر ذلك، وبعيد منتصف الليل، بقي الحصار لغاية الصباح وحتى الظهر.",
           "في المدينة وفي أعقابها، قتل مسلحون عقب الهجوم جنديا في الموقع.",
           "لا شيء هنا."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_marker_scan_as_before_cold_and_warm(lang):
    import coder.dates.markers as markers
    from coder.lang import profile
    prof = profile(lang)
    texts = MARKER_SENTENCES[lang] + SENTENCES[lang] + DATE_SENTENCES[lang]
    markers._WORDS.pop(lang, None)
    hits = 0
    for _ in range(2):   # every word new, then known
        for text in texts:
            toks = prof.tokenise(text)
            want = _scan_as_before(toks, lang)
            assert markers._scan(toks, lang)[2] == want, text
            assert [markers.marker_starts(toks, lang, f) for f in markers.FIELDS] == list(want), text
            hits += any(want)
    assert hits >= 8
