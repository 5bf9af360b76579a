"""The twentieth speed round's changes to the storing check: the quick check of a document's rows
tests their strings for lone surrogates by encoding them as UTF-16, not UTF-8; a row's values are
read from its __dict__ by its column names interned (pydantic's own key objects). Checked against
copies of the former code (kept below) on the rows of hand-written Arabic and English texts, and on
rows spoilt with a value their table cannot hold (tests/test_glue_speed18.py's rows and spoilers)."""
from __future__ import annotations

from itertools import product
from operator import itemgetter

import pytest

from coder import tables
from coder.tables import TABLE_MODELS, TABLES, _row_plan, row_values, schema, storable_values
from test_glue_speed18 import _coded_rows, _spoilt

_FORMER_PLANS: dict[str, dict] = {}


def _former_row_values(table):
    """tables.row_values as it was before this round: the schema's own copies of the names."""
    return itemgetter(*schema(table).names)


def _former_plain_values(table, rows):
    """tables._plain_values as it was before this round: the strings of all the rows joined and
    encoded as UTF-8."""
    values = _former_row_values(table)
    plans = _FORMER_PLANS.setdefault(table, {})
    out = []
    strings_of_rows = []
    for r in rows:
        row = values(r.__dict__)
        types = tuple(map(type, row))
        try:
            plan = plans[types]
        except KeyError:
            plan = plans[types] = _row_plan(table, types)
        if plan is None:
            return None
        ints, strings = plan
        for i, low, high in ints:
            if not low <= row[i] <= high:
                return None
        strings_of_rows += strings(row)
        out.append(row)
    text = "".join(strings_of_rows)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return None
    return out


# strings with lone surrogates where an encoder could miss one: first, last, after a character
# beyond the 16-bit plane (a string stored four bytes a character), a high one before a low one
# in two columns (two halves that a join would put side by side), and good astral characters
_BAD_STRINGS = ["\ud800", "مرحبا\udfff", "\udc00x", "\U0001F600\udc00", "a\ud83d"]
_GOOD_STRINGS = ["\U0001F600 حلب", "\ufeffقصف", "Idlib", "\u0628\U00010000\uffff"]


def test_plain_values_as_the_former_ones():
    """Rows as coded, and rows with good and bad strings in one or two columns, alone or among good
    rows: the same tuples, or None, as the former check."""
    coded = _coded_rows()
    events = [e for table, rows in coded if table == "events" for e in rows]
    quantities = [q for table, rows in coded if table == "event_quantities" for q in rows]
    arabic = next(e for e in events if e.language == "ar")
    english = next(e for e in events if e.language == "en")
    changed = []
    for row, s in product((arabic, english), _BAD_STRINGS + _GOOD_STRINGS):
        changed += [_spoilt(row, evidence=s), _spoilt(row, sentence=s), _spoilt(row, target_name=s, source_name=s)]
    changed += [_spoilt(arabic, source_name="x\ud83d", target_name="\ude00y"),
                _spoilt(quantities[0], text="\ud83d"), _spoilt(quantities[0], text="\U0001F600")]
    cases = list(coded)
    for c in changed:
        table = "event_quantities" if c in quantities or type(c) is type(quantities[0]) else "events"
        good = quantities if table == "event_quantities" else events
        for k in (0, 1, len(good)):
            cases.append((table, good[:k] + [c] + good[k:]))
        cases.append((table, [c]))
    refused = 0
    for table, rows in cases:
        expected = _former_plain_values(table, rows)
        assert tables._plain_values(table, rows) == expected
        refused += expected is None
    assert 40 <= refused < len(cases)


@pytest.mark.parametrize("bad", _BAD_STRINGS)
def test_a_lone_surrogate_is_still_named_by_the_full_check(bad):
    """The full check, which a refused quick check leads to, raises as before (UTF-8's error)."""
    event = _coded_rows()[1][1][0]
    with pytest.raises(UnicodeEncodeError, match="utf-8"):
        storable_values("events", [event, _spoilt(event, evidence=bad)])


def test_row_values_read_by_the_field_names_themselves():
    """Each table's getter holds the model's field names (the keys pydantic puts in a row's
    __dict__), in column order, and gives what the former getter gave, also for a row whose
    __dict__ keys are other string objects (a row loaded by pickle)."""
    for table in TABLES:
        names = row_values(table).__reduce__()[1]
        assert names == tuple(schema(table).names)
        assert all(a is b for a, b in zip(names, TABLE_MODELS[table].model_fields))
    for table, rows in _coded_rows():
        for r in rows:
            assert row_values(table)(r.__dict__) == _former_row_values(table)(r.__dict__)
            copied = {"".join(list(k)): v for k, v in r.__dict__.items()}   # equal keys, not the same objects
            assert row_values(table)(copied) == _former_row_values(table)(r.__dict__)
