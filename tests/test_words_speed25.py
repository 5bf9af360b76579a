"""The twenty-fifth speed round of the words' stages. The date markers' scan makes the four lists of
its answer by a literal (not by list() mapped over a tuple of four empty ones), and a sentence with
one marker found keeps it without a set and a sort. The answer must be the one of a copy of the
scan as it was (test_front_speed15's), on sentences written for this test (none, one and several
markers found; a marker found twice through two readings of its word; every list's words), with
the markers' memo empty and full, and through marker_starts for each list."""
from __future__ import annotations

import pytest

import coder.dates.markers as markers
from coder.lang import profile

from test_front_speed15 import MARKER_SENTENCES, _scan_as_before

WRITTEN = {
    "ar": ["قصف الجيش مواقع المسلحين بعد منتصف الليل.",
           "لم يتغير شيء منذ سنوات في القرية.",
           "وصل الوفد إلى بغداد وغادرها أمس.",
           "وبعد الغارة وقعت اشتباكات استمرت حتى الصباح، وبعد ذلك انسحب المسلحون.",
           "قال مسؤول إن القوات بقيت في مواقعها لغاية الظهر.",
           "بعد بعد الهجوم."],
    "en": ["Troops shelled the village after midnight.",
           "Nothing has changed since the war.",
           "The delegation reached Baghdad and left it on Monday.",
           "After the raid, clashes went on until dawn, and after that the gunmen withdrew.",
           "Police stayed in position in the wake of the blast.",
           "After after the attack."],
}
LANGS = ("ar", "en")


def _counts_found(per_field) -> int:
    return sum(len(marks) for marks in per_field)


@pytest.mark.parametrize("lang", LANGS)
def test_marker_scan_as_before_on_written_sentences(lang):
    prof = profile(lang)
    texts = WRITTEN[lang] + MARKER_SENTENCES[lang]
    markers._WORDS.pop(lang, None)
    found = []
    for _ in range(2):   # every word new, then known
        for text in texts:
            toks = prof.tokenise(text)
            want = _scan_as_before(toks, lang)
            got = markers._scan(toks, lang)[2]
            assert got == want, text
            assert all(type(marks) is list for marks in got) and len(got) == len(markers.FIELDS)
            assert [markers.marker_starts(toks, lang, f) for f in markers.FIELDS] == list(want), text
            found.append(_counts_found(want))
    # the sentences reach each case: no marker, exactly one, several
    assert 0 in found and 1 in found and max(found) >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_each_answer_has_lists_of_its_own(lang):
    """A sentence's lists are new ones: filling one sentence's answer changes no other's."""
    prof = profile(lang)
    first = markers._scan(prof.tokenise(WRITTEN[lang][2]), lang)[2]
    second = markers._scan(prof.tokenise(WRITTEN[lang][1]), lang)[2]
    assert all(a is not b for a in first for b in second)
    assert len({id(marks) for marks in first}) == len(markers.FIELDS)
