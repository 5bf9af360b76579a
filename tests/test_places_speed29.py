"""The records' twenty-ninth speed round (coder/model.py): the frozen records made several times a
sentence (ResolvedDate, QuantityValue, Place, PlaceMention) are made by a generated maker each
(new_resolved_date, ...) that fills an instance of a class with the record's slots by plain stores,
then sets its class to the record's, instead of the record's __init__ (a store through the slot's
setter a field). Checked against the records' own constructors (type, equality, hash, repr, frozen,
pickling, dataclasses.replace, signature) and against digests of what the code before the round
(1d31461) made of sentences written for these tests: their dates, quantities, places and rows."""
from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace

import pytest

from coder import model
from coder.dates import find_dates
from coder.geo.toponyms import find_places
from coder.model import Document, Place, PlaceMention, QuantityValue, ResolvedDate
from coder.pipeline import code_document
from coder.quantities.recognise import find_quantities

DAY = dt.date(2021, 6, 1)
_PLACE = Place("P1", "Somewhere", "SYR", "SY01", 35.5, 36.25, "locality", "PPL", 1200)
MAKERS = [
    (ResolvedDate, model.new_resolved_date, (dt.date(2020, 2, 29), "day", 3, 9, "Friday")),
    (QuantityValue, model.new_quantity_value, (25, "approx", "killed", 0, 12, "about 25 dead")),
    (Place, model.new_place, ("P1", "Somewhere", "SYR", "SY01", 35.5, 36.25, "locality", "PPL", 1200)),
    (Place, model.new_place, ("P2", "Elsewhere", None, None, 1.0, -2.0, "country")),
    (PlaceMention, model.new_place_mention, (_PLACE, 4, 13, "Somewhere", 0.5, True, False, True)),
    (PlaceMention, model.new_place_mention, (_PLACE, 4, 13, "Somewhere")),
]


@pytest.mark.parametrize("cls,make,args", MAKERS, ids=lambda x: getattr(x, "__name__", None))
def test_a_made_record_is_the_constructors(cls, make, args):
    made, built = make(*args), cls(*args)
    assert type(made) is cls
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert [getattr(made, f.name) for f in fields(cls)] == [getattr(built, f.name) for f in fields(cls)]
    assert pickle.loads(pickle.dumps(made)) == built and type(pickle.loads(pickle.dumps(made))) is cls
    first = fields(cls)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(made, first, None)
    changed = {"start": 1} if "start" in cls.__slots__ else {"name": "Other"}
    assert type(replace(made, **changed)) is cls and replace(made, **changed) == replace(built, **changed)
    # by keyword too, as the constructor takes them
    assert make(**{f.name: getattr(built, f.name) for f in fields(cls)}) == built


@pytest.mark.parametrize("cls,make", [(c, m) for c, m, _ in MAKERS[::2]] + [(Place, model.new_place)],
                         ids=lambda x: getattr(x, "__name__", None))
def test_a_maker_takes_the_constructors_parameters(cls, make):
    own = [(p.name, p.default) for p in inspect.signature(cls.__init__).parameters.values()][1:]
    assert [(p.name, p.default) for p in inspect.signature(make).parameters.values()] == own


def test_the_open_classes_have_the_records_slots():
    for cls in (ResolvedDate, QuantityValue, Place, PlaceMention):
        open_cls = getattr(model, f"Open{cls.__name__}")
        assert open_cls.__slots__ == cls.__slots__ == tuple(f.name for f in fields(cls))


def test_a_record_whose_slots_are_not_its_fields_has_no_open_class():
    @dataclass(slots=True, frozen=True, weakref_slot=True)
    class Weak:
        a: int
    with pytest.raises(TypeError):
        model._open_class(Weak)


def test_a_field_with_a_default_factory_has_no_maker():
    @dataclass(slots=True, frozen=True)
    class Listed:
        a: int
        b: list = field(default_factory=list)
    with pytest.raises(TypeError):
        model._maker(Listed, model._open_class(Listed), "new_listed")


# sentences written for these tests: dates (counted back, named days), quantities (duals, qualifiers),
# places (typed, cued, namesakes, a capital named by its country's adjective)
SENTENCES = {
    "en": ["Gunmen killed about 25 soldiers near Aleppo on Friday, two days after the raid on Homs.",
           "On 3 March 2019 more than 300 protesters marched in the Iraqi capital and in Basra.",
           "Police in Paris, Texas arrested two men last week, while Paris police stayed on alert.",
           "The minister flew to Baghdad in May and met at least 12 officials in the town of Mosul.",
           "Three days earlier, rebels shelled Idlib, wounding dozens of civilians, the army said on Monday."],
    "ar": ["قتل نحو 25 جنديا قرب حلب يوم الجمعة بعد يومين من الهجوم على حمص",
           "تظاهر أكثر من 300 شخص في العاصمة العراقية وفي البصرة يوم 3 آذار 2019",
           "اعتقلت الشرطة رجلين في مدينة الموصل الأسبوع الماضي",
           "قصفت الطائرات ريف إدلب الجنوبي أمس وأصابت عشرات المدنيين",
           "وصل وزير الخارجية إلى بغداد في أيار والتقى ما لا يقل عن 12 مسؤولا"],
}
# (sha256 of the json of what 1d31461 made of each language's sentences, first 16 hex digits)
DIGESTS = {
    "en": {"dates": "64a7864ea904a1ff", "quantities": "1750f56cae1815f0", "places": "edb9dad37271f805",
           "rows": "39b9e52433ac4bb0"},
    "ar": {"dates": "2f3446a4067f64f1", "quantities": "9b87b4b5a37d608e", "places": "1b5ba2b7c201b141",
           "rows": "e5ce1a989ba523e2"},
}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, default=repr).encode()).hexdigest()[:16]


def _made(lang: str) -> dict[str, list]:
    out = {"dates": [], "quantities": [], "places": [], "rows": []}
    for text in SENTENCES[lang]:
        dates = find_dates(text, lang, DAY)
        quantities = find_quantities(text, lang)
        places = [find_places(text, lang, hint) for hint in (None, "SYR", "IRQ", "USA", "FRA")]
        assert all(type(d) is ResolvedDate for d in dates) and all(type(q) is QuantityValue for q in quantities)
        assert all(type(m) is PlaceMention for found in places for m in found)
        out["dates"].append([repr(d) for d in dates])
        out["quantities"].append([repr(q) for q in quantities])
        out["places"].append([[repr(m) for m in found] for found in places])
        coded = code_document(Document(doc_id="t", text=text, language=lang, published=DAY),
                              coded_at=dt.datetime(2000, 1, 1))
        out["rows"].append([e.model_dump(mode="json") for e in coded.events])
    return out


@pytest.mark.parametrize("lang", ("en", "ar"))
def test_records_as_before_the_round(lang):
    made = _made(lang)
    assert {kind: _digest(value) for kind, value in made.items()} == DIGESTS[lang]
    assert all(made["dates"]) and any(made["quantities"]) and any(any(p) for p in made["places"])
