"""`coder code --engine dask`: on a local Dask cluster, exactly the events of a one-process run,
committed once; a failed cluster run leaves the dataset as it was."""
from __future__ import annotations

import sys

import pytest

from coder.cli import main
from coder.ingest import iter_inputs
from coder.pipeline import versions
from coder.sinks import DatasetWriter
from coder.verify import problems
from test_workers import CRASH, crashing, rows, run, same_dataset, write_corpus  # noqa: F401 (a fixture)

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    # threads of this process: no worker start-up, yet the tasks run as on a cluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def dask_run(corpus, out, client, lexicon_version=None, partition=5) -> dict:
    from coder.cluster import code_with_dask
    v = versions()
    with DatasetWriter(out, v["coder_version"], lexicon_version or v["lexicon_version"], batch_docs=8) as w:
        code_with_dask(w, iter_inputs([str(corpus)], default_date=None, max_chars=100_000, language=None),
                       client=client, partition=partition)
    return w.counts


def files(out) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and p.name != ".lock"}


def test_dask_run_has_the_events_of_one_process(tmp_path, client, crashing):
    corpus = write_corpus(tmp_path / "in.jsonl")
    one = run(corpus, tmp_path / "one", workers=1)
    counts = dask_run(corpus, tmp_path / "dask", client)
    assert {k: counts[k] for k in ("documents", "events", "rejects")} == \
        {k: one[k] for k in ("documents", "events", "rejects")}
    same_dataset(tmp_path / "one", tmp_path / "dask")
    assert any(CRASH in dict(r)["reason"] for r in rows(tmp_path / "dask", "rejects"))
    assert problems(tmp_path / "dask") == []
    # rerun: nothing new; changed texts replace their rows as in one process
    assert dask_run(corpus, tmp_path / "dask", client)["skipped"] == 24
    changed = write_corpus(tmp_path / "changed.jsonl", changed=frozenset({2, 17}))
    run(changed, tmp_path / "one", workers=1)
    assert dask_run(changed, tmp_path / "dask", client)["replaced"] == 2
    same_dataset(tmp_path / "one", tmp_path / "dask")
    assert problems(tmp_path / "dask") == []


def test_failed_cluster_run_commits_nothing(tmp_path, client):
    from coder.cluster import ClusterError
    corpus = write_corpus(tmp_path / "in.jsonl", n=12, longest=1)
    dask_run(corpus, tmp_path / "out", client)
    before = files(tmp_path / "out")
    changed = write_corpus(tmp_path / "changed.jsonl", n=12, changed=frozenset({1, 2, 3}), longest=1)
    # the workers' lexicons differ from the run's: every partition fails on its worker
    with pytest.raises(ClusterError, match="nothing of this run was committed"):
        dask_run(changed, tmp_path / "out", client, lexicon_version="another-lexicon")
    assert files(tmp_path / "out") == before


def test_cli_says_when_dask_is_missing(tmp_path, monkeypatch, capsys):
    corpus = write_corpus(tmp_path / "in.jsonl", n=3, longest=1)
    monkeypatch.setitem(sys.modules, "distributed", None)   # as if not installed
    assert main(["code", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask"]) == 2
    assert "pip install 'coder[dask]'" in capsys.readouterr().err
    assert main(["code", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "tcp://x:1"]) == 2
