"""coder: a bilingual (Arabic/English) CAMEO event coder."""
__version__ = "0.1.0"


def is_compiled(module_file: str) -> bool:
    """Is `module_file` (a module's __file__) an extension module, as `pip install .` builds the
    compiled ones (compiled_modules), rather than Python source or bytecode?"""
    from importlib.machinery import EXTENSION_SUFFIXES
    return module_file.endswith(tuple(EXTENSION_SUFFIXES))


def compiled_modules() -> list[str]:
    """The modules that run compiled in this install (an extension module next to their .py, built by
    `pip install .`); empty when the install is pure Python."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from pathlib import Path
    here = Path(__file__).resolve().parent
    return sorted({".".join(("coder", *p.relative_to(here).parts[:-1], p.name.split(".")[0]))
                  for suffix in EXTENSION_SUFFIXES for p in here.rglob("*" + suffix)})


def build_info() -> str:
    """One line: the version and whether this install runs compiled."""
    n = len(compiled_modules())
    return f"coder {__version__} ({f'{n} modules compiled' if n else 'pure Python'})"
