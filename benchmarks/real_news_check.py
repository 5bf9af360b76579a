"""Sanity checks of the when/how-many columns over real news sentences (not committed: pass them).

    python benchmarks/real_news_check.py FILE.jsonl...

Each line of the input is a JSON object with `id`, `text`, optional `language` and `date` (the
publication date; when it is missing, an 8-digit date in the id, as in news archive ids
"AAW_ARB_20080913.0007", is used). The texts are coded one document a line and two things that
must never happen are counted:

- an event with a quantity that is a year (a 4-digit number from 1900 to 2100 written alone, or the
  year of a date expression of its sentence);
- an event not flagged is_background that is dated more than a year before publication.

Prints the counts, the share of events flagged as background, and up to --show examples of each.
Exit status 1 when either count is not zero.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout

from coder.model import Document  # noqa: E402
from coder.pipeline import code_document  # noqa: E402

_ID_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_YEAR_TEXT = re.compile(r"^\D{0,3}((?:19|20)\d\d)\D{0,3}$")


def published(item: dict) -> dt.date | None:
    if item.get("date"):
        return dt.date.fromisoformat(str(item["date"])[:10])
    m = _ID_DATE.search(str(item.get("id", "")))
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args(argv)
    docs = events = background = undated = 0
    year_qty, old_news = [], []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                item = json.loads(line)
                pub = published(item)
                undated += pub is None
                coded = code_document(Document(doc_id=str(item["id"]), text=item["text"],
                                               language=item.get("language"), published=pub))
                docs += 1
                events += len(coded.events)
                by_event = {}
                for q in coded.quantities:
                    by_event.setdefault(q.event_id, []).append(q)
                for e in coded.events:
                    background += e.is_background
                    for q in by_event.get(e.event_id, []):
                        m = _YEAR_TEXT.match(q.text.strip())
                        if m and int(m[1]) == q.value:
                            year_qty.append(f"{item['id']}: {q.value} ({q.text!r}) on {e.event_code} {e.evidence!r}")
                    if pub and e.event_date and not e.is_background and (pub - e.event_date).days > 365:
                        old_news.append(f"{item['id']}: {e.event_code} {e.evidence!r} dated {e.event_date} "
                                        f"({e.date_precision}), published {pub}")
    print(f"documents {docs} (without a publication date: {undated}), events {events}, "
          f"background {background} ({background / max(events, 1):.1%})")
    print(f"events with a quantity that is a year: {len(year_qty)}")
    for x in year_qty[:args.show]:
        print("  " + x)
    print(f"news events (not background) dated more than a year before publication: {len(old_news)}")
    for x in old_news[:args.show]:
        print("  " + x)
    return 1 if year_qty or old_news else 0


if __name__ == "__main__":
    sys.exit(main())
