"""Input readers: files and folders in, a deterministic stream of Documents and Rejects out (SPEC §2).

Every reader streams (a line, a CSV row or a Parquet batch at a time). Anything that cannot be read
becomes a Reject whose reason says what to fix; the run goes on. Precedence: a document's own date
and language (record field, or a YYYY-MM-DD in a .txt file name) win; `default_date` and `language`
fill in for documents that have none.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from coder.model import Document, Reject, assembled_given
from coder.seen import SeenIndex, digest
from coder.ingest.fields import FIELDS, FieldMap  # noqa: F401  (FIELDS: importers of coder.ingest use it)
from coder.ingest.jsonarray import ArrayError, array_elements
from coder.ingest.safeio import BOMS, NotRegularFile, bounded_lines, check_regular, open_binary, open_regular

log = logging.getLogger("coder.ingest")
STDIN = "-"
STDIN_NAME = "<stdin>"   # how doc ids and rejects name standard input

RAW_CHARS = 1000


def _preview(line: bytes) -> str:
    """The start of an unreadable line, as text, for its reject (made only for a reject)."""
    return line[:RAW_CHARS * 4].decode("utf-8", "replace")


_OPTIONAL_TEXT = ("title", "source", "url")
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LANGUAGES = {"ar": "ar", "ara": "ar", "arabic": "ar", "en": "en", "eng": "en", "english": "en"}
_LANG_SUBTAG = re.compile(r"[-_]")
_PARQUET_BATCH_ROWS = 256
# a byte asked of a bytes object by its value (`92 in line`): `b"\\" in line` first tries its needle as
# an integer and builds and drops a TypeError before the search (about 1,100 machine instructions a line)
_BACKSLASH = ord("\\")


def _kind(path: str) -> str | None:
    """Reader for a file name: txt, jsonl, json, csv, parquet (with .gz for jsonl/json/csv), else None."""
    name = path.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".csv":
        return "csv"
    if ext == ".json":
        return "json"
    if not gz and ext == ".txt":
        return "txt"
    if not gz and ext == ".parquet":
        return "parquet"
    return None


def _expand(paths: Iterable[str], skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str | None]]:
    """(path, None) for files named directly and every non-hidden file under named folders, in sorted
    order, a file reached twice (named and inside a named folder) once; (folder, reason) for a folder
    that cannot be listed."""
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            found, errors = [], []
            for root, dirs, files in os.walk(given, onerror=errors.append):
                dirs[:] = [d for d in dirs if not d.startswith(".")
                           and os.path.realpath(os.path.join(root, d)) not in skip]
                found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
            for e in errors:
                yield (e.filename or given), (f"folder cannot be read ({e.strerror or e}): its files were not "
                                              "coded; check its permissions")
            candidates = sorted(found)
        else:
            candidates = [given]
        for path in candidates:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path, None


def _raw(text: str) -> str:
    return text[:RAW_CHARS]


def _decode(data: bytes, where: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8 with or without a BOM; anything else is refused with
    the offending byte, never guessed (a Latin-1 file decoded as UTF-8 garbles every accent)."""
    for bom, encoding in BOMS:
        if data.startswith(bom) and encoding != "utf-8-sig":
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as e:
                name = encoding.upper()
                return None, f"{where} starts with a {name} mark but is not valid {name} ({e.reason})"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, (f"{where} is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}; "
                      "a Latin-1 or Windows-1252 file?): re-save it as UTF-8")


def _parse_date(value) -> tuple[dt.date | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s), None
        except ValueError:
            pass
        try:
            # the date as written: 2019-08-05T23:30:00-04:00 was published on the 5th where it was written
            return dt.datetime.fromisoformat(s).date(), None
        except ValueError:
            pass
    return None, (f"unparseable date {str(value)[:40]!r}: use an ISO date (2019-08-05) "
                  "or datetime (2019-08-05T14:30:00Z)")


def _language(value) -> str | None:
    """ar/en from a code or name (AR, ar-SY, arabic, eng); anything else: None (detected later)."""
    if not isinstance(value, str):
        return None
    known = _LANGUAGES.get(value)   # (nearly every record: a code as the table spells it)
    if known is not None:
        return known
    if not value.strip():
        return None
    primary = _LANG_SUBTAG.split(value.strip().lower(), maxsplit=1)[0]
    return _LANGUAGES.get(primary)


# json.loads(s) is this scanner's value when it ends where s ends (loads() adds three Python calls and
# two whitespace matches around it); the scanner's context is a default JSONDecoder's, as loads() uses
_scan_json = json.JSONDecoder().scan_once


def _json_line(text: str):
    """json.loads(text): the scanner's value for a line that is exactly one JSON value (nearly every
    line); any other line (whitespace around the value, extra data, an error) goes through
    json.loads, for its value or its exact error."""
    try:
        value, end = _scan_json(text, 0)
    except Exception:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _optional_texts(values: tuple) -> tuple[tuple, str | None]:
    """The optional text fields (_OPTIONAL_TEXT, in order) as strings, or the first one's reason it is
    not one."""
    out = []
    for name, value in zip(_OPTIONAL_TEXT, values):
        if value is not None and value.__class__ is not str:
            value, problem = _as_text(name, value)
            if problem:
                return (), problem
        out.append(value)
    return tuple(out), None


# (an ISO date that date.fromisoformat reads has no space around it: _parse_date, which strips it
# first, would give the same date)
_iso_date = dt.date.fromisoformat


def _as_text(name: str, value) -> tuple[str | None, str | None]:
    """A scalar field as a string, or a reason it is not one."""
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, f"field {name!r} must be a string, got {type(value).__name__}"
    return str(value), None


# Document(...) as its validator on a dict: the same validation, fields set and errors, without
# BaseModel.__init__ between (a Python frame and a copy of the keywords, once a record)
_document = Document.__pydantic_validator__.validate_python
# the fields a read record sets, every one of them (a copy of a set, not a set made of the dict's keys)
_DOCUMENT_FIELDS = frozenset(Document.model_fields)


class _Reader:
    """Turns the fields of one record into a Document or a Reject; remembers ids across files."""

    def __init__(self, default_date: dt.date | None, max_chars: int, language: str | None,
                 fields: FieldMap | None = None):
        if language is not None and language not in ("ar", "en"):
            raise ValueError(f"language must be 'ar', 'en' or None (detect), not {language!r}")
        self.default_date = default_date
        self.max_chars = max_chars
        self.language = language
        self.fields = fields or FieldMap()
        # ids read so far -> (input file number, record): flat, ~28 bytes an id (coder/seen.py)
        self.seen = SeenIndex(("int32", "int64"))
        self.paths: dict[str, int] = {}

    def reject(self, path: str, record: int | None, reason: str, raw: str = "",
               doc_id: str | None = None) -> Reject:
        if raw and _SURROGATE.search(raw):  # undecodable bytes: keep the rest readable
            raw = raw.encode("utf-8", "replace").decode("utf-8")
        if doc_id is not None and _SURROGATE.search(doc_id):
            doc_id = None
        return Reject(input_path=path, record=record, doc_id=doc_id, reason=reason, raw=_raw(raw))

    def document(self, fields: Mapping, path: str, record: int | None, raw: str,
                 surrogates: bool = True) -> Document | Reject:
        """The record's fields as a Document, or the Reject that says what to fix. `surrogates=False`:
        the caller knows no field can hold a lone surrogate, so they are not searched for one."""
        doc_id = fields.get("id")
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
            return self.reject(path, record, f"missing id: every record needs a non-empty {self.fields.label('id')}",
                               raw)
        if not isinstance(doc_id, str):
            return self.reject(path, record, f"id must be a string or integer, got {type(doc_id).__name__}", raw)
        text = fields.get("text")
        if text is None:
            return self.reject(path, record, f"missing text: every record needs a {self.fields.label('text')} "
                               "field", raw, doc_id)
        if not isinstance(text, str):
            return self.reject(path, record, f"text must be a string, got {type(text).__name__}", raw, doc_id)
        if not text.strip():
            return self.reject(path, record, "empty text: nothing to code", raw, doc_id)
        if len(text) > self.max_chars:
            return self.reject(path, record, f"text has {len(text)} characters, over the limit of "
                               f"{self.max_chars}: split the document or raise the limit", raw, doc_id)
        # (every value already of its field's exact type, as the model's validation would keep it:
        # see below)
        plain = doc_id.__class__ is str and text.__class__ is str and path.__class__ is str
        title, source, url = fields.get("title"), fields.get("source"), fields.get("url")
        # (nearly every record: each absent or text, read without a loop over the names)
        if not ((title is None or title.__class__ is str) and (source is None or source.__class__ is str)
                and (url is None or url.__class__ is str)):
            texts, problem = _optional_texts((title, source, url))
            if problem:
                return self.reject(path, record, problem, raw, doc_id)
            title, source, url = texts
            plain = plain and all(not value or value.__class__ is str for value in texts)
        title, source, url = title or None, source or None, url or None
        if surrogates:
            for name, value in (("id", doc_id), ("text", text), ("title", title), ("source", source), ("url", url)):
                if value and _SURROGATE.search(value):
                    return self.reject(path, record, f"field {name!r} holds invalid Unicode (a lone surrogate, "
                                       "e.g. a broken \\ud83d escape or undecodable bytes): fix the text encoding",
                                       raw, doc_id)
        # (a record without a date, one with an ISO date as written, and one whose language the table
        # spells, nearly every one, asked here: no call of _parse_date or _language for them)
        published = fields.get("date")
        if published is not None:
            iso = None
            if published.__class__ is str and len(published) == 10:   # (YYYY-MM-DD: read here)
                try:
                    iso = _iso_date(published)
                except ValueError:   # (not a date: _parse_date says why)
                    pass
            if iso is None:   # (a datetime, a date object, spaces around it: as _parse_date reads it)
                published, problem = _parse_date(published)
                if problem:
                    return self.reject(path, record, problem, raw, doc_id)
            else:
                published = iso
        language = fields.get("language")
        if language is not None:
            language = (language.__class__ is str and _LANGUAGES.get(language)) or _language(language)
        published = published or self.default_date
        # (the fields in the model's order, as its validator lays them out)
        values = {"doc_id": doc_id, "text": text, "published": published, "language": language or self.language,
                  "title": title, "source": source, "url": url, "input_path": path, "record": record}
        if plain and (published is None or published.__class__ is dt.date) and \
                (record is None or record.__class__ is int):
            # every field checked above as the model's validation checks it, each value of its field's
            # exact type (the id and the text non-blank strings, the language "ar", "en" or None): the
            # validator would convert nothing and refuse nothing, and costs twice the Document's
            # assembly (about 2.9 against 1.4 us a record); a subclass, a Path, a datetime or any
            # other value is left to the validator
            return self.accept(assembled_given(Document, values, set(_DOCUMENT_FIELDS)), raw, doc_id, path, record)
        return self.accept(_document(values), raw, doc_id, path, record)

    def accept(self, doc: Document, raw: str, doc_id: str, path: str, record: int | None) -> Document | Reject:
        """The document, or the Reject of a duplicate id. `doc_id`, `path`, `record`: the document's own,
        as the caller validated them (not read back from the model: a pydantic model's attribute is
        read through its type's __getattr__ hook, unspecialised, at each read)."""
        # (the id's file and record put where it is new, its first's read where it is not, in one call;
        # a file's number is given at its first record, new or not: files are read one after another,
        # so each keeps the number it had)
        first = self.seen.put_first(digest(doc_id), self.paths.setdefault(path, len(self.paths)),
                                    -1 if record is None else record)
        if first is not None:
            first_path = next(p for p, n in self.paths.items() if n == first[0])
            where = first_path + (f" record {first[1]}" if first[1] >= 0 else "")
            return self.reject(path, record, f"duplicate id {doc_id!r} (first read from "
                               f"{where}): give every document a unique id", raw, doc_id)
        return doc

    # ------------------------------------------------------------ per format

    def read_txt(self, path: str) -> Iterator[Document | Reject]:
        limit = self.max_chars * 4 + 4   # UTF-8 needs at most 4 bytes a character (+ a BOM)
        with open_regular(path) as f:
            data = f.read(limit + 1)
        stem = Path(path).stem
        if len(data) > limit:
            yield self.reject(path, 1, f"file is over {limit} bytes, more than the limit of {self.max_chars} "
                              "characters: split the document or raise the limit",
                              data[:RAW_CHARS * 4].decode("utf-8", "replace"), stem)
            return
        text, problem = _decode(data, "file")
        if problem:
            yield self.reject(path, 1, problem, data[:RAW_CHARS * 4].decode("utf-8", "replace"), stem)
            return
        m = _FILE_DATE.search(Path(path).name)
        published = None
        if m:
            try:
                published = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                published = None   # 2019-13-45 is not a date: the name just looks like one
        yield self.document({"id": stem, "text": text, "date": published}, path, 1, text)

    def _lines(self, path: str) -> Iterator[tuple[int, bytes, bool]]:
        """(line number, bytes, too_long) for each line; a line over the limit is skipped to its end
        without being held in memory."""
        limit = self.max_chars * 6 + 65536   # JSON escapes can take 6 bytes a character
        with open_binary(path) as f:
            yield from bounded_lines(f, limit)

    def read_jsonl(self, path: str) -> Iterator[Document | Reject]:
        return self.jsonl_lines(path, self._lines(path))   # (as lazy: both are generators)

    def read_stdin(self, stream) -> Iterator[Document | Reject]:
        """JSONL from standard input (gzipped or not), read with the same bound as a file."""
        if hasattr(stream, "peek") and stream.peek(2)[:2] == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
            stream = io.BufferedReader(stream)
        yield from self.jsonl_lines(STDIN_NAME, bounded_lines(stream, self.max_chars * 6 + 65536))

    def jsonl_lines(self, path: str, lines) -> Iterator[Document | Reject]:
        document = self.document   # (bound once, not a look-up a line)
        # (no field map, as nearly every run: the record as read, with no call a line)
        pick = self.fields.pick if self.fields.mapping else None
        for number, line, too_long in lines:
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if too_long:
                yield self.reject(path, number, f"line is longer than the limit of {self.max_chars} "
                                  "characters of text: split the document or raise the limit", _preview(line))
                continue
            try:   # (the line end cut from the bytes, not from the text: that copied the text, widened for Arabic)
                text = line.rstrip(b"\r\n").decode("utf-8")
            except UnicodeDecodeError as e:
                yield self.reject(path, number, f"line is not valid UTF-8 (byte 0x{line[e.start]:02x} at "
                                  f"column {e.start + 1}): re-save the file as UTF-8", _preview(line))
                continue
            if not text.strip():
                continue   # blank lines separate nothing and hold no record
            try:
                record = _json_line(text)
            except (ValueError, RecursionError) as e:   # ValueError also covers a 5000-digit number
                if isinstance(e, json.JSONDecodeError):
                    problem = f" at column {e.colno} ({e.msg})"
                else:
                    problem = f" ({'nested too deeply' if isinstance(e, RecursionError) else str(e)[:80]})"
                yield self.reject(path, number, f"bad JSON{problem}: each line must be one JSON object "
                                  '{"id": ..., "text": ...}', text)
                continue
            if not isinstance(record, dict):
                yield self.reject(path, number, f"not a JSON object (got {type(record).__name__}): each line "
                                  'must be one object {"id": ..., "text": ...}', text)
                continue
            # the line was decoded strictly, so a lone surrogate can only come from a \uXXXX escape (a
            # line with no backslash, nearly every one, holds none: one memchr() of its bytes, not a
            # search of the text for the two characters; the byte asked by its value, see _BACKSLASH)
            yield document(record if pick is None else pick(record), path, number, text,
                           _BACKSLASH in line and "\\u" in text)

    def read_json(self, path: str) -> Iterator[Document | Reject]:
        """A .json file holding one array of records, streamed element by element."""
        with open_binary(path) as binary:
            try:
                for number, element, too_long in array_elements(binary, self.max_chars * 6 + 65536):
                    preview = element[:RAW_CHARS * 4].decode("utf-8", "replace")
                    if too_long:
                        yield self.reject(path, number, f"record is longer than the limit of {self.max_chars} "
                                          "characters of text: split the document or raise the limit")
                        continue
                    try:
                        record = json.loads(element.decode("utf-8"))
                    except UnicodeDecodeError as e:
                        yield self.reject(path, number, f"record is not valid UTF-8 (byte 0x{element[e.start]:02x}):"
                                          " re-save the file as UTF-8", preview)
                        continue
                    except (ValueError, RecursionError) as e:
                        problem = f" ({e.msg})" if isinstance(e, json.JSONDecodeError) else ""
                        yield self.reject(path, number, f"bad JSON in array element {number}{problem}", preview)
                        continue
                    if not isinstance(record, dict):
                        yield self.reject(path, number, f"not a JSON object (got {type(record).__name__}): the array "
                                          'must hold objects {"id": ..., "text": ...}', preview)
                        continue
                    yield self.document(self.fields.pick(record), path, number, preview)
            except ArrayError as e:
                yield self.reject(path, None, str(e))

    def read_csv(self, path: str) -> Iterator[Document | Reject]:
        # Undecodable bytes become lone surrogates and are rejected per row, so one bad row does not
        # end the file. Lines are read with a bound (a long line is skipped, not held) and the field
        # limit bounds a quoted field over many lines; strict quoting finds an unclosed quote.
        limit = self.max_chars * 4 + 65536
        csv.field_size_limit(max(csv.field_size_limit(), self.max_chars * 4 + 1))
        state = {"line": 0, "long": []}

        def lines(numbered):
            for number, line, too_long in numbered:
                state["line"] = number
                if too_long:
                    state["long"].append(number)
                    yield "\n"   # stands for the skipped line: an empty row, or a break in a field
                    continue
                yield line.decode("utf-8", "surrogateescape")

        with open_binary(path) as binary:
            reader = csv.reader(lines(bounded_lines(binary, limit)), strict=True)
            try:
                header = next(reader, None)
            except csv.Error as e:
                yield self.reject(path, None, f"unreadable CSV header ({e}): the first line must name the columns")
                return
            if header is None:
                yield self.reject(path, None, "empty CSV file: expected a header with id and text columns")
                return
            index = self.fields.columns(header)
            missing = self.fields.missing(index)
            if missing:
                yield self.reject(path, None, f"CSV header has no {' or '.join(missing)} column: the first line "
                                  "must name the columns (id, text, date, language, title, source, url), "
                                  f"{self.fields.hint()}", ",".join(header))
                return
            row_number = 0
            while True:
                first_line = state["line"] + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    row_number += 1
                    if "unexpected end of data" in str(e):
                        yield self.reject(path, row_number, f"unclosed quote in the row that starts on line "
                                          f"{first_line}: it runs to the end of the file, so the rows after it "
                                          "were not read; close the quote")
                        return
                    yield self.reject(path, row_number, f"unreadable CSV row on lines {first_line}-{state['line']} "
                                      f"({e}): check its quotes")
                    continue
                row_number += 1
                if state["long"]:
                    long_lines, state["long"] = state["long"], []
                    yield self.reject(path, row_number, f"line {long_lines[0]} is longer than the limit of "
                                      f"{self.max_chars} characters of text: split the document or raise the limit")
                    continue
                raw = ",".join(row)
                if not any(cell.strip() for cell in row):
                    continue
                if _SURROGATE.search(raw):
                    yield self.reject(path, row_number, "row is not valid UTF-8: re-save the file as UTF-8", raw)
                    continue
                # an empty id or text cell is "empty", not "missing": the reason should say which
                fields = {n: (row[i] if i < len(row) else None) for n, i in index.items()}
                yield self.document(fields, path, row_number, raw)

    def read_parquet(self, path: str) -> Iterator[Document | Reject]:
        import pyarrow.parquet as pq
        try:
            pf = pq.ParquetFile(open_regular(path))
        except NotRegularFile:
            raise
        except Exception as e:  # pyarrow raises several types for a damaged file
            yield self.reject(path, None, f"unreadable Parquet file ({e}): check that it is complete")
            return
        header = list(pf.schema_arrow.names)
        index = self.fields.columns(header)
        missing = self.fields.missing(index)
        if missing:
            yield self.reject(path, None, f"Parquet file has no {' or '.join(missing)} column: it needs id and "
                              f"text (and optionally date, language, title, source, url), {self.fields.hint()}")
            return
        names = {f: header[i] for f, i in index.items()}
        columns = list(dict.fromkeys(names.values()))
        row_number = 0
        try:
            for batch in pf.iter_batches(batch_size=_PARQUET_BATCH_ROWS, columns=columns):
                for row in batch.to_pylist():
                    row_number += 1
                    fields = {f: row[n] for f, n in names.items()}
                    for key, value in fields.items():
                        if isinstance(value, bytes):
                            fields[key] = value.decode("utf-8", "surrogateescape")
                    raw = json.dumps(fields, ensure_ascii=False, default=str)
                    yield self.document(fields, path, row_number, raw)
        except Exception as e:
            yield self.reject(path, row_number + 1, f"unreadable Parquet data after row {row_number} ({e}): "
                              "the file is damaged; rewrite it")


_READERS = {"txt": _Reader.read_txt, "jsonl": _Reader.read_jsonl, "json": _Reader.read_json,
            "csv": _Reader.read_csv, "parquet": _Reader.read_parquet}


def iter_inputs(paths: list[str], default_date: dt.date | None = None, max_chars: int = 1_000_000,
                language: str | None = None, skip: Iterable[str] = (), fields: dict[str, str] | None = None,
                stdin=None) -> Iterator[Document | Reject]:
    """Documents and Rejects from files and folders (recursive, sorted), in a deterministic order;
    folders in `skip` (the output dataset, when it lies inside an input folder) are not read.
    `-` reads JSONL from `stdin` (default: the process's standard input); `fields` maps
    record fields to the input's own names ({"text": "body"})."""
    reader = _Reader(default_date, max_chars, language, FieldMap(fields))
    for path, problem in _expand(paths, frozenset(os.path.realpath(p) for p in skip)):
        if path == STDIN:   # named twice, it is read once, as a file is
            log.info("reading JSONL from standard input")
            yield from _guard(reader, STDIN_NAME, reader.read_stdin(stdin if stdin is not None else sys.stdin.buffer))
            continue
        if problem is not None:
            yield reader.reject(path, None, problem)
            continue
        if not os.path.lexists(path):
            yield reader.reject(path, None, "no such file or folder: check the path")
            continue
        kind = _kind(path)
        if kind is None:
            yield reader.reject(path, None, "unsupported file type: use .txt, .jsonl/.ndjson, .json (an array "
                                "of records), .csv (those three optionally .gz), .parquet, or - for JSONL on "
                                "standard input")
            continue
        log.info("reading %s (%s)", path, kind)
        # (the file's reader generator handed to the guard, which checks the file first: no generator
        # between them to pass on each record)
        yield from _guard(reader, path, _READERS[kind](reader, path), regular=True)


def _guard(reader: _Reader, path: str, items: Iterator[Document | Reject],
           regular: bool = False) -> Iterator[Document | Reject]:
    """The items of one input; a failure to read it becomes one reject, never the end of the run.
    `regular`: the path must be a regular file (checked before the first item is read)."""
    last = None   # (the last item; its record number read only for a failure's reason)
    try:
        if regular:
            check_regular(path)
        for item in items:
            last = item
            # (a Document is no Reject: its exact class asked first, for isinstance() on a pydantic
            # model class goes through ABCMeta.__instancecheck__, about 1,800 machine instructions)
            if item.__class__ is not Document and isinstance(item, Reject):
                log.debug("rejected %s record %s: %s", item.input_path, item.record, item.reason)
            yield item
    except NotRegularFile as e:
        yield reader.reject(path, None, f"not read: {e}")
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeError) as e:
        number = last.record if last is not None else None
        after = f" after record {number}" if number is not None else ""
        yield reader.reject(path, None, f"unreadable file{after} ({e.__class__.__name__}: {e}): check that "
                            "it exists, is readable and (if compressed) is complete")
    except Exception as e:   # a reader's bug must cost this file, not the run
        number = last.record if last is not None else None
        after = f" after record {number}" if number is not None else ""
        yield reader.reject(path, None, f"failed while reading the file{after} ({e.__class__.__name__}: {e}); "
                            "the rest of the run went on; please report it")
