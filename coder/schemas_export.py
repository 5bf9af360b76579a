"""Write schemas/<table>.schema.json: the JSON Schema of each output table's pydantic row model,
with each column's Arrow type (`x-arrow-type`) and the schema version.

    python -m coder.schemas_export            # regenerate schemas/ in the project root
    python -m coder.schemas_export --check    # exit 1 if a committed file differs from the code

Dashboards and downstream jobs pin these files; tests/test_table_schemas.py keeps them in sync.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coder.tables import SCHEMA_VERSION, TABLE_MODELS, TABLES, duckdb_type, schema

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"


def table_schema(table: str) -> dict:
    """JSON Schema of one table, with the physical types of its columns."""
    model = TABLE_MODELS[table]
    doc = model.model_json_schema()
    arrow = schema(table)
    for field in arrow:
        prop = doc["properties"][field.name]
        prop["x-arrow-type"] = str(field.type)
        prop["x-duckdb-type"] = duckdb_type(field.type)
        prop["x-nullable"] = field.nullable
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"coder/schemas/{table}.schema.json",
        "x-table": table,
        "x-schema-version": SCHEMA_VERSION,
        "x-column-order": arrow.names,
    }
    out.update(doc)
    return out


def render(table: str) -> str:
    return json.dumps(table_schema(table), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export(out_dir: Path = SCHEMAS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out_dir / f"{table}.schema.json"
        path.write_text(render(table), encoding="utf-8")
        written.append(path)
    return written


def stale(out_dir: Path = SCHEMAS_DIR) -> list[str]:
    """Tables whose committed schema file is missing or differs from the code."""
    bad = []
    for table in TABLES:
        path = out_dir / f"{table}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(table):
            bad.append(table)
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m coder.schemas_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=SCHEMAS_DIR, help="folder to write (default: schemas/)")
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 when a file is stale")
    args = ap.parse_args(argv)
    if args.check:
        bad = stale(args.out)
        if bad:
            print(f"stale schema files: {', '.join(bad)}; run `python -m coder.schemas_export` and "
                  "bump coder.tables.SCHEMA_VERSION if a column changed", file=sys.stderr)
            return 1
        return 0
    for path in export(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
