"""What is worth finding out: the expected value of partial perfect information (EVPPI).

The expected value of perfect information (EVPI) is what knowing every figure for certain
would be worth before choosing: the average, over the draws, of what the best option of
each draw gains over the option best on average. The partial value for a group of figures
is what knowing just those would be worth:

    EVPPI(group) = E_group[ max_i E[NB_i | group] ] - max_i E[NB_i]

Method: Strong, Oakley and Brennan (2014), "Estimating multiparameter partial expected
value of perfect information from a probabilistic sensitivity analysis sample: a
nonparametric regression approach", Medical Decision Making 34(3):311-326. The inner
expectation E[NB_i | group] is estimated by regressing each option's net benefit (less the
best option's) on the group's figures, over the draws already made; no second, nested run
is needed. Chosen over Sadatsafavi et al. (2013), whose ordering method is exact and quick
for one figure but does not extend to a group of several, and every group here has several
(a figure of each option). The regression is an additive model: for each figure a
piecewise-linear spline (hat functions at `KNOTS` knots spaced evenly across the values
it took, which a PERT draw keeps within its range), fitted by least squares with numpy. Additive, not a tensor product, so its size grows with the
number of figures rather than exponentially; it cannot see a figure's effect that depends
on another figure of the same group, which here (take-up times the people served) is small
beside the figures' own effects. A spline rather than a straight line: the net benefit of
an option may turn with a figure (a ramp-up), and a straight line would miss it.

Figures that do not vary are left out; a group none of whose figures varies is worth
nothing. An estimate is never below zero, and the caller holds it to at most the EVPI (the
regression's small upward bias, from fitting noise, could otherwise carry it past).
"""

from __future__ import annotations

import numpy as np

KNOTS = 4  # per figure: three straight pieces across its range


def spline_basis(values: np.ndarray) -> np.ndarray:
    """A (draws, columns) design matrix: a column of ones, then for each row of `values` (a
    figure across the draws) its hat functions at KNOTS knots spaced evenly across the
    values it took, the first left out (a figure's hats add up to one, which the intercept
    already is). A figure with a single value gives no columns. Each draw has at most two
    hats of a figure not zero, so the matrix is built by placing those two directly."""
    draws = values.shape[1]
    low, high = values.min(axis=1), values.max(axis=1)
    varying = np.nonzero(high > low)[0]
    design = np.zeros((draws, 1 + len(varying) * KNOTS))
    design[:, 0] = 1.0
    rows = np.arange(draws)
    for k, figure in enumerate(varying):
        position = (values[figure] - low[figure]) / (high[figure] - low[figure]) * (KNOTS - 1)
        left = np.minimum(position.astype(np.intp), KNOTS - 2)
        share = position - left
        first = 1 + k * KNOTS
        design[rows, first + left] = 1.0 - share
        design[rows, first + left + 1] = share
    # Each figure's first hat is left out (see above).
    kept = np.ones(design.shape[1], dtype=bool)
    kept[1 + np.arange(len(varying)) * KNOTS] = False
    return design[:, kept]


def conditional_means(differences: np.ndarray, figures: np.ndarray) -> np.ndarray:
    """The regression's fitted values: each row of `differences` (draws across) as a smooth
    function of the group's figures (`figures`, one row a figure), same shape back.

    Least squares through the normal equations, with a ridge far below any figure's own
    weight (1e-10 of the largest diagonal term) so a figure that barely moves cannot make
    them singular: several times quicker than an SVD at these sizes, and as exact here."""
    design = spline_basis(figures)
    gram = design.T @ design
    gram[np.diag_indices_from(gram)] += 1e-10 * gram.diagonal().max()
    coefficients = np.linalg.solve(gram, design.T @ differences.T)
    return (design @ coefficients).T


def partial_value(net_benefit: np.ndarray, figures: np.ndarray, best: int) -> float:
    """EVPPI of a group of figures ((figures, draws)) for options' net benefits ((options,
    draws)), `best` the option with the highest mean. Zero for an empty group."""
    if len(figures) == 0 or len(net_benefit) < 2:
        return 0.0
    others = [index for index in range(len(net_benefit)) if index != best]
    differences = net_benefit[others] - net_benefit[best]
    fitted = conditional_means(differences, figures)
    # With the best option's own difference (0) among the choices: knowing the group, the
    # best choice in each draw is the option whose fitted difference is highest, if above 0.
    gain = np.maximum(fitted.max(axis=0), 0.0).mean()
    baseline = max(fitted.mean(axis=1).max(), 0.0)
    return max(float(gain - baseline), 0.0)


def partial_values(
    net_benefit: np.ndarray, groups: dict[str, np.ndarray], best: int
) -> dict[str, float]:
    """The EVPPI of each named group of figures, in the groups' order."""
    return {name: partial_value(net_benefit, figures, best) for name, figures in groups.items()}
