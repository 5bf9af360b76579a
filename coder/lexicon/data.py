"""Our YAML data files as Python data: read with YAML 1.2 booleans, checked, and kept on disk as
JSON (coder/cache.py), so that a start-up parses JSON and neither imports nor runs a YAML parser
(the supporting files of one language take 20-30 ms to parse as YAML, 1 ms as JSON)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=1)
def yaml_loader():
    """YAML 1.2 booleans: only true/false. YAML 1.1 also reads on/off/yes/no as booleans, and those
    are words a lexicon lists ("on" is a target marker, "no" a negation)."""
    import yaml

    class Yaml12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass
    Yaml12Loader.__doc__ = yaml_loader.__doc__
    Yaml12Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false|True|False)$"),
                                       list("tTfF"))
    return Yaml12Loader


def parse_yaml(text: str, path: Path, error: str = "{path}: not valid YAML ({e}); fix the syntax"):
    """YAML text as data; a syntax error is a LexiconError worded by `error` (path and e)."""
    import yaml
    try:
        return yaml.load(text, Loader=yaml_loader())
    except yaml.YAMLError as e:
        raise LexiconError(error.format(path=path, e=e)) from None


@lru_cache(maxsize=1)
def _code_key() -> str:
    """What the cached data depends on besides the file: the parser and the checks (the schemas)."""
    from coder import __version__
    from coder import cache as disk
    here = Path(__file__).parent
    return f"{disk.files_hash([Path(__file__), here / 'schema.py', Path(disk.__file__)])}-{__version__}"


def read_yaml(path: Path, check: Optional[Callable] = None, error: Optional[str] = None):
    """The data of a YAML file, through the on-disk cache: parsed and passed through `check` (which
    raises on a bad file and returns the data to keep) once per change of the file's bytes or of the
    code that checks it. Data that JSON cannot hold as it is (a date, a number as a key) is never
    cached: it is parsed each time."""
    from coder import cache as disk
    raw = path.read_bytes()
    key = f"{hashlib.sha256(raw).hexdigest()[:16]}-{_code_key()}"
    name = f"data-{path.parent.name}-{path.stem}"
    target = disk.cache_dir() / f"{name}-{key}.json"
    body = disk.read(target, "data", key)
    if body is not None:
        try:
            return json.loads(body, object_hook=_from_json)
        except (ValueError, TypeError):
            pass
    data = parse_yaml(raw.decode("utf-8"), path, *([error] if error else []))
    if check is not None:
        data = check(data)
    try:
        body = disk.dump(_to_json(data))
    except (TypeError, ValueError):
        return data
    if json.loads(body, object_hook=_from_json) == data:
        disk.write(target, "data", key, body, stale_glob=f"{name}-*.json")
    return data


_PAIRS, _DATE = "\0pairs", "\0date"   # YAML mappings with other keys than strings (`1: [january]`), dates


def _to_json(x):
    if isinstance(x, dict):
        if all(type(k) is str for k in x) and _PAIRS not in x and _DATE not in x:
            return {k: _to_json(v) for k, v in x.items()}
        return {_PAIRS: [[_to_json(k), _to_json(v)] for k, v in x.items()]}
    if isinstance(x, list):
        return [_to_json(v) for v in x]
    if x is None or type(x) in (str, int, float, bool):
        return x
    if type(x) is dt.date:
        return {_DATE: x.isoformat()}
    raise TypeError(f"no JSON form for a {type(x).__name__}")


def _from_json(d: dict):
    if len(d) == 1:
        if _PAIRS in d:
            return {k: v for k, v in d[_PAIRS]}
        if _DATE in d:
            return dt.date.fromisoformat(d[_DATE])
    return d


def read_support(path: Path, lang: str, stem: str) -> dict:
    """A supporting file (numbers, dates, quantities, places, syntax) of a language, checked for
    the header every lexicon file carries and against its schema (schemas/lexicon.<stem>.json)."""
    def check(data) -> dict:
        data = data or {}
        if data.get("language") != lang or data.get("kind") != stem:
            raise LexiconError(f"{path}: the header must say `language: {lang}` and `kind: {stem}`")
        from pydantic import ValidationError

        from coder.lexicon.schema import SUPPORT_MODELS
        model = SUPPORT_MODELS.get(stem)
        if model is not None:
            try:
                model.model_validate(data)
            except ValidationError as e:
                raise LexiconError(f"{path}: {e}") from None
        return data
    return read_yaml(path, check, error="{path} is not valid YAML ({e}); fix the line it points to")


def files_version(root: Path, files: list[Path]) -> str:
    """A hash of files' paths (under root) and bytes. The bytes are read again only when a file's
    size or modification time has changed: the last hash is kept on disk under the files' stat."""
    from coder import cache as disk
    h = hashlib.sha256()
    for p in files:
        st = p.stat()
        h.update(f"{p.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    stat_key = h.hexdigest()[:16]
    name = f"version-{root.name}"
    target = disk.cache_dir() / f"{name}-{stat_key}.json"
    body = disk.read(target, "version", stat_key)
    if body is not None and re.fullmatch(rb"[0-9a-f]{16}", body):
        return body.decode()
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    version = h.hexdigest()[:16]
    disk.write(target, "version", stat_key, version.encode(), stale_glob=f"{name}-*.json")
    return version
