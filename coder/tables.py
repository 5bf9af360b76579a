"""Arrow schemas of the four output tables, derived from the pydantic row models (SPEC §3).

The pydantic models in coder.model say which columns exist and which may be null; this module adds
the physical type of each column. Python `int` defaults to int64 and `float` to float64; the few
columns the SPEC narrows are listed in NARROW. SPEC's `float` (goldstein, confidence) is stored as
float64 (DuckDB DOUBLE): float32 would read back 2.8 as 2.799999952316284 in every client.

A change to any column here is a new SCHEMA_VERSION (dashboards pin schemas/<table>.schema.json).
"""
from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from functools import lru_cache
from operator import itemgetter

import pyarrow as pa
from pydantic import BaseModel

from coder.model import DocumentRow, EventRow, QuantityRow, RejectRow

SCHEMA_VERSION = "2"   # 2: events.is_background

# table name -> the pydantic model that validates its rows (and orders its columns)
TABLE_MODELS: dict[str, type[BaseModel]] = {
    "events": EventRow,
    "event_quantities": QuantityRow,
    "documents": DocumentRow,
    "rejects": RejectRow,
}
TABLES = tuple(TABLE_MODELS)

# Columns whose SPEC type is narrower than the Python default.
NARROW: dict[tuple[str, str], pa.DataType] = {
    ("events", "sentence_index"): pa.int32(),
    ("events", "quad_class"): pa.int8(),
    ("documents", "n_sentences"): pa.int32(),
    ("documents", "n_events"): pa.int32(),
}

_DEFAULT_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    # an absolute instant: readers see TIMESTAMP WITH TIME ZONE, never a guess about local time
    dt.datetime: pa.timestamp("us", tz="UTC"),
}


def _unwrap(annotation) -> tuple[type, bool]:
    """(base Python type, nullable) of a field annotation such as Optional[Literal['ar', 'en']]."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        if len(args) != 1:
            raise TypeError(f"cannot map union {annotation!r} to one Arrow type: give the field a single type")
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        kinds = {type(v) for v in typing.get_args(annotation)}
        if len(kinds) != 1:
            raise TypeError(f"Literal {annotation!r} mixes types: use values of one type")
        annotation = kinds.pop()
    return annotation, nullable


def arrow_type(table: str, field_name: str, annotation) -> tuple[pa.DataType, bool]:
    base, nullable = _unwrap(annotation)
    narrow = NARROW.get((table, field_name))
    if narrow is not None:
        return narrow, nullable
    try:
        return _DEFAULT_TYPES[base], nullable
    except KeyError:
        raise TypeError(f"no Arrow type for {table}.{field_name} ({base!r}): add it to "
                        "coder/tables.py NARROW or _DEFAULT_TYPES") from None


@lru_cache(maxsize=None)
def schema(table: str) -> pa.Schema:
    """The Arrow schema of `table`, columns in model order, without file metadata."""
    try:
        model = TABLE_MODELS[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)}") from None
    fields = []
    for name, info in model.model_fields.items():
        typ, nullable = arrow_type(table, name, info.annotation)
        # the data dictionary travels with the data: Parquet readers show it as field metadata
        meta = {b"description": info.description.encode()} if info.description else None
        fields.append(pa.field(name, typ, nullable=nullable, metadata=meta))
    return pa.schema(fields)


def file_metadata(coder_version: str, lexicon_version: str) -> dict[bytes, bytes]:
    """Key-value metadata every Parquet file carries (SPEC §3)."""
    return {b"coder_version": coder_version.encode(), b"lexicon_version": lexicon_version.encode(),
            b"schema_version": SCHEMA_VERSION.encode()}


def to_arrow(table: str, rows: list[BaseModel]) -> pa.Table:
    """Rows (validated pydantic models) as an Arrow table of the table's schema."""
    sch = schema(table)
    names = sch.names
    columns = {n: [getattr(r, n) for r in rows] for n in names}
    return pa.Table.from_pydict(columns, schema=sch)


@lru_cache(maxsize=None)
def row_values(table: str) -> itemgetter:
    """A function that gives a validated row's values as a tuple in the table's column order, read
    from the row's __dict__ (`row_values(table)(row.__dict__)`, where pydantic keeps the fields:
    an attribute read on a pydantic model goes through its __getattr__ hook, and reading the 40
    columns so cost the writer a third of its work): the form the writer buffers rows in, and the
    one worker processes send (a tuple of plain values pickles and loads three times faster than
    a pydantic model)."""
    # the names interned, so the very keys of a row's __dict__ (pydantic's field names): each look-up
    # then finds its key by identity, where the schema's own copies of the names were compared
    # character by character
    return itemgetter(*map(sys.intern, schema(table).names))


def tuples_to_arrow(table: str, rows: list[tuple]) -> pa.Table:
    """Rows given as `row_values` tuples as an Arrow table of the table's schema."""
    sch = schema(table)
    if not rows:
        return sch.empty_table()
    # (each column made by pa.array with its field's type, not through from_pydict, which looks
    # each column up by name and converts it through asarray: about 7 k machine instructions a
    # column less, some 400 k a batch of the three tables)
    return pa.Table.from_arrays(list(map(pa.array, zip(*rows), _column_types(table))), schema=sch)


@lru_cache(maxsize=None)
def _column_types(table: str) -> tuple[pa.DataType, ...]:
    return tuple(f.type for f in schema(table))


_PY_TYPES = [(pa.types.is_string, "str", str), (pa.types.is_boolean, "bool", bool),
             (pa.types.is_floating, "float", (int, float)), (pa.types.is_timestamp, "time", dt.datetime),
             (pa.types.is_date, "date", dt.date)]


@lru_cache(maxsize=None)
def _checks(table: str) -> tuple[tuple[str, str, object, int, int], ...]:
    """(column, kind, Python type, low, high) per column: the type a value must have, and for
    integers the range of the column's width."""
    out = []
    for f in schema(table):
        if pa.types.is_integer(f.type):
            bits = f.type.bit_width
            out.append((f.name, "int", int, -(1 << (bits - 1)), (1 << (bits - 1)) - 1))
            continue
        kind, typ = next(((k, t) for test, k, t in _PY_TYPES if test(f.type)), ("any", object))
        out.append((f.name, kind, typ, 0, 0))
    return tuple(out)


# column kind -> the exact types of the values the quick check passes (anything else, a subclass
# too, is left to the full check)
_PLAIN_TYPES = {"str": (str,), "bool": (bool,), "float": (float, int), "time": (dt.datetime,), "date": (dt.date,),
                "int": (int,)}


def _row_plan(table: str, types: tuple[type, ...]):
    """How to check quickly a row whose values have exactly these types, in column order: (the
    integer columns with their range, a function giving the values of the string columns), or None
    when a value is not None and not of a plain type of its column (the full check then judges it)."""
    ints, strs = [], []
    for i, ((_, kind, _, low, high), t) in enumerate(zip(_checks(table), types)):
        if t is type(None) or kind == "any":
            continue
        if t not in _PLAIN_TYPES[kind]:
            return None
        if kind == "int":
            ints.append((i, low, high))
        elif kind == "str":
            strs.append(i)
    # (itemgetter gives a lone value bare, not in a tuple)
    return tuple(ints), itemgetter(*strs) if len(strs) > 1 else lambda row: tuple(row[i] for i in strs)


# table -> (its row_values getter, {the types of a row's values: its _row_plan}); a handful of shapes
# a table (which optional columns are null, int or float), so a dict, not an lru_cache whose key and
# bookkeeping cost more
_ROW_PLANS: dict[str, tuple] = {}
_PLANS_KEPT = 4096


def _plain_values(table: str, rows: list[BaseModel]) -> list[tuple] | None:
    """The rows' value tuples (row_values) when every value is None or of its column's plain type,
    every integer fits its column and no string holds a lone surrogate, else None: one tuple of
    values a row and one string test for all the rows, not a test per value (the common case, rows
    the coder built and validated)."""
    try:
        values, plans = _ROW_PLANS[table]
    except KeyError:
        values, plans = _ROW_PLANS[table] = (row_values(table), {})
    out = []
    strings_of_rows = []   # every row's strings, tested at once below
    for r in rows:   # (one loop builds and checks each row: no list comprehension before it)
        row = values(r.__dict__)
        types = tuple(map(type, row))
        try:
            plan = plans[types]
        except KeyError:
            if len(plans) >= _PLANS_KEPT:
                plans.clear()
            plan = plans[types] = _row_plan(table, types)
        if plan is None:
            return None
        ints, strings = plan
        for i, low, high in ints:
            if not low <= row[i] <= high:
                return None
        strings_of_rows += strings(row)
        out.append(row)
    return out if _encodable(strings_of_rows) else None


def _encodable(strings: list[str]) -> bool:
    """No lone surrogate in these strings (UTF-8 cannot hold one). They are joined for one test: a
    document's rows mostly hold ASCII or Arabic, and one join and one encoding cost less than one
    a row."""
    text = "".join(strings)
    if text.isascii():
        return True
    try:
        # UTF-16 refuses the same code points as UTF-8 (the lone surrogates) and costs a third of it
        # on Arabic text; "utf-16" itself, not "utf-16-le", which str.encode sends through the codec
        # registry (concatenation never pairs two lone surrogates into a character)
        text.encode("utf-16")
    except UnicodeEncodeError:
        return False
    return True


# The tables whose rows, where the coder made them, were validated by their model's schema of each
# column (coder/event_rows.py; the documents row is assembled, coder.pipeline.code_document)
_VALIDATED_BY_SCHEMA = frozenset({"events", "event_quantities"})


def _bounded_by_validation(field: dict, kind: str, low: int, high: int) -> bool:
    """Does the model's validation of the column (its field's core schema, by which coder/event_rows.py
    validates it) already hold its values to what the table takes: a string column to a set of
    literals (none a lone surrogate), an integer column to bounds within its width (quad_class: 1 to 4)?"""
    schema = field["schema"]
    if schema["type"] == "default":
        schema = schema["schema"]
    if schema["type"] == "nullable":
        schema = schema["schema"]
    if kind == "str":
        return schema["type"] == "literal" and all(isinstance(v, str) and _encodable([v]) for v in schema["expected"])
    if kind == "int":
        ge, le = schema.get("ge"), schema.get("le")
        return schema["type"] == "int" and ge is not None and le is not None and low <= ge and le <= high
    return False


def _unchecked_by_validation(table: str) -> tuple[itemgetter, tuple[tuple[int, int, int], ...], itemgetter]:
    """What validating a row by its model leaves to check: (row_values, its integer columns with
    their range, a function giving its string columns' values). Validation makes each value of its
    field's type, but bounds no integer to its column's width and lets a lone surrogate through,
    except where the schema of a table validated by it holds the column to literals or narrower
    bounds (_bounded_by_validation)."""
    ints, strs = _unchecked_columns(table)
    return row_values(table), tuple(ints), itemgetter(*strs)


def _unchecked_columns(table: str) -> tuple[list[tuple[int, int, int]], list[int]]:
    """_unchecked_by_validation's columns: (its integer columns with their range, its string columns)."""
    schema = TABLE_MODELS[table].__pydantic_core_schema__
    fields = schema["schema"]["fields"] if table in _VALIDATED_BY_SCHEMA and schema["type"] == "model" \
        and schema["schema"]["type"] == "model-fields" else {}
    ints, strs = [], []
    for i, (name, kind, _, low, high) in enumerate(_checks(table)):
        if name in fields and _bounded_by_validation(fields[name], kind, low, high):
            continue
        if kind == "int":
            ints.append((i, low, high))
        elif kind == "str":
            strs.append(i)
    return ints, strs


# The events' columns the coder cuts from the document's text (the sentence, the event's words, the
# actors' names and the place as written: their mentions' characters, text[start:end]): where the
# text holds no lone surrogate, neither do they. The sentence is the longest string of a row, the
# same for each event of it: some two thirds of the characters the check joined and encoded; the
# names and the place are most of the rest, and the only strings of most rows not in ASCII.
OF_THE_TEXT = ("sentence", "evidence", "source_name", "target_name", "location_text")
# The events' columns the coder makes of ASCII or of the documents row's values: the event's id (a hex
# digest), the document's (the documents row's, as runner._stored_values makes sure), the CAMEO codes
# (from its table, coder/lexicon/cameo.tsv, found ASCII as the plan is made) and the coder version
OF_THE_CODER = ("event_id", "doc_id", "event_code", "event_base_code", "event_root_code", "coder_version")


def _event_strings_of_the_coder() -> itemgetter:
    """The getter of the events' string columns that storable_of_the_coder tests of the coder's own rows:
    all but OF_THE_TEXT and OF_THE_CODER (the CAMEO codes and the version kept where not all ASCII)."""
    from coder import __version__
    from coder.cameo import codes
    ascii_codes = __version__.isascii() and all(
        e.code.isascii() and e.base.isascii() and e.root.isascii() for e in codes().values())
    skipped = OF_THE_TEXT + (OF_THE_CODER if ascii_codes else ("event_id", "doc_id"))
    names = schema("events").names
    return itemgetter(*(i for i in _unchecked_columns("events")[1] if names[i] not in skipped))


def _validated_values(table: str, rows: list[BaseModel]) -> list[tuple] | None:
    """_plain_values for rows validated by their model and untouched since: their value tuples when
    every integer fits its column and no string holds a lone surrogate, else None. The types are not
    read again (a tuple of the 40 types of an event row and its plan's look-up: about a third of
    the quick check)."""
    strings_of_rows: list[str] = []
    out = _validated_values_of(table, rows)
    return out if _values_fit(table, out, strings_of_rows) and _encodable(strings_of_rows) else None


# table -> _unchecked_by_validation(table), worked out once a table and read by a subscript, not
# through a cached call (three tables a document)
_LEFT_BY_VALIDATION: dict[str, tuple] = {}


def _left_by_validation(table: str) -> tuple:
    try:
        return _LEFT_BY_VALIDATION[table]
    except KeyError:
        entry = _LEFT_BY_VALIDATION[table] = _unchecked_by_validation(table)
        return entry


def _validated_values_of(table: str, rows) -> list[tuple]:
    """The value tuples of validated rows, in column order."""
    values = _left_by_validation(table)[0]
    return [values(r.__dict__) for r in rows]


def _values_fit(table: str, rows: list[tuple], strings_of_rows: list[str]) -> bool:
    """Does every integer of these validated rows, given as their values in column order, fit its
    column? Their strings added to `strings_of_rows`."""
    _, ints, strings = _left_by_validation(table)
    return _rows_fit(rows, ints, strings, strings_of_rows)


def _rows_fit(rows: list[tuple] | tuple[tuple, ...], ints: tuple[tuple[int, int, int], ...], strings: itemgetter,
              strings_of_rows: list[str]) -> bool:
    """_values_fit by the table's integer columns with their range and the getter of its string columns."""
    for row in rows:
        for i, low, high in ints:
            v = row[i]
            if v is not None and not low <= v <= high:
                return False
        strings_of_rows += filter(None, strings(row))   # (an optional column's None left out, in C)
    return True


# what storable_validated checks of the documents row, of an event and of a quantity (their integer
# columns with their range, the getter of their string columns), read once, at its first call (one
# tuple bound whole: a thread beside the first caller, as in a worker of several threads, never sees
# the plans half made, as it could a list being filled)
_storing_plans: tuple = ()


def storable_validated(document: tuple, events: list[tuple], quantities: list[tuple]) -> bool:
    """storable_document's test for a document's rows given as validated values in column order
    (coder.pipeline.code_document(..., as_values=True)): does every integer fit its column and no
    string hold a lone surrogate? (Once a document: its three tables' plans read at once, not
    looked up a table.) The pipeline's own rows of a clean text: storable_of_the_coder."""
    global _storing_plans
    plans = _storing_plans
    if not plans:
        plans = _storing_plans = tuple(_left_by_validation(t)[1:] for t in ("documents", "events", "event_quantities"))
    (document_ints, document_strings), (event_ints, event_strings), (quantity_ints, quantity_strings) = plans
    strings_of_rows: list[str] = []
    return _rows_fit((document,), document_ints, document_strings, strings_of_rows) \
        and (not events or _rows_fit(events, event_ints, event_strings, strings_of_rows)) \
        and (not quantities or _rows_fit(quantities, quantity_ints, quantity_strings, strings_of_rows)) \
        and _encodable(strings_of_rows)


# The documents row's columns the pipeline makes itself: the language ("ar" or "en"), the text's hash
# (hex digits) and the coder version (the writer's, which runner._stored_values compares, and
# __version__, found ASCII as the plan is made)
DOCUMENT_OF_THE_CODER = ("language", "sha256", "coder_version")
# what storable_of_the_coder checks, made at its first call (one tuple bound whole, as _storing_plans):
# the documents row's integer columns with their range and the getter of its strings from the
# Document, an event's strings neither of the text nor of the coder, a quantity's integer columns and
# the getter of its strings but its event's id (one of the event ids, hex digests, as it checks)
_coder_plans: tuple = ()


def _made_coder_plans() -> tuple:
    global _coder_plans
    from coder import __version__
    documents, quantities = schema("documents").names, schema("event_quantities").names
    skipped = DOCUMENT_OF_THE_CODER if __version__.isascii() else ("language", "sha256")
    document_ints, document_strings = _unchecked_columns("documents")
    quantity_ints, quantity_strings = _unchecked_columns("event_quantities")
    _coder_plans = (tuple(document_ints), itemgetter(*(i for i in document_strings if documents[i] not in skipped)),
                    _event_strings_of_the_coder(), tuple(quantity_ints),
                    itemgetter(*(i for i in quantity_strings if quantities[i] != "event_id")))
    return _coder_plans


_DOCUMENT_ID = schema("documents").names.index("doc_id")
_EVENT_ID, _EVENT_DOC_ID = (schema("events").names.index(c) for c in ("event_id", "doc_id"))
_QUANTITY_EVENT_ID = schema("event_quantities").names.index("event_id")


def ids_hold(document: tuple, events: list[tuple], quantities: list[tuple]) -> bool:
    """Do a document's rows (in column order) agree on their ids: each event's document the
    documents row's, no event twice (identical events, merged by stored_document), each quantity's
    event one of its events? (Of any rows, runner._stored_values; of the pipeline's own,
    storable_of_the_coder.)"""
    doc_id, ids = document[_DOCUMENT_ID], set()
    for e in events:
        if e[_EVENT_DOC_ID] != doc_id:
            return False
        ids.add(e[_EVENT_ID])
    if len(ids) != len(events):
        return False
    for q in quantities:
        if q[_QUANTITY_EVENT_ID] not in ids:
            return False
    return True


def storable_of_the_coder(document: tuple, events: list[tuple], quantities: list[tuple]) -> bool:
    """storable_validated for the pipeline's own rows of a text holding no lone surrogate
    (coder.pipeline.text_has_no_surrogate), with the tests of their ids (ids_hold), in one call.
    Not tested, as such rows hold them by construction:
    the events' strings cut from the text (OF_THE_TEXT) or made by the coder (OF_THE_CODER), the
    documents row's own (DOCUMENT_OF_THE_CODER), an event's sentence index (below the documents
    row's count of sentences, which is tested) and its count and death toll (coder.rows.rows_for
    takes them from its quantities, whose values are tested)."""
    document_ints, document_strings, event_strings, quantity_ints, quantity_strings = \
        _coder_plans or _made_coder_plans()
    for i, low, high in document_ints:
        v = document[i]
        if v is not None and not low <= v <= high:
            return False
    strings = [*filter(None, document_strings(document))]
    if events or quantities:
        if not ids_hold(document, events, quantities):
            return False
        for e in events:
            strings += filter(None, event_strings(e))
        for q in quantities:
            for i, low, high in quantity_ints:
                v = q[i]
                if v is not None and not low <= v <= high:
                    return False
            strings += filter(None, quantity_strings(q))
    return _encodable(strings)


def storable_document(document: BaseModel, events: list[BaseModel],
                      quantities: list[BaseModel]) -> tuple[tuple, list[tuple], list[tuple]] | None:
    """storable_values of a document's validated rows, its documents row, events and quantities, in
    one go: (the row's tuple, the events', the quantities'), or None where a value does not pass
    (the caller then asks storable_values table by table, which names it). One string test for the
    document's three tables, not one a table, and no call for a table it has no row in (most
    documents: no quantity)."""
    row = _left_by_validation("documents")[0](document.__dict__)
    event_rows = _validated_values_of("events", events) if events else []
    quantity_rows = _validated_values_of("event_quantities", quantities) if quantities else []
    return (row, event_rows, quantity_rows) if storable_validated(row, event_rows, quantity_rows) else None


def storable_values(table: str, rows: list[BaseModel], validated: bool = False) -> list[tuple]:
    """The rows' values as the writer buffers them (row_values tuples, each built once, by the
    check), or an exception (TypeError, ValueError or OverflowError) where `to_arrow` would fail
    for these rows, without building the Arrow table: the writer checks every document this way
    before it buffers it, and an Arrow table per document costs more than coding a short one.
    Validated rows pass; this catches integers beyond their column's width, lone surrogates (no
    UTF-8) and values put in a row without validation. `validated`: the caller knows the rows were
    made by validating them (pipeline.code_document's, as it returns them): their values' types are
    not tested again, only what validation leaves (integer widths, lone surrogates)."""
    if not rows:   # (most documents have no event: nothing to walk)
        return []
    plain = _validated_values(table, rows) if validated else _plain_values(table, rows)
    if plain is not None:
        return plain
    # the full check, column by column: it names the first value the table cannot hold
    for name, kind, typ, low, high in _checks(table):
        for r in rows:
            v = getattr(r, name)
            if v is None:
                continue
            if not isinstance(v, typ) or (kind != "bool" and isinstance(v, bool) and kind != "float"):
                raise TypeError(f"{table}.{name}: {type(v).__name__} {v!r} in a {kind} column")
            if kind == "int":
                if not low <= v <= high:
                    raise (OverflowError if high == (1 << 63) - 1 else ValueError)(
                        f"{table}.{name}: {v} does not fit the column's {high.bit_length() + 1}-bit integers")
            elif kind == "str" and not v.isascii():
                v.encode("utf-8")   # UnicodeEncodeError (a ValueError) on a lone surrogate
    values = row_values(table)
    return [values(r.__dict__) for r in rows]


def storable_rows(document: BaseModel, events: list[BaseModel], quantities: list[BaseModel],
                  validated: bool = False) -> tuple[tuple, list[tuple], list[tuple]]:
    """storable_values of a document's rows, (its documents row's tuple, its events', its quantities'),
    or the exception of the first table that cannot hold one of them (documents, events, quantities).
    `validated` (rows as pipeline.code_document made them): first in one pass (storable_document)."""
    if validated:   # (nearly every document of a run)
        stored = storable_document(document, events, quantities)
        if stored is not None:
            return stored
    return (storable_values("documents", [document], validated)[0], storable_values("events", events, validated),
            storable_values("event_quantities", quantities, validated))


def check_storable(table: str, rows: list[BaseModel]) -> None:
    """Raise where `to_arrow` would fail for these rows (storable_values, its tuples left unused)."""
    storable_values(table, rows)


_DUCKDB_TYPES = {
    pa.string(): "VARCHAR", pa.int8(): "TINYINT", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
}


def duckdb_type(typ: pa.DataType) -> str:
    try:
        return _DUCKDB_TYPES[typ]
    except KeyError:
        raise TypeError(f"no DuckDB type for Arrow {typ}: add it to coder/tables.py _DUCKDB_TYPES") from None

