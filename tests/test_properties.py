"""Property tests (hypothesis): readers and language profiles never raise on arbitrary input, spans
stay valid, and no regex in coder/ can be driven into catastrophic backtracking.

Each property tries CODER_HYPOTHESIS_EXAMPLES examples (default 200).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.ingest import iter_inputs
from coder.lang import ar, en
from coder.model import Document, Reject

EXAMPLES = int(os.environ.get("CODER_HYPOTHESIS_EXAMPLES", "200"))
PROPS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILES = {"ar": ar, "en": en}
ROOT = Path(__file__).resolve().parent.parent

# Characters that break naive text code: controls, bidi marks and isolates, ZWJ/ZWNJ, BOM, tatweel,
# harakat, Arabic-Indic digits and separators, emoji with modifiers, combining Latin accents.
TRICKY = ("\x00\x07\t\r\n\x0b\x0c\x85\u2028\u2029\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"
          "\u202e\u2066\u2067\u2069\ufeff\u061c\u0640\u064b\u064e\u0650\u0651\u0652\u0670"
          "٠١٢٣٤٥٦٧٨٩٫٬،؛؟۱۲ەکیی\U0001F600\U0001F1F8\U0001F1FE\U0001F44D\U0001F3FD\u0301\u0308"
          "أإآىةءئؤ .,!?;:'\"“”‘’«»()[]-–—/…")
ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "٠١٢٣٤٥٦٧٨٩ "
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "

texts = st.one_of(
    st.text(),   # any Unicode scalar value (no surrogates)
    st.text(alphabet=st.sampled_from(TRICKY + ARABIC + LATIN), max_size=300),
    st.builds(lambda c, n: c * n, st.sampled_from(list(TRICKY + ARABIC + LATIN) + ["ab", "١٬", "a.", "قَ"]),
              st.integers(500, 6000)),   # very long tokens and runs
)


def _encodable(s: str | None) -> bool:
    if s is None:
        return True
    s.encode("utf-8")   # raises on a lone surrogate, which Parquet cannot store
    return True


# ---------------------------------------------------------------- readers

records = st.one_of(
    st.binary(max_size=200),
    texts.map(lambda t: t.encode("utf-8")),
    st.fixed_dictionaries({"id": st.one_of(st.text(max_size=10), st.integers(), st.none()),
                           "text": st.one_of(texts, st.none(), st.integers()),
                           "date": st.one_of(st.text(max_size=25), st.dates().map(str), st.none())},
                          optional={"language": st.text(max_size=6), "title": st.one_of(st.text(), st.lists(st.integers()))})
    .map(lambda d: json.dumps(d).encode("utf-8")),
)


@PROPS
@given(lines=st.lists(records, max_size=8), ext=st.sampled_from([".jsonl", ".ndjson", ".csv", ".txt"]))
def test_readers_never_raise_and_yield_storable_records(lines, ext):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "2019-08-05-input" + ext)
        with open(path, "wb") as f:
            f.write(b"id,text,date\n" if ext == ".csv" else b"")
            f.write(b"\n".join(lines))
        items = list(iter_inputs([path], default_date=dt.date(2019, 8, 5), max_chars=2000))
    seen = set()
    for item in items:
        assert isinstance(item, (Document, Reject))
        if isinstance(item, Document):
            assert item.text.strip() and len(item.text) <= 2000
            assert item.doc_id not in seen
            seen.add(item.doc_id)
            assert item.language in (None, "ar", "en") and item.record >= 1
            for value in (item.doc_id, item.text, item.title, item.source, item.url):
                assert _encodable(value)
        else:
            assert item.reason and len(item.raw) <= 1000
            for value in (item.reason, item.raw, item.doc_id, item.input_path):
                assert _encodable(value)
    numbered = [i.record for i in items if i.record is not None]
    assert numbered == sorted(numbered)


# ---------------------------------------------------------------- language profiles

@PROPS
@given(text=texts, lang=st.sampled_from(sorted(PROFILES)))
def test_tokens_have_valid_increasing_offsets(text, lang):
    profile = PROFILES[lang]
    assert isinstance(profile.normalise(text), str)
    previous_end = 0
    for tok in profile.tokenise(text):
        assert previous_end <= tok.start < tok.end <= len(text)
        assert text[tok.start:tok.end] == tok.text
        assert tok.norm and tok.norm in tok.forms   # profiles may put a marked form first (=US)
        previous_end = tok.end


@PROPS
@given(text=texts, lang=st.sampled_from(sorted(PROFILES)))
def test_sentences_are_ordered_non_empty_spans(text, lang):
    previous_end = 0
    for start, end in PROFILES[lang].split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    if text.strip():
        assert PROFILES[lang].split_sentences(text), "text with content gave no sentence"


@PROPS
@given(word=texts, lang=st.sampled_from(sorted(PROFILES)))
def test_lookup_forms_start_with_the_word_and_are_distinct(word, lang):
    profile = PROFILES[lang]
    norm = profile.normalise(word)
    forms = profile.lookup_forms(norm)
    assert forms[0] == norm and len(set(forms)) == len(forms)
    assert all(isinstance(p, str) for p in profile.phrase_tokens(word))


# ---------------------------------------------------------------- the whole pipeline

def _code_text():
    try:
        from coder import pipeline
    except ImportError:
        return None
    return getattr(pipeline, "code_text", None)


@PROPS
@given(text=texts, lang=st.sampled_from(sorted(PROFILES)), published=st.one_of(st.none(), st.dates()))
def test_pipeline_never_raises_and_events_point_into_the_text(text, lang, published):
    code_text = _code_text()
    if code_text is None:
        pytest.skip("coder.pipeline.code_text does not exist yet")
    for event in code_text(text, lang, published):
        assert event.sentence in text and event.evidence in event.sentence
        assert event.event_base_code == event.event_code[:3] and event.event_root_code == event.event_code[:2]
        assert 1 <= event.quad_class <= 4 and 0 <= event.confidence <= 1


# ---------------------------------------------------------------- catastrophic backtracking

ADVERSARIAL = {
    "dot-a": ".a" * 50_000,
    "spaces": " " * 100_000,
    "western digits with separators": "1,2." * 25_000,
    "arabic digits with separators": "١٬٢٫" * 25_000,
    "arabic letters with marks": "قَتَلَ" * 16_000 + "ـ" * 4_000,
    "initials": "A. " * 33_000,
    "apostrophes and hyphens": "a'b-" * 25_000,
    "one long token": "x" * 100_000,
    "punctuation run": "!?.؟" * 25_000,
    "newlines and spaces": " \n" * 50_000,
    "no closing quote": "\"" + "word " * 20_000,
}

_PROBE = textwrap.dedent("""
    import datetime, functools, gc, importlib, json, pkgutil, re, sys, time, types
    import coder
    inputs = json.loads(sys.stdin.read())
    modules = []
    for info in pkgutil.walk_packages(coder.__path__, "coder."):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception as e:   # a module mid-edit elsewhere: report it, probe the rest
            print(json.dumps({"import_error": info.name, "error": repr(e)[:200]}), flush=True)
    pipeline = sys.modules.get("coder.pipeline")
    code_text = getattr(pipeline, "code_text", None)
    if code_text is not None:   # warm the lazy loaders so that data-built regexes exist
        code_text("The army shelled the town on Friday, killing 3 people.", "en", datetime.date(2019, 8, 5))
        code_text("قصف الجيش البلدة يوم الجمعة وقتل 3 أشخاص.", "ar", datetime.date(2019, 8, 5))

    def ours(obj):
        return (getattr(type(obj), "__module__", "") or "").startswith("coder")

    # every compiled regex reachable from coder: module globals, coder objects, containers, caches
    patterns, seen, stack = {}, set(), [(m, 0) for m in [coder, *modules]]
    while stack:
        obj, depth = stack.pop()
        if id(obj) in seen or depth > 10 or isinstance(obj, (str, bytes, int, float)):
            continue
        seen.add(id(obj))
        if isinstance(obj, re.Pattern):
            patterns.setdefault((obj.pattern, obj.flags), obj)
            continue
        if isinstance(obj, types.ModuleType):
            children = list(vars(obj).values()) if obj.__name__.startswith("coder") else []
        elif isinstance(obj, dict):
            children = list(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            children = list(obj)
        elif isinstance(obj, functools._lru_cache_wrapper):
            children = gc.get_referents(obj)
        elif isinstance(obj, type):
            children = list(vars(obj).values()) if obj.__module__.startswith("coder") else []
        elif ours(obj):
            slots = [n for k in type(obj).__mro__ for n in getattr(k, "__slots__", ())]
            children = list(getattr(obj, "__dict__", {}).values()) + [getattr(obj, n, None) for n in slots]
        else:
            continue
        stack.extend((c, depth + 1) for c in children)
    from coder.lang import PROFILES
    calls = {f"{lang}.{fn}": getattr(p, fn) for lang, p in PROFILES.items()
             for fn in ("normalise", "tokenise", "split_sentences")}
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for label, text in inputs.items():
        for (source, _), pattern in patterns.items():
            binary = isinstance(source, bytes)   # byte patterns (streaming readers) get the text's UTF-8
            name = "regex " + (source.decode("latin-1") if binary else source)[:80]
            print(json.dumps({"start": name, "input": label}), flush=True)
            t = time.process_time()
            for _ in pattern.finditer(text.encode("utf-8", "surrogatepass") if binary else text):
                pass
            print(json.dumps({"done": name, "input": label, "seconds": time.process_time() - t}), flush=True)
        for name, fn in calls.items():
            print(json.dumps({"start": name, "input": label}), flush=True)
            t = time.process_time()
            fn(text)
            print(json.dumps({"done": name, "input": label, "seconds": time.process_time() - t}), flush=True)
""")


def test_no_regex_in_coder_backtracks_catastrophically():
    """Every module-level compiled regex in coder/ and the profiles' tokenisers and splitters run over
    100k-character adversarial inputs in a child process under a time bound. The bound is on the CPU
    time of each pattern and input (a backtracking pattern takes minutes on these inputs; a busy machine
    must not fail a linear one); the wall-clock timeout only stops a probe that hangs."""
    limit = 2.0   # CPU seconds per pattern and input; linear matching takes milliseconds
    try:
        proc = subprocess.run([sys.executable, "-c", _PROBE], input=json.dumps(ADVERSARIAL), cwd=ROOT,
                              capture_output=True, text=True, timeout=150)
    except subprocess.TimeoutExpired as e:
        lines = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        last = lines.strip().splitlines()[-1] if lines.strip() else "(nothing)"
        pytest.fail(f"regex probe hung; last step started: {last}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    broken = [r for r in results if "import_error" in r]
    if broken:
        warnings.warn(f"modules not probed (they do not import): {broken}")
    assert next(r["patterns"] for r in results if "patterns" in r) >= 4   # the profiles' regexes at least
    slow = [r for r in results if r.get("seconds", 0) > limit]
    assert not slow, f"regex work too slow (> {limit}s): {slow}"
