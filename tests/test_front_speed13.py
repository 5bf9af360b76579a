"""The front stages' thirteenth speed round (coder/pipeline.py, coder/dates, coder/quantities,
coder/geo/toponyms.py, coder/recognise/matcher.py): loops and conditionals in place of comprehensions,
generators, key functions and min()/max() calls. Each rewritten function is checked against the
logic it had (a reference copy here) on sentences and spans written for these tests, and whole
documents against what the start commit of the round (389ecb5) made of them."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from coder.dates import events
from coder.dates import markers
from coder.geo import toponyms
from coder.lang import profile
from coder.lexicon.load import END, load
from coder.model import Document, Mention, ResolvedDate
from coder.pipeline import resolve_document, sentences
from coder.quantities import attach
from coder.recognise import matcher

from test_rules_speed25 import former_names_as_written   # (the matcher's name filter as it was)

DAY = dt.date(2021, 6, 14)

TEXTS = [
    ("Gunmen killed 12 soldiers and wounded 30 others near Mosul on Tuesday, police said.", "en"),
    ("More than 200 people were arrested in Cairo after protests on 3 March 2019.", "en"),
    ("The army shelled the village of Kafr Nabl in Idlib province, killing five civilians, including two children.",
     "en"),
    ("Rebels fired 15 rockets at the Iraqi capital on Monday, a spokesman said. Two of them hit a school in Basra.",
     "en"),
    ("Police in Kabul detained 7 suspects two days ago and seized $5 million in cash.", "en"),
    ("قتل 12 جنديا وأصيب 30 آخرون في هجوم قرب الموصل يوم الثلاثاء.", "ar"),
    ("اعتقلت الشرطة أكثر من 200 شخص في القاهرة بعد احتجاجات في 3 مارس 2019.", "ar"),
    ("قصف الجيش قرية كفرنبل في ريف إدلب مما أسفر عن مقتل خمسة مدنيين بينهم طفلان.", "ar"),
    ("أطلق مسلحون 15 صاروخا على العاصمة العراقية أمس. وقتل ثلاثة أشخاص في البصرة.", "ar"),
    ("وصل الوفد إلى بغداد قبل ثلاثة أيام لإجراء محادثات مع الحكومة السورية في دمشق.", "ar"),
]

# what resolve_document made of each of TEXTS at 389ecb5: per sentence its events (code, evidence),
# dates, quantities and places, then the focus and the actors' country
EXPECTED = [[[[('190', 'killed')],
   [('2021-06-08', 'day', 62, 69)],
   [(12, 'exact', 'killed', 14, 25), (30, 'exact', 'injured', 38, 47)],
   [('geonames:99072', 53, 58, True)]],
  ['iso:IRQ', None]],
 [[[('173', 'arrested')],
   [('2019-03-03', 'day', 62, 74)],
   [(200, 'at_least', 'detainees', 0, 20)],
   [('geonames:360630', 38, 43, True)]],
  ['iso:EGY', None]],
 [[[('194', 'shelled')],
   [],
   [(5, 'exact', 'killed', 69, 83), (2, 'exact', 'children', 95, 107)],
   [('geonames:168661', 17, 41, False), ('local:syr-idlib-governorate', 45, 59, True)]],
  ['iso:SYR', None]],
 [[[('194', 'fired 15 rockets')],
   [('2021-06-14', 'day', 48, 54)],
   [(15, 'exact', 'other', 13, 15)],
   [('geonames:98182', 31, 44, True)]],
  [[('190', 'hit')], [], [(2, 'exact', 'other', 0, 3)], [('geonames:99532', 28, 33, True)]],
  ['iso:IRQ', None]],
 [[[('173', 'detained')],
   [('2021-06-12', 'day', 36, 48)],
   [(7, 'exact', 'detainees', 25, 35), (5000000, 'exact', 'money', 60, 70)],
   [('geonames:1138958', 10, 15, True)]],
  ['iso:AFG', None]],
 [[[('190', 'قتل')],
   [('2021-06-08', 'day', 51, 59)],
   [(12, 'exact', 'killed', 4, 12), (30, 'exact', 'injured', 19, 27)],
   [('geonames:99072', 40, 46, True)]],
  ['iso:IRQ', None]],
 [[[('173', 'اعتقلت')],
   [('2019-03-03', 'day', 57, 68)],
   [(200, 'at_least', 'detainees', 14, 29)],
   [('geonames:360630', 33, 40, True)]],
  ['iso:EGY', None]],
 [[[('194', 'قصف')],
   [],
   [(5, 'exact', 'killed', 51, 62), (2, 'exact', 'children', 69, 74)],
   [('geonames:168661', 10, 21, False), ('local:syr-idlib-governorate', 25, 33, True)]],
  ['iso:SYR', None]],
 [[[('194', 'أطلق مسلحون 15 صاروخا')],
   [('2021-06-13', 'day', 43, 46)],
   [(15, 'exact', 'other', 12, 14)],
   [('geonames:98182', 26, 42, True)]],
  [[('190', 'وقتل')], [], [(3, 'exact', 'killed', 5, 16)], [('geonames:99532', 20, 26, True)]],
  ['iso:IRQ', None]],
 [[[('040', 'محادثات')],
   [('2021-06-11', 'day', 20, 34)],
   [],
   [('geonames:98182', 14, 19, False), ('geonames:170654', 72, 76, True)]],
  ['iso:SYR', None]]]


def summary(text: str, lang: str) -> list:
    _, results, places, focus, actor_focus = resolve_document(
        Document(doc_id="t", text=text, language=lang, published=DAY))
    out = []
    for r, ps in zip(results, places):
        out.append([
            [(c.code, c.evidence) for c in r.analysis.events],
            [(str(d.value), d.precision, d.start, d.end) for d in r.dates],
            [(q.value, q.qualifier, q.unit, q.start, q.end) for q in r.quantities],
            [(p.place.place_id, p.start, p.end, p.locative) for p in ps],
        ])
    out.append([focus.place_id if focus else None, actor_focus.place_id if actor_focus else None])
    return out


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_documents_as_before(k):
    assert summary(*TEXTS[k]) == EXPECTED[k]


# ---------------------------------------------------------------- spans and gaps

SPANS = [(0, 5), (3, 8), (5, 9), (9, 9), (10, 20), (12, 14), (25, 30), (31, 31)]


def test_gap_as_max():
    for a, b in itertools.product(SPANS, repeat=2):
        assert events.gap(a, b) == max(0, b[0] - a[1], a[0] - b[1])


def _old_owner(d, words):
    outside = [i for i in range(len(words)) if not (d.start <= words[i][0] and words[i][1] <= d.end)]
    if not outside:
        return None
    return min(outside, key=lambda i: (events.gap((d.start, d.end), words[i]), words[i][0]))


def _date(start, end):
    return ResolvedDate(DAY, "day", start, end, "x" * (end - start))


def test_owner_as_min_of_the_words_outside():
    word_lists = [[], [(0, 5)], [(0, 5), (10, 20)], [(12, 14), (3, 8), (25, 30)], [(10, 20), (31, 31), (0, 5)],
                  [(5, 9), (9, 9), (5, 9)]]
    for (s, e), words in itertools.product(SPANS, word_lists):
        d = _date(s, e)
        assert events.owner(d, words) == _old_owner(d, words)


def _old_choice(usable, owned, event):
    usable = owned or usable
    return min(usable, key=lambda d: (events.gap((d.start, d.end), event), d.start))


def test_choose_date_takes_the_first_nearest():
    dates = [_date(s, e) for s, e in [(0, 5), (12, 14), (25, 30), (3, 8), (31, 31)]]
    for event in SPANS:
        for n in range(1, len(dates) + 1):
            got = events.choose_date(dates[:n], event, [], None, set(), set(), DAY)
            assert got is _old_choice(dates[:n], [], event)


def test_quantity_gap_to_an_event():
    from coder.model import QuantityValue
    also_lists = [(), ((0, 2),), ((40, 44), (6, 7)), ((13, 13),)]
    for (qs, qe), (es, ee), also in itertools.product(SPANS, SPANS, also_lists):
        q = QuantityValue(3, "exact", "killed", qs, qe, "x")
        e = attach.EventSpan(es, ee, True, also=also)
        old = min(max(0, s - q.end, q.start - t) for s, t in ((e.start, e.end), *e.also))
        assert attach._gap(q, e) == old


def test_not_dates():
    from coder.model import QuantityValue
    qs = [QuantityValue(3, "exact", "killed", s, e, "x") for s, e in SPANS]
    for dates in ([], [_date(4, 6)], [_date(0, 1), _date(20, 26)]):
        old = [q for q in qs if not any(d.start < q.end and q.start < d.end for d in dates)]
        assert attach.not_dates(qs, dates) == old


# ---------------------------------------------------------------- marker words

MARKED = [("He returned home after the war and until the ceasefire, since in the past he had fled.", "en"),
          ("The talks resumed in the wake of the attack, before the news broke.", "en"),
          ("عاد اللاجئون منذ توقف القتال وحتى الآن بعد الهدنة.", "ar"),
          ("لم يتغير شيء في أعقاب الاتفاق.", "ar"),
          ("No marker at all in this one.", "en")]


def _old_marker_scan(tokens, lang):
    words = markers._WORDS[lang]
    starts = [words[t.text] for t in tokens]
    per_field = tuple([[] for _ in markers.FIELDS])
    found = []
    for i, s in enumerate(starts):
        for k, n, rest in s:
            if rest and tuple([t.norm for t in tokens[i + 1:i + 1 + len(rest)]]) != rest:
                continue
            found.append((k, n, i, tokens[i].start))
    for k, _, i, start in sorted(set(found)):
        per_field[k].append((i, start))
    return per_field


@pytest.mark.parametrize("text, lang", MARKED)
def test_marker_words_as_before(text, lang):
    for s in sentences(text, lang):
        new = markers._scan(s.tokens, lang)[2]
        assert new == _old_marker_scan(s.tokens, lang)
        # a key cut short by the sentence's end is no key
        cut = s.tokens[:-1]
        assert markers._scan(cut, lang)[2] == _old_marker_scan(cut, lang)


# ---------------------------------------------------------------- place names

def _old_part_of_a_name(r, tokens, i, j):
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if before is not None and any(f in r.name_before for f in before.forms):
        return True
    if r.case_sensitive and i == j and i >= 2 and before.text[:1].isupper() and before.text[:1].isalpha() \
            and any(f in r.name_before for f in tokens[i - 2].forms):
        return True
    if after is not None and any(f in r.name_after for f in after.forms):
        return True
    if r.case_sensitive and i == j and after is not None and after.text[:1].isupper() \
            and after.text[:1].isalpha() and after.start == tokens[j].end + 1 \
            and not tokens[j].text.endswith(r.possessive_endings or ("\0",)):
        return True
    return False


def _old_proclitic_locative(r, tok, form):
    if not form or form == tok.norm:
        return False
    short = form[1:] if r.article and form.startswith(r.article) else None
    return any(tok.norm in (p + form, p + short if short else None) for p in r.locative_proclitics)


def _old_phrase_at(table, tokens, first, last, lang):
    key_rest = tuple([t.norm for t in tokens[first + 1:last + 1]])
    t = tokens[first]
    for f in toponyms._place_forms(t.norm, t.forms, lang):
        hit = table.get((f,) + key_rest)
        if hit is not None:
            return hit, f
    return None, None


NAMED = [("Sheikh Jasim met President Jorge Batlle in the town of Tal Abyad near Raqqa.", "en"),
         ("Fighting reached the outskirts of Aleppo city and the Salahuddin Brigade withdrew to Homs.", "en"),
         ("وصل الشيخ جاسم بن محمد إلى مدينة حلب وبدمشق ولواء صلاح الدين في ريف حمص.", "ar"),
         ("انسحبت القوات من بالرقة إلى وبالرمادي ثم إلى البصرة.", "ar")]


@pytest.mark.parametrize("text, lang", NAMED)
def test_place_helpers_as_before(text, lang):
    r = toponyms.rules(lang)
    for s in sentences(text, lang):
        toks = s.tokens
        for i, j in itertools.combinations_with_replacement(range(len(toks)), 2):
            if j - i > 2:
                continue
            assert toponyms._part_of_a_name(r, toks, i, j) == _old_part_of_a_name(r, toks, i, j)
            for table in (r.before, r.cues):
                assert toponyms._phrase_at(table, 3, toks, i, j, lang) == _old_phrase_at(table, toks, i, j, lang)
        for tok in toks:
            for form in (None, *toponyms._place_forms(tok.norm, tok.forms, lang)):
                assert toponyms._proclitic_locative(r, tok, form) == _old_proclitic_locative(r, tok, form)


# ---------------------------------------------------------------- the matcher

def _old_match(trie, tokens, text):
    """match() as it was, phrases past their first word collected by comprehensions."""
    out = []
    n = len(tokens)
    starts = matcher.trie_memo(matcher._STARTS, trie)
    clitic_triggers = set()
    for i, tok in enumerate(tokens):
        first = starts.get(tok.forms)
        if first is None:
            first = starts[tok.forms] = matcher._first_steps(trie, tok.forms)
        if not first:
            continue
        fi, node, ends, next_keys = first
        if fi is not None:
            for kind, p, rule_id in ends:
                out.append(Mention(kind, i, i, tok.start, tok.end, tok.text, p, rule_id, fi))
            if next_keys is None or i + 1 == n or next_keys.isdisjoint(tokens[i + 1].forms):
                continue
            stack = [(i + 1, node[f], fi) for f in tokens[i + 1].forms if f in node]
        else:
            stack = [(i, step_node, step_fi) for step_fi, step_node, *_ in node]
        seen = set()
        while stack:
            j, node, fi = stack.pop()
            payloads = node.get(END)
            if payloads is not None and type(payloads) is not list:
                payloads = node[END] = payloads()
            if payloads and (j, id(payloads)) not in seen:
                seen.add((j, id(payloads)))
                start, end = tok.start, tokens[j].end
                for p in payloads:
                    kind = matcher._KIND[type(p)]
                    out.append(Mention(kind, i, j, start, end, text[start:end], p,
                                       "" if kind == "grammar" else p.rule_id, fi))
                    if kind == "trigger" and matcher._through_clitic(tok, fi):
                        clitic_triggers.add(i)
            if j + 1 < n:
                for f in tokens[j + 1].forms:
                    nxt = node.get(f)
                    if nxt is not None:
                        stack.append((j + 1, nxt, fi))
    return former_names_as_written(out, tokens, clitic_triggers) if clitic_triggers else out


def _fields(m):
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


@pytest.mark.parametrize("text, lang", TEXTS + NAMED + MARKED)
def test_match_as_before(text, lang):
    trie = load(lang).trie
    for s in sentences(text, lang):
        assert [_fields(m) for m in matcher.match(trie, s.tokens, s.text, True)] == \
            [_fields(m) for m in _old_match(trie, s.tokens, s.text)]


def test_a_document_with_no_event_looks_for_no_place():
    lang, results, places, focus, actor_focus = resolve_document(
        Document(doc_id="t", text="The weather was fine in Baghdad. It rained in Basra.", language="en", published=DAY))
    assert not any(r.analysis.events for r in results)
    assert places == [[], []] and focus is None and actor_focus is None
