"""Load, validate and compile a language's lexicon files into one token trie.

The compiled lexicon is cached on disk (checksummed JSON keyed by the files' hash, coder/cache.py), so a run pays the YAML
parsing once per lexicon change, not per process. `coder lexicon check` (coder/lexicon/check.py) validates."""
from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from coder.lang import profile
from coder.lexicon.data import LexiconError, files_version, read_support, read_yaml, yaml_loader  # noqa: F401
from coder.model import ActorCode

# the YAML parser and the lexicon's schemas (pydantic models) are imported when a lexicon is
# compiled or checked: a start-up from the caches needs neither

LEXICON_DIR = Path(__file__).parent
KINDS = ("verbs", "actors", "agents", "discards", "senses")
NO_EVENT = ""   # the code of a senses.yaml reading: the words mean no event here


def __getattr__(name: str):
    if name == "YAML_LOADER":   # the YAML 1.2 loader, built on first use
        return yaml_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


END = ""  # trie key holding the payloads of a phrase that ends at this node


# ---------------------------------------------------------------- compiled payloads

@dataclass(slots=True, frozen=True)
class Trigger:
    rule_id: str
    code: str
    pos: str                  # verb | noun
    tag: str                  # base|s|past|participle|ing|present|noun
    speech: bool
    objects: tuple[tuple[str, ...], ...]
    subject_is_target: bool = False
    genitive: Optional[str] = None     # nouns: is the actor right after the noun its source or target
    subject_agents: tuple[str, ...] = ()   # agent entry ids one of which must be the source
    speaker_is_source: bool = False        # with no source of its own, the reporting verb's subject is it
    # the object phrases by their first key, so that a token is checked against the few phrases
    # that can start with it, not against every object of the entry
    objects_by_first: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(slots=True, frozen=True)
class ActorRef:
    rule_id: str
    code: ActorCode
    periods: tuple[tuple[Optional[dt.date], Optional[dt.date], ActorCode], ...] = ()

    def code_on(self, day: Optional[dt.date]) -> ActorCode:
        """The actor code that holds on `day` (SPEC §4: leaders resolve by the event date)."""
        if not self.periods:    # (most names: no office held for a time, one code whatever the day)
            return self.code
        if day is not None:
            for start, end, code in self.periods:
                if (start is None or start <= day) and (end is None or day < end):
                    return code
            return self.code
        # no date: the office held now (an open-ended period), else the default
        current = [code for start, end, code in self.periods if end is None]
        return current[-1] if current else self.code


@dataclass(slots=True, frozen=True)
class AgentRef:
    rule_id: str
    code: ActorCode


@dataclass(slots=True, frozen=True)
class GrammarRef:
    role: str                 # negation | passive_auxiliary | agent_marker | target_marker | coordinator | clause_break


@dataclass(slots=True, frozen=True)
class DiscardRef:
    rule_id: str
    roots: tuple[str, ...] = ()   # only events of these roots are discarded; empty: every event


@dataclass
class CompiledLexicon:
    language: str
    version: str
    trie: dict
    sizes: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # the first words of every object phrase of the verbs and senses: a sentence none of whose words
    # is one holds no light verb's object (gathered here: the cached trie is decoded only as reached)
    object_firsts: frozenset[str] = frozenset()


# ---------------------------------------------------------------- reading and validating

def lexicon_files(lang: str) -> list[Path]:
    folder = LEXICON_DIR / lang
    files = sorted(p for p in folder.glob("*.yaml") if p.stem == "grammar" or p.stem.split("_")[0] in KINDS)
    return files


def lexicon_version() -> str:
    """A hash of every dictionary file (both languages and the CAMEO table): the `lexicon_version`
    written into every output file. (Rehashed only when a file's size or time changes.)"""
    files = sorted(p for p in LEXICON_DIR.rglob("*") if p.suffix in (".yaml", ".tsv") and p.is_file())
    return files_version(LEXICON_DIR, files)


def _read(path: Path) -> dict:
    # parsed once per change of the file (YAML is 90% of a compile): editing one file of an
    # English lexicon recompiles it in a few seconds, not ten
    return read_yaml(path, lambda data: _mapping(data, path))


def _mapping(data, path: Path) -> dict:
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping with language, kind and entries")
    return data


def validate_file(path: Path, lang: str):
    """(kind, validated entries or Grammar); raises LexiconError naming the file and entry."""
    from pydantic import ValidationError

    from coder.lexicon.schema import ENTRY_MODELS, Grammar, LexiconFile
    data = _read(path)
    if path.stem == "grammar":
        try:
            g = Grammar.model_validate(data)
        except ValidationError as e:
            raise LexiconError(f"{path}: {e}") from None
        return "grammar", g
    try:
        head = LexiconFile.model_validate(data)
    except ValidationError as e:
        raise LexiconError(f"{path}: {e}") from None
    if head.language != lang:
        raise LexiconError(f"{path}: says language {head.language!r} but lives in {lang}/")
    expected = path.stem.split("_")[0]
    if head.kind != expected:
        raise LexiconError(f"{path}: says kind {head.kind!r}; a file named {path.name} must be {expected!r}")
    model = ENTRY_MODELS[head.kind]
    entries, errors = [], []
    for i, raw in enumerate(head.entries):
        try:
            entries.append(model.model_validate(raw))
        except ValidationError as e:
            ident = raw.get("id", "?") if isinstance(raw, dict) else "?"
            errors.append(f"{path}: entry {i} (id {ident}): {e}")
    if errors:
        raise LexiconError("\n".join(errors))
    return head.kind, entries


def check(lang: str) -> list[str]:
    """Validate every lexicon file of a language; return the problems (empty when all is well)."""
    return _checked(lang)[0]


def _checked(lang: str) -> tuple[list[str], list[tuple[Path, str, object]]]:
    """The problems of check(), and each valid file's (path, kind, validate_file content)."""
    problems, ids, valid = [], {}, []
    for path in lexicon_files(lang):
        try:
            kind, entries = validate_file(path, lang)
        except LexiconError as e:
            problems.append(str(e))
            continue
        valid.append((path, kind, entries))
        if kind == "grammar":
            continue
        for e in entries:
            key = (kind, e.id)
            if key in ids:
                problems.append(f"{path}: {kind} id {e.id!r} already used in {ids[key]}")
            ids[key] = path.name
    return problems, valid


# ---------------------------------------------------------------- compiling

def _insert(trie: dict, keys: list[str], payload) -> None:
    node = trie
    for k in keys:
        if not k:
            return
        node = node.setdefault(k, {})
    payloads = node.setdefault(END, [])
    if payload not in payloads:   # "الجيش" and "جيش" are one key: keep one payload
        payloads.append(payload)


def grammar_role(field_name: str) -> str:
    """The role a grammar.yaml list gives its words: the singular of the key
    (agent_markers -> agent_marker, passive_auxiliaries -> passive_auxiliary, negation -> negation)."""
    if field_name.endswith("ies"):
        return field_name[:-3] + "y"
    return field_name[:-1] if field_name.endswith("s") else field_name


def _code(e) -> ActorCode:
    return ActorCode(getattr(e, "country", None), getattr(e, "group", None), getattr(e, "role", None))


def compile_lexicon(lang: str) -> CompiledLexicon:
    from coder.lexicon.schema import Grammar
    prof = profile(lang)
    keys = prof.phrase_tokens

    def name_keys(name: str) -> list[str]:
        # a one-word name keeps its article: القاعدة is al-Qaeda, قاعدة is a base
        k = keys(name)
        return keys(name, keep_article=True) if len(k) == 1 else k
    trie: dict = {}
    sizes = {k: 0 for k in (*KINDS, "grammar")}
    grammar = Grammar(language=lang, kind="grammar")
    parsed = []
    object_firsts: set[str] = set()
    problems, valid = _checked(lang)   # each file read and validated once
    if problems:
        raise LexiconError("the lexicon is invalid:\n" + "\n".join(problems))
    files = [path for path, _, _ in valid]
    for path, kind, content in valid:
        if kind == "grammar":
            grammar = content
        else:
            parsed.append((kind, content))
    for field_name, words in grammar:
        if field_name == "irregular_verbs" or not isinstance(words, list):
            continue
        for w in words:
            _insert(trie, keys(w), GrammarRef(grammar_role(field_name)))
            sizes["grammar"] += 1
    for kind, entries in parsed:
        for e in entries:
            rule_id = f"{lang}.{kind}.{e.id}"
            if kind in ("verbs", "senses"):
                objects = tuple(tuple(keys(o)) for o in e.object)
                subject_agents = tuple(f"{lang}.agents.{a}" for a in getattr(e, "subject_agents", ()))
                code = getattr(e, "code", NO_EVENT)
                by_first: dict[str, list] = {}
                for o in sorted(objects, key=len, reverse=True):   # the longest object phrase wins
                    if o:
                        by_first.setdefault(o[0], []).append(o)
                object_firsts.update(by_first)
                for v in e.verbs:
                    forms = prof.verb_forms(v, grammar.irregular_verbs) if lang == "en" else prof.verb_forms(v)
                    for surface, tag in forms:
                        _insert(trie, keys(surface), Trigger(rule_id, code, "verb", tag, getattr(e, "speech", False), objects,
                                                              getattr(e, "subject_is_target", False), getattr(e, "genitive", None),
                                                              subject_agents, objects_by_first=by_first,
                                                              speaker_is_source=getattr(e, "speaker_is_source", False)))
                        sizes[kind] += 1
                for n in e.nouns:
                    _insert(trie, keys(n), Trigger(rule_id, code, "noun", "noun", getattr(e, "speech", False), objects,
                                                  getattr(e, "subject_is_target", False), getattr(e, "genitive", None),
                                                  subject_agents, objects_by_first=by_first,
                                                  speaker_is_source=getattr(e, "speaker_is_source", False)))
                    sizes[kind] += 1
            elif kind == "actors":
                periods = tuple((p.from_, p.to, ActorCode(p.country, p.group, p.role)) for p in e.periods)
                ref = ActorRef(rule_id, _code(e), periods)
                for n in e.names:
                    _insert(trie, name_keys(n), ref)
                    sizes[kind] += 1
                for a in e.adjectives:
                    for f in prof.adjective_forms(a):
                        _insert(trie, keys(f), ref)
                        sizes[kind] += 1
            elif kind == "agents":
                ref = AgentRef(rule_id, _code(e))
                for n in e.names:
                    _insert(trie, keys(n), ref)
                    sizes[kind] += 1
            else:
                ref = DiscardRef(rule_id, tuple(e.roots))
                for n in e.names:
                    _insert(trie, keys(n), ref)
                    sizes[kind] += 1
    return CompiledLexicon(lang, lexicon_version(), trie, sizes, [p.name for p in files], frozenset(object_firsts))


@lru_cache(maxsize=1)
def implicit_actors() -> list:
    """The implied actors per event class (implicit_actors.yaml), validated."""
    from pydantic import ValidationError

    from coder.lexicon.schema import ImplicitActorsFile
    path = LEXICON_DIR / "implicit_actors.yaml"
    try:
        return ImplicitActorsFile.model_validate(read_yaml(path, lambda data: _mapping(data, path))).entries
    except ValidationError as e:
        raise LexiconError(f"{path}: {e}") from None


def _cache_dir() -> Path:
    from coder.cache import cache_dir
    return cache_dir()


def _payload_classes() -> dict:
    """The classes a cached trie may hold: the dataclasses of this module, of the other loaded
    coder.lexicon modules and of coder.model. Decoding constructs only these, with the fields they
    were written with, so a planted cache file cannot run code."""
    import dataclasses
    import sys
    out = {}
    for mod_name, mod in list(sys.modules.items()):
        if mod is None or not (mod_name.startswith("coder.lexicon") or mod_name == "coder.model"):
            continue
        for n, c in vars(mod).items():
            if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == mod_name:
                out[n] = c
    return out


def _encode_lexicon(lex: CompiledLexicon) -> bytes:
    """JSON lines (coder.cache.pack_lines): a head, the payloads' table (one object a line, each object once), then the trie
    as coder.cache.trie_lines with entry numbers at END. Reading it back builds only what is used."""
    from coder.cache import Packer, dump, pack_lines, trie_lines
    # ActorCode is a mutable dataclass, but the coder never changes one in place (it replaces them)
    pack = Packer(_payload_classes(), shared=frozenset({"ActorCode"}))
    trie = trie_lines(lex.trie, END, lambda payloads: [pack.add(p) for p in payloads])
    head = {"language": lex.language, "version": lex.version, "sizes": lex.sizes, "files": lex.files,
            "fields": pack.fields, "table": len(pack.table), "trie": len(trie),
            "object_firsts": sorted(lex.object_firsts)}
    return pack_lines([dump(head), *map(dump, pack.table), *trie])


def _decode_lexicon(body: bytes) -> CompiledLexicon:
    """The lexicon of an _encode_lexicon body; its trie and payloads are decoded as they are reached."""
    from coder.cache import LazyTrie, Unpacker, trie_line_decoder, unpack_lines
    lines = unpack_lines(body)
    head = json.loads(lines[0])
    n = head["table"]
    objects = Unpacker(lines[1:1 + n], _payload_classes(), head["fields"])
    if len(lines) != 1 + n + head["trie"]:
        raise ValueError("the cached lexicon is not whole")

    def payloads(refs) -> list:
        if not isinstance(refs, list):
            raise ValueError("a cached trie node refers to no payload")
        return objects.pick(refs)   # (which checks each is an entry's number)

    decode = trie_line_decoder(END, payloads)
    lex = CompiledLexicon(head["language"], head["version"], {}, head["sizes"], head["files"],
                          frozenset(head["object_firsts"]))
    # a bulk run ends up reaching most of the trie: it then gets the plain dict (faster look-ups)
    lex.trie = LazyTrie(lines[1 + n], lines[2 + n:], decode, END, on_whole=lambda trie: setattr(lex, "trie", trie))
    return lex


@lru_cache(maxsize=None)
def load(lang: str) -> CompiledLexicon:
    """The compiled lexicon of a language: from the on-disk cache when the files are unchanged.
    The cache is JSON with a checksummed header (coder/cache.py); a stale, foreign or damaged file
    is ignored and rebuilt."""
    from coder import __version__
    from coder import cache as disk
    version = lexicon_version()
    # the tokenisers make the trie's keys and this file its payloads: a change to them rebuilds it
    code = disk.files_hash([*disk.tokeniser_sources(), Path(__file__), Path(disk.__file__)])
    key = f"{lang}-{version}-{code}-{__version__}"
    path = _cache_dir() / f"lexicon-{key}.json"
    body = disk.read(path, "lexicon", key)
    if body is not None:
        try:
            lex = _decode_lexicon(body)
            if lex.version == version and lex.language == lang:
                return lex
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            pass
    disk.announce(f"the compiled lexicon cache for '{lang}'", "up to ~10 s")
    lex = compile_lexicon(lang)
    try:
        body = _encode_lexicon(lex)
    except TypeError as e:   # a payload the cache cannot hold: compile each run rather than cache unsafely
        print(f"not caching the lexicon: {e} (add its class to _payload_classes)", file=sys.stderr)
        return lex
    disk.write(path, "lexicon", key, body, stale_glob=f"lexicon-{lang}-*")
    return lex
