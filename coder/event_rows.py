"""Event and quantity rows made from their values in the table's column order (`coder.rows.rows_for`).

The values are validated as one tuple by the model's own schema of each column, then stored as the
row, instead of a dict of the columns given validated by the model's validator: the same checks and
conversions, the same row (values, fields set), without pydantic-core building the row's dict and
set of fields given column by column (an event row about 37 k machine instructions against 30 k).
The run's loop stores the validated values as they are, with no row made (event_values,
quantity_values; coder.runner). Values the tuple's validation refuses are validated as before,
whose error names the model's field."""
from __future__ import annotations

from pydantic import BaseModel
from pydantic_core import SchemaValidator, ValidationError

from coder.model import EventRow, QuantityRow, assembled_given

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


def _values_validator(model: type[BaseModel]) -> SchemaValidator:
    """A validator of the model's values given as a tuple in its fields' order, by each field's schema."""
    schema = model.__pydantic_core_schema__
    fields = schema["schema"]["fields"]
    if schema["type"] != "model" or schema["schema"]["type"] != "model-fields" \
            or list(fields) != list(model.model_fields) or schema["schema"].get("computed_fields") \
            or schema.get("custom_init"):
        raise TypeError(f"{model.__name__}'s schema is no longer plain model fields: rebuild coder/event_rows.py")
    return SchemaValidator({"type": "tuple", "items_schema": [_column_schema(fields[n]) for n in model.model_fields]})


def _dict_maker(columns: tuple[str, ...]):
    """A function giving a row's dict from its values: for a few columns one dict display; for more,
    a copy of a dict of every column (in the model's order) with each value stored in place. (A dict
    display of 40 items is compiled as three merged into a growing dict, dict(zip(...)) makes a pair
    an item and grows the dict too: about half as dear again.)"""
    names = [f"v{i}" for i in range(len(columns))]
    scope = {"every_column": dict.fromkeys(columns)}
    if len(columns) <= 15:   # (one display of constant keys: a presized dict)
        body = "    return {" + ", ".join(f"{name!r}: {v}" for name, v in zip(columns, names)) + "}"
    else:
        body = "    row = every_column.copy()\n" + "".join(f"    row[{name!r}] = {v}\n"
                                                       for name, v in zip(columns, names)) + "    return row"
    exec(f"def as_dict(values):\n    {', '.join(names)}, = values\n" + body, scope)
    return scope["as_dict"]


_validate_values = _values_validator(EventRow).validate_python
_validate_row = EventRow.__pydantic_validator__.validate_python
_as_dict = _dict_maker(COLUMNS)

QUANTITY_COLUMNS: tuple[str, ...] = tuple(QuantityRow.model_fields)
_QUANTITY_FIELDS = frozenset(QUANTITY_COLUMNS)
_validate_quantity_values = _values_validator(QuantityRow).validate_python
_validate_quantity = QuantityRow.__pydantic_validator__.validate_python
_quantity_dict = _dict_maker(QUANTITY_COLUMNS)


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


def quantity_row(values: tuple) -> QuantityRow:
    """The quantity row of these values (every column, in QUANTITY_COLUMNS order), as QuantityRow's
    validator makes it of them (event_row's way)."""
    try:
        checked = _validate_quantity_values(values)
    except ValidationError:
        return _validate_quantity(dict(zip(QUANTITY_COLUMNS, values)))
    return assembled_given(QuantityRow, _quantity_dict(checked), set(_QUANTITY_FIELDS))


def quantity_values(values: tuple) -> tuple:
    """quantity_row's values as validated, in column order, with no row made (event_values' way)."""
    try:
        return _validate_quantity_values(values)
    except ValidationError:
        return tuple(_validate_quantity(dict(zip(QUANTITY_COLUMNS, values))).__dict__.values())
