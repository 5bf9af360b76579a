"""`coder explain`: the rule trace behind the coding of one piece of text."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from coder.lang import detect
from coder.lexicon.load import load
from coder.model import Document
from coder.pipeline import code_document, resolve_document
from coder.recognise.matcher import match
from coder.syntax import describe


def explain(text: str, lang: Optional[str] = None, published: Optional[dt.date] = None) -> str:
    lang = lang or detect(text)
    lines = [f"language: {lang}   publication date: {published or 'unknown'}"]
    # the places as the stored rows resolve them (the document's country settles ambiguous names)
    _, results, places, _, _ = resolve_document(Document(doc_id="explain", text=text, language=lang,
                                                         published=published))
    for r, sent_places in zip(results, places):
        sent = r.sentence
        a = r.analysis
        lines.append(f"\nsentence {sent.index}: {sent.text}")
        lines.append("  tokens: " + " ".join(
            t.text if len(t.forms) == 1 else f"{t.text}[{'/'.join(t.forms[1:])}]" for t in sent.tokens))
        # (the grammar words too: the rules read them from the matcher's index, not as mentions)
        for m in sorted(match(load(lang).trie, sent.tokens, sent.text, True), key=lambda m: (m.first, m.last)):
            what = getattr(m.entry, "code", None) or getattr(m.entry, "role", None) or ""
            if hasattr(what, "code"):
                what = what.code or ""
            lines.append(f"  match {m.kind:8} {m.text!r} {what} {m.rule_id}")
        for d in r.dates:
            lines.append(f"  date {d.text!r} -> {d.value} ({d.precision})")
        for p in sent_places:
            lines.append(f"  place {p.text!r} -> {p.place.name} ({p.place.country}, {p.place.precision}, "
                         f"{p.place.place_id}){' after a locative cue' if p.locative else ''}")
        for q in r.quantities:
            lines.append(f"  quantity {q.text!r} -> {q.value} {q.qualifier} {q.unit}")
        if a.parse is not None:
            for line in describe(a.parse, sent.tokens):
                lines.append(f"  syntax {line}")
        for step in a.trace:
            lines.append(f"  rule: {step}")
    coded = code_document(Document(doc_id="explain", text=text, language=lang, published=published))
    lines.append(f"\nevents: {len(coded.events)}")
    for e in coded.events:
        lines.append(f"  [{e.sentence_index}] {e.event_code} {e.source_code or '-'} -> {e.target_code or '-'}"
                     f"  evidence={e.evidence!r} rule={e.rule_id} date={e.event_date} ({e.date_precision})"
                     f" place={e.location_name or '-'} ({e.geo_precision or '-'})"
                     f" quantity={e.quantity_value if e.quantity_value is not None else '-'}"
                     f" {e.quantity_unit or ''} confidence={e.confidence}"
                     f"{' background' if e.is_background else ''}")
    for q in coded.quantities:
        lines.append(f"  quantity {q.value} {q.qualifier} {q.unit} {q.text!r} (event {q.event_id[:8]})")
    return "\n".join(lines)
