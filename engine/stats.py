"""Pure statistics for stratified rates: intervals, comparisons with a reference group, multiplicity
adjustment and summary disparity indices. No I/O, no data frames.

Every function returns a value with a reason when it is undefined, never an infinity or a
division error. Methods and formulas:
- single rate: Wilson score interval (default) or Clopper-Pearson exact (statsmodels `proportion_confint`);
- difference from the reference: Newcombe's hybrid score interval (Newcombe 1998, method 10;
  statsmodels `confint_proportions_2indep(method="newcomb")`);
- ratio to the reference: log (Katz) interval;
- p-value: two-sided score test (statsmodels `test_proportions_2indep`), adjusted with Holm's
  step-down method (Holm 1979; computed here, see `holm`) or Benjamini-Hochberg (`multipletests`);
- indices (WHO HEAT Plus taxonomy, PMC6041818): between-group variance, index of disparity and
  Theil index for unordered groups; slope and relative index of inequality for ordered groups.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.proportion import test_proportions_2indep as score_test

INTERVAL_METHODS = {"wilson": "wilson", "clopper-pearson": "beta"}
ADJUSTMENTS = {"holm": "holm", "bh": "fdr_bh"}  # statsmodels names (Holm is computed by `holm`)


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its interval, or None values and the reason it is undefined."""

    value: float | None
    lower: float | None = None
    upper: float | None = None
    reason: str | None = None


def undefined(reason: str) -> Estimate:
    return Estimate(None, None, None, reason)


def rate_interval(numerator: int, denominator: int, method: str = "wilson", alpha: float = 0.05) -> Estimate:
    """Rate and its confidence interval.

    >>> estimate = rate_interval(81, 263)
    >>> round(estimate.lower, 4), round(estimate.upper, 4)
    (0.2553, 0.3662)
    >>> rate_interval(0, 0).reason
    'no denominator'
    """
    return rate_intervals([numerator], [denominator], method, alpha)[0]


def rate_intervals(numerators: Sequence[int], denominators: Sequence[int], method: str = "wilson", alpha: float = 0.05) -> list[Estimate]:
    """`rate_interval` for many rates in one statsmodels call (a run has thousands of strata)."""
    numerator, denominator = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    defined = denominator > 0
    lower, upper = np.full(numerator.size, np.nan), np.full(numerator.size, np.nan)
    if defined.any():
        lower[defined], upper[defined] = proportion_confint(numerator[defined], denominator[defined], alpha=alpha, method=INTERVAL_METHODS[method])
    return [Estimate(n / d, float(max(low, 0.0)), float(min(high, 1.0))) if d > 0 else undefined("no denominator")
            for n, d, low, high in zip(numerators, denominators, lower, upper, strict=True)]


def difference(numerator: int, denominator: int, reference_numerator: int, reference_denominator: int, alpha: float = 0.05) -> Estimate:
    """Rate minus reference rate, with Newcombe's hybrid score interval.

    >>> estimate = difference(56, 70, 48, 80)
    >>> round(estimate.value, 4), round(estimate.lower, 4), round(estimate.upper, 4)
    (0.2, 0.0524, 0.3339)
    """
    return differences([numerator], [denominator], [reference_numerator], [reference_denominator], alpha)[0]


def _no_denominator(denominator: int, reference_denominator: int) -> str | None:
    if denominator <= 0 or reference_denominator <= 0:
        return "no denominator" if denominator <= 0 else "the reference group has no denominator"
    return None


def differences(numerators: Sequence[int], denominators: Sequence[int], reference_numerators: Sequence[int], reference_denominators: Sequence[int], alpha: float = 0.05) -> list[Estimate]:
    """`difference` for many pairs in one statsmodels call."""
    counts = [np.asarray(values, dtype=float) for values in (numerators, denominators, reference_numerators, reference_denominators)]
    defined = (counts[1] > 0) & (counts[3] > 0)
    lower, upper = np.full(defined.size, np.nan), np.full(defined.size, np.nan)
    if defined.any():
        lower[defined], upper[defined] = confint_proportions_2indep(*(values[defined] for values in counts), method="newcomb", compare="diff", alpha=alpha)
    return [undefined(reason) if (reason := _no_denominator(d, rd)) else Estimate(n / d - rn / rd, float(low), float(high))
            for n, d, rn, rd, low, high in zip(numerators, denominators, reference_numerators, reference_denominators, lower, upper, strict=True)]


def ratio(numerator: int, denominator: int, reference_numerator: int, reference_denominator: int, alpha: float = 0.05) -> Estimate:
    """Rate divided by reference rate, with a log (Katz) interval.

    >>> estimate = ratio(56, 70, 48, 80)
    >>> round(estimate.value, 4), round(estimate.lower, 4), round(estimate.upper, 4)
    (1.3333, 1.0766, 1.6512)
    >>> ratio(3, 10, 0, 10).reason
    'ratio undefined: the reference rate is 0'
    """
    if denominator <= 0 or reference_denominator <= 0:
        return undefined("no denominator" if denominator <= 0 else "the reference group has no denominator")
    if reference_numerator == 0:
        return undefined("ratio undefined: the reference rate is 0")
    value = (numerator / denominator) / (reference_numerator / reference_denominator)
    if numerator == 0:
        return Estimate(0.0, None, None, "ratio interval undefined: the group's rate is 0")
    standard_error = math.sqrt(1 / numerator - 1 / denominator + 1 / reference_numerator - 1 / reference_denominator)
    z = _z(alpha)
    return Estimate(value, math.exp(math.log(value) - z * standard_error), math.exp(math.log(value) + z * standard_error))


def p_value(numerator: int, denominator: int, reference_numerator: int, reference_denominator: int) -> Estimate:
    """Two-sided score test of equal rates; undefined when no unit varies (all 0% or all 100%).

    >>> round(p_value(56, 70, 48, 80).value, 4)
    0.0072
    >>> p_value(0, 10, 0, 20).reason
    'p-value undefined: every unit in both groups has the same outcome'
    """
    return p_values([numerator], [denominator], [reference_numerator], [reference_denominator])[0]


def p_values(numerators: Sequence[int], denominators: Sequence[int], reference_numerators: Sequence[int], reference_denominators: Sequence[int]) -> list[Estimate]:
    """`p_value` for many pairs in one statsmodels call."""
    counts = [np.asarray(values, dtype=float) for values in (numerators, denominators, reference_numerators, reference_denominators)]
    total, units = counts[0] + counts[2], counts[1] + counts[3]
    testable = (counts[1] > 0) & (counts[3] > 0) & (total > 0) & (total < units)
    values = np.full(testable.size, np.nan)
    if testable.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            values[testable] = np.asarray(score_test(*(column[testable] for column in counts)).pvalue, dtype=float)
    estimates = []
    for d, rd, ok, value in zip(denominators, reference_denominators, testable, values, strict=True):
        if reason := _no_denominator(d, rd):
            estimates.append(undefined(reason))
        elif not ok:
            estimates.append(undefined("p-value undefined: every unit in both groups has the same outcome"))
        else:
            estimates.append(Estimate(float(value)) if math.isfinite(value) else undefined("p-value undefined for these counts"))
    return estimates


def adjust(p_values: list[float | None], method: str = "holm") -> list[float | None]:
    """Adjust a family of p-values (None stays None and is not counted in the family).

    >>> adjust([0.01, 0.04, None, 0.03], "holm")
    [0.03, 0.06, None, 0.06]
    """
    present = [index for index, value in enumerate(p_values) if value is not None]
    adjusted: list[float | None] = [None] * len(p_values)
    if present:
        family = np.array([p_values[index] for index in present], dtype=float)
        values = holm(family) if method == "holm" else multipletests(family, method=ADJUSTMENTS[method])[1]
        for index, value in zip(present, values, strict=True):
            adjusted[index] = round(float(value), 12)
    return adjusted


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values: sorted ascending, the i-th (from 0) is multiplied by
    m - i, made non-decreasing, capped at 1 (Holm 1979; the same values as statsmodels
    `multipletests(method="holm")`, whose Holm branch calls `gc.collect()` on every family:
    0.2 s each with a run's objects in memory, most of a run's statistics time).

    >>> holm(np.array([0.01, 0.04, 0.03, 0.5])).round(6).tolist()
    [0.04, 0.09, 0.09, 0.5]
    """
    order = np.argsort(p_values, kind="stable")
    stepped = np.minimum(np.maximum.accumulate(p_values[order] * np.arange(p_values.size, 0, -1)), 1.0)
    adjusted = np.empty_like(stepped)
    adjusted[order] = stepped
    return adjusted


def comparison_call(difference_value: float | None, adjusted_p: float | None, improvement: str, alpha: float = 0.05) -> str:
    """'better', 'worse' or 'no difference' than the reference, using the measure's direction.

    >>> comparison_call(-0.1, 0.001, "increase"), comparison_call(-0.1, 0.001, "decrease"), comparison_call(0.2, 0.3, "increase")
    ('worse', 'better', 'no difference')
    """
    if difference_value is None or adjusted_p is None or adjusted_p >= alpha or difference_value == 0:
        return "no difference"
    higher = difference_value > 0
    return "better" if higher == (improvement == "increase") else "worse"


def _z(alpha: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(1 - alpha / 2))


# ---- summary disparity indices ----


@dataclass(frozen=True)
class Index:
    value: float | None
    reason: str | None = None


def _weights(denominators: list[int]) -> np.ndarray:
    total = float(sum(denominators))
    return np.array(denominators, dtype=float) / total


def pooled_rate(numerators: list[int], denominators: list[int]) -> float | None:
    total = sum(denominators)
    return sum(numerators) / total if total else None


def between_group_variance(rates: list[float], denominators: list[int]) -> Index:
    """Sum of w_j (p_j - mu)^2 with population weights w_j and mu their weighted mean.

    >>> round(between_group_variance([0.2, 0.4], [50, 50]).value, 6)
    0.01
    """
    if len(rates) < 2:
        return Index(None, "needs at least two groups")
    weights = _weights(denominators)
    mean = float(np.dot(weights, rates))
    return Index(float(np.dot(weights, (np.array(rates) - mean) ** 2)))


def index_of_disparity(rates: list[float], reference_rate: float | None) -> Index:
    """100 x (mean of |p_j - r| over the J groups) / r, with r the reference group's rate.

    >>> index_of_disparity([0.2, 0.4], 0.4).value
    25.0
    >>> index_of_disparity([0.2, 0.0], 0.0).reason
    'undefined: the reference rate is 0'
    """
    if len(rates) < 2:
        return Index(None, "needs at least two groups")
    if reference_rate is None:
        return Index(None, "undefined: no reference group")
    if reference_rate == 0:
        return Index(None, "undefined: the reference rate is 0")
    return Index(100 * float(np.mean(np.abs(np.array(rates) - reference_rate))) / reference_rate)


def theil_index(rates: list[float], denominators: list[int]) -> Index:
    """Sum of w_j (p_j / mu) ln(p_j / mu); a group with rate 0 contributes 0 (the limit).

    >>> round(theil_index([0.2, 0.4], [50, 50]).value, 6)
    0.056633
    """
    if len(rates) < 2:
        return Index(None, "needs at least two groups")
    weights = _weights(denominators)
    mean = float(np.dot(weights, rates))
    if mean == 0:
        return Index(None, "undefined: every group's rate is 0")
    shares = np.array(rates) / mean
    terms = np.where(shares > 0, shares * np.log(np.where(shares > 0, shares, 1.0)), 0.0)
    return Index(float(np.dot(weights, terms)))


def slope_and_relative_index(rates: list[float], denominators: list[int]) -> tuple[Index, Index]:
    """Slope (SII) and relative (RII) index of inequality for groups ordered from lowest to highest.

    Each group sits at the midpoint of its cumulative population share (its ridit); a weighted
    least-squares line of rate on ridit gives SII = its slope (the rate at the top of the
    hierarchy minus the rate at the bottom) and RII = predicted rate at the top / at the bottom.

    >>> sii, rii = slope_and_relative_index([0.2, 0.4], [50, 50])
    >>> round(sii.value, 6), round(rii.value, 6)
    (0.4, 5.0)
    """
    if len(rates) < 2:
        reason = "needs at least two ordered groups"
        return Index(None, reason), Index(None, reason)
    weights = _weights(denominators)
    ridits = np.cumsum(weights) - weights / 2
    design = np.column_stack([np.ones(len(rates)), ridits])
    root = np.sqrt(weights)
    (intercept, slope), *_ = np.linalg.lstsq(design * root[:, None], np.array(rates) * root, rcond=None)
    bottom, top = float(intercept), float(intercept + slope)
    relative = Index(top / bottom) if bottom > 0 else Index(None, "undefined: the predicted rate at the bottom of the order is 0 or below")
    return Index(float(slope)), relative
