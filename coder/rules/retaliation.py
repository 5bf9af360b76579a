"""Threats of retaliation: "غارة إسرائيلية على القنصلية ... فيما توعدت إيران بالرد" - a threat with
no target of its own, made by the party a violent event in the same sentence struck, is aimed at
whoever struck it."""
from __future__ import annotations

from coder.rules.types import ROOT, names


def _parties(g) -> set[str]:
    return {m.code.group or m.code.country for m in g.members if m.code.group or m.code.country}


def _struck_by(before: list, h, src, harm_roots):
    """The doer of a violent act before h that struck the party `src` (and is no party of its own)."""
    for x, s, t in before:
        if x.first < h.first and ROOT[x.entry.code] in harm_roots and s is not None and t is not None and \
                _parties(src) & _parties(t) and not _parties(src) & _parties(s):
            return s
    return None


def retaliation_targets(coded: list, harm_roots, trace: list[str]) -> list:
    if len(coded) < 2:
        return coded    # (one act: no violence before a threat)
    out = []
    for h, src, tgt in coded:
        if ROOT[h.entry.code] == "13" and tgt is None and src is not None:
            struck = _struck_by(out, h, src, harm_roots)
            if struck is not None:
                trace.append(f"{h.mention.text!r}: a threat by the party struck before it, aimed at "
                             f"who struck: {names(struck)}")
                tgt = struck
        out.append((h, src, tgt))
    return out
