"""The twentieth speed round's changes to the rows and places, each checked against digests of what
the code gave before the round (tests/test_glue_speed15.py's digest of the whole coding: rows as
validated and as stored, places, trace) or against the former construction, on hand-written Arabic
and English texts."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import __version__, rows
from coder.model import Document, EventRow
from coder.pipeline import code_document
from test_glue_speed15 import _digest
from test_rows_speed28 import given_columns

D = dt.date(2024, 5, 14)

# (language, publication date, text, digest of what the code gave before this round, events)
CASES = [
    ('en', D, 'Turkish drones struck a fuel depot near Qamishli on Tuesday, killing four workers, a monitor said.',
     '09946c4a28262746', 1),
    ('en', None, 'Armed men abducted two engineers in Sabha. Protesters blocked the road to Tripoli a week later.',
     '393c1fbc969842ab', 2),
    ('en', D, 'The Egyptian foreign minister visited Khartoum and called for a ceasefire between the rival forces.',
     'bb9f868015b73d34', 2),
    ('en', D, 'Rockets fired from southern Lebanon hit Kiryat Shmona, wounding three people, the army said.',
     '47c3f8ec7da900e9', 1),
    ('en', D, 'Police said they had arrested 12 suspects.',
     '0efeef3ce62891f9', 1),
    ('ar', D, 'قصفت طائرات مسيرة تركية مستودع وقود قرب القامشلي يوم الثلاثاء وقتلت أربعة عمال، بحسب المرصد.',
     '9665ead9b7a3481b', 1),
    ('ar', None, 'خطف مسلحون مهندسين اثنين في سبها. وأغلق محتجون الطريق إلى طرابلس بعد أسبوع.',
     '428184c1d5716430', 2),
    ('ar', D, 'زار وزير الخارجية المصري الخرطوم ودعا إلى وقف إطلاق النار بين القوات المتناحرة.',
     '56c49611a657a73c', 2),
    ('ar', D, 'أصابت صواريخ أطلقت من جنوب لبنان كريات شمونة وجرحت ثلاثة أشخاص، وفق الجيش.',
     'd4216b8f5e6b7286', 1),
    ('ar', D, 'اعتقلت الشرطة 12 مشتبها بهم في البصرة أمس.',
     '07a13be928af338d', 1),
    # a count since a year long past, a total (not coded); an until-date; a period and a news date
    ('en', D, 'The war has killed 500,000 people since 2011, and 40 soldiers were killed in Homs until March 2024.',
     '22d8f4b8d051cff9', 0),
    ('ar', D, 'قتلت الحرب 500 ألف شخص منذ عام 2011، وقتل 40 جنديا في حمص حتى آذار 2024.',
     '7daed66ec915703e', 0),
    ('en', D, 'Rebels have held Idlib since 2015; jets bombed Saraqib on Sunday, killing six people.',
     'a438eb7f9ef49377', 1),
    ('ar', D, 'تسيطر الفصائل على إدلب منذ عام 2015، وقصفت الطائرات سراقب يوم الأحد وقتلت ستة أشخاص.',
     'f87368861909202f', 1),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- event rows given the columns they have

def _given_rows(monkeypatch) -> list[tuple[dict, EventRow]]:
    """The columns each event row's validator was given, with the row it made, over CASES."""
    given = []
    validate = rows.event_row

    def kept(values, groups):   # (since the 27th round a row's values in column order: the columns given)
        row = validate(values, groups)
        given.append((given_columns(values, groups), row))
        return row
    monkeypatch.setattr(rows, "event_row", kept)
    for lang, published, text, _, _ in CASES:
        code_document(Document(doc_id=f"d-{lang}", text=text, language=lang, published=published),
                      coded_at=dt.datetime(2001, 2, 3))
    return given


def test_an_event_row_is_the_row_of_every_column(monkeypatch):
    """An event row validated from the columns it has is the row the former code made from every
    column of the table (those without a value None): the same values, the same validation."""
    given = _given_rows(monkeypatch)
    assert len(given) >= 10
    for values, row in given:
        assert set(values) <= set(EventRow.model_fields)
        every = dict.fromkeys(EventRow.model_fields) | values   # (the former row's columns, in order)
        former = EventRow.__pydantic_validator__.validate_python(every)
        assert type(row) is type(former) is EventRow
        assert row.model_dump() == former.model_dump() == every
        assert list(row.__dict__) == list(EventRow.model_fields)
        assert row.coder_version == __version__
        # the columns left out are the row's None ones; those given are the set fields
        assert all(every[k] is None for k in set(EventRow.model_fields) - set(values))
        assert row.model_fields_set == set(values)


def test_rows_with_and_without_each_group_of_columns(monkeypatch):
    """The texts give rows with and without a source, a target, a place, a count and a death toll,
    so that each group's columns are both given and left out."""
    given = _given_rows(monkeypatch)
    for column in ("source_code", "target_code", "location_name", "quantity_value", "fatalities"):
        assert {column in values for values, _ in given} == {True, False}, column


# ---------------------------------------------------------------- choose_place asks a cue and speech first

def _former_choose_place(places, actors, event, other_events, speech_starts, text, moves, exclude=None,
                         target=None):
    """choose_place as it was before this round (names_actor and in_attribution called for each place)."""
    from coder.geo.events import SPECIFIC, _nearest, _owner, in_attribution, names_actor
    usable = []
    for p in places:
        if names_actor(p, actors) and not (moves and (p.destination or (
                target is not None and target[0] < p.end and p.start < target[1]
                and p.place.precision not in ("country", "region")))):
            continue
        if not in_attribution(p, event[0], event[1], speech_starts, text):
            usable.append(p)
    if exclude is not None and len(usable) > 1:
        usable = [p for p in usable if p is not exclude]
    own = [p for p in usable if _owner(p, event, other_events) is event] if other_events else usable
    usable = own or (usable if moves else [])
    if not usable:
        return None
    if len(usable) == 1:
        return usable[0]
    pool = [p for p in usable if p.locative or (moves and p.destination)] or usable
    p = _nearest(pool, event[0])
    inside = [q for q in usable if q.place.country == p.place.country
              and SPECIFIC.get(q.place.precision, 5) < SPECIFIC.get(p.place.precision, 5)]
    if inside and p.place.precision in ("country", "region", "admin1"):
        best = min(SPECIFIC.get(q.place.precision, 5) for q in inside)
        p = _nearest([q for q in inside if SPECIFIC.get(q.place.precision, 5) == best], event[0])
    return p


PLACE_TEXTS = [
    ('en', 'Russia condemned the strike on Kharkiv, and Ukrainian officials in Kyiv said Moscow shelled Odesa.'),
    ('en', 'The Iraqi prime minister told reporters in Baghdad: "We will retake Mosul and Tal Afar."'),
    ('en', 'Egypt sent aid trucks to Gaza through Rafah, the ministry in Cairo said.'),
    ('ar', 'أدانت روسيا القصف على خاركيف، وقال مسؤولون أوكرانيون في كييف إن موسكو قصفت أوديسا.'),
    ('ar', 'قال رئيس الوزراء العراقي للصحفيين في بغداد: سنستعيد الموصل وتلعفر.'),
    ('ar', 'أرسلت مصر شاحنات مساعدات إلى غزة عبر رفح، بحسب الوزارة في القاهرة.'),
]


@pytest.mark.parametrize("lang, text", PLACE_TEXTS)
def test_choose_place_as_the_former(lang, text):
    from coder.geo.events import choose_place
    from coder.pipeline import resolve_document
    _, results, _, _, _ = resolve_document(Document(doc_id="p", text=text, language=lang, published=D))
    asked = 0
    for r in results:
        if not r.places:
            continue
        speech = [h.mention.start for h in r.analysis.triggers if h.entry.speech]
        spans = [(e.evidence_start, e.evidence_end) for e in r.analysis.events] or [(0, 1)]
        actors = r.analysis.actors
        for event in spans:
            others = [s for s in spans if s != event]
            for speech_starts in (speech, [], [0, len(text) - 1]):
                for moves in (True, False):
                    for target in (None, (r.places[0].start, r.places[0].end)):
                        for exclude in (None, r.places[-1]):
                            args = (r.places, actors, event, others, speech_starts, r.sentence.text, moves,
                                    exclude, target)
                            assert choose_place(*args) is _former_choose_place(*args), (text, args[2:])
                            asked += 1
    assert asked


def test_the_texts_have_places_with_and_without_a_cue():
    """PLACE_TEXTS name places with a cue and without, some of them actors, and words of speech."""
    from coder.pipeline import resolve_document
    cued = set()
    for lang, text in PLACE_TEXTS:
        _, results, _, _, _ = resolve_document(Document(doc_id="p", text=text, language=lang, published=D))
        cued |= {bool(p.locative or p.typed) for r in results for p in r.places}
    assert cued == {True, False}


# ---------------------------------------------------------------- a sentence's speech words and after-words

SPEECH_TEXTS = PLACE_TEXTS + [
    ('en', 'Protesters rallied in Basra after the funeral of a man killed in Nasiriyah, and police said 3 were hurt.'),
    ('ar', 'تظاهر محتجون في البصرة بعد تشييع رجل قتل في الناصرية، وقالت الشرطة إن ثلاثة أصيبوا.'),
    ('en', 'Police arrested 12 suspects.'),
]


@pytest.mark.parametrize("lang, text", SPEECH_TEXTS)
def test_speech_and_after_walls_as_the_former_comprehensions(lang, text):
    """_SentenceFacts.speech() by a loop, and _earlier_event_walls asking marker_starts directly, give
    what the former comprehensions gave."""
    from coder.dates.markers import marker_starts
    from coder.pipeline import resolve_document
    _, results, _, _, _ = resolve_document(Document(doc_id="p", text=text, language=lang, published=D))
    for r in results:
        facts = rows._SentenceFacts(r, lang)
        assert facts.speech() == [h.mention.start for h in r.analysis.triggers if h.entry.speech]
        assert facts.speech() is facts.speech()
        assert rows._earlier_event_walls(r, lang) == \
            [start for _, start in marker_starts(r.sentence.tokens, lang, "earlier_event_markers")]


def test_the_texts_have_speech_and_after_words():
    from coder.pipeline import resolve_document
    speech = after = False
    for lang, text in SPEECH_TEXTS:
        _, results, _, _, _ = resolve_document(Document(doc_id="p", text=text, language=lang, published=D))
        for r in results:
            speech = speech or bool(rows._SentenceFacts(r, lang).speech())
            after = after or bool(rows._earlier_event_walls(r, lang))
    assert speech and after


# ---------------------------------------------------------------- the dates a word stands before

def _former_dates_after(r, lang, field):
    """rows._dates_after as it was before this round (the set of the words' tokens made first)."""
    from bisect import bisect_right
    from operator import attrgetter
    from coder.dates.markers import marker_starts
    out = set()
    if not r.dates:
        return out
    toks = r.sentence.tokens
    marks = {i for i, _ in marker_starts(toks, lang, field)}
    if not marks:
        return out
    for k, d in enumerate(r.dates):
        n = bisect_right(toks, d.start, key=attrgetter("end"))
        if n and (n - 1 in marks or (n > 1 and n - 2 in marks)):
            out.add(k)
    return out


DATED_TEXTS = [
    ('en', 'The war has killed 500,000 people since 2011, and fighting went on until March 2020.'),
    ('en', 'Troops shelled the town on Monday.'),
    ('ar', 'قتلت الحرب 500 ألف شخص منذ عام 2011، واستمر القتال حتى آذار 2020.'),
    ('ar', 'قصفت القوات البلدة يوم الاثنين.'),
]


@pytest.mark.parametrize("lang, text", DATED_TEXTS)
def test_dates_after_as_the_former(lang, text):
    from coder.pipeline import resolve_document
    _, results, _, _, _ = resolve_document(Document(doc_id="p", text=text, language=lang, published=D))
    found = []
    for r in results:
        for field in ("since_markers", "until_markers", "earlier_event_markers", "before_news_markers"):
            got = rows._dates_after(r, lang, field)
            assert got == _former_dates_after(r, lang, field), (text, field)
            found.append(bool(got))
    assert found
    if "2011" in text:   # (a since-date and an until-date found)
        assert any(found)
