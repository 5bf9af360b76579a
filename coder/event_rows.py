"""An event row made from its values in the table's column order (`coder.rows.rows_for`).

The values are validated as one tuple by the model's own schema of each column, then stored as the
row, instead of a dict of the columns given validated by EventRow's validator: the same checks and
conversions, the same row (values, fields set), without pydantic-core building the row's dict and
set of fields given column by column (about 37 k machine instructions a row against 30 k). A row
the tuple's validation refuses is validated as before, whose error names the model's field."""
from __future__ import annotations

from pydantic_core import SchemaValidator, ValidationError

from coder.model import EventRow, QuantityRow, assembled_given
from coder.tables import row_values

COLUMNS: tuple[str, ...] = tuple(EventRow.model_fields)

# The columns rows_for gives together or not at all (left out, the model's default None, they are not
# in the row's set of fields given), by bit of `given`: a source, a target, a place named in the
# sentence, a place, a count, a death toll
SOURCE, TARGET, PLACE_TEXT, PLACE, COUNT, FATALITIES = (1 << k for k in range(6))
_GROUPS = {SOURCE: ("source_code", "source_name", "source_country", "source_group", "source_role"),
           TARGET: ("target_code", "target_name", "target_country", "target_group", "target_role"),
           PLACE_TEXT: ("location_text",),
           PLACE: ("location_name", "location_country", "location_admin1", "latitude", "longitude",
                   "geo_precision", "place_id"),
           COUNT: ("quantity_value", "quantity_qualifier", "quantity_unit"),
           FATALITIES: ("fatalities",)}
_OPTIONAL = {name for names in _GROUPS.values() for name in names}
_ALWAYS = [name for name in COLUMNS if name not in _OPTIONAL]
# `given` -> the names of the columns given, in column order
GIVEN: tuple[frozenset[str], ...] = tuple(
    frozenset(_ALWAYS).union(*(names for bit, names in _GROUPS.items() if given & bit))
    for given in range(1 << len(_GROUPS)))


def _column_schema(field: dict) -> dict:
    """A field's schema as a value given: without its default (every column is given here)."""
    schema = field["schema"]
    return schema["schema"] if schema["type"] == "default" else schema


def _values_validator() -> SchemaValidator:
    model = EventRow.__pydantic_core_schema__
    fields = model["schema"]["fields"]
    if model["type"] != "model" or model["schema"]["type"] != "model-fields" or list(fields) != list(COLUMNS) \
            or model["schema"].get("computed_fields") or model.get("custom_init"):
        raise TypeError("EventRow's schema is no longer plain model fields: rebuild coder/event_rows.py")
    return SchemaValidator({"type": "tuple", "items_schema": [_column_schema(fields[n]) for n in COLUMNS]})


_validate_values = _values_validator().validate_python
_validate_row = EventRow.__pydantic_validator__.validate_python
# The quantity rows' validator, called on a dict of the fields: the validation, the stored values and
# the errors of QuantityRow(...), without BaseModel.__init__ between (a Python frame and a copy of the keywords)
quantity_row = QuantityRow.__pydantic_validator__.validate_python
_quantity_values = row_values("event_quantities")


def _dict_maker():
    """A function giving the row's dict from its values: a copy of a dict of every column (in the
    model's order) with each value stored in place. (A dict display of 40 items is compiled as
    three merged into a growing dict, dict(zip(...)) makes a pair an item and grows the dict too:
    about half as dear again.)"""
    names = [f"v{i}" for i in range(len(COLUMNS))]
    scope = {"every_column": dict.fromkeys(COLUMNS)}
    exec(f"def as_dict(values):\n    {', '.join(names)}, = values\n    row = every_column.copy()\n"
         + "".join(f"    row[{name!r}] = {v}\n" for name, v in zip(COLUMNS, names)) + "    return row", scope)
    return scope["as_dict"]


_as_dict = _dict_maker()


def event_row(values: tuple, given: int) -> EventRow:
    """The row of these values (every column, in COLUMNS order; a column of a group not in `given`
    None), as EventRow's validator makes it of the columns given: the same values, the same set
    of fields given, the same error."""
    try:
        checked = _validate_values(values)
    except ValidationError:
        # the model's own validation of the columns given, as before, for its error
        names = GIVEN[given]
        return _validate_row({name: v for name, v in zip(COLUMNS, values) if name in names})
    return assembled_given(EventRow, _as_dict(checked), set(GIVEN[given]))


def event_values(values: tuple, given: int) -> tuple:
    """event_row's values as validated, in column order, with no row made (the run's loop stores them
    so: coder.runner); EventRow's error where they fail."""
    try:
        return _validate_values(values)
    except ValidationError:
        names = GIVEN[given]
        return tuple(_validate_row({name: v for name, v in zip(COLUMNS, values) if name in names}).__dict__.values())


def quantity_values(fields: dict) -> tuple:
    """A quantity row's values as validated (quantity_row), in column order."""
    return _quantity_values(quantity_row(fields).__dict__)
