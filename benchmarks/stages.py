"""A profiler-free stage timer: wraps the pipeline's stage functions from outside the library and
adds up the time spent in each, exclusive of the other stages it calls (so shares add up to 100%)."""
from __future__ import annotations

import functools
import time
from collections import defaultdict

# (module, attribute, stage): the functions the coder's document loop calls by these names
STAGES = [
    ("coder.pipeline", "sentences", "sentence splitting + tokenising"),
    ("coder.pipeline", "dates_and_copy", "dates"),
    ("coder.pipeline", "note_undated", "dates"),
    ("coder.pipeline", "chunk_folds", "dates"),   # (the chunks' folds, which the quantities read too)
    ("coder.pipeline", "match", "dictionary matching"),
    ("coder.pipeline", "parse", "syntax"),
    ("coder.pipeline", "analyse", "rules"),
    ("coder.pipeline", "find_quantities", "quantities"),
    ("coder.geo.toponyms", "SentencePlaces.places", "places"),
    ("coder.pipeline", "document_focus", "places"),
    ("coder.pipeline", "drop_repeat_mentions", "rows"),
    ("coder.pipeline", "rows_for", "rows"),
    ("coder.rows", "find_dates", "dates"),   # (an undated sentence read against a stand-in day)
    ("coder.pipeline", "document_sha", "document hash"),
    ("coder.sinks", "DatasetWriter.add", "Parquet writing"),
    ("coder.sinks", "DatasetWriter.flush", "Parquet writing"),
    ("coder.sinks", "DatasetWriter.close", "Parquet writing"),
]


class StageTimer:
    def __init__(self):
        self.exclusive = defaultdict(float)
        self.calls = defaultdict(int)
        self.sentences = 0
        self._stack: list[list] = []      # [stage, start, time in nested stages]
        self.missing: list[str] = []

    def wrap(self, fn, stage: str):
        timer = self

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            timer._stack.append([stage, time.perf_counter(), 0.0])
            try:
                out = fn(*args, **kwargs)
            finally:
                name, start, nested = timer._stack.pop()
                took = time.perf_counter() - start
                timer.exclusive[name] += took - nested
                timer.calls[name] += 1
                if timer._stack:
                    timer._stack[-1][2] += took
            if stage.startswith("sentence splitting"):
                timer.sentences += len(out)
            return out
        return timed

    def install(self) -> None:
        import importlib
        for module, attr, stage in STAGES:
            mod = importlib.import_module(module)
            owner, name = mod, attr
            if "." in attr:
                cls, name = attr.split(".")
                owner = getattr(mod, cls, None)
            if owner is None or not hasattr(owner, name):
                self.missing.append(f"{module}.{attr}")   # renamed since: reported, not fatal
                continue
            setattr(owner, name, self.wrap(getattr(owner, name), stage))

    def report(self, total: float) -> list[tuple[str, float]]:
        """(stage, share of `total`) by decreasing share, with the unwrapped rest as 'other'."""
        rows = sorted(self.exclusive.items(), key=lambda kv: -kv[1])
        rest = total - sum(self.exclusive.values())
        return [(k, v / total) for k, v in rows] + [("other (reading input, pydantic rows, glue)", rest / total)]
