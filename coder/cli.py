"""The `coder` command: a thin layer over the Python API.

Exit status: 0 all went well; 1 the run finished but some input records were rejected (they are in
the `rejects` table) or an evaluation missed its threshold; 2 usage error or a fatal problem."""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time

from coder import __version__, build_info


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a date: write YYYY-MM-DD, e.g. 2019-08-05") from None


def cmd_code(a) -> int:
    from coder.ingest import STDIN, iter_inputs
    from coder.ingest.fields import parse_field_map
    from coder.parallel import WorkerError
    from coder.pipeline import versions
    from coder.progress import Progress, count_records
    from coder.runner import code_into
    from coder.sinks import DatasetWriter

    if a.batch < 1 or a.max_chars < 1:
        raise ValueError("--batch and --max-chars must be at least 1")
    workers = a.workers if a.workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    if a.scheduler and a.engine != "dask":
        raise ValueError("--scheduler is for --engine dask")
    fields = parse_field_map(a.field_map, text=a.text_field, id=a.id_field, date=a.date_field)
    if STDIN in a.inputs and sys.stdin.isatty():
        print("coder code: reading JSONL from the terminal; end with Ctrl-D", file=sys.stderr)
    progress = None
    if not a.quiet and not a.no_progress and sys.stderr.isatty():
        progress = Progress(sys.stderr, total=count_records(a.inputs, skip=[a.out]))
    started = time.perf_counter()
    v = versions()
    try:
        with DatasetWriter(a.out, v["coder_version"], v["lexicon_version"], batch_docs=a.batch) as w:
            for warning in w.warnings:
                print(f"coder code: {warning}", file=sys.stderr)
            items = iter_inputs(a.inputs, default_date=a.date, max_chars=a.max_chars, language=a.lang,
                                skip=[a.out], fields=fields)   # an --out inside an input folder is not input
            try:
                if a.engine == "dask":
                    from coder.cluster import code_with_dask
                    code_with_dask(w, items, scheduler=a.scheduler, workers=workers, progress=progress)
                else:
                    code_into(w, items, progress=progress, workers=workers)
            finally:
                if progress is not None:
                    progress.close()
            if not a.no_compact:
                w.compact()
    except WorkerError as e:   # what was committed stays; a rerun goes on from there
        print(f"coder code: {e}", file=sys.stderr)
        return 2
    c = w.counts
    took = time.perf_counter() - started
    if not a.quiet:
        print(f"coded {c.get('documents', 0)} documents ({c.get('skipped', 0)} unchanged, skipped; "
              f"{c.get('replaced', 0)} replaced), {c.get('events', 0)} events, "
              f"{c.get('quantities', 0)} quantities, {c.get('rejects', 0)} rejected records in {took:.1f} s -> {a.out}",
              file=sys.stderr)
        if c.get("rejects"):
            print(f"see why: coder query \"select input_path, record, reason from rejects\" --data {a.out}",
                  file=sys.stderr)
    return 1 if c.get("rejects") else 0


def cmd_query(a) -> int:
    from coder.query import QueryInterrupted, run_query
    try:
        text = run_query(a.sql, a.data, fmt=a.format, out=a.output, timeout=a.timeout or None,
                         stream=None if a.output else sys.stdout)
    except BrokenPipeError:   # the reader stopped early (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except QueryInterrupted:
        print("coder query: interrupted", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        # DuckDB's threads may still be winding down the interrupted scan; letting the interpreter
        # finalise under them aborts the process, so leave at once (nothing is left to write)
        os._exit(130)
    if a.output and a.format == "parquet":
        print(text, file=sys.stderr)
    return 0


def cmd_verify(a) -> int:
    from coder.verify import verify
    report, healthy = verify(a.data, repair=a.repair)
    print("\n".join(report))
    return 0 if healthy or a.repair else 1


def cmd_explain(a) -> int:
    from coder.explain import explain
    print(explain(a.text, lang=a.lang, published=a.date))
    return 0


def cmd_eval(a) -> int:
    from coder.evaluate import evaluate
    lines, summary = evaluate(a.gold, show_misses=a.misses)
    print("\n".join(lines))
    fails = [f"{k} root F1 {s['root_f1']:.2f} < {a.min_root_f1}" for k, s in summary.items()
             if a.min_root_f1 is not None and "root_f1" in s and s["root_f1"] < a.min_root_f1]
    return 1 if fails else 0


def cmd_geocode(a) -> int:
    from coder.geo import geocode_candidates
    found = geocode_candidates(a.name, lang=a.lang, country=a.country, limit=a.limit)
    if not found:
        print(f"not found: {a.name!r} is in no name of the gazetteer", file=sys.stderr)
        return 1
    for place, score in found:
        print(f"{score:.2f}  {place.name} ({place.country or '-'}, {place.admin1 or '-'})  "
              f"{place.latitude:.4f}, {place.longitude:.4f}  {place.precision}  {place.place_id}")
    return 0


def cmd_lexicon(a) -> int:
    from coder.lexicon.check import main as check_main
    unknown = [lang for lang in a.lang if lang not in ("ar", "en")]
    if unknown:
        print(f"coder lexicon check: unknown language {unknown[0]!r}; use ar, en or nothing for both", file=sys.stderr)
        return 2
    return check_main(a.lang)


def cmd_report(a) -> int:
    from coder.report import write_report
    rep = write_report(a.data, a.out)
    if not a.quiet:
        s = rep.summary
        print(f"wrote {a.out}: {s['documents']} documents, {s['events']} events, "
              f"{s['rejected records']} rejected records", file=sys.stderr)
    return 0


def cmd_export(a) -> int:
    from coder.export import export
    r = export(a.data, a.format, a.out)
    if not a.quiet:
        print(f"wrote {r.rows} events to {a.out} ({a.format}); left out {r.skipped} with no {a.format} "
              f"equivalent and {r.background} reported as background", file=sys.stderr)
    return 0


def cmd_describe(a) -> int:
    from coder.describe import describe
    sys.stdout.write(describe(a.table))
    return 0


LOG_LEVELS = ("debug", "info", "warning", "error")


def setup_logging(level: str) -> None:
    """Log records to stderr as `coder: LEVEL name: message` (the logging module's own handlers)."""
    logging.basicConfig(level=getattr(logging, level.upper()), stream=sys.stderr, force=True,
                        format="coder: %(levelname)s %(name)s: %(message)s")


# shown under each subcommand's --help
EXAMPLES = {
    "code": ["coder code examples/ --out outputs/examples",
             "coder code news.jsonl.gz --out data/ --lang ar --batch 500",
             "coder code feed.csv --out data/ --text-field body --id-field guid --date-field published_at",
             "coder code articles.json --out data/ --field-map text=content,id=uuid,title=headline",
             "coder code - --out data/ --log-level info",
             "coder code news.jsonl --out data/ --workers 4",
             "coder code news/ --out data/ --engine dask --scheduler tcp://10.0.0.5:8786"],
    "query": ["coder query \"select event_code, event_name, count(*) as n from events join cameo using (event_code) "
              "group by all order by n desc\" --data outputs/examples"],
    "verify": ["coder verify --data outputs/examples", "coder verify --data outputs/examples --repair"],
    "explain": ["coder explain \"Turkish warplanes struck a village near Afrin on Friday.\" --date 2019-08-05"],
    "eval": ["coder eval tests/gold/own_news.gold.jsonl --misses 5"],
    "geocode": ["coder geocode \"مخيم الهول\"", "coder geocode Raqqa --country SYR --limit 3"],
    "lexicon": ["coder lexicon check ar"],
    "report": ["coder report --data outputs/examples --out report.html"],
    "export": ["coder export --format acled --data outputs/examples --out events.acled.csv",
               "coder export --format gdelt --data outputs/examples --out events.gdelt.tsv"],
    "describe": ["coder describe events", "coder describe cameo"],
}


def _add_examples(sub) -> None:
    for name, lines in EXAMPLES.items():
        if name in sub.choices:
            sub.choices[name].epilog = "example:\n" + "\n".join(f"  {line}" for line in lines)
            sub.choices[name].formatter_class = argparse.RawDescriptionHelpFormatter


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coder", description="Code Arabic and English news into CAMEO events "
                                "(who did what to whom, where, when, how many) as Parquet tables.")
    p.add_argument("--version", action="version", version=build_info())
    p.add_argument("--log-level", choices=LOG_LEVELS, default="warning",
                   help="messages on stderr from this level up (default warning)")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("code", help="code documents into a Parquet dataset")
    c.add_argument("inputs", nargs="+", help="files (.txt .jsonl .ndjson .json .csv, .gz of those but .txt, "
                   ".parquet), folders, or - for JSONL on standard input")
    c.add_argument("--out", required=True, help="dataset folder (created; coding into it again is incremental)")
    c.add_argument("--date", type=_date, help="publication date for .txt inputs without one in the name")
    c.add_argument("--lang", choices=["ar", "en"], help="language of inputs that do not say (default: detect)")
    c.add_argument("--max-chars", type=int, default=1_000_000, help="longer documents are rejected")
    c.add_argument("--batch", type=int, default=2000,
                   help="documents per commit: a killed run loses at most this many (default 2000)")
    c.add_argument("--text-field", metavar="NAME", help="the input's name for the text field (default text)")
    c.add_argument("--id-field", metavar="NAME", help="the input's name for the id field (default id)")
    c.add_argument("--date-field", metavar="NAME", help="the input's name for the date field (default date)")
    c.add_argument("--field-map", metavar="FIELD=NAME,...",
                   help="the input's names for any of id, text, date, language, title, source, url, "
                        "e.g. text=body,id=guid,title=headline (--text-field etc. win over it)")
    c.add_argument("--workers", type=int, metavar="N",
                   help="worker processes that code documents (default: the machine's cores; 1: in this process)")
    c.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: worker processes on this machine; dask: documents partitioned over a Dask "
                        "cluster (pip install 'coder[dask]'), committed once at the end")
    c.add_argument("--scheduler", metavar="ADDRESS",
                   help="--engine dask: the scheduler to use, e.g. tcp://10.0.0.5:8786 (default: a local "
                        "cluster of --workers processes)")
    c.add_argument("--no-compact", action="store_true",
                   help="leave one file per batch instead of merging the run's files at the end")
    c.add_argument("--quiet", action="store_true", help="no summary on stderr")
    c.add_argument("--no-progress", action="store_true",
                   help="no progress line (shown only when stderr is a terminal)")
    c.set_defaults(run=cmd_code)

    q = sub.add_parser("query", help="run read-only SQL over a dataset (views: events, event_quantities, documents, rejects)")
    q.add_argument("sql")
    q.add_argument("--data", required=True, help="the dataset folder written by `coder code`")
    q.add_argument("--format", choices=["table", "csv", "json", "parquet"], default="table")
    q.add_argument("--output", help="file to write, outside the dataset (required for parquet; default stdout)")
    q.add_argument("--timeout", type=float, default=60.0,
                   help="stop the query after this many seconds (default 60; 0: no limit)")
    q.set_defaults(run=cmd_query)

    vf = sub.add_parser("verify", help="check a dataset's committed parts; --repair fixes what it can")
    vf.add_argument("--data", required=True, help="the dataset folder written by `coder code`")
    vf.add_argument("--repair", action="store_true",
                    help="finish an interrupted commit, set aside damaged and stray files (their documents "
                         "are coded again by the next run)")
    vf.set_defaults(run=cmd_verify)

    e = sub.add_parser("explain", help="show the rule trace for a sentence or short text")
    e.add_argument("text")
    e.add_argument("--lang", choices=["ar", "en"])
    e.add_argument("--date", type=_date, help="publication date (resolves 'yesterday', leaders' roles)")
    e.set_defaults(run=cmd_explain)

    v = sub.add_parser("eval", help="score the coder on hand-coded gold files (JSONL, described in the README)")
    v.add_argument("gold", nargs="+")
    v.add_argument("--misses", type=int, default=0, help="print up to N items the coder got wrong")
    v.add_argument("--min-root-f1", type=float, help="exit 1 when a language's root F1 is below this")
    v.set_defaults(run=cmd_eval)

    g = sub.add_parser("geocode", help="look a place name up in the bundled gazetteer (offline)")
    g.add_argument("name")
    g.add_argument("--lang", choices=["ar", "en"])
    g.add_argument("--country", help="ISO 3166-1 alpha-3 code to prefer, e.g. SYR")
    g.add_argument("--limit", type=int, default=10)
    g.set_defaults(run=cmd_geocode)

    lx = sub.add_parser("lexicon", help="lexicon tools")
    lsub = lx.add_subparsers(dest="action", required=True)
    chk = lsub.add_parser("check", help="validate every lexicon file against its schema")
    # no `choices` here: with nargs="*" argparse checks the empty default against them and fails
    chk.add_argument("lang", nargs="*", metavar="{ar,en}", help="default: both")
    chk.set_defaults(run=cmd_lexicon)
    r = sub.add_parser("report", help="write one self-contained HTML report of a dataset (opens offline)")
    r.add_argument("--data", required=True, help="the dataset folder written by `coder code`")
    r.add_argument("--out", required=True, help="the HTML file to write")
    r.add_argument("--quiet", action="store_true", help="no summary on stderr")
    r.set_defaults(run=cmd_report)

    x = sub.add_parser("export", help="write the events as GDELT 2.0 (TSV), ACLED-style (CSV) or PLOVER (JSONL)")
    x.add_argument("--format", required=True, choices=["gdelt", "acled", "plover"])
    x.add_argument("--data", required=True, help="the dataset folder written by `coder code`")
    x.add_argument("--out", required=True, help="the file to write")
    x.add_argument("--quiet", action="store_true", help="no summary on stderr")
    x.set_defaults(run=cmd_export)

    d = sub.add_parser("describe", help="print the data dictionary: every column of every table, described")
    d.add_argument("table", nargs="?", help="events, event_quantities, documents, rejects, cameo, roles, "
                   "groups or countries (default: all)")
    d.set_defaults(run=cmd_describe)
    for name, sp in sub.choices.items():
        _add_log_level(sp)
    _add_examples(sub)
    return p


def _add_log_level(sp: argparse.ArgumentParser) -> None:
    """--log-level after the subcommand too (`coder code ... --log-level info`); SUPPRESS keeps the
    top-level value when it is not given here."""
    if sp._subparsers is not None:   # `coder lexicon check`: on the leaf
        for action in sp._subparsers._group_actions:
            for leaf in action.choices.values():
                _add_log_level(leaf)
        return
    sp.add_argument("--log-level", choices=LOG_LEVELS, default=argparse.SUPPRESS,
                    help="messages on stderr from this level up (default warning)")


def _dataset_errors() -> tuple:
    """The dataset modules' errors, from the modules a run imported: one never imported raised none,
    and importing them (with pyarrow) would cost `explain` and `geocode` a third of their time."""
    names = {"coder.manifest": "ManifestError", "coder.sinks": "DatasetError"}
    return tuple(getattr(sys.modules[m], n) for m, n in names.items() if m in sys.modules)


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    setup_logging(a.log_level)
    try:
        return a.run(a)
    except (ValueError, OSError, KeyError, *_dataset_errors()) as e:
        print(f"coder {a.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"coder {a.command}: interrupted; what was committed stays, a rerun goes on from there",
              file=sys.stderr)
        return 130
    except Exception as e:   # a bug: say so in one line (CODER_DEBUG=1 shows the traceback)
        if os.environ.get("CODER_DEBUG"):
            raise
        print(f"coder {a.command}: internal error ({type(e).__name__}: {e}); please report it", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
