"""Code tables and SQL helpers for `coder query`: what the codes in the tables mean, queryable.

Views (registered as in-memory Arrow tables: the query engine runs with file access switched off,
so nothing here is read from SQL):

    cameo      event_code, event_name, root_name, goldstein, quad_class, quad_class_name
    roles      code, name, description          (CAMEO agent codes: the *_role columns)
    groups     code, name                       (named organisations: the *_group columns)
    countries  code, name, name_ar, latitude, longitude   (the *_country columns; regions too)

and the macro `distance_km(lat1, lon1, lat2, lon2)`: great-circle distance in kilometres.
`select ... from events join cameo using (event_code)` names every event's code.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from coder.cameo import codes

LEXICON = Path(__file__).resolve().parent / "lexicon"
PLACES = Path(__file__).resolve().parent / "geo" / "places.tsv.gz"

QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                    4: "material conflict"}
EARTH_RADIUS_KM = 6371.0088   # IUGG mean Earth radius

# haversine; least() keeps rounding from pushing asin's argument past 1 for antipodal points
DISTANCE_MACRO = (
    "CREATE OR REPLACE MACRO distance_km(lat1, lon1, lat2, lon2) AS "
    f"2 * {EARTH_RADIUS_KM} * asin(least(1, sqrt("
    "pow(sin(radians(lat2 - lat1) / 2), 2) + "
    "cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2))))")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file whose first non-comment line is the header."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


@lru_cache(maxsize=1)
def cameo_table() -> pa.Table:
    table = codes()
    rows = sorted(table.values(), key=lambda c: c.code)
    return pa.table({
        "event_code": [c.code for c in rows],
        "event_name": [c.name for c in rows],
        "root_name": [table[c.root].name if c.root in table else None for c in rows],
        "goldstein": pa.array([c.goldstein for c in rows], pa.float64()),
        "quad_class": pa.array([c.quad_class for c in rows], pa.int8()),
        "quad_class_name": [QUAD_CLASS_NAMES[c.quad_class] for c in rows],
    })


@lru_cache(maxsize=1)
def roles_table() -> pa.Table:
    rows = read_tsv(LEXICON / "roles.tsv")
    return pa.table({k: [r[k] for r in rows] for k in ("code", "name", "description")})


@lru_cache(maxsize=1)
def groups_table() -> pa.Table:
    rows = read_tsv(LEXICON / "groups.tsv")
    return pa.table({k: [r[k] for r in rows] for k in ("code", "name")})


@lru_cache(maxsize=1)
def countries_table() -> pa.Table:
    """ISO 3166-1 alpha-3 countries from the gazetteer (names and centre), then the extra actor codes."""
    out: dict[str, list] = {"code": [], "name": [], "name_ar": [], "latitude": [], "longitude": []}
    with gzip.open(PLACES, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["precision"] != "country" or not r["place_id"].startswith("iso:"):
                continue
            out["code"].append(r["country"])
            out["name"].append(r["name"])
            out["name_ar"].append(r["names_ar"].split("|")[0] or None)
            out["latitude"].append(float(r["latitude"]))
            out["longitude"].append(float(r["longitude"]))
    for r in read_tsv(LEXICON / "regions.tsv"):
        if r["code"] in out["code"]:
            continue
        for k, v in (("code", r["code"]), ("name", r["name"]), ("name_ar", r["name_ar"] or None),
                     ("latitude", None), ("longitude", None)):
            out[k].append(v)
    return pa.table({k: pa.array(v, pa.float64() if k in ("latitude", "longitude") else pa.string())
                     for k, v in out.items()})


REFERENCE_TABLES = {"cameo": cameo_table, "roles": roles_table, "groups": groups_table,
                    "countries": countries_table}


def register_reference_views(con) -> None:
    """Register the code tables and create the `distance_km` macro on a DuckDB connection."""
    for name, build in REFERENCE_TABLES.items():
        con.register(name, build())
    con.execute(DISTANCE_MACRO)
