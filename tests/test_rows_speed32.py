"""The thirty-second speed round of the run around the coding, checked against the former logic:
- coded_at's clock (pipeline._coded_now) below Python 3.12 is datetime.utcnow, one C call, where it
  was _utc_now's reading of now(timezone.utc) moved onto the naive epoch: the same naive UTC time,
  between two readings of the former clock made around it."""
from __future__ import annotations

import datetime as dt
import sys
import warnings

import pytest

from coder import pipeline
from coder.model import Document

DAY = dt.date(2019, 8, 12)


def _former_clock() -> dt.datetime:
    """pipeline._utc_now as coded_at read it before this round."""
    epoch, epoch_utc = dt.datetime(1970, 1, 1), dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return epoch + (dt.datetime.now(dt.timezone.utc) - epoch_utc)


def test_coded_at_clock_is_the_former_clock():
    for _ in range(200):
        before = _former_clock()
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # (never a deprecated call)
            got = pipeline._coded_now()
        after = _former_clock()
        assert got.__class__ is dt.datetime and got.tzinfo is None
        assert before <= got <= after


def test_coded_at_clock_by_python_version():
    if sys.version_info < (3, 12):
        assert pipeline._coded_now == dt.datetime.utcnow
    else:
        assert pipeline._coded_now is pipeline._utc_now


@pytest.mark.parametrize("as_values", [False, True])
def test_a_documents_coded_at_is_read_from_that_clock(as_values):
    doc = Document(doc_id="d", text="Syrian troops shelled Idlib on Monday.", language="en", published=DAY)
    before = _former_clock()
    coded = pipeline.code_document(doc, as_values=as_values)
    after = _former_clock()
    coded_at = coded[0][10] if as_values else coded.document.coded_at
    assert coded_at.__class__ is dt.datetime and coded_at.tzinfo is None and before <= coded_at <= after
    given = dt.datetime(2001, 2, 3, 4, 5, 6)
    coded = pipeline.code_document(doc, coded_at=given, as_values=as_values)
    assert (coded[0][10] if as_values else coded.document.coded_at) == given
