"""Turn the dev gold sets (JSONL with id, text, date, language and gold fields) into plain `coder
code` inputs at run time: one JSONL per set, ids prefixed with the set's name, gold fields left out.
The dev sets are not part of the repository; pass their folder."""
from __future__ import annotations

import json
from pathlib import Path


def write_inputs(dev_dir: Path, out_dir: Path, limit: int | None = None) -> int:
    """Writes out_dir/<set>.jsonl; returns the number of records written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(dev_dir.glob("*.jsonl")):
        name = path.name.split(".")[0]
        with open(path, encoding="utf-8") as src, open(out_dir / f"{name}.jsonl", "w", encoding="utf-8") as dst:
            for line in src:
                if limit is not None and n >= limit:
                    return n
                if not line.strip():
                    continue
                r = json.loads(line)
                dst.write(json.dumps({"id": f"{name}:{r.get('id')}", "text": r.get("text"), "date": r.get("date"),
                                      "language": r.get("language")}, ensure_ascii=False) + "\n")
                n += 1
    return n
