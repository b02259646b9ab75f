"""Statistics against published values and hand computation, including the edge cases."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from ruamel.yaml import YAML
from statsmodels.stats.multitest import multipletests

from engine import stats
from engine.compare import StatisticsOptions, compare, disparities
from engine.spec.models import MeasureSpec
from engine.stratify import COUNT_COLUMNS

CASES = YAML(typ="safe").load((Path(__file__).parent / "cases" / "statistics.yaml").read_text())


@pytest.mark.parametrize("case", CASES["single"], ids=lambda case: f"{case['numerator']}/{case['denominator']}")
def test_single_rate_intervals(case: dict) -> None:
    for method, key in (("wilson", "wilson"), ("clopper-pearson", "clopper_pearson")):
        estimate = stats.rate_interval(case["numerator"], case["denominator"], method)
        assert [round(estimate.lower, 4), round(estimate.upper, 4)] == case[key], method


@pytest.mark.parametrize("case", CASES["difference"], ids=lambda case: f"{case['a']}-{case['b']}")
def test_newcombe_difference(case: dict) -> None:
    estimate = stats.difference(*case["a"], *case["b"])
    assert round(estimate.value, 4) == case["value"]
    assert [round(estimate.lower, 4), round(estimate.upper, 4)] == case["interval"]


@pytest.mark.parametrize("case", CASES["ratio"], ids=lambda case: f"{case['a']}/{case['b']}")
def test_log_ratio(case: dict) -> None:
    estimate = stats.ratio(*case["a"], *case["b"])
    if "value" in case:
        assert round(estimate.value, 4) == case["value"]
    if "interval" in case:
        assert [round(estimate.lower, 4), round(estimate.upper, 4)] == case["interval"]
    assert estimate.reason == case.get("reason")


def test_undefined_statistics_have_reasons_not_errors() -> None:
    assert stats.rate_interval(0, 0).reason == "no denominator"
    assert stats.p_value(0, 10, 0, 20).value is None and "same outcome" in stats.p_value(0, 10, 0, 20).reason
    assert stats.p_value(1, 1, 5, 5).value is None, "one member and 100% everywhere: nothing varies"
    assert stats.p_value(1, 1, 0, 5).value is not None
    assert stats.theil_index([0.0, 0.0], [10, 10]).reason == "undefined: every group's rate is 0"
    assert stats.index_of_disparity([0.0, 0.3], 0.0).reason == "undefined: the reference rate is 0"
    assert stats.slope_and_relative_index([0.3], [10])[0].reason == "needs at least two ordered groups"
    sii, rii = stats.slope_and_relative_index([0.0, 0.4], [50, 50])
    assert round(sii.value, 6) == 0.8 and rii.value is None and "bottom" in rii.reason


def test_holm_and_benjamini_hochberg() -> None:
    """Hand computation: Holm multiplies the k-th smallest of m p-values by (m - k + 1), then keeps the running maximum."""
    assert stats.adjust([0.01, 0.04, 0.03, 0.5], "holm") == [0.04, 0.09, 0.09, 0.5]
    assert [round(value, 6) for value in stats.adjust([0.01, 0.04, 0.03, 0.5], "bh")] == [0.04, 0.053333, 0.053333, 0.5]


def test_indices_by_hand() -> None:
    # Rates 0.1, 0.2, 0.4 with weights 0.2, 0.3, 0.5: mean 0.02 + 0.06 + 0.2 = 0.28.
    rates, denominators = [0.1, 0.2, 0.4], [20, 30, 50]
    # BGV = 0.2 x 0.0324 + 0.3 x 0.0064 + 0.5 x 0.0144 = 0.00648 + 0.00192 + 0.0072 = 0.0156
    assert round(stats.between_group_variance(rates, denominators).value, 6) == 0.0156
    # IDIS with reference 0.4: (0.3 + 0.2 + 0) / 3 / 0.4 x 100 = 41.6667
    assert round(stats.index_of_disparity(rates, 0.4).value, 4) == 41.6667
    # Theil: 0.2 (0.357143 ln 0.357143) + 0.3 (0.714286 ln 0.714286) + 0.5 (1.428571 ln 1.428571)
    #      = 0.2 (-0.367725) + 0.3 (-0.240337) + 0.5 (0.509524) = -0.073545 - 0.072101 + 0.254762 = 0.109116
    assert round(stats.theil_index(rates, denominators).value, 5) == 0.10912
    assert stats.theil_index([0.0, 0.4], [50, 50]).value == pytest.approx(0.5 * 2 * math.log(2)), "a zero-rate group contributes 0"


def rates_frame(rows: list[tuple[str, str, int, int]], stratifier: str = "race_ethnicity") -> pl.DataFrame:
    records = []
    for stratum, kind, numerator, denominator in rows:
        record = dict.fromkeys(COUNT_COLUMNS, 0) | {"measure_id": "m", "rate_id": "r", "stratifier": kind if kind == "overall" else stratifier, "stratum": stratum, "overlapping": False}
        record.update(numerator=numerator, denominator=denominator, rate=numerator / denominator if denominator else None)
        records.append(record)
    return pl.DataFrame(records)


def spec(improvement: str = "increase") -> MeasureSpec:
    return MeasureSpec.model_validate({
        "id": "m", "title": "t", "version": "1", "steward": "s", "source": "s", "improvement": improvement,
        "rates": [{"id": "r", "title": "t", "populations": {"initial_population": {"age": {"at": "period_end", "min": 0}}, "numerator": {"age": {"at": "period_end", "min": 1}}}}],
    })


GROUPS = [("overall", "overall", 285, 700), ("White", "", 200, 400), ("Black or African American", "", 60, 200), ("Asian", "", 20, 25), ("Unknown", "", 5, 75)]


def by_stratum(frame: pl.DataFrame) -> dict[str, dict]:
    return {row["stratum"]: row for row in frame.filter(pl.col("stratifier") != "overall").iter_rows(named=True)}


def test_largest_group_is_the_reference_and_calls_follow_the_direction() -> None:
    rows = by_stratum(compare(rates_frame(GROUPS), [spec("increase")]))
    assert rows["White"]["comparison"] == "reference" and rows["Black or African American"]["reference_group"] == "White"
    assert rows["Black or African American"]["comparison"] == "worse", "30% against 50%, higher is better"
    assert rows["Asian"]["reliable"] is False and "not reliable" in rows["Asian"]["statistics_notes"]
    lower_is_better = by_stratum(compare(rates_frame(GROUPS), [spec("decrease")]))
    assert lower_is_better["Black or African American"]["comparison"] == "better"


def test_best_rest_and_named_references() -> None:
    best = by_stratum(compare(rates_frame(GROUPS), [spec()], StatisticsOptions(reference="best")))
    assert best["White"]["comparison"] == "reference", "Asian has the best rate (80%) but only 25 members: not reliable, not the reference"
    rest = by_stratum(compare(rates_frame(GROUPS), [spec()], StatisticsOptions(reference="rest")))
    assert rest["White"]["reference_group"] == "everyone else"
    assert round(rest["White"]["reference_rate"], 6) == round(85 / 300, 6), "everyone else: (285 - 200) / (700 - 400)"
    named = by_stratum(compare(rates_frame(GROUPS), [spec()], StatisticsOptions(reference_groups={"race_ethnicity": "Black or African American"})))
    assert named["Black or African American"]["comparison"] == "reference" and named["White"]["comparison"] == "better"
    missing = by_stratum(compare(rates_frame(GROUPS), [spec()], StatisticsOptions(reference_groups={"race_ethnicity": "Martian"})))
    assert missing["White"]["comparison"] == "reference" and "named reference 'Martian'" in missing["Black or African American"]["statistics_notes"]


def test_crossed_cells_are_compared_within_their_level() -> None:
    # Plan A: White 50/100 (largest in A), Black 20/60. Plan B: Black 90/120 (largest in B), White 10/40.
    rows = [("overall", "overall", 170, 320), ("A | White", "", 50, 100), ("A | Black or African American", "", 20, 60),
            ("B | White", "", 10, 40), ("B | Black or African American", "", 90, 120)]
    compared = by_stratum(compare(rates_frame(rows, "plan x race_ethnicity"), [spec()]))
    assert compared["A | White"]["comparison"] == "reference" and compared["B | Black or African American"]["comparison"] == "reference"
    assert compared["A | Black or African American"]["reference_group"] == "A | White"
    assert compared["B | White"]["reference_group"] == "B | Black or African American"
    named = by_stratum(compare(rates_frame(rows, "plan x race_ethnicity"), [spec()], StatisticsOptions(reference_groups={"race_ethnicity": "White"})))
    assert named["B | White"]["comparison"] == "reference", "a named race reference applies within each plan"
    rest = by_stratum(compare(rates_frame(rows, "plan x race_ethnicity"), [spec()], StatisticsOptions(reference="rest")))
    assert round(rest["A | White"]["reference_rate"], 6) == round(20 / 60, 6), "everyone else in plan A, not in the state"


def test_unknown_is_never_the_reference() -> None:
    rows = [("overall", "overall", 50, 1100), ("Unknown", "", 40, 1000), ("White", "", 10, 100)]
    compared = by_stratum(compare(rates_frame(rows), [spec()], StatisticsOptions(reference="largest")))
    assert compared["White"]["comparison"] == "reference"


def test_zero_reference_and_one_member_strata() -> None:
    rows = [("overall", "overall", 1, 41), ("White", "", 0, 40), ("Asian", "", 1, 1)]
    asian = by_stratum(compare(rates_frame(rows), [spec()]))["Asian"]
    assert asian["ratio"] is None and "reference rate is 0" in asian["statistics_notes"]
    assert asian["difference"] == 1.0 and asian["rate_lower"] is not None and asian["p_value"] is not None


def test_disparity_indices_from_rates() -> None:
    rows = [("overall", "overall", 70, 250), ("0-100%", "", 10, 100), ("101-138%", "", 20, 100), ("Unknown", "", 40, 50)]
    compared = compare(rates_frame(rows, "income_band"), [spec()])
    summary = disparities(compared, [spec()]).row(0, named=True)
    assert summary["ordering"] == "ordered" and summary["groups_used"] == 2, "Unknown is left out"
    # Rates 0.1 and 0.2, equal weights: ridits 0.25 and 0.75, slope 0.2, bottom 0.05, top 0.25.
    assert round(summary["slope_index_of_inequality"], 6) == 0.2 and round(summary["relative_index_of_inequality"], 6) == 5.0
    assert summary["weights"] == "0-100%=0.5000; 101-138%=0.5000"


def test_a_group_with_no_denominator_is_not_compared() -> None:
    rows = by_stratum(compare(rates_frame([*GROUPS, ("Empty", "", 0, 0)]), [spec()]))
    assert rows["Empty"]["comparison"] is None and "no denominator" in rows["Empty"]["statistics_notes"]


def test_a_rate_nobody_is_in_still_has_an_overall_row() -> None:
    # Kindergarten assessments exist only for 2025: a 2024 run has no one in that rate, and the
    # overall row (zero counts) must still be there for every rate.
    from engine.run import MEMBER_RESULT_SCHEMA
    from engine.stratify import stratify

    two_rates = MeasureSpec.model_validate(spec().model_dump() | {"rates": [*spec().model_dump()["rates"], {**spec().model_dump()["rates"][0], "id": "empty"}]})
    results = pl.DataFrame([{name: None for name in MEMBER_RESULT_SCHEMA} | {
        "measure_id": "m", "rate_id": "r", "member_id": "1", "initial_population": True, "denominator": True, "denominator_exclusion": False,
        "denominator_exception": False, "numerator": True, "numerator_exclusion": False,
    }], schema=MEMBER_RESULT_SCHEMA)
    overall = stratify(results, [two_rates], {"m": []}).filter(pl.col("stratifier") == "overall")
    assert overall.select("rate_id", "denominator").rows() == [("r", 1), ("empty", 0)]


def test_holm_matches_statsmodels_including_ties_and_caps() -> None:
    """`stats.holm` replaces statsmodels' Holm branch (which calls gc.collect() per family); same values."""
    generator = np.random.default_rng(3)
    families = [generator.uniform(0, 1, size) for size in (1, 2, 5, 17, 60)]
    families += [np.array([0.2, 0.2, 0.2]), np.array([0.9, 0.6, 0.001]), np.array([0.0, 1.0, 0.5])]
    for family in families:
        expected = multipletests(family, method="holm")[1]
        assert np.allclose(stats.holm(family), expected, rtol=0, atol=1e-15), family
