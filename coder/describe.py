"""`coder describe [TABLE]`: the data dictionary, from the descriptions in the pydantic row models.

The same descriptions are in schemas/<table>.schema.json and in each Parquet file's field metadata;
the code tables (cameo, roles, groups, countries) that `coder query` also serves are listed with
their columns.
"""
from __future__ import annotations

import textwrap

from coder.reference_views import REFERENCE_TABLES
from coder.tables import TABLE_MODELS, TABLES, duckdb_type, schema

REFERENCE_NOTES = {
    "cameo": "CAMEO event codes: join events with `join cameo using (event_code)`; root names with "
             "`join cameo r on r.event_code = e.event_root_code`",
    "roles": "CAMEO agent codes of the *_role columns (`join roles r on r.code = e.source_role`)",
    "groups": "named organisations of the *_group columns",
    "countries": "ISO 3166-1 alpha-3 countries and the region codes of the *_country columns, with "
                 "Arabic names and the centre the coder gives a country-precision place",
}


def table_rows(table: str) -> list[tuple[str, str, bool, str]]:
    """(column, DuckDB type, nullable, description) of an output table, in column order."""
    model = TABLE_MODELS[table]
    out = []
    for f in schema(table):
        out.append((f.name, duckdb_type(f.type), f.nullable, model.model_fields[f.name].description or ""))
    return out


def describe_table(table: str, width: int = 100) -> str:
    model = TABLE_MODELS[table]
    rows = table_rows(table)
    name_w = max(len(r[0]) for r in rows)
    type_w = max(len(r[1]) + (5 if r[2] else 0) for r in rows)
    lines = [f"{table}: {(model.__doc__ or '').strip()}", ""]
    indent = name_w + type_w + 4
    for name, typ, nullable, desc in rows:
        kind = typ + (" null" if nullable else "")
        wrapped = textwrap.wrap(desc, max(30, width - indent)) or [""]
        lines.append(f"  {name:<{name_w}}  {kind:<{type_w}}  {wrapped[0]}")
        lines += [" " * (indent + 2) + w for w in wrapped[1:]]
    return "\n".join(lines)


def describe_reference(name: str) -> str:
    table = REFERENCE_TABLES[name]()
    cols = ", ".join(f"{f.name} {f.type}" for f in table.schema)
    return f"{name} ({table.num_rows} rows): {REFERENCE_NOTES[name]}\n  columns: {cols}"


def describe(table: str | None = None) -> str:
    """The dictionary of one table (output or code table), or of all of them."""
    if table is None:
        parts = [describe_table(t) for t in TABLES]
        parts.append("Code tables in `coder query`:\n\n" + "\n\n".join(describe_reference(n) for n in REFERENCE_TABLES))
        parts.append("SQL helper in `coder query`: distance_km(lat1, lon1, lat2, lon2), the great-circle "
                     "distance in kilometres.")
        return "\n\n".join(parts) + "\n"
    if table in TABLE_MODELS:
        return describe_table(table) + "\n"
    if table in REFERENCE_TABLES:
        return describe_reference(table) + "\n"
    raise ValueError(f"unknown table {table!r}: use one of {', '.join([*TABLES, *REFERENCE_TABLES])}")
