"""The compiled modules (setup.py, built by `pip install .`) code exactly as the pure-Python source.

pytest imports this checkout's pure source (the current folder comes first on sys.path), so the
installed package is run in a subprocess whose working folder is not the checkout. When the installed
coder is pure Python (an editable install, CODER_PURE_PYTHON=1, no compiler) there is nothing to
compare and the comparison is skipped."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import coder

ROOT = Path(__file__).resolve().parent.parent

# sentences of our own, both languages: events with actors, places, dates and counts
DOCS = [
    ("c1", "en", "2024-03-11", "Turkish warplanes struck positions of Kurdish fighters near Kobani on Sunday, "
     "killing at least five people. The Syrian Democratic Forces said two of its commanders were wounded."),
    ("c2", "en", "2024-05-02", "Hundreds of teachers protested in Cairo on Wednesday against low wages. "
     "Police arrested twelve of them, a rights group said."),
    ("c3", "en", "2024-07-20", "The Jordanian foreign minister met his Egyptian counterpart in Amman yesterday "
     "and said both countries would not negotiate with armed groups."),
    ("c4", "ar", "2024-02-04", "قصفت طائرات حربية روسية مواقع للمعارضة في ريف إدلب يوم الأحد، ما أدى إلى مقتل "
     "ثلاثة مدنيين وإصابة سبعة آخرين."),
    ("c5", "ar", "2024-09-15", "تظاهر مئات الطلاب أمام وزارة التعليم في بغداد أمس احتجاجا على تأخر صرف المنح، "
     "واعتقلت الشرطة اثنين منهم."),
    ("c6", "ar", "2024-11-30", "التقى وزير الخارجية الأردني نظيره المصري في عمّان، وأعلنت الحكومة أنها ستقدم "
     "مساعدات بقيمة مليون دولار."),
]

# prints the version line, then every row as sorted JSON (coded_at fixed)
SCRIPT = r"""
import datetime as dt, json, sys
import coder
from coder.model import Document
from coder.pipeline import code_document
print(coder.__file__)
print(coder.build_info())
out = []
for doc_id, lang, date, text in json.loads(sys.argv[1]):
    c = code_document(Document(doc_id=doc_id, text=text, language=lang, published=dt.date.fromisoformat(date)),
                      coded_at=dt.datetime(2000, 1, 1))
    out.append(json.dumps({"documents": c.document.model_dump(mode="json")}, ensure_ascii=False, sort_keys=True))
    out += [json.dumps({"events": e.model_dump(mode="json")}, ensure_ascii=False, sort_keys=True) for e in c.events]
    out += [json.dumps({"event_quantities": q.model_dump(mode="json")}, ensure_ascii=False, sort_keys=True)
            for q in c.quantities]
print(json.dumps(sorted(out), ensure_ascii=False))
"""


def _env(pythonpath: str | None = None) -> dict[str, str]:
    """This environment for a fresh process that imports the installed coder, or with `pythonpath`
    the coder found there."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def _run(cwd: Path, pythonpath: str | None, cache: Path) -> tuple[str, str, list[str]]:
    """(where coder was imported from, its version line, its rows) in a fresh process."""
    env = _env(pythonpath)
    # compiled and pure key their caches by their own code: apart, they do not rebuild each other's
    env["CODER_CACHE_DIR"] = str(cache)
    r = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(DOCS, ensure_ascii=False)], cwd=cwd,
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    where, info, rows = r.stdout.splitlines()[-3:]
    return where, info, json.loads(rows)


def _installed(tmp_path: Path) -> tuple[str, int]:
    # counted here, not by coder.compiled_modules(): the installed coder may be older than this test
    code = ("import coder, pathlib, importlib.machinery as m; p = pathlib.Path(coder.__file__).parent; "
            "print(coder.__file__); print(len({x for s in m.EXTENSION_SUFFIXES for x in p.rglob('*' + s)}))")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=_env())
    if r.returncode:
        pytest.skip("coder is not installed")
    where, n = r.stdout.split()
    return where, int(n)


def _cache_root() -> Path:
    return Path(os.environ.get("CODER_CACHE_DIR") or Path.home() / ".cache" / "coder")


def test_the_source_tree_is_pure_python_and_says_so():
    # an extension module left in the checkout would shadow the .py being edited
    assert coder.compiled_modules() == [], "compiled modules in the source tree: remove them"
    assert coder.build_info().endswith("(pure Python)")
    r = subprocess.run([sys.executable, "-m", "coder.cli", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "pure Python" in r.stdout


def test_the_compiled_install_codes_exactly_as_the_pure_source(tmp_path):
    where, n = _installed(tmp_path)
    if Path(where).resolve().parent == (ROOT / "coder").resolve():
        pytest.skip("the installed coder is this checkout (editable install): never compiled")
    if n == 0:
        pytest.skip("the installed coder is pure Python (CODER_PURE_PYTHON=1, or no compiler at install)")
    c_where, c_info, compiled = _run(tmp_path, None, _cache_root() / "compiled")
    assert Path(c_where).resolve() == Path(where).resolve()
    assert c_info.endswith(f"({n} modules compiled)")
    p_where, p_info, pure = _run(tmp_path, str(ROOT), _cache_root())
    assert Path(p_where).resolve().parent == (ROOT / "coder").resolve() and p_info.endswith("(pure Python)")
    kinds = {json.loads(r).popitem()[0] for r in pure}
    assert kinds == {"documents", "events", "event_quantities"}, "the sentences should give every kind of row"
    assert compiled == pure
    # the installed command says it runs compiled
    v = subprocess.run([sys.executable, "-c", "import sys; from coder.cli import main; sys.argv[0] = 'coder'; "
                        "main(['--version'])"], cwd=tmp_path, capture_output=True, text=True,
                       env=_env())
    assert f"{n} modules compiled" in v.stdout
    # the records stay Python classes: their fields are slots, which the Python modules read through a
    # member descriptor (as Cython extension types their fields were properties: tests/test_typed_records.py)
    d = subprocess.run([sys.executable, "-c", "import coder.records as r; print(sorted({type(getattr(c, f)).__name__ "
                        "for c in (r.Token, r.Mention, r.WordMemo) for f in c.__slots__}))"],
                       cwd=tmp_path, capture_output=True, text=True,
                       env=_env())
    assert d.stdout.strip() == "['member_descriptor']", d.stdout + d.stderr
    # the compiled tokeniser, matcher, chunkers and clause reader make their tokens, mentions, phrases
    # and predicates in C (coder/slots.pxd, coder/syntax/record_slots.pxd): every field set, equal to
    # those the pure source makes of the same text, and the words' memos shared as the tokeniser shares them; the compiled
    # modules that read the records' fields from their slots read the same as the source, and a None
    # where a record should be is an AttributeError there too, as in Python (never a read past it)
    t = subprocess.run([sys.executable, "-c", RECORDS_SCRIPT], cwd=tmp_path, capture_output=True, text=True,
                       env=_env())
    assert t.returncode == 0, t.stderr[-3000:]
    p = subprocess.run([sys.executable, "-c", RECORDS_SCRIPT], cwd=tmp_path, capture_output=True, text=True,
                       env=_env(str(ROOT)))
    assert p.returncode == 0, p.stderr[-3000:]
    assert t.stdout.splitlines()[0] == "True True True True" and p.stdout.splitlines()[0] == "False False False False"
    assert t.stdout.splitlines()[1:] == p.stdout.splitlines()[1:]


# prints whether the tokens, the mentions, the phrases and the predicates are made in C, what a None
# where a token should be raises in the modules that read the tokens' slots, then per text its
# tokens' fields, which tokens share a memo, its mentions' fields, its phrases' and its clauses' and
# predicates' fields and the words' entries read from the memos
RECORDS_SCRIPT = r"""
import coder.lang.common as common
import coder.recognise.matcher as matcher
import coder.syntax.clauses as clauses
import coder.syntax.phrases as phrases
from coder.geo.place_starts import starting
from coder.lang import profile
from coder.lexicon.load import load
from coder.records import Mention, Token
from coder.syntax import parse
from coder.syntax.word_entries import known_entries
print(common._TOKENS_MADE_IN_C, matcher._MENTIONS_MADE_IN_C, phrases._CHUNKS_MADE_IN_C, clauses._PREDICATES_MADE_IN_C)
for read in (lambda: known_entries([None], {}), lambda: starting({}, [None])):
    try:
        read()
    except Exception as e:
        print(type(e).__name__)
for lang, text in (("en", "Police arrested 12 protesters in Cairo, (AFP) said; the U.N.-run school closed."),
                   ("en", "The United Nations Security Council condemned the attack on Monday."),
                   ("ar", "اعتقلت الشرطة 12 متظاهرا في القاهرة، وقالت الوكالة إن الشرطة أغلقت المدرسة."),
                   ("ar", "أطلقت قوات سوريا الديمقراطية سراح عشرين معتقلا من مخيم الهول.")):
    for _ in range(2):   # the second time from the tokeniser's cache
        toks = profile(lang).tokenise(text)
        assert all(type(t) is Token for t in toks)
        print([(t.text, t.start, t.end, t.norm, t.forms) for t in toks])
        print([[k for k, u in enumerate(toks) if u.memo is t.memo] for t in toks])
        mentions = matcher.match(load(lang).trie, toks, text)
        assert mentions and all(type(m) is Mention for m in mentions)
        print([(m.kind, m.first, m.last, m.start, m.end, m.text, m.rule_id, m.first_form, repr(m.entry))
               for m in mentions])
        parsed = parse(toks, mentions, profile(lang))
        chunks = parsed.chunks
        assert chunks and all(type(c).__name__ in ("Chunk", "PendingReference") for c in chunks)
        print([(c.kind, c.head, c.start, c.end, c.modifiers, c.owned, c.possessor, c.refers_to) for c in chunks])
        predicates = [p for c in parsed.clauses for p in c.predicates]
        assert predicates and all(type(p).__name__ == "Predicate" for p in predicates)
        print([(c.kind, c.start, c.end, c.marker, c.antecedent, c.parent, c.continues) for c in parsed.clauses])
        print([(p.verb, p.first, p.passive, p.arguments, p.how, sorted(p.inherited)) for p in predicates])
        print(known_entries(toks, {t.text: (t.norm, len(t.forms)) for t in toks}))
"""
