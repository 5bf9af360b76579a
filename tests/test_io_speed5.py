"""Speed steps of the reader, the row checks and the writer (coder/model.py, coder/tables.py,
coder/sinks, coder/ingest, coder/runner.py): the short cuts must give what the longer way gave."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import pickle

import pytest

from coder import model

_PLACE = model.Place("geonames:1", "Idlib", "SYR", "Idlib Governorate", 35.9, 36.6, "locality")
# (class, positional arguments, keyword arguments): every field given, and only the required ones
_RECORDS = [
    (model.ResolvedDate, (dt.date(2019, 8, 2), "day", 29, 35, "Friday"), {}),
    (model.QuantityValue, (20, "approx", "people", 3, 11, "about 20"), {}),
    (model.Place, ("geonames:1", "Idlib", "SYR", None, 35.9, 36.6, "locality", "PPLA", 165000), {}),
    (model.Place, (), dict(place_id="local:x", name="X", country=None, admin1=None, latitude=1.0, longitude=-2.5,
                           precision="site")),
    (model.PlaceMention, (_PLACE, 4, 9, "Idlib"), {}),
    (model.PlaceMention, (_PLACE, 4, 9, "Idlib", 0.5, True, False, True), {}),
    (model.PlaceMention, (), dict(place=_PLACE, start=0, end=5, text="Idlib", typed=True)),
]


def _plain_dataclass(cls):
    """The same record as dataclass() alone builds it (its generated __init__)."""
    return dataclasses.dataclass(slots=True, frozen=True)(
        type(cls.__name__, (), {"__annotations__": dict(cls.__annotations__), "__module__": cls.__module__,
                                **{f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}}))


@pytest.mark.parametrize("cls, args, kwargs", _RECORDS)
def test_a_resolved_record_is_built_as_the_dataclass_builds_it(cls, args, kwargs):
    plain = _plain_dataclass(cls)
    rec, ref = cls(*args, **kwargs), plain(*args, **kwargs)
    assert dataclasses.astuple(rec) == dataclasses.astuple(ref)
    assert repr(rec) == repr(ref)
    assert inspect.signature(cls) == inspect.signature(plain)
    twin = cls(*args, **kwargs)
    assert rec == twin and hash(rec) == hash(twin) and rec is not twin
    assert rec != dataclasses.replace(rec, **{"name" if cls is model.Place else "text": "other"})
    assert pickle.loads(pickle.dumps(rec)) == rec and copy.deepcopy(rec) == rec
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(rec, first, None)
    with pytest.raises((AttributeError, TypeError)):   # (TypeError: the frozen slots __setattr__ of Python 3.11)
        rec.not_a_field = 1
    with pytest.raises(TypeError):
        cls(*args, **kwargs, no_such_field=1)
    if args:
        with pytest.raises(TypeError):
            cls(*args[:1])   # (a required field missing)

