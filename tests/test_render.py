"""The scorecard shows names from the data as text, never as markup."""

from __future__ import annotations

import polars as pl

from engine.render import build_scorecard_context, render_scorecard
from engine.render.scorecard import ExtractNote
from engine.spec.models import MeasureSpec


def test_names_with_markup_are_escaped() -> None:
    hostile = "<script>alert('plan')</script>"
    spec = MeasureSpec.model_validate({
        "id": "m", "title": "A <b>title</b>", "version": "1", "steward": "s", "source": "s", "improvement": "increase", "stratifiers": ["plan"],
        "rates": [{"id": "r", "title": "t", "populations": {"initial_population": {"age": {"at": "period_end", "min": 0}}, "numerator": {"age": {"at": "period_end", "min": 1}}}}],
    })
    row = {"measure_id": "m", "rate_id": "r", "numerator": 1, "denominator": 2, "exclusions": 0, "rate": 0.5}
    rates = pl.DataFrame([row | {"stratifier": "overall", "stratum": "overall"}, row | {"stratifier": "plan", "stratum": hostile}])
    html = render_scorecard(build_scorecard_context(rates, [(spec, ["logic <i>"], spec.stratifiers)], "2025", [ExtractNote(hostile, 1, 1, 0)], 0.1))
    assert hostile not in html and "&lt;script&gt;" in html
    assert "<b>title</b>" not in html and "<i>" not in html
