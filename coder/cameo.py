"""The CAMEO event taxonomy (codes, names, Goldstein scores, quad classes) from lexicon/cameo.tsv."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "lexicon" / "cameo.tsv"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    base: str
    goldstein: float
    quad_class: int
    name: str


@lru_cache(maxsize=1)
def codes() -> dict[str, CameoCode]:
    out = {}
    lines = [l for l in TABLE.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    for line in lines[1:]:
        code, root, base, goldstein, _source, quad, name = line.split("\t")
        out[code] = CameoCode(code, root, base, float(goldstein), int(quad), name)
    return out


def lookup(code: str) -> CameoCode:
    """The CAMEO entry of a code; raises KeyError naming the code when it is not CAMEO."""
    try:
        return codes()[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a CAMEO event code (see coder/lexicon/cameo.tsv)") from None
