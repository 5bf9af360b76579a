"""The front stages' eighteenth speed round (coder/dates/rules.py, coder/lang/numbers.py): each rewritten
piece is checked against the logic it had (a reference copy here) on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_front_speed16 import shuffled_samples
from tests.test_front_speed17 import DATE_SENTENCES, _former_matches

LANGS = ("ar", "en")

# more dates, several a sentence, at its end and before punctuation, so that a search stopped after
# one that ends past the last word the gate admits is met, and one that goes on to the next date
MORE_DATES = {
    "en": ["On Monday troops moved in, and on Friday, three days ago, they left.",
           "Talks began on 3 March 2019 and ended on 5 June 2019.",
           "He said the raid took place yesterday (Tuesday).",
           "Rebels, who seized the town in 2014, said last week that they would hold it until 2020.",
           "The army said it shelled the town two weeks ago; the rebels said last month."],
    "ar": ["دخلت القوات المدينة يوم الاثنين، وغادرتها يوم الجمعة قبل ثلاثة أيام.",
           "بدأت المحادثات في 3 آذار 2019 وانتهت في 5 حزيران 2019.",
           "وقال إن الغارة وقعت أمس (الثلاثاء).",
           "وقال المسلحون الذين سيطروا على البلدة عام 2014 الأسبوع الماضي إنهم باقون حتى 2020.",
           "قال الجيش إنه قصف البلدة قبل أسبوعين؛ وقال المسلحون الشهر الماضي."],
}


def _texts(lang: str, n: int = 400) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (dates, cues and counts at every place)."""
    return shuffled_samples(DATE_SENTENCES[lang] + MORE_DATES[lang], lang, n, seed=18, longest=24)


# ---------------------------------------------------------------- DateRules.find_all

@pytest.mark.parametrize("lang", LANGS)
def test_find_all_finds_the_dates_the_whole_search_finds(lang):
    """The matches (spans, rule, every group) of the whole text searched where the gate admits, as
    scan found them before; the search stops early in many texts, and several dates are found in many."""
    from coder.dates import date_rules
    from coder.lang.numbers import text_chunks
    rules = date_rules(lang)
    stopped = several = 0
    for text in _texts(lang):
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in rules.find_all(text)]
        assert found == _former_matches(rules, text), text
        if found:
            chunks = text_chunks(text)
            last = chunks[rules.gate.last_admitting(chunks)]
            stopped += found[-1][0][1] < len(text) and found[-1][0][1] >= text.rfind(last)
            several += len(found) > 1
    assert stopped >= 50 and several >= 20


@pytest.mark.parametrize("lang", LANGS)
def test_scan_finds_the_dates_as_before(lang):
    from coder.dates import date_rules, scan
    rules = date_rules(lang)
    for text in DATE_SENTENCES[lang] + MORE_DATES[lang]:
        folded, matches = scan(text, lang)
        assert [(m.span(), m.lastgroup, m.groupdict()) for m in matches] == _former_matches(rules, folded.text)


@pytest.mark.parametrize("lang", LANGS)
def test_find_dates_as_before(lang):
    """The resolved dates of the hand-written sentences: those of the whole search, resolved alike."""
    import datetime as dt

    from coder.dates import date_rules, find_dates
    from coder.dates.resolve import resolve
    rules = date_rules(lang)
    published = dt.date(2019, 8, 5)
    for text in DATE_SENTENCES[lang] + MORE_DATES[lang]:
        got = [(d.value, d.precision, d.text) for d in find_dates(text, lang, published)]
        from coder.lang.numbers import folded as fold
        whole = list(rules.regex.finditer(fold(text, lang).text))
        want = [v[:2] for m in whole if (v := resolve(rules, rules.rules[int(m.lastgroup[1:])], m, published))]
        assert [g[:2] for g in got] == want, text


# ---------------------------------------------------------------- WordGate.last_admitting

@pytest.mark.parametrize("lang", LANGS)
def test_last_admitting_is_the_last_chunk_that_admits(lang):
    """On fresh gates (chunks first seen after the first that admits) and on gates that know them: the
    index of the last chunk `admits` says yes of, alone."""
    from coder.dates import date_rules
    from coder.lang.numbers import WordGate, reader, text_chunks
    for source in (date_rules(lang).gate, reader(lang).gate):
        gate, alone = (WordGate(source.words, also=source.also) for _ in range(2))
        gate.words = alone.words = source.words   # (the words as built, prefixes included)
        met = 0
        for _ in range(2):   # first sight, then every chunk known
            for text in _texts(lang):
                chunks = text_chunks(text)
                if gate.first_admitting(chunks) is None:
                    continue
                want = max(k for k, c in enumerate(chunks) if alone.admits(c))
                assert gate.last_admitting(chunks) == want, text
                met += want < len(chunks) - 1
        assert met >= 50


# ---------------------------------------------------------------- NumberReader.find

NUMBER_SENTENCES = {
    "en": ["Police said 14 people were killed and 25 wounded, and that 3 of them died later.",
           "About three hundred soldiers, two thousand volunteers and tens of thousands of people joined.",
           "Officials said 1,200 homes and 40 shops were destroyed, and 7.",
           "The army seized $15 million (about 12 tonnes of gold) and 3,500 rounds."],
    "ar": ["قالت الشرطة إن 14 شخصا قتلوا وأصيب 25 آخرون، وتوفي 3 منهم لاحقا.",
           "شارك نحو ثلاثمائة جندي وألفا متطوع وعشرات الآلاف من الناس.",
           "وقال المسؤولون إن 1200 منزل و40 متجرا دمرت، و7.",
           "أفرج المسلحون عن اثني عشر رهينة وخمسة جنود (بينهم ضابطان)."],
}


def _former_numbers(r, text: str) -> list[tuple]:
    """NumberReader.find as it searched before: the whole text, where the gate admits it."""
    found = list(r.regex.finditer(text)) if r.gate.admits(text) else []
    out = []
    for m in found:
        if m.group("vague"):
            out.append((m.start("vague"), m.end("vague"), r.vague[" ".join(m.group("vague").split())], True))
        elif m.group("digits"):
            value = r._digits_value(m.group("digits"), m.group("mult"))
            if value is not None:
                out.append((m.start("digits"), m.end("mult") if m.group("mult") else m.end("digits"), value, False))
        else:
            out += [(n.start, n.end, n.value, False) for n in r._words(text, m.start("words"), m.group("words"))]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_found_as_the_whole_search_finds_them(lang):
    """The numbers (spans, values) of the whole text searched, on the sentences and their words
    shuffled; the search stops before the text's end in many, after several numbers in many."""
    from tests.test_front_speed16 import SENTENCES
    from coder.lang.numbers import reader
    r = reader(lang)
    texts = shuffled_samples(SENTENCES[lang] + NUMBER_SENTENCES[lang], lang, 400, seed=18, longest=20)
    before_end = several = 0
    for text in texts:
        found = [(n.start, n.end, n.value, n.vague) for n in r.find(text)]
        assert found == _former_numbers(r, text), text
        before_end += bool(found) and found[-1][1] < len(text.rstrip(" .)"))
        several += len(found) > 1
    assert before_end >= 50 and several >= 50
    assert r.value_of("14") == 14 and r.value_of("14 3") is None
