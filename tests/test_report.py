"""`coder report`: one self-contained HTML file, rendered in headless Chromium (Debian's `chromium`);
the test fails on a JavaScript error or a chart that draws no data."""
from __future__ import annotations

import re
import shutil
import subprocess

import duckdb
import pytest

from coder.cli import main
from sample_dataset import DOCUMENTS, NO_EVENT_DOC, make_dataset

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium package is not installed "
                                    "(.ci/run installs it): the report cannot be rendered")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    data = make_dataset(folder)
    out = folder / "report.html"
    assert main(["report", "--data", str(data), "--out", str(out), "--quiet"]) == 0
    return out


def render(path, tmp_path) -> tuple[str, str]:
    """The DOM after the page's scripts ran (virtual time lets promises settle) and Chromium's log."""
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=20000", "--dump-dom", path.resolve().as_uri()]
    done = subprocess.run(args, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def status(dom: str) -> dict[str, str]:
    tag = re.search(r'<span id="render-status"([^>]*)>([^<]*)', dom)
    assert tag, "the report has no status marker"
    attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', tag.group(1)))
    attrs["text"] = tag.group(2)
    return attrs


def test_report_is_self_contained(report):
    text = report.read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', text), "the report must load nothing"
    assert "PlotlyGeoAssets" in text and "world_110m" in text     # the map outline is inlined
    for title in ("Events per week by quad class", "Top 20 dyads", "Events per CAMEO root",
                  "Fatalities per week", "Where events happened", "Documents with no event", "Rejected records"):
        assert f"<h2>{title}</h2>" in text
    assert f"<td>{NO_EVENT_DOC}</td>" in text.split("<h2>Documents with no event</h2>")[1]
    reject_line = len(DOCUMENTS) + 1   # the record without id, after the documents
    assert f"sample.jsonl</td><td>{reject_line}</td>" in text.split("<h2>Rejected records</h2>")[1]


@needs_chromium
def test_report_renders_every_chart_without_errors(report, tmp_path):
    dom, log = render(report, tmp_path)
    st = status(dom)
    assert st["status"] == "ok", st["text"]
    assert st["charts"] == "5"
    assert not re.search(r"Uncaught|CONSOLE.*(Error|error)", log), log[-2000:]
    # the map drew one marker per place (named places and country centres apart)
    points = dict(p.split(":") for p in st["points"].split())
    map_div = re.search(r'<h2>Where events happened</h2>.*?<div id="(chart-\d+)"', dom, re.S).group(1)
    con = duckdb.connect()
    places = con.execute(f"""select count(*) from (select distinct location_name, geo_precision, latitude, longitude
                             from read_parquet('{report.parent}/data/events/**/*.parquet')
                             where latitude is not null)""").fetchone()[0]
    assert int(points[map_div]) == places > 5


@needs_chromium
def test_report_of_an_empty_dataset_says_so(tmp_path):
    src = tmp_path / "quiet.jsonl"
    src.write_text('{"id": "q1", "date": "2021-01-01", "language": "en", "text": "Nothing happened today."}\n',
                   encoding="utf-8")
    assert main(["code", str(src), "--out", str(tmp_path / "data"), "--quiet"]) == 0
    out = tmp_path / "empty.html"
    assert main(["report", "--data", str(tmp_path / "data"), "--out", str(out), "--quiet"]) == 0
    dom, _ = render(out, tmp_path)
    st = status(dom)
    assert st["status"] == "ok" and st["charts"] == "0", st["text"]
    assert "No dated events." in dom and "No event has a location." in dom


@needs_chromium
def test_the_status_check_catches_a_broken_chart(report, tmp_path):
    """The marker the test reads really depends on the charts: a figure with no data fails it."""
    broken = tmp_path / "broken.html"
    text = report.read_text(encoding="utf-8")
    # empty the first chart's data: no points drawn must be reported as an error
    text = re.sub(r'(<script type="application/json" id="figures">\{"chart-\d+": \{"data": )\[',
                  r'\1[{"type": "bar", "x": [], "y": []}], "unused": [', text, count=1)
    broken.write_text(text, encoding="utf-8")
    st = status(render(broken, tmp_path)[0])
    assert st["status"] == "error" and "no points" in st["text"]


def _events_with_dates(dates, history=()):
    con = duckdb.connect()
    con.execute("create table events (event_date date, is_background bool)")
    con.executemany("insert into events values (?, ?)", [[d, False] for d in dates] + [[d, True] for d in history])
    return con


NEWS = "not is_background"


def test_time_charts_show_the_bulk_of_dates_and_count_stray_ones():
    import datetime as dt
    from coder.report import _date_view
    spring = [dt.date(2021, 3, 1) + dt.timedelta(days=i % 60) for i in range(300)]
    view = _date_view(_events_with_dates(spring + [dt.date(1970, 1, 1), dt.date(2031, 1, 1)]), NEWS)
    assert view.period == "week" and view.outside == 2
    assert dt.date(2021, 3, 1) <= view.start and view.end <= dt.date(2021, 4, 30)
    assert _date_view(_events_with_dates(spring), NEWS).start is None                      # nothing to hide
    decade = [dt.date(2010 + i % 10, 1 + i % 12, 1) for i in range(300)]
    assert _date_view(_events_with_dates(decade), NEWS).period == "month"
    # history the news recalls (background) neither stretches the span nor counts as stray
    recalled = _date_view(_events_with_dates(spring, history=[dt.date(1990, 8, 2)] * 20), NEWS)
    assert recalled.period == "week" and recalled.start is None and recalled.outside == 0


@needs_chromium
def test_a_script_error_fails_the_render_check(report, tmp_path):
    broken = tmp_path / "error.html"
    text = report.read_text(encoding="utf-8").replace("</body>", "<script>window.notAFunction();</script></body>")
    broken.write_text(text, encoding="utf-8")
    dom, log = render(broken, tmp_path)
    st = status(dom)
    assert st["status"] == "error" and "notAFunction" in st["text"]
