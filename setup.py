"""Build of the optional compiled modules: `pip install .` compiles the hot modules listed in COMPILED
with Cython (their plain .py source, as it is) and installs them next to their .py files; the
extension module is what `import` finds first. Everything else is in pyproject.toml.

The compiled modules are an option, never a requirement:
- CODER_PURE_PYTHON=1 in the environment installs pure Python;
- an editable install (`pip install -e .`) never compiles: a stale extension next to an edited .py
  would shadow the edit;
- without Cython (`--no-build-isolation` on a machine without it) or a C compiler, or when one module
  fails to compile, the install goes on in pure Python for the modules concerned, with one warning line.
"""
from __future__ import annotations

import os
import re
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent

# The modules whose hot code is typed for Cython (a .pxd beside the .py declares their loops' locals
# as C types). Untyped modules are left out: compiled as they are, they ran no faster end to end
# and the one-process run about 4% slower (their code is larger than the interpreter's bytecode;
# README, "Compiled modules"). The records (coder/records.py) stay Python classes: compiled as
# extension types, their fields were read through a property each by the Python modules, which read
# them most, at 2.6 times the cost of a slot's read (README).
COMPILED = [
    "coder/lang/common.py",
    "coder/lang/word_gate.py",
    "coder/recognise/matcher.py",
    "coder/syntax/rules.py",
    "coder/syntax/tagger.py",
    "coder/syntax/phrases.py",
    "coder/syntax/word_entries.py",
    "coder/geo/place_starts.py",
    "coder/syntax/clauses.py",
]
# no debug information and -O2: the C files are large, and Python's own -O3 -g takes 2.5x the
# compile time for no measured gain (README)
FLAGS = ["-O2", "-g0"] if os.name == "posix" else []


# Cython's options for every module. Annotations stay annotations: the code is plain Python whose
# hints are not checked, and typing by them would turn a frozenset default of a `set` argument into
# an error. The C types the compiled build uses are declared apart, in .pxd files next to the .py
# (Cython reads coder/x/y.pxd when it compiles coder/x/y.py), so the .py stays plain Python.
# nonecheck: a variable declared of a record's type (coder/slots.pxd) that holds None raises
# AttributeError at a field's read, as Python does, where C would read past the None object
DIRECTIVES = {"language_level": 3, "binding": True, "annotation_typing": False, "nonecheck": True}
# infer_types=True also gives a local a C type when every value assigned to it has one (an index
# from 0 or len(): a C integer, which can overflow where a Python int would not): only where the
# integers are token positions and counts, never quantities or dates (measured: README)
INFER_TYPES = ["coder/syntax/*.py", "coder/recognise/*.py"]


def directives(source: str) -> dict:
    if any(Path(source).match(p) for p in INFER_TYPES):
        return {**DIRECTIVES, "infer_types": True}
    return DIRECTIVES


def cimported(module: str) -> set[str]:
    """The compiled modules whose types a module's .pxd cimports."""
    pxd = HERE / (module.replace(".", "/") + ".pxd")
    if not pxd.exists():
        return set()
    return set(re.findall(r"^from\s+([\w.]+)\s+cimport", pxd.read_text(encoding="utf-8"), re.M))


def pure_wanted() -> bool:
    return os.environ.get("CODER_PURE_PYTHON", "").strip().lower() not in ("", "0", "false", "no")


def modules() -> list[Extension]:
    if pure_wanted():
        return []
    # (each module by its path, relative to this file, as the build runs from here: coder/x/y.py -> coder.x.y)
    return [Extension(".".join(Path(source).with_suffix("").parts), [source], extra_compile_args=FLAGS)
            for source in COMPILED]


def warn(message: str) -> None:
    print(f"WARNING: coder: {message}; installing pure Python", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Cythonizes at build time (not when setup.py is read), into build/, and never fails the
    install: a module that does not compile stays pure Python."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1
        self.force = True   # build/ is kept between installs: never reuse objects of other directives

    def run(self):
        if getattr(self, "editable_mode", False) or self.inplace:
            warn("an editable install is not compiled")
            self.extensions = []
            return
        # build/ outlives an install: an extension left there by an earlier build would go into
        # the wheel even when this build does not compile its module (or no longer lists it)
        for old in (Path(self.build_lib) / "coder").rglob("*"):
            if old.name.endswith(tuple(EXTENSION_SUFFIXES)):
                old.unlink()
        try:
            from Cython.Build import cythonize
        except ImportError as e:  # no Cython
            warn(f"modules not compiled ({type(e).__name__}: {e})")
            self.extensions = []
            return
        options = dict(build_dir=str(Path(self.build_temp) / "cython"), quiet=True, force=True)
        self.failed = []
        wanted = [(ext.name, ext.sources[0]) for ext in self.extensions]
        originals = {ext.name: ext for ext in self.extensions}
        groups: dict[str, list] = {}   # one cythonize() call per set of directives
        for ext in self.extensions:
            groups.setdefault(repr(directives(ext.sources[0])), []).append(ext)
        try:
            self.extensions = [out for exts in groups.values() for out in cythonize(
                exts, nthreads=os.cpu_count() or 1, compiler_directives=directives(exts[0].sources[0]), **options)]
        except Exception:  # a module Cython cannot translate (its .py and its .pxd disagree): the others still compile
            self.extensions = []
            for name, source in wanted:
                try:
                    self.extensions += cythonize([Extension(name, [source], extra_compile_args=FLAGS)],
                                                 compiler_directives=directives(source), **options)
                except Exception as e:
                    self.failed.append((name, type(e).__name__))
        # setuptools marks its extensions when it reads its options (_needs_stub ...), cythonize()
        # returns new ones without the marks: without them every module "failed" once built
        for ext in self.extensions:
            for k, v in vars(originals[ext.name]).items():
                if k.startswith("_") and not hasattr(ext, k):
                    setattr(ext, k, v)
        try:
            super().run()
        except Exception as e:  # no C compiler or headers
            warn(f"modules not compiled ({type(e).__name__}: {e})")
            self.extensions = []
            return
        self.drop_dependents()
        if self.failed:   # one line, not one per module
            names = ", ".join(name for name, _ in self.failed)
            warn(f"{len(self.failed)} of {len(wanted)} modules not compiled "
                 f"({self.failed[0][1]}: {names})")

    def drop_dependents(self):
        """A module whose .pxd cimports a type from a module that did not compile would not import
        (the type it expects is a Python class): it goes pure Python too."""
        failed = {name for name, _ in self.failed}
        while True:
            drop = [ext for ext in self.extensions if ext.name not in failed and cimported(ext.name) & failed]
            if not drop:
                return
            for ext in drop:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
                self.failed.append((ext.name, "needs " + ", ".join(sorted(cimported(ext.name) & failed))))
                failed.add(ext.name)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as e:
            self.failed.append((ext.name, type(e).__name__))

    def get_outputs(self):
        # only the extensions that were built go into the wheel
        return [p for p in super().get_outputs() if os.path.exists(p)]


setup(ext_modules=modules(), cmdclass={"build_ext": OptionalBuildExt})
