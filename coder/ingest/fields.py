"""Field names as users have them: a map from coder's record fields (id, text, date, language, title,
source, url) to the names an input uses (`text=body,id=guid`), so a feed's own JSONL, CSV or Parquet
columns are read without renaming them first."""
from __future__ import annotations

from collections.abc import Mapping

FIELDS = ("id", "text", "date", "language", "title", "source", "url")


def parse_field_map(spec: str | None, **single: str | None) -> dict[str, str]:
    """{field: input name} from `text=body,id=guid` and the single options (text=..., id=..., date=...);
    a single option wins over the same field in the map. ValueError names a wrong entry."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, name = part.partition("=")
        field, name = field.strip().lower(), name.strip()
        if not sep or not name:
            raise ValueError(f"--field-map entry {part.strip()!r} is not FIELD=NAME (e.g. text=body)")
        if field not in FIELDS:
            raise ValueError(f"--field-map names unknown field {field!r}: use {', '.join(FIELDS)}")
        mapping[field] = name
    for field, name in single.items():
        if name is not None:
            if not name.strip():
                raise ValueError(f"--{field}-field needs a column name")
            mapping[field] = name.strip()
    taken: dict[str, str] = {}
    for field, name in mapping.items():
        if name.lower() in taken:
            raise ValueError(f"fields {taken[name.lower()]!r} and {field!r} both read the input's {name!r}")
        taken[name.lower()] = field
    return mapping


class FieldMap:
    """The input name of each field (the field's own name unless mapped)."""

    def __init__(self, mapping: Mapping[str, str] | None = None):
        self.mapping = dict(mapping or {})
        self.names = {f: self.mapping.get(f, f) for f in FIELDS}

    def name(self, field: str) -> str:
        return self.names[field]

    def label(self, field: str) -> str:
        """How a reject names the field: 'text' or 'text' (column 'body')."""
        name = self.names[field]
        return repr(field) if name == field else f"{field!r} (read from {name!r})"

    def pick(self, record: Mapping) -> Mapping:
        """A JSON record's fields under coder's names (keys matched exactly, as JSON keys are)."""
        if not self.mapping:
            return record
        return {f: record.get(n) for f, n in self.names.items()}

    def columns(self, header: list[str]) -> dict[str, int]:
        """{field: column index} for a CSV or Parquet header (names matched without case; the first
        of two equal names wins)."""
        index = {}
        lowered = [h.strip().lower() for h in header]
        for field, name in self.names.items():
            if name.lower() in lowered:
                index[field] = lowered.index(name.lower())
        return index

    def missing(self, index: Mapping[str, int]) -> list[str]:
        return [f if self.names[f] == f else f"{f} (named {self.names[f]!r})"
                for f in ("id", "text") if f not in index]

    def hint(self) -> str:
        return "or name the columns with --text-field/--id-field or --field-map text=body,id=guid"
