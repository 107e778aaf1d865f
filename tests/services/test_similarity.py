from types import SimpleNamespace

import pytest

from services.demo import seed_cases
from services.models import CaseExample, why_similar
from services.similarity import MINIMUM_RELEVANCE, Profile, sectors_related, similar_cases
from tests import factories


def case(title, sector, value_type, necessity, motivators, co_producer_type):
    return SimpleNamespace(
        title=title,
        sector=sector,
        value_type=value_type,
        necessity=necessity,
        motivators=motivators,
        co_producer_type=co_producer_type,
    )


# A volunteer-run health scheme, optional, making both kinds of value, people taking part
# for company and a sense of duty.
PROFILE = Profile(
    sector="health",
    value_type="both",
    necessity="optional",
    motivators=frozenset({"social", "normative"}),
    co_producer_types=frozenset({"volunteers"}),
)
# fmt: off
LIBRARY = [
    # shares everything: 5 + 2 + 3×(2/2) = 10, and both tie-breakers
    case("Peer supporters", "health", "both", "optional", ["social", "normative"], "volunteers"),
    # the sector, and one of two reasons: 5 + 3×(1/2) = 6.5
    case("Expert patients", "health", "public", "necessary", ["social"], "clients"),
    # a related sector and the same co-producers: 2 + 2 = 4, with both tie-breakers
    case("Shared lives", "social_care", "both", "optional", ["material"], "volunteers"),
    # another sector, the same co-producers and reasons: 2 + 3 = 5
    case("Firefighters", "emergency_services", "public", "necessary", ["normative", "social"],
         "volunteers"),
    # the same 5, one tie-breaker more, so ahead of the firefighters
    case("Reading volunteers", "education", "both", "necessary", ["social", "normative"],
         "volunteers"),
    # only the value made and the necessity in common: not shown however they match
    case("Coastal wardens", "environment", "both", "optional", ["intrinsic"], "citizens"),
    # the same co-producers and one reason of three, in an unrelated sector: 2 + 1 = 3
    case("Street reporters", "local_services", "both", "optional", ["normative", "material"],
         "volunteers"),
    # nothing in common
    case("Tax returns", "tax_revenue", "private", "necessary", ["sanctions"], "clients"),
]
# fmt: on


def ranked(matches):
    return [(match.case.title, match.relevance) for match in matches]


def test_sector_and_what_co_producers_do_rank_first_and_value_and_necessity_break_ties():
    assert ranked(similar_cases(PROFILE, LIBRARY, limit=10)) == [
        ("Peer supporters", 10),
        ("Expert patients", 6.5),
        ("Reading volunteers", 5),
        ("Firefighters", 5),
        ("Shared lives", 4),
    ]


def test_an_unrelated_case_matching_only_value_and_necessity_never_heads_the_list():
    wardens = case("A", "environment", "both", "optional", [], "citizens")
    same_sector = case("Z", "health", "private", "necessary", [], "clients")
    assert ranked(similar_cases(PROFILE, [wardens, same_sector])) == [("Z", 5)]
    assert similar_cases(PROFILE, [wardens]) == []


def test_another_sector_at_best_ties_with_the_sector_alone_and_the_tie_goes_to_the_sector():
    volunteers = case("A", "education", "both", "optional", ["social", "normative"], "volunteers")
    same_sector = case("Z", "health", "public", "necessary", [], "clients")
    assert ranked(similar_cases(PROFILE, [volunteers, same_sector])) == [("Z", 5), ("A", 5)]


def test_a_weak_overlap_is_not_enough():
    (street,) = [item for item in LIBRARY if item.title == "Street reporters"]
    assert similar_cases(PROFILE, [street]) == []
    assert MINIMUM_RELEVANCE > 3


def test_at_most_three_by_default_and_ties_of_everything_go_by_title():
    assert [title for title, _ in ranked(similar_cases(PROFILE, LIBRARY))] == [
        "Peer supporters",
        "Expert patients",
        "Reading volunteers",
    ]
    assert similar_cases(PROFILE, LIBRARY, limit=0) == []
    twins = [case(title, "health", "both", "optional", [], "clients") for title in "BA"]
    assert [match.case.title for match in similar_cases(PROFILE, twins)] == ["A", "B"]


def test_related_sectors_are_related_both_ways_but_not_to_everything():
    assert sectors_related("tax_revenue", "regulation")
    assert sectors_related("regulation", "tax_revenue")
    assert not sectors_related("tax_revenue", "health")
    assert not sectors_related("health", "health")  # the same sector scores as the same


def test_a_match_says_what_it_shares():
    (best,) = similar_cases(PROFILE, LIBRARY, limit=1)
    assert best.shared == ("sector", "co_producer_type", "motivators", "value_type", "necessity")
    assert best.tie_break == 2
    shared_lives = next(m for m in similar_cases(PROFILE, LIBRARY, limit=10) if m.relevance == 4)
    assert shared_lives.shared == ("related_sector", "co_producer_type", "value_type", "necessity")


def test_motivators_score_by_overlap_not_by_count():
    profile = {"sector": "health", "motivators": {"social"}}
    one_of_three = case("A", "health", "x", "x", ["social", "normative", "material"], "x")
    one_of_one = case("B", "health", "x", "x", ["social"], "x")
    assert ranked(similar_cases(profile, [one_of_three, one_of_one])) == [("B", 8), ("A", 6)]


def test_a_profile_may_be_a_dict_and_unknown_answers_match_nothing():
    assert similar_cases({}, LIBRARY) == []
    assert ranked(similar_cases({"sector": "education"}, LIBRARY)) == [("Reading volunteers", 5)]


def test_cases_may_be_dicts():
    rows = [vars(item) for item in LIBRARY]
    assert similar_cases(PROFILE, rows, limit=1)[0].case["title"] == "Peer supporters"


def test_why_a_case_matches_in_words():
    tax = Profile(
        sector="tax_revenue",
        value_type="both",
        necessity="necessary",
        motivators=frozenset({"material", "sanctions"}),
        co_producer_types=frozenset({"clients"}),
    )
    returns = case("Returns", "tax_revenue", "public", "optional", ["material", "sanctions"], "x")
    audit = case("Audit", "regulation", "both", "necessary", ["sanctions"], "clients")
    first, second = similar_cases(tax, [returns, audit])
    assert why_similar(first) == (
        "Same sector: tax and revenue; people take part for the same reasons: "
        "material gain and sanctions"
    )
    assert why_similar(second) == (
        "A related sector: regulation; the same kind of co-producers: clients or service "
        "users; people take part for the same reason: sanctions; both make private and "
        "public value; co-producers' part is necessary in both"
    )


@pytest.mark.usefixtures("empty_library")
def test_similar_to_ranks_only_published_cases_in_one_narrow_query(django_assert_num_queries):
    draft = factories.CaseExampleFactory(
        draft=True,
        title="A perfect but unpublished match",
        sector="health",
        value_type="both",
        necessity="optional",
        motivators=["social", "normative"],
        co_producer_type="volunteers",
    )
    near = factories.CaseExampleFactory(sector="health", motivators=["social"])
    factories.CaseExampleFactory(
        sector="transport", value_type="both", necessity="optional", motivators=[]
    )
    with django_assert_num_queries(1):
        matches = CaseExample.objects.published().similar_to(PROFILE)
    assert [match.case for match in matches] == [near]
    assert "summary" in matches[0].case.get_deferred_fields()
    assert why_similar(matches[0]).startswith("Same sector: health")
    # Drafts stay out whatever queryset it is called on.
    assert draft not in [match.case for match in CaseExample.objects.all().similar_to(PROFILE)]


def test_the_shipped_library_suggests_tax_cases_for_a_tax_service(db):
    """The demo's tax returns: the shipped tax and regulation cases head the list, and no
    health or transport case follows just because it makes the same kind of value."""
    seed_cases()  # the shipped library, whatever earlier tests left
    profile = Profile(
        sector="tax_revenue",
        value_type="both",
        necessity="necessary",
        motivators=frozenset({"material", "sanctions"}),
        co_producer_types=frozenset({"clients"}),
    )
    slugs = [match.case.slug for match in CaseExample.objects.similar_to(profile)]
    assert slugs == ["ato-prefilled-tax-returns", "epa-audit-policy"]
