"""The twenty-fourth speed round of the words' stages. The tokeniser tells a known chunk of one word
by one test of its entry's type (an unseen chunk and one of several words behind it), and sets the
fields of a word of a chunk of several one by one; the sentence splitter asks whether a text holds a
boundary character by `in` before searching for it short of the text's end; the place finder asks
whether a proclitic stands before a name, and where the name starts in its word, only where the name
was read by another form than the word's norm. longest_non_overlapping keeps or drops a mention
of one token by one look-up in the set of tokens taken, where it made and read a range; the place
finder's start pass asks a next word's ASCII fold (through its memo, _fold) only where the word's
answer in the pass's memo does not say its norm is its own fold (most words: False). Both must give
what the code before the round gave: the kept mentions those of a copy of the former greedy pass, on
mentions of sentences written for this test and on made-up overlapping spans; the start tokens those
of a copy of the former pass, and those read token by token (test_rows_places_speed4), with the memo
empty, full or partly filled; the tokens those of a copy of the former tokeniser, field by field,
with its cache empty, warm, or filled by the other; the sentences those of a copy of the former
splitter; and a name read by its word's norm has no locative proclitic and starts where its word does,
as the two helpers answer."""
from __future__ import annotations

import random

import pytest

from coder.geo import toponyms
from coder.geo.gazetteer import Gazetteer, ascii_fold
from coder.geo.toponyms import SentencePlaces, _fold, _proclitic_locative, _start_after_proclitic, rules
from coder.lang import ar, en, profile
from coder.lang import common
from coder.lexicon.load import load
from coder.model import Mention, Token
from coder.recognise.matcher import match
from coder.spans import longest_non_overlapping, trie_memo

from test_glue_speed19 import start_tokens_in_every_memo_state

SENTENCES = [
    ("قصف الجيش السوري مواقع المسلحين في ريف إدلب الجنوبي وقتل عناصر من تنظيم الدولة الإسلامية.", "ar"),
    ("اعتقلت قوات الأمن العراقية قائد الشرطة في محافظة نينوى ووزير الداخلية السابق.", "ar"),
    ("وصل وزير الخارجية الأمريكي إلى أبو ظبي ثم إلى تل أبيب بعد زيارة دير الزور.", "ar"),
    ("قالت وزارة الدفاع الروسية إن الطائرات الروسية قصفت مواقع في سراقب.", "ar"),
    ("The Syrian Arab Army shelled rebel positions near Ras al-Ain, the Syrian Observatory for Human Rights said.", "en"),
    ("Turkish troops and the Free Syrian Army entered Serêkaniyê and the town of Tell Abyad on Wednesday.", "en"),
    ("Iraqi security forces arrested the Islamic State commander in the city of Mosul.", "en"),
    ("US President Donald Trump met the Prime Minister of Iraq in the White House.", "en"),
]


def _old_longest_non_overlapping(mentions):
    """longest_non_overlapping before the round: a range made and read for every mention."""
    last = -1
    for m in mentions:
        if m.first <= last:
            break
        last = m.last
    else:
        return list(mentions)
    kept, taken = [], set()
    for _, _, k in sorted([(m.first - m.last, m.first, k) for k, m in enumerate(mentions)]):
        m = mentions[k]
        span = range(m.first, m.last + 1)
        if taken.isdisjoint(span):
            kept.append(m)
            taken.update(span)
    kept.sort(key=lambda m: m.first)
    return kept


def _mention(first: int, last: int, n: int) -> Mention:
    return Mention("actor", first, last, first * 10, last * 10 + 5, f"m{n}", n)


@pytest.mark.parametrize("text, lang", SENTENCES)
def test_kept_mentions_of_written_sentences_as_before(text, lang):
    tokens = profile(lang).tokenise(text)
    mentions = match(load(lang).trie, tokens, text)
    for kind in (None, "actor"):
        chosen = [m for m in mentions if kind is None or m.kind == kind]
        got = longest_non_overlapping(chosen)
        assert got == _old_longest_non_overlapping(chosen)
        assert [id(m) for m in got] == [id(m) for m in _old_longest_non_overlapping(chosen)]


def _overlap(mentions) -> bool:
    return any(k != n and m.first <= o.last and o.first <= m.last
               for k, m in enumerate(mentions) for n, o in enumerate(mentions))


def test_the_written_sentences_have_overlapping_mentions():
    overlapping = [text for text, lang in SENTENCES
                   if _overlap(match(load(lang).trie, profile(lang).tokenise(text), text))]
    assert len(overlapping) >= 4


def test_kept_mentions_of_made_up_spans_as_before():
    rng = random.Random(24)
    for _ in range(400):
        mentions = []
        for n in range(rng.randint(0, 14)):
            first = rng.randint(0, 12)
            mentions.append(_mention(first, first + rng.choice((0, 0, 0, 1, 2, 3)), n))
        if rng.random() < 0.5:
            mentions.sort(key=lambda m: m.first)
        got = longest_non_overlapping(mentions)
        assert [m.entry for m in got] == [m.entry for m in _old_longest_non_overlapping(mentions)]
    # the same one-token span twice: the first of them kept; a one-token mention inside a longer one dropped
    same = [_mention(2, 2, 0), _mention(2, 2, 1), _mention(1, 3, 2), _mention(4, 4, 3), _mention(4, 4, 4)]
    assert [m.entry for m in longest_non_overlapping(same)] == [2, 3]
    assert [m.entry for m in longest_non_overlapping(same[:2] + same[3:])] == [0, 3]


def _old_starting(known, tokens):
    """toponyms._starting before the round: each next word's fold asked through _fold."""
    out = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        starts = known[tok.text]
        if not starts:
            continue
        pairs, follow = starts
        if follow is None:
            out.append((i, pairs))
        elif i < last:
            nxt = tokens[i + 1].norm
            if nxt in follow or (not nxt.isascii() and _fold(nxt) in follow):
                out.append((i, pairs))
    return out


FOLDING = SENTENCES + [
    ("Fighters withdrew to Serêkaniyê and in Serêkaniyê the army took the Tell Abyad road.", "en"),
    ("Clashes in Raʾs al-ʿAyn and near Dayr az-Zawr, and in Qāmishlī.", "en"),
    ("اشتبك مسلحون في رأس العين وفي دير الزور وعلى طريق تل أبيض في سوريا.", "ar"),
]


@pytest.mark.parametrize("text, lang", FOLDING)
def test_start_tokens_as_before_with_the_memo_in_every_state(text, lang, monkeypatch):
    tokens, expected, full = start_tokens_in_every_memo_state(text, lang, monkeypatch)
    assert _old_starting(full, tokens) == expected   # the former reading of the same memo


@pytest.mark.parametrize("text, lang", FOLDING)
def test_a_word_that_starts_no_name_says_whether_its_norm_folds(text, lang, monkeypatch):
    tokens = profile(lang).tokenise(text)
    monkeypatch.setattr(toponyms, "_STARTS", {})
    SentencePlaces(text, tokens, lang)._start_tokens()
    memo = trie_memo(toponyms._STARTS, Gazetteer.default().tries[lang])
    for tok in tokens:
        answer = memo[tok.text]
        if answer is False:
            assert ascii_fold(tok.norm) == tok.norm, tok.text
        elif answer is toponyms._NONE_BUT_FOLDS:
            assert ascii_fold(tok.norm) != tok.norm, tok.text
        else:
            assert answer and len(answer) == 2, tok.text


def test_the_sentences_hold_what_the_start_pass_tells_apart():
    """The written sentences reach each case: a word that goes on only with the next, a next word
    whose norm folds, one that starts no name but folds."""
    followed, folded_next, folding_none = 0, 0, 0
    for text, lang in FOLDING:
        tokens = profile(lang).tokenise(text)
        SentencePlaces(text, tokens, lang)._start_tokens()
        memo = trie_memo(toponyms._STARTS, Gazetteer.default().tries[lang])
        for i, tok in enumerate(tokens):
            answer = memo[tok.text]
            folding_none += answer is toponyms._NONE_BUT_FOLDS
            if answer and answer[1] is not None and i + 1 < len(tokens):
                followed += 1
                folded_next += ascii_fold(tokens[i + 1].norm) != tokens[i + 1].norm
    assert followed and folded_next and folding_none


def _old_tokens_by(text, word, normalise, forms, cache=None):
    """common.tokens_by before the round."""
    toks = []
    if cache is None:
        cache = {}
    chunks = text.split()
    end = -1
    for chunk in chunks:
        known = cache.get(chunk)
        if known is None:
            if len(cache) >= common.WORD_CACHE_SIZE:
                cache.clear()
            known = cache[chunk] = common._chunk_words(chunk, word, normalise, forms, cache)
        if type(known) is not common._Words:
            tok = Token.__new__(Token)
            tok.text, tok.norm, tok.forms, length = known[:4]   # (the entry's memo: after this round)
            tok.start = base = end + 1
            tok.end = end = base + length
            toks.append(tok)
            continue
        base = end + 1
        end = base + len(chunk)
        for start, stop, raw, norm, lookup, _memo in known:
            tok = Token.__new__(Token)
            tok.text, tok.start, tok.end, tok.norm, tok.forms = raw, base + start, base + stop, norm, lookup
            toks.append(tok)
    if end != len(text) and toks:
        common._place_in_text(text, chunks, toks)
    return toks


TOKENISED = [text for text, _ in SENTENCES + FOLDING] + [
    "قال (أ ف ب) إن 12 شخصاً قتلوا، وأصيب 30 آخرون... في «الموصل»!",
    "  مسافات   بين\tالكلمات\nوسطر جديد  ",
    "The U.S.-led coalition's jets (F-16s) struck at 3:30 p.m.; 14 were killed — officials said.",
    "word", "", "   ", "، . ؟", "e.g. Dr. Smith's co-workers", "ـــ ـ", "\u200fقصف\u200f الجيش",
]


def _fields(toks):
    return [(t.text, t.start, t.end, t.norm, t.forms) for t in toks]


@pytest.mark.parametrize("module", [ar, en])
def test_tokens_as_the_former_tokeniser(module, monkeypatch):
    args = (module._WORD, module.normalise, module._forms_of_word if module is ar else module._forms)
    for order in (TOKENISED, TOKENISED[::-1]):
        new_cache, old_cache = {}, {}
        for text in order + order:   # the cache cold, then warm
            got = common.tokens_by(text, *args, new_cache)
            want = _old_tokens_by(text, *args, old_cache)
            assert _fields(got) == _fields(want), text
            assert all(type(t) is Token for t in got)
            for t in got:   # a one-word chunk's token takes the cached string as its text
                entry = new_cache.get(t.text)
                assert type(entry) is not tuple or t.text is entry[0]
        assert new_cache.keys() == old_cache.keys()
        # each tokeniser reading the cache the other filled
        for text in order:
            assert _fields(common.tokens_by(text, *args, old_cache)) == _fields(_old_tokens_by(text, *args, new_cache))
    # a full cache is emptied as before
    monkeypatch.setattr(common, "WORD_CACHE_SIZE", 3)
    small_new, small_old = {}, {}
    for text in TOKENISED:
        assert _fields(common.tokens_by(text, *args, small_new)) == _fields(_old_tokens_by(text, *args, small_old))
        assert small_new.keys() == small_old.keys()


def _old_split_by(text, boundary, max_len=2000, veto=None, ends=""):
    """common.split_by before the round (its test for a text of one sentence)."""
    if ends and len(text) <= max_len:
        body = text.rstrip()
        last = len(body) - 1
        for c in ends:
            if body.find(c, 0, last) >= 0:
                break
        else:
            return [(last + 1 - len(body.lstrip()), last + 1)] if body else []
    return common.split_by(text, boundary, max_len, veto, "")   # (the rest of it unchanged)


SPLIT = {
    "ar": ["قصف الجيش مواقع المسلحين في إدلب.", "قصف الجيش مواقع المسلحين في إدلب", "هل قصف الجيش إدلب؟  ",
           "قال الوزير: قصف الجيش إدلب. وقتل 3 أشخاص.", "قتل 3.5 آلاف شخص؛ وأصيب آخرون.\nوفي خبر آخر",
           "", "   ", ".", " . ", "؟!", "\n\nقصف\n", "بدأت المحادثات... ثم توقفت!", "الجيش.السوري", "ا" * 2100 + ".",
           "قصف الجيش إدلب.\u200f  ", "؛قصف"],
    "en": ["Syrian troops shelled Idlib.", "Syrian troops shelled Idlib", "Did troops shell Idlib? ",
           "Mr. Smith said troops shelled Idlib. Three died!", "He left at 3 p.m. on Monday. Then he returned.",
           "", " ", ".", "?!", "A.\nB", "Troops shelled Idlib...", "(AFP) - Troops shelled Idlib.)",
           "x" * 1990 + " y. z", "U.S. forces."],
}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sentences_split_as_the_former_splitter(lang):
    module = ar if lang == "ar" else en
    veto = getattr(module, "_is_abbreviation", None)
    for text in SPLIT[lang] + [t for t, lg in SENTENCES + FOLDING if lg == lang]:
        want = _old_split_by(text, module._BOUNDARY, veto=veto, ends=module._BOUNDARY_STARTS)
        assert common.split_by(text, module._BOUNDARY, veto=veto, ends=module._BOUNDARY_STARTS) == want, text
        assert profile(lang).split_sentences(text) == want, text


@pytest.mark.parametrize("text, lang", FOLDING + [("وبدمشق وفي حلب وبالرقة ولحمص، مر الوفد بريف إدلب.", "ar")])
def test_a_name_read_by_its_norm_asks_no_proclitic(text, lang):
    r = rules(lang)
    tokens = profile(lang).tokenise(text)
    for tok in tokens:
        assert _proclitic_locative(r, tok, tok.norm) is False
        assert _start_after_proclitic(tok, tok.norm) == tok.start
    # and the names of the sentence are found as before by either reading (digest-free: the places
    # found afresh equal those read through the kept names with and without a hint)
    finder = SentencePlaces(text, tokens, lang)
    first = finder.places()
    assert SentencePlaces(text, profile(lang).tokenise(text), lang).places() == first
    assert finder.places("SYR", {"SYR"}) == SentencePlaces(text, tokens, lang).places("SYR", {"SYR"})
    if "وبدمشق" in text:   # names read through a proclitic: locative, their spans after it
        assert [(p.text, p.start, p.locative) for p in first[:3]] == [("دمشق", 2, True), ("حلب", 11, True),
                                                                        ("الرقة", 17, True)]
