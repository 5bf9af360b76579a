"""`coder report`: one self-contained HTML file with what an analyst looks at first in a dataset.

Charts are Plotly figures (plotly, MIT): plotly.js and the world outline of the map
(coder/data/world_110m.json, Natural Earth via plotly.js) are inlined, so the file opens offline and
fetches nothing. A chart with no data is replaced by a sentence saying so. When every chart has been
drawn, the page's script sets `data-status="ok"` on #render-status (or "error" with the message),
which the tests read from a headless browser.
"""
from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
QUAD_COLOURS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c2332b"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
COARSE = ("country", "region")   # places that are a country's or region's centre, not where it happened
TOP_DYADS = 20
MAX_TABLE_ROWS = 100   # rows of the documents-with-no-event and rejects tables
DAY_MS = 86_400_000
# a bar spans most of its period on a date axis, leaving a gap between periods
BAR_MS = {"week": 6 * DAY_MS, "month": 27 * DAY_MS}
WEEKLY_UP_TO_DAYS = 2 * 365   # longer spans are shown per month: 100+ weekly bars would be hairlines


@dataclass
class Section:
    title: str
    note: str = ""
    figure: dict | None = None      # plotly figure as JSON-ready dict
    table: tuple[list[str], list[tuple]] | None = None
    total_rows: int = 0
    empty: str = ""                 # shown instead of a chart or table that has no data


@dataclass
class Report:
    data_dir: str
    summary: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)


# ---------------------------------------------------------------- queries

def _rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def build(data_dir: str) -> Report:
    """Query the dataset and lay out the report's sections (no HTML yet)."""
    import plotly.graph_objects as go
    from coder.query import connect

    con = connect(data_dir)
    try:
        cols = {r[0] for r in _rows(con, "describe events")}
        news = "not coalesce(is_background, false)" if "is_background" in cols else "true"
        rep = Report(data_dir)
        (n_docs, n_empty), = _rows(con, "select count(*), count(*) filter (where n_events = 0) from documents")
        (n_events, n_news, first, last), = _rows(
            con, f"select count(*), count(*) filter (where {news}), min(event_date), max(event_date) from events")
        (n_rejects,), = _rows(con, "select count(*) from rejects")
        versions = [r[0] for r in _rows(con, "select distinct coder_version from documents order by 1")]
        rep.summary = {"documents": n_docs, "events": n_events, "news events": n_news,
                       "background events": n_events - n_news, "documents with no event": n_empty,
                       "rejected records": n_rejects,
                       "event dates": f"{first} to {last}" if first else "none",
                       "coder version": ", ".join(versions) or "none"}
        view = _date_view(con, news)
        rep.sections += [_weekly(con, go, view, news), _dyads(con, go), _roots(con, go), _fatalities(con, go, news, view),
                         _map(con, go), _no_event_docs(con, n_empty), _rejects(con, n_rejects)]
        return rep
    finally:
        con.close()


def _fig(fig, height: int = 420) -> dict:
    fig.update_layout(template="plotly_white", margin=dict(l=60, r=20, t=30, b=50), height=height)
    return json.loads(fig.to_json())


@dataclass
class DateView:
    """The span the weekly charts show: the middle 98% of event dates when a few dates lie far off
    (a year misread, an anniversary), so that one stray date does not squeeze every bar to a hair."""
    start: dt.date | None = None
    end: dt.date | None = None
    outside: int = 0
    period: str = "week"

    @property
    def period_note(self) -> str:
        if self.period == "week":
            return "Weeks start on Monday."
        return f"Per month: the dates span more than {WEEKLY_UP_TO_DAYS // 365} years."

    def apply(self, fig, s: Section) -> None:
        if self.start is None:
            return
        fig.update_xaxes(range=[(self.start - dt.timedelta(days=7)).isoformat(),
                                (self.end + dt.timedelta(days=14)).isoformat()])
        s.note += (f" Shown: {self.start} to {self.end}; {self.outside} events dated outside it are"
                   " off the view (zoom out, or double-click the chart, to see them).")


def _date_view(con, news: str) -> DateView:
    """Over news events: history dated years back (is_background) would stretch the span."""
    (lo, hi, first, last), = _rows(con, f"""select quantile_disc(event_date, 0.01), quantile_disc(event_date, 0.99),
                                                  min(event_date), max(event_date) from events where {news}""")
    if first is None:
        return DateView()
    if (hi - lo).days < 28 or (last - first).days < 2 * (hi - lo).days:   # no stray dates worth hiding
        return DateView(period="week" if (last - first).days <= WEEKLY_UP_TO_DAYS else "month")
    (outside,), = _rows(con, f"select count(*) from events where {news} and "
                             f"(event_date < DATE '{lo}' or event_date > DATE '{hi}')")
    return DateView(lo, hi, outside, "week" if (hi - lo).days <= WEEKLY_UP_TO_DAYS else "month")


def _weekly(con, go, view: DateView, news: str) -> Section:
    rows = _rows(con, f"""select date_trunc('{view.period}', event_date) as period, quad_class, count(*)
                          from events where event_date is not null and {news}
                          group by all order by period, quad_class""")
    s = Section(f"Events per {view.period} by quad class",
                f"{view.period_note} Events without a date, and events reported as background, are not counted here.")
    if not rows:
        s.empty = "No dated events."
        return s
    fig = go.Figure()
    for q in (1, 2, 3, 4):
        pts = [(w.isoformat(), n) for w, qc, n in rows if qc == q]
        if pts:
            fig.add_trace(go.Bar(x=[p[0] for p in pts], y=[p[1] for p in pts], name=f"{q} {QUAD_NAMES[q]}",
                                 marker_color=QUAD_COLOURS[q], width=BAR_MS[view.period], offset=0))
    fig.update_layout(barmode="stack", xaxis_title=view.period, yaxis_title="events")
    view.apply(fig, s)
    s.figure = _fig(fig)
    return s


def _dyads(con, go) -> Section:
    rows = _rows(con, f"""select source_code || ' → ' || target_code as dyad, count(*) as n
                          from events where source_code is not null and target_code is not null
                          group by all order by n desc, dyad limit {TOP_DYADS}""")
    s = Section(f"Top {TOP_DYADS} dyads", "Source → target actor codes of events that have both.")
    if not rows:
        s.empty = "No event has both a source and a target."
        return s
    rows = rows[::-1]   # largest on top
    fig = go.Figure(go.Bar(x=[r[1] for r in rows], y=[r[0] for r in rows], orientation="h",
                           marker_color="#555"))
    fig.update_layout(xaxis_title="events")
    s.figure = _fig(fig, height=max(300, 24 * len(rows) + 80))
    return s


def _roots(con, go) -> Section:
    rows = _rows(con, """select e.event_root_code, coalesce(c.event_name, '?'), any_value(e.quad_class), count(*)
                         from events e left join cameo c on c.event_code = e.event_root_code
                         group by all order by 1""")
    s = Section("Events per CAMEO root", "The twenty CAMEO root classes; colour is the quad class.")
    if not rows:
        s.empty = "No events."
        return s
    fig = go.Figure(go.Bar(x=[f"{r[0]} {r[1]}" for r in rows], y=[r[3] for r in rows],
                           marker_color=[QUAD_COLOURS.get(r[2], "#888") for r in rows]))
    fig.update_layout(yaxis_title="events", xaxis_tickangle=-35)
    s.figure = _fig(fig)
    return s


def _fatalities(con, go, news: str, view: DateView) -> Section:
    rows = _rows(con, f"""select date_trunc('{view.period}', event_date) as period, sum(fatalities), count(*)
                          from events where fatalities is not null and event_date is not null and {news}
                          group by all order by period""")
    s = Section(f"Fatalities per {view.period}", "People killed, as the texts report them, in news events "
                f"(events reported as background are left out). {view.period_note}")
    if not rows:
        s.empty = "No news event reports fatalities."
        return s
    fig = go.Figure(go.Bar(x=[r[0].isoformat() for r in rows], y=[r[1] for r in rows], marker_color="#8b1a1a",
                           width=BAR_MS[view.period], offset=0,
                           customdata=[r[2] for r in rows],
                           hovertemplate="%{x}: %{y} killed in %{customdata} events<extra></extra>"))
    fig.update_layout(xaxis_title=view.period, yaxis_title="killed")
    view.apply(fig, s)
    s.figure = _fig(fig)
    return s


def _map(con, go) -> Section:
    coarse = ", ".join(f"'{c}'" for c in COARSE)
    rows = _rows(con, f"""select location_name, geo_precision, latitude, longitude, count(*),
                                 geo_precision in ({coarse}) as coarse
                          from events where latitude is not null and longitude is not null
                          group by all order by coarse, count(*) desc""")
    s = Section("Where events happened", "Circles: the places the texts name (site, locality, district or "
                "province), sized by events. Grey diamonds: a country's or region's centre, for events "
                "whose text names no finer place.")
    if not rows:
        s.empty = "No event has a location."
        return s
    fig = go.Figure()
    for is_coarse, name, style in ((False, "named places", dict(color="#c2332b", symbol="circle")),
                                   (True, "country or region centre", dict(color="#777", symbol="diamond"))):
        pts = [r for r in rows if bool(r[5]) == is_coarse]
        if not pts:
            continue
        sizes = [min(30, 6 + 3 * r[4] ** 0.5) for r in pts]
        fig.add_trace(go.Scattergeo(lat=[r[2] for r in pts], lon=[r[3] for r in pts], name=name,
                                    text=[f"{r[0]} ({r[1]}): {r[4]} events" for r in pts], hoverinfo="text",
                                    marker=dict(size=sizes, opacity=0.75, line=dict(width=0.5, color="#fff"),
                                                **style)))
    fig.update_geos(projection_type="natural earth", showcountries=True, countrycolor="#bbb",
                    showland=True, landcolor="#f3f1ea", fitbounds="locations", resolution=110)
    s.figure = _fig(fig, height=560)
    return s


def _no_event_docs(con, n: int) -> Section:
    rows = _rows(con, f"""select doc_id, language, published, n_sentences, coalesce(title, '') from documents
                          where n_events = 0 order by doc_id limit {MAX_TABLE_ROWS}""")
    s = Section("Documents with no event", "Read a few: a document with no event is either news with no "
                "action in it or something the dictionaries miss (`coder explain` shows why).",
                table=(["doc_id", "language", "published", "sentences", "title"], rows), total_rows=n)
    if not rows:
        s.empty = "Every document gave at least one event."
    return s


def _rejects(con, n: int) -> Section:
    rows = _rows(con, f"""select input_path, record, doc_id, reason from rejects
                          order by input_path, record limit {MAX_TABLE_ROWS}""")
    s = Section("Rejected records", "Input records that could not be read or coded, with the reason.",
                table=(["input_path", "record", "doc_id", "reason"], rows), total_rows=n)
    if not rows:
        s.empty = "No record was rejected."
    return s


# ---------------------------------------------------------------- HTML

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
       margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ddd; }
.note { color: #555; font-size: 0.9em; } .empty { color: #777; font-style: italic; }
table { border-collapse: collapse; font-size: 0.85em; } td, th { border: 1px solid #ddd; padding: 3px 8px; }
th { background: #f5f5f5; text-align: left; } .summary td:first-child { color: #555; }
td { unicode-bidi: plaintext; }
"""

# draws every figure, then checks each drew points; the status attribute is what a test reads
_SCRIPT = """
(function () {
  var status = document.getElementById("render-status");
  function fail(msg) { status.dataset.status = "error"; status.textContent = "Render error: " + msg; }
  window.addEventListener("error", function (e) { fail(e.message); });
  window.addEventListener("unhandledrejection", function (e) { fail(String(e.reason)); });
  var figures = JSON.parse(document.getElementById("figures").textContent);
  var ids = Object.keys(figures);
  Promise.all(ids.map(function (id) {
    var f = figures[id];
    return Plotly.newPlot(id, f.data, f.layout, {responsive: true, displaylogo: false});
  })).then(function () {
    var counts = ids.map(function (id) {
      return document.getElementById(id).querySelectorAll(".point").length; });
    status.dataset.points = ids.map(function (id, i) { return id + ":" + counts[i]; }).join(" ");
    var empty = ids.filter(function (id, i) { return counts[i] === 0; });
    if (empty.length) { fail("no points drawn in " + empty.join(", ")); return; }
    if (status.dataset.status !== "error") {
      status.dataset.status = "ok"; status.dataset.charts = String(ids.length); status.textContent = "";
    }
  }).catch(function (e) { fail(String(e)); });
})();
"""


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return html.escape(str(v))


def render(rep: Report) -> str:
    """The report as one HTML document (plotly.js and the map outline inlined)."""
    from plotly.offline import get_plotlyjs

    figures, body = {}, []
    for i, s in enumerate(rep.sections):
        body.append(f"<h2>{html.escape(s.title)}</h2>")
        if s.note:
            body.append(f'<p class="note">{html.escape(s.note)}</p>')
        if s.empty:
            body.append(f'<p class="empty">{html.escape(s.empty)}</p>')
        elif s.figure is not None:
            div = f"chart-{i}"
            figures[div] = s.figure
            body.append(f'<div id="{div}" class="chart"></div>')
        elif s.table is not None:
            head, rows = s.table
            if s.total_rows > len(rows):
                body.append(f'<p class="note">First {len(rows)} of {s.total_rows}.</p>')
            body.append("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"
                        + "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>" for r in rows)
                        + "</table>")
    summary = "".join(f"<tr><td>{html.escape(k)}</td><td>{_cell(v)}</td></tr>" for k, v in rep.summary.items())
    world = (DATA / "world_110m.json").read_text(encoding="utf-8")
    # "</" inside inlined JSON would end the <script> element early
    fig_json = json.dumps(figures, ensure_ascii=False).replace("</", "<\\/")
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>coder report: {html.escape(rep.data_dir)}</title>
<style>{_CSS}</style>
<script>window.PlotlyGeoAssets = {{topojson: {{"world_110m": {world}}}}};</script>
<script>{get_plotlyjs()}</script>
</head><body>
<h1>Coded events: {html.escape(rep.data_dir)}</h1>
<p class="note">Made {made} by <code>coder report</code>.
<span id="render-status" data-status="pending">Drawing the charts…</span></p>
<table class="summary">{summary}</table>
{chr(10).join(body)}
<script type="application/json" id="figures">{fig_json}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def write_report(data_dir: str, out: str) -> Report:
    rep = build(data_dir)
    Path(out).write_text(render(rep), encoding="utf-8")
    return rep
