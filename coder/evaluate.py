"""`coder eval`: code hand-coded gold items and score them (SPEC §9).

Events match per item, one to one, on root code (`root`) and on root plus source and target
(`dyad`). An actor agrees when the gold group equals the coded group, else the gold country equals
the coded country, else (gold role only) the roles agree; a null gold actor accepts any; gold group
"*" accepts any coded group (or an IGO/NGO/INS/REB role). Partial items judge only coded events whose
root is among their gold roots. Background events, gold or coded, are scored apart (SPEC 9). Detection items score sentence-level yes/no per category."""
from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from coder.model import Document, EventRow, QuantityRow
from coder.pipeline import code_document


def load_gold(paths: list[str]) -> list[dict]:
    items = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        item = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise ValueError(f"{p}:{n}: not valid JSON ({e})") from None
                    if "events" in item:   # background events are scored apart (SPEC 9)
                        item["background"] = [e for e in item["events"] if e.get("is_background")]
                        item["events"] = [e for e in item["events"] if not e.get("is_background")]
                    items.append(item)
    return items


def _date(v) -> Optional[dt.date]:
    return dt.date.fromisoformat(v[:10]) if v else None


def _roots(g: dict) -> set[str]:
    return set(g.get("roots") or ([g["code"][:2]] if g.get("code") else []))


def actor_agrees(gold: Optional[dict], e: EventRow, side: str) -> bool:
    if not gold or not any(gold.get(k) for k in ("country", "group", "role")):
        return True
    group, country, role = (getattr(e, f"{side}_{k}") for k in ("group", "country", "role"))
    if gold.get("group") == "*":
        return group is not None or role in ("IGO", "NGO", "INS", "REB")
    if gold.get("group"):
        return group == gold["group"]
    if gold.get("country"):
        return country == gold["country"]
    return role == gold.get("role")


def _km(a, b, c, d) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def match(gold: list[dict], pred: list[EventRow], level: str) -> list[tuple[dict, EventRow]]:
    pairs, used = [], set()
    for g in gold:
        best, best_score = None, -1
        for i, p in enumerate(pred):
            if i in used or p.event_root_code not in _roots(g):
                continue
            dyad = actor_agrees(g.get("source"), p, "source") and actor_agrees(g.get("target"), p, "target")
            if level == "dyad" and not dyad:
                continue
            score = dyad * 2 + (p.event_code == g.get("code"))
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


@dataclass
class Tally:
    items: int = 0
    gold: int = 0
    pred: int = 0
    tp: dict = field(default_factory=lambda: {"root": 0, "dyad": 0})
    attrs: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    per_root: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # tp, pred, gold
    background: list = field(default_factory=lambda: [0, 0, 0])  # matched on root, coded, gold

    def prf(self, level: str) -> tuple[float, float, float]:
        tp = self.tp[level]
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _visible(item: dict, pred: list[EventRow]) -> list[EventRow]:
    if not item.get("partial"):
        return pred
    roots = set().union(*(_roots(g) for g in item["events"])) if item["events"] else set()
    return [p for p in pred if p.event_root_code in roots]


def score_item(t: Tally, item: dict, pred: list[EventRow], quants: dict[str, list[QuantityRow]]) -> None:
    pred = _visible(item, pred)
    # background is scored apart (SPEC 9): how many gold background events were coded as background
    background = [p for p in pred if p.is_background]
    pred = [p for p in pred if not p.is_background]
    t.background[0] += len(match(item.get("background", []), background, "root"))
    t.background[1] += len(background)
    t.background[2] += len(item.get("background", []))
    gold = item["events"]
    t.items += 1
    t.gold += len(gold)
    t.pred += len(pred)
    for level in ("root", "dyad"):
        pairs = match(gold, pred, level)
        t.tp[level] += len(pairs)
        if level == "root":
            root_pairs = pairs
    for p in pred:
        t.per_root[p.event_root_code][1] += 1
    matched = {id(g): p for g, p in root_pairs}
    for g in gold:   # a gold event that accepts several roots counts under the root it was matched on
        p = matched.get(id(g))
        t.per_root[p.event_root_code if p is not None else sorted(_roots(g))[0]][2] += 1
    for g, p in root_pairs:
        t.per_root[p.event_root_code][0] += 1
        a = t.attrs
        if g.get("code"):
            a["code"][0] += p.event_code == g["code"]; a["code"][1] += 1
        a["source"][0] += actor_agrees(g.get("source"), p, "source"); a["source"][1] += 1
        a["target"][0] += actor_agrees(g.get("target"), p, "target"); a["target"][1] += 1
        if g.get("location"):
            loc = g["location"]
            a["country"][0] += p.location_country == loc.get("country"); a["country"][1] += 1
            if loc.get("lat") is not None and loc.get("lon") is not None:   # a gold place may have no point
                near = p.latitude is not None and _km(loc["lat"], loc["lon"], p.latitude, p.longitude) <= 50
                a["loc50"][0] += near; a["loc50"][1] += 1
        if g.get("date"):
            n = {"month": 7, "year": 4}.get(g.get("date_precision"), 10)
            a["date"][0] += bool(p.event_date) and str(p.event_date)[:n] == g["date"][:n]; a["date"][1] += 1
        if g.get("quantities"):
            got = {q.value for q in quants.get(p.event_id, [])}
            if p.quantity_value is not None:
                got.add(p.quantity_value)
            a["qty"][0] += {int(q["value"]) for q in g["quantities"]} <= got; a["qty"][1] += 1


def evaluate(paths: list[str], show_misses: int = 0) -> tuple[list[str], dict]:
    items = load_gold(paths)
    tallies: dict[str, Tally] = defaultdict(Tally)
    detection: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for item in items:
        lang = item.get("language")
        coded = code_document(Document(doc_id=str(item["id"]), text=item["text"], language=lang,
                                       published=_date(item.get("date"))))
        quants = defaultdict(list)
        for q in coded.quantities:
            quants[q.event_id].append(q)
        lang = coded.document.language
        if "is_event" in item:
            # news events only: background (SPEC 5) is scored apart, as in the root and dyad scores
            hit = any(e.event_root_code in set(item["roots"]) for e in coded.events if not e.is_background)
            c = detection[f"{lang}/{item.get('category', '?')}"]
            c["tp" if hit and item["is_event"] else "fn" if item["is_event"] else "fp" if hit else "tn"] += 1
            if show_misses and len(misses) < show_misses and hit != item["is_event"]:
                what = "false alarm" if hit else "missed"
                why = [f"{e.event_code} {e.evidence!r} ({e.rule_id})" for e in coded.events
                       if e.event_root_code in set(item["roots"]) and not e.is_background]
                misses.append(f"  {what} {item['id']} [{item.get('category', '?')}, {item.get('label', '')}]: "
                              f"{'; '.join(why) or 'nothing coded'}: {item['text'][:200]}")
            continue
        score_item(tallies[lang], item, coded.events, quants)
        if show_misses and len(misses) < show_misses:
            got = {(e.event_root_code) for e in _visible(item, coded.events) if not e.is_background}
            want = set().union(*(_roots(g) for g in item["events"])) if item["events"] else set()
            if not (got & want) and (want or got):
                misses.append(f"  miss {item['id']}: gold roots {sorted(want)} coded "
                              f"{[(e.event_code, e.source_code, e.target_code) for e in coded.events]}: {item['text'][:160]}")
    lines, summary = [], {}
    for lang, t in sorted(tallies.items()):
        pr, pd_ = t.prf("root"), t.prf("dyad")
        summary[lang] = {"root_f1": pr[2], "dyad_f1": pd_[2],
                         **{k: v[0] / v[1] for k, v in t.attrs.items() if v[1]}}
        lines.append(f"[{lang}] items={t.items} gold events={t.gold} coded={t.pred}")
        lines.append(f"[{lang}] root  P={pr[0]:.2f} R={pr[1]:.2f} F1={pr[2]:.2f}")
        lines.append(f"[{lang}] dyad  P={pd_[0]:.2f} R={pd_[1]:.2f} F1={pd_[2]:.2f}")
        attrs = ", ".join(f"{k} {v[0]}/{v[1]}={v[0] / v[1]:.2f}" for k, v in sorted(t.attrs.items()) if v[1])
        lines.append(f"[{lang}] on root matches: {attrs or 'n/a'}")
        bt, bp, bg = t.background
        lines.append(f"[{lang}] background (scored apart): gold {bg}, coded {bp}, "
                     f"flagged rightly {bt} (matched on root)")
        summary[lang]["background"] = {"gold": bg, "coded": bp, "right": bt}
        weak = []
        for r, (tp, npred, ngold) in sorted(t.per_root.items()):
            p = tp / npred if npred else 0.0
            rec = tp / ngold if ngold else 0.0
            f = 2 * p * rec / (p + rec) if p + rec else 0.0
            weak.append(f"{r}:F1={f:.2f}(tp={tp},coded={npred},gold={ngold})")
        lines.append(f"[{lang}] per root: " + " ".join(weak))
    for key, c in sorted(detection.items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        summary[f"detection:{key}"] = {"f1": f}
        lines.append(f"[detection {key}] sentences={sum(c.values())} P={p:.2f} R={r:.2f} F1={f:.2f} "
                     f"false alarms {fp}/{fp + c['tn']}")
    return lines + misses, summary
