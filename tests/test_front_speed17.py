"""The front stages' seventeenth speed round (coder/records.py, ...): each rewritten piece is checked
against the logic it had (a reference copy here) or against what the round before made, on sentences
written for these tests."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from coder import records
from tests.test_front_speed16 import MATCHER_SENTENCES, _former_match, _mention_fields, shuffled_samples

LANGS = ("ar", "en")


# ---------------------------------------------------------------- Mention with slots

@dataclasses.dataclass
class _FormerMention:
    """Mention as it was: a dataclass without slots, its last two fields' defaults in the class."""
    kind: str
    first: int
    last: int
    start: int
    end: int
    text: str
    entry: object
    rule_id: str = ""
    first_form: int = 0


def _as_former(m: records.Mention) -> _FormerMention:
    return _FormerMention(*dataclasses.astuple(m))


@pytest.mark.parametrize("args", [
    ("actor", 1, 2, 4, 12, "Iraq army", None),
    ("trigger", 0, 0, 0, 4, "قصف", "entry", "r12"),
    ("grammar", 3, 3, 9, 11, "in", None, "", 2),
])
def test_mention_is_the_dataclass_it_was(args):
    m, former = records.Mention(*args), _FormerMention(*args)
    assert dataclasses.astuple(m) == dataclasses.astuple(former)
    assert [f.name for f in dataclasses.fields(m)] == [f.name for f in dataclasses.fields(former)]
    assert repr(m) == repr(former).replace("_FormerMention", "Mention")
    assert m == records.Mention(*dataclasses.astuple(m)) and m != dataclasses.replace(m, last=m.last + 1)
    assert records.Mention(**dataclasses.asdict(former)) == m
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(TypeError):
        hash(m)


def test_mention_defaults_and_slots():
    m = records.Mention("actor", 1, 2, 4, 12, "Iraq army", None)
    assert (m.rule_id, m.first_form) == ("", 0)
    assert not hasattr(m, "__dict__")   # (the point: no values array an instance)
    with pytest.raises(AttributeError):
        m.other = 1
    with pytest.raises(TypeError):
        records.Mention("actor", 1, 2, 4, 12, "Iraq army")   # (entry has no default, as before)


@pytest.mark.parametrize("lang", LANGS)
def test_matcher_mentions_equal_the_former_records(lang):
    """The matcher's mentions, field by field, as the round before's matcher made them, and each
    equal to the former dataclass built from its fields."""
    from coder.lexicon.load import load
    from coder.pipeline import sentences
    from coder.recognise.matcher import match
    trie = load(lang).trie
    for text in MATCHER_SENTENCES[lang]:
        for sent in sentences(text, lang):
            new = match(trie, sent.tokens, sent.text, True)
            former = _former_match(trie, sent.tokens, sent.text)
            assert [_mention_fields(m) for m in new] == [_mention_fields(m) for m in former], text
            assert [_as_former(m) for m in new] == [_as_former(m) for m in former]


# ---------------------------------------------------------------- the date regex searched from where a date may begin

DATE_SENTENCES = {
    "en": ["Police said on Monday that three days ago the army shelled the town.",
           "The talks held in Geneva on 3 March 2019 ended without a deal, officials said.",
           "Rebels said that in early August they seized the town after two weeks of fighting.",
           "He was arrested two weeks ago and released last night, his lawyer said on Tuesday.",
           "The ministry said the attack took place the day before yesterday near the border.",
           "A spokesman said the summer of 2014 was the worst, and that since June 5 no one had left.",
           "No one was hurt when the convoy was stopped near the bridge."],
    "ar": ["قالت الشرطة إن الجيش قصف البلدة قبل ثلاثة أيام.",
           "وانتهت المحادثات التي عقدت في جنيف في 3 آذار 2019 دون اتفاق.",
           "وقال المتحدث إن القوات دخلت المدينة يوم الجمعة الماضي.",
           "اعتقل الرجل قبل أسبوعين وأفرج عنه مساء أمس، بحسب محاميه.",
           "وأعلنت الوزارة منذ مطلع شهر يناير الماضي عن خطة جديدة للعام 2020.",
           "قتل خمسة أشخاص في هجوم وقع في الخامس من حزيران الماضي قرب الحدود، الأحد.",
           "لم يصب أحد بأذى عندما توقفت القافلة قرب الجسر."],
}


def _date_samples(lang: str, n: int = 400) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (dates, cues and counts at every place)."""
    return shuffled_samples(DATE_SENTENCES[lang], lang, n, seed=17, longest=20)


def _former_matches(rules, text: str) -> list[tuple]:
    """The date regex's matches as scan found them before: the whole text searched where the gate admits."""
    found = rules.regex.finditer(text) if rules.gate.admits(text) else ()
    return [(m.span(), m.lastgroup, m.groupdict()) for m in found]


def _window_begin(rules, text: str) -> int | None:
    """Where the dates' window begins in a text (the first chunk _window_start gives for the first
    chunk the gate admits, found in the text), or None where the gate admits none: what
    DateRules.search_start answered before find_all took over its job."""
    from coder.lang.numbers import text_chunks
    chunks = text_chunks(text)
    first = rules.gate.first_admitting(chunks)
    if first is None:
        return None
    k = rules._window_start(chunks, first, 0)
    return text.find(chunks[k]) if k > 0 else 0


@pytest.mark.parametrize("lang", LANGS)
def test_date_search_start_finds_the_same_dates(lang):
    from coder.dates import date_rules
    rules = date_rules(lang)
    assert rules.inside_words   # (worked out for both languages' rules: the search starts later)
    later = 0
    for text in _date_samples(lang):
        begin = _window_begin(rules, text)
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in rules.find_all(text)]
        assert found == _former_matches(rules, text), text
        assert (begin is None) == (not rules.gate.admits(text))
        if begin:
            assert all(s >= begin for (s, _), _, _ in found)
            later += 1
    assert later >= 50


@pytest.mark.parametrize("lang", LANGS)
def test_scan_as_before(lang):
    from coder.dates import scan
    from coder.dates import date_rules
    rules = date_rules(lang)
    for text in DATE_SENTENCES[lang]:
        folded, matches = scan(text, lang)
        assert [(m.span(), m.lastgroup) for m in matches] == \
            [(span, group) for span, group, _ in _former_matches(rules, folded.text)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_date_holds_only_inside_words(lang):
    """The letter runs of every date found are among those letter_runs says a match can hold."""
    import re
    from coder.dates import date_rules
    rules = date_rules(lang)
    for text in _date_samples(lang):
        for m in rules.regex.finditer(text):
            assert set(re.findall(r"[^\W\d_]+", m.group())) <= rules.inside_words, m.group()


@pytest.mark.parametrize("pattern,runs", [
    (r"(?<!\w)(?:ab|c)\s+d[\s-]+(?:e|fg)?h\d+(?=x)", {"ab", "c", "d", "eh", "fgh", "h"}),
    (r"(?:a\s)+", {"a"}),
    (r"[ab1]{2}", {"a", "b", "aa", "ab", "ba", "bb"}),
    (r"x(?:\s[ab]){0,5}", {"x", "a", "b"}),
    (r"(?:ال)?عام\s+\d{4}", {"عام", "العام"}),
    (r"a+", None),              # letters repeated without a separator: no bound
    (r"[^x]", None),            # a negated class
    (r"\w\s", None),
    (r"(?i:ab)", None),         # inline flags
    (r"(?i)ab", None),
    (r"(?a)ab", None),
    (r"(a)\1", None),           # a back-reference
])
def test_letter_runs(pattern, runs):
    from coder.dates.first_chars import letter_runs
    assert letter_runs(pattern) == (None if runs is None else frozenset(runs))


# ---------------------------------------------------------------- WordGate.first_admitting

def _former_first_admitting(gate, chunks):
    """WordGate.first_admitting as it was: every chunk's answer known first, then the first that admits."""
    if not gate._known.issuperset(chunks):
        gate._learn(chunks)
    if gate._admitting.isdisjoint(chunks):
        return None
    for k, chunk in enumerate(chunks):
        if chunk in gate._admitting:
            return k


@pytest.mark.parametrize("lang", LANGS)
def test_first_admitting_as_before(lang):
    """On fresh gates (each chunk first seen at every place of a text, before and after the first that
    admits) and on gates that know every chunk, the same index as the former method, and the same
    answers kept."""
    from coder.dates import date_rules
    from coder.lang.numbers import WordGate, reader, text_chunks
    for source in (date_rules(lang).gate, reader(lang).gate):
        new, former = (WordGate(source.words, also=source.also) for _ in range(2))
        new.words = former.words = source.words   # (the words as built, prefixes included)
        texts = _date_samples(lang)
        for _ in range(2):   # first sight, then every chunk known
            for text in texts:
                chunks = text_chunks(text)
                assert new.first_admitting(chunks) == _former_first_admitting(former, chunks), text
                assert new._admitting <= former._admitting and new._known <= former._known
        assert new._admitting == former._admitting & new._known
