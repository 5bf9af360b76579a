"""A seeded sample of event-detection false alarms, for reading by hand.

    python benchmarks/detection_sample.py FILE.jsonl [--seed 10] [--n 100] [--labels L.json] [--show]

FILE is an event-detection set (one JSON object a line with `id`, `text`, `category`, `roots` and
`is_event`; the texts are read at run time, never stored here). Every item is coded; an item whose
`is_event` is false but which gets a news event (not background, SPEC 5) of one of its `roots` is
a false alarm, as `coder eval` counts it.

The sample: all "no" items, ordered by id and shuffled with --seed, then the first --n of them
that are false alarms. The order does not depend on the coder, so after a change the same seed
gives the same items, less those no longer coded, plus the next ones in the order: most of a new
sample has been read before.

--labels is a JSON object {id: kind} of hand readings of sampled items. A kind starting with
"event" means the sentence does report a real event that the set's label calls "no" (another
convention, not an error of ours); any other kind ("poetry", "plan", "metaphor", ...) is a
sentence that reports no event at all. With labels, the script prints the share of each kind in
the sample and the estimated number of not-an-event false alarms (share x all false alarms);
--show prints the sampled items with no label yet, to be read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout

from coder.model import Document  # noqa: E402
from coder.pipeline import code_document  # noqa: E402


def detect(items: list[dict]) -> dict[str, list[str]]:
    """id -> the evidence of each coded event of one of the item's roots (empty: not detected)."""
    out = {}
    for item in items:
        coded = code_document(Document(doc_id=str(item["id"]), text=item["text"], language=item.get("language")))
        roots = set(item["roots"])
        out[item["id"]] = [f"{e.event_code} {e.evidence!r} ({e.rule_id})" for e in coded.events
                           if e.event_root_code in roots and not e.is_background]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--labels", help="JSON {id: kind} of hand readings")
    ap.add_argument("--show", action="store_true", help="print the sampled items not read yet")
    args = ap.parse_args(argv)
    with open(args.file, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    found = detect(items)
    totals = Counter()
    for it in items:
        hit = bool(found[it["id"]])
        totals[(it.get("category", "?"), "tp" if hit and it["is_event"] else "fn" if it["is_event"]
                else "fp" if hit else "tn")] += 1
    for cat in sorted({c for c, _ in totals}):
        tp, fp, fn = totals[(cat, "tp")], totals[(cat, "fp")], totals[(cat, "fn")]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{cat}: recall {r:.3f} ({tp}/{tp + fn}), precision {p:.3f}, F1 {f1:.3f}, "
              f"false alarms {fp}/{fp + totals[(cat, 'tn')]}")
    noes = sorted((it for it in items if not it["is_event"]), key=lambda it: it["id"])
    random.Random(args.seed).shuffle(noes)
    sample = [it for it in noes if found[it["id"]]][:args.n]
    all_fp = sum(v for (_, k), v in totals.items() if k == "fp")
    labels = {}
    if args.labels:
        with open(args.labels, encoding="utf-8") as f:
            labels = json.load(f)
    kinds = Counter(labels.get(it["id"], "?unread") for it in sample)
    read = sum(v for k, v in kinds.items() if k != "?unread")
    print(f"sample: {len(sample)} of {all_fp} false alarms (seed {args.seed}), {read} read by hand")
    if read:
        nonevent = sum(v for k, v in kinds.items() if k != "?unread" and not k.startswith("event"))
        for k, v in kinds.most_common():
            print(f"  {k}: {v}")
        print(f"not an event: {nonevent}/{read} read; estimated not-an-event false alarms "
              f"{nonevent / read * all_fp:.0f} of {all_fp}")
    if args.show:
        for it in sample:
            if it["id"] not in labels:
                print(json.dumps({"id": it["id"], "category": it.get("category"), "label": it.get("label"),
                                  "coded": found[it["id"]], "text": it["text"]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
