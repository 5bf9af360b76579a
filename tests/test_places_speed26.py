"""The twenty-sixth speed round of the places: the words a longer "before" qualifier, locative cue or
destination phrase ends with, and the first words of the "after" qualifiers, are fields of the
language's PlaceRules (read per name, not through the cached _edges and _after_firsts calls);
SentencePlaces has slots. Checked against copies of the former look-ups, on sentences written for
these tests, and the places found against what the code before the round found in them."""
from __future__ import annotations

from functools import lru_cache

import pytest

from coder.geo import toponyms
from coder.geo.toponyms import SentencePlaces, _edges, find_places
from coder.lang import profile

SENTENCES = [
    ("en", "Shelling hit the countryside of Idlib and rural Aleppo, in the town of Saraqib north of Hama."),
    ("en", "The convoy went from the city of Homs to Damascus province and on towards Tartus, near the coast."),
    ("en", "Fighting near the outskirts of Mosul, on the road to Kirkuk; strikes northeast of Deir ez-Zor."),
    ("en", "Judge Maria Rivera met officials in Baghdad's Tahrir Square and in Beirut."),
    ("ar", "قصفت الطائرات ريف إدلب الجنوبي وشمال شرق حلب وجنوب غربي حماة."),
    ("ar", "توجه الوفد من مدينة حمص إلى محافظة دمشق ثم إلى طرطوس وبالقرب من الساحل."),
    ("ar", "تقدمت القوات على مشارف الموصل وعلى أطراف تلعفر وفي قضاء سنجار شمال العراق."),
    ("ar", "وصل الرئيس إلى بيروت قادما من عمان وتوجه بعدها إلى مدينة صور جنوب لبنان."),
]


@lru_cache(maxsize=None)
def _former_after_firsts(lang: str) -> frozenset:
    """toponyms._after_firsts before the round."""
    return frozenset(k[0] for k in toponyms.rules(lang).after)


def _former_qualifier_before(r, tokens, i, lang):
    """toponyms._qualifier_before before the round (the last words through _edges)."""
    top = r.max_before if r.max_before < i else i
    for n in range(top if top < 2 or tokens[i - 1].norm in _edges(lang, "before")[1] else 1, 0, -1):
        q, form = toponyms._phrase_at(r.before, r.max_before, tokens, i - n, i - 1, lang)
        if q is not None:
            return q, i - n, form
    return None, i, None


def _former_qualifier_after(r, tokens, j, lang):
    """toponyms._qualifier_after before the round (the first words through _after_firsts)."""
    if j + 1 >= len(tokens) or tokens[j + 1].norm not in _former_after_firsts(lang):
        return None, j
    for n in range(min(r.max_after, len(tokens) - 1 - j), 0, -1):
        q = r.after.get(tuple(t.norm for t in tokens[j + 1:j + 1 + n]))
        if q is not None:
            return q, j + n
    return None, j


def _former_cue_before(r, tokens, i, lang, table="cues"):
    """toponyms._cue_before before the round (the last words through _edges)."""
    phrases, longest = (r.cues, r.max_cue) if table == "cues" else (r.destinations, r.max_destination)
    top = longest if longest < i else i
    for n in range(top if top < 2 or tokens[i - 1].norm in _edges(lang, table)[1] else 1, 0, -1):
        if toponyms._phrase_at(phrases, n, tokens, i - n, i - 1, lang)[0]:
            return True
    return False


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_rules_hold_the_edges_of_the_phrase_tables(lang):
    r = toponyms.rules(lang)
    assert r.before_lasts == _edges(lang, "before")[1]
    assert r.cue_lasts == _edges(lang, "cues")[1]
    assert r.destination_lasts == _edges(lang, "destinations")[1]
    assert r.after_firsts == _former_after_firsts(lang)
    assert r.max_destination == max(map(len, r.destinations), default=0)
    assert r.cue_lasts and r.before_lasts   # each language has longer cues and qualifiers: the test can fail


@pytest.mark.parametrize("lang, text", SENTENCES)
def test_phrases_around_a_name_as_the_former_look_ups(lang, text):
    tokens = profile(lang).tokenise(text)
    r = toponyms.rules(lang)
    found = 0
    for i in range(len(tokens) + 1):
        q = toponyms._qualifier_before(r, tokens, i, lang)
        assert q == _former_qualifier_before(r, tokens, i, lang)
        found += q[0] is not None
        for table in ("cues", "destinations"):
            cue = toponyms._cue_before(r, tokens, i, lang, table)
            assert cue == _former_cue_before(r, tokens, i, lang, table)
            found += cue
        if i < len(tokens):
            after = toponyms._qualifier_after(r, tokens, i, lang)
            assert after == _former_qualifier_after(r, tokens, i, lang)
            found += after[0] is not None
    assert found >= 2   # the sentences hold such phrases


# what find_places found in SENTENCES before the round: (text, start, end, place_id, locative, typed, destination)
EXPECTED_BEFORE_THE_ROUND = {
    'Shelling hit the countryside of Idlib and rural Aleppo, in the town of Saraqib north of Hama.': [
        ('the countryside of Idlib', 13, 37, 'local:syr-idlib-governorate', True, True, False),
        ('rural Aleppo', 42, 54, 'local:syr-aleppo-governorate', True, True, False),
        ('the town of Saraqib', 59, 78, 'geonames:164816', True, True, False),
        ('north of Hama', 79, 92, 'geonames:170017', True, True, False),
    ],
    'The convoy went from the city of Homs to Damascus province and on towards Tartus, near the coast.': [
        ('the city of Homs', 21, 37, 'geonames:169577', False, True, False),
        ('Damascus province', 41, 58, 'local:syr-damascus-governorate', False, True, True),
        ('Tartus', 74, 80, 'geonames:163345', False, False, True),
    ],
    'Fighting near the outskirts of Mosul, on the road to Kirkuk; strikes northeast of Deir ez-Zor.': [
        ('the outskirts of Mosul', 14, 36, 'geonames:99072', True, True, False),
        ('Kirkuk', 53, 59, 'geonames:94787', False, False, True),
        ('northeast of Deir ez-Zor', 69, 93, 'geonames:170794', True, True, False),
    ],
    "Judge Maria Rivera met officials in Baghdad's Tahrir Square and in Beirut.": [
        ("Baghdad's", 36, 45, 'geonames:98182', True, True, False),
        ('Beirut', 67, 73, 'geonames:276781', True, False, False),
    ],
    'قصفت الطائرات ريف إدلب الجنوبي وشمال شرق حلب وجنوب غربي حماة.': [
        ('ريف إدلب الجنوبي', 14, 30, 'local:syr-idlib-governorate', True, True, False),
        ('شمال شرق حلب', 32, 44, 'geonames:170063', True, True, False),
        ('جنوب غربي حماة', 46, 60, 'geonames:170017', True, True, False),
    ],
    'توجه الوفد من مدينة حمص إلى محافظة دمشق ثم إلى طرطوس وبالقرب من الساحل.': [
        ('مدينة حمص', 14, 23, 'geonames:169577', False, False, False),
        ('محافظة دمشق', 28, 39, 'local:syr-damascus-governorate', False, False, True),
        ('طرطوس', 47, 52, 'geonames:163345', False, False, True),
    ],
    'تقدمت القوات على مشارف الموصل وعلى أطراف تلعفر وفي قضاء سنجار شمال العراق.': [
        ('مشارف الموصل', 17, 29, 'geonames:99072', True, True, False),
        ('أطراف تلعفر', 35, 46, 'geonames:90393', True, True, False),
        ('قضاء سنجار', 51, 61, 'geonames:448149', True, True, False),
        ('شمال العراق', 62, 73, 'local:northern-iraq', False, False, False),
    ],
    'وصل الرئيس إلى بيروت قادما من عمان وتوجه بعدها إلى مدينة صور جنوب لبنان.': [
        ('بيروت', 15, 20, 'geonames:276781', False, False, True),
        ('عمان', 30, 34, 'geonames:250441', False, False, False),
        ('مدينة صور', 51, 60, 'geonames:267008', False, True, True),
        ('جنوب لبنان', 61, 71, 'local:lbn-south-governorate', False, False, False),
    ],
}


def _found(lang, text):
    return [(m.text, m.start, m.end, m.place.place_id, m.locative, m.typed, m.destination)
            for m in find_places(text, lang)]


@pytest.mark.parametrize("lang, text", SENTENCES)
def test_places_found_as_before_the_round(lang, text):
    assert _found(lang, text) == EXPECTED_BEFORE_THE_ROUND[text]


def test_a_finder_has_slots_and_keeps_its_names_for_a_second_hint():
    lang, text = SENTENCES[4]
    finder = SentencePlaces(text, profile(lang).tokenise(text), lang)
    with pytest.raises(AttributeError):
        finder.other = 1   # (slots: no instance dict)
    first = finder.places()
    assert first and finder.places("SYR", {"SYR"}) == SentencePlaces(
        text, profile(lang).tokenise(text), lang).places("SYR", {"SYR"})
