"""The report's "Who gains and who pays" section: each option against the comparator by
party, the choice counting everyone's costs and the agency's own, and the agency's cash.

Figures come from the scoring run the report already made (`scoring.incidence`), so the
section adds no query. In the incidence table a positive figure is a gain to that party
and a negative one a cost to it, so each column adds up to the option's net benefit
against the comparator.
"""

from decimal import Decimal

from assessments import scoring
from assessments.scoring import incidence
from assessments.views.uncertainty import judgement_value
from coprod_site.numbers import short_money
from services.models import Perspective

MOTIVE_WORDS = {
    "intrinsic": "they enjoy the work itself",
    "social": "of the company and the respect it brings",
}


def _gain(value):
    """A cost to a party as its gain: spending more is a negative gain."""
    return None if value is None else -value


def _party_rows(rows: list, agency_name: str, split: bool, outcomes: bool) -> list[dict]:
    """The table's rows: one per party, each with one figure per option (gains positive)."""
    parties = [
        (f"{agency_name}: its spending", [_gain(r.agency) for r in rows]),
        ("Co-producers: the value of their time", [_gain(r.time) for r in rows]),
    ]
    if any(r.money for r in rows):
        parties.append(("Co-producers: their own money", [_gain(r.money) for r in rows]))
    if split:
        parties.append(("Clients: better quality and outcomes", [r.clients for r in rows]))
        parties.append(("The public: better quality and outcomes", [r.public for r in rows]))
    else:
        parties.append(("Clients and the public: better quality", [r.quality_value for r in rows]))
        if outcomes:
            parties.append(
                ("Clients and the public: better outcomes", [r.outcome_value for r in rows])
            )
    return [{"label": label, "values": values} for label, values in parties]


def _headline(row, agency_name: str, co_producers: str, currency: str) -> list[str]:
    """The option against the comparator in a few plain clauses: who saves, who gives,
    who gains, and the net result for everyone."""
    clauses = []
    if row.agency < 0:
        clauses.append(f"{agency_name} saves {short_money(row.agency, currency)}")
    elif row.agency > 0:
        clauses.append(f"{agency_name} spends {short_money(row.agency, currency)} more")
    else:
        clauses.append(f"{agency_name} spends the same")
    given = row.given
    if given > 0:
        clauses.append(f"{co_producers} give time and money worth {short_money(given, currency)}")
    elif given < 0:
        clauses.append(f"{co_producers} give {short_money(given, currency)} less in time and money")
    if row.gains is not None and row.gains != 0:
        verb = "gain" if row.gains > 0 else "lose"
        clauses.append(
            f"clients and the public {verb} quality and outcomes worth "
            f"{short_money(row.gains, currency)}"
        )
    if row.total is not None:
        if row.total < 0:
            clauses.append(f"the net cost to everyone is {short_money(row.total, currency)}")
        elif row.total > 0:
            clauses.append(f"the net gain to everyone is {short_money(row.total, currency)}")
        else:
            clauses.append("everyone is no better or worse off overall")
    return clauses


def incidence_context(
    assessment, inputs: scoring.AssessmentInputs, result: scoring.AssessmentResult
) -> dict:
    """What the section shows, from the answers the scoring took (`inputs`) and what it
    concluded; None for each part that cannot be worked out yet."""
    if not result.appraised:
        return {"incidence": None}
    agency = assessment.service.agency
    currency = assessment.money_currency
    share = incidence.public_share(
        result.value_type, inputs.private_value_strength, inputs.public_value_strength
    )
    rows = incidence.incidences(result.options, share)
    shown = rows[0] if len(rows) == 1 else None
    if result.plane is not None:
        shown = next(r for r in rows if r.option_index == result.plane.option_index)
    split = bool(rows) and rows[0].public_share is not None
    outcomes = bool(inputs.outcomes)
    uncertainty = result.uncertainty
    hour = next(
        (
            end
            for end in (uncertainty.break_even if uncertainty else ())
            if end.name == "hourly_rate"
        ),
        None,
    )
    perspectives = None
    if uncertainty and uncertainty.agency_best_option is not None:
        perspectives = {
            "full": result.options[uncertainty.best_option],
            "agency": result.options[uncertainty.agency_best_option],
            "differ": uncertainty.perspectives_differ,
            "lead": agency.headline_perspective,
            "rows": [
                {
                    "option": option,
                    "full": uncertainty.mean_net_benefit[option.index],
                    "agency": uncertainty.agency_mean_net_benefit[option.index],
                }
                for option in result.options
            ],
        }
    budgets = []
    for option in result.options:
        years = incidence.budget(inputs.options[option.index], inputs.appraisal_years)
        if not years:
            continue
        total = sum((year.cash for year in years), Decimal(0))
        with_allowance = sum((year.with_allowance for year in years), Decimal(0))
        budgets.append(
            {
                "option": option,
                "setup": years[0].cash,
                "yearly": years[1].cash,
                "total": total,
                "allowance": with_allowance - total,
                "with_allowance": with_allowance,
                "setup_with_allowance": years[0].with_allowance,
                "yearly_with_allowance": years[1].with_allowance,
            }
        )
    motives = incidence.enjoyed_motives(inputs)
    gives_time = any(option.co_producer_time_cost for option in result.options)
    return {
        "incidence": {
            "rows": rows,
            "options": [result.options[r.option_index] for r in rows],
            "parties": _party_rows(rows, agency.name, split, outcomes),
            "agency_view": [r.agency_view for r in rows],
            "totals": [r.total for r in rows],
            "split": split,
            "public_share": rows[0].public_share if split else None,
            "shown": shown,
            "shown_option": shown and result.options[shown.option_index],
            "headline": shown and _headline(shown, agency.name, "co-producers", currency),
            "hours": shown and shown.hours_a_year,
            "hour": hour,
            "hour_below": hour and judgement_value("hourly_rate", hour.below, currency),
            "hour_above": hour and judgement_value("hourly_rate", hour.above, currency),
            "hour_below_option": hour
            and hour.below_option is not None
            and result.options[hour.below_option],
            "hour_above_option": hour
            and hour.above_option is not None
            and result.options[hour.above_option],
            "enjoyed": [MOTIVE_WORDS[m] for m in motives] if gives_time else [],
        },
        "perspectives": perspectives,
        "lead_agency_view": perspectives is not None
        and perspectives["differ"]
        and perspectives["lead"] == Perspective.AGENCY,
        "budgets": budgets,
    }
