from types import SimpleNamespace

import pytest

from services.models import CaseExample
from services.similarity import Profile, similar_cases
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
LIBRARY = [
    # shares everything: 3 + 2 + 2 + 2×(2/2) + 1 = 10
    case("Peer supporters", "health", "both", "optional", ["social", "normative"], "volunteers"),
    # sector, and one of two motivators: 3 + 2×(1/2) = 4
    case("Expert patients", "health", "public", "necessary", ["social"], "clients"),
    # value, necessity and co-producers: 2 + 2 + 1 = 5
    case("Reading volunteers", "education", "both", "optional", ["material"], "volunteers"),
    # the same 5, and earlier by title
    case("Coastal wardens", "environment", "both", "optional", ["intrinsic"], "volunteers"),
    # nothing in common: left out
    case("Tax returns", "tax_revenue", "private", "necessary", ["sanctions"], "clients"),
]


def ranked(matches):
    return [(match.case.title, match.score) for match in matches]


def test_cases_are_ranked_by_weighted_score_with_ties_by_title():
    assert ranked(similar_cases(PROFILE, LIBRARY, limit=10)) == [
        ("Peer supporters", 10),
        ("Coastal wardens", 5),
        ("Reading volunteers", 5),
        ("Expert patients", 4),
    ]


def test_the_limit_keeps_the_best():
    assert [title for title, _ in ranked(similar_cases(PROFILE, LIBRARY))] == [
        "Peer supporters",
        "Coastal wardens",
        "Reading volunteers",
    ]
    assert similar_cases(PROFILE, LIBRARY, limit=0) == []


def test_a_match_says_what_it_shares():
    (best,) = similar_cases(PROFILE, LIBRARY, limit=1)
    assert best.shared == ("sector", "value_type", "necessity", "motivators", "co_producer_type")
    (_, _, _, patients) = similar_cases(PROFILE, LIBRARY, limit=4)
    assert patients.shared == ("sector", "motivators")


def test_motivators_score_by_overlap_not_by_count():
    profile = {"motivators": {"social"}}
    one_of_three = case("A", "x", "x", "x", ["social", "normative", "material"], "x")
    one_of_one = case("B", "x", "x", "x", ["social"], "x")
    assert ranked(similar_cases(profile, [one_of_three, one_of_one])) == [
        ("B", 2),
        ("A", round(2 / 3, 6)),
    ]


def test_a_profile_may_be_a_dict_and_unknown_answers_match_nothing():
    assert similar_cases({}, LIBRARY) == []
    assert ranked(similar_cases({"sector": "education"}, LIBRARY)) == [("Reading volunteers", 3)]


def test_cases_may_be_dicts():
    rows = [vars(item) for item in LIBRARY]
    assert similar_cases(PROFILE, rows, limit=1)[0].case["title"] == "Peer supporters"


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
        sector="transport", value_type="public", necessity="necessary", motivators=[]
    )
    with django_assert_num_queries(1):
        matches = CaseExample.objects.published().similar_to(PROFILE)
    assert [match.case for match in matches] == [near]
    assert "summary" in matches[0].case.get_deferred_fields()
    # Drafts stay out whatever queryset it is called on.
    assert draft not in [match.case for match in CaseExample.objects.all().similar_to(PROFILE)]
