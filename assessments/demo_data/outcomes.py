"""Demo arrangements whose options change outcomes in natural units, priced at published
reference values: a health course entered from a published trial in quality-adjusted life
years, and a neighbourhood watch valued in burglaries prevented at the Home Office's cost
of a burglary. The effects are illustrative where no study gives them, and say so."""

from assessments.demo_data.build import (
    CITY_COUNCIL,
    HEALTH_BOARD,
    DemoAssessment,
    capability,
    merge,
    motivations,
    necessity,
    option,
    options,
    outcome,
    outcomes,
    reciprocity,
    value,
    work,
)

COURSE = "Expert patients course for people on the waiting list"
WAITING = "Waiting list, as now"
WATCH = "Neighbourhood watch with police liaison"
PATROLS = "Police patrols alone, as now"

OUTCOMES = [
    DemoAssessment(
        HEALTH_BOARD,
        "Long-term conditions self-management",
        "Offering the expert patients course to people waiting for care",
        submitted=True,
        days_ago=12,
        answers=merge(
            work(
                does="Tutors who live with a long-term condition run six-week courses for "
                "people on the waiting list for specialist care.",
                who=["clients", "volunteers"],
                level="group",
                phases=["delivery"],
                inputs="Tutors' time, a licensed course, rooms and a coordinator; course "
                "members' time.",
                outputs="People more confident to manage their condition while they wait.",
                relation="adds",
            ),
            reciprocity(
                agency_gives=["training", "tools", "money"],
                they_give=["time", "effort", "knowledge"],
                timing="simultaneous",
                people=80,
                hours_each=60,
            ),
            value(
                private="Course members feel and cope better; tutors use their experience.",
                private_strength=3,
                public="Some fewer unplanned appointments, though the trial found no "
                "significant cut.",
                public_strength=1,
            ),
            necessity("optional", "People can wait without a course, as they do now."),
            motivations(
                material=0, intrinsic=3, social=3, normative=3, sanctions=0, rewarded=False
            ),
            capability(
                expertise=2,
                capability=3,
                varies=False,
                assets=["trust", "skills"],
                vulnerable=False,
                support="Four days' tutor training and a coordinator who observes sessions.",
            ),
            options(
                option(
                    COURSE,
                    setup="25000",
                    annual="300000",
                    hours="22800",
                    clients=1_200,
                    confidence="medium",
                    ratings=(4, 3, 4, 4),
                ),
                option(
                    WAITING,
                    setup="0",
                    annual="0",
                    clients=1_200,
                    confidence="high",
                    ratings=(3, 3, 3, 3),
                    co_produced=False,
                    comparator=True,
                ),
            ),
            outcomes(
                outcome(
                    reference="nice-qaly-threshold-20k-30k",
                    name="Quality-adjusted life years",
                    unit="one QALY",
                    effects={COURSE: ("0.02", "0", "0.04", "range")},
                    evidence="Kennedy A, et al. (2007), J Epidemiol Community Health "
                    "61(3):254-261: 0.02 QALYs gained in six months against the waiting "
                    "list (case example: Expert Patients Programme); the range is ours.",
                ),
                price_year=2025,
            ),
        ),
    ),
    DemoAssessment(
        CITY_COUNCIL,
        "Neighbourhood safety",
        "Neighbourhood watch in the eastern wards",
        submitted=True,
        days_ago=9,
        answers=merge(
            work(
                does="Residents watch their streets, report what looks wrong to the police "
                "and pass on crime-prevention advice to neighbours.",
                who=["citizens"],
                level="collective",
                phases=["delivery"],
                inputs="Residents' time and local knowledge; a police liaison officer, "
                "signs and a monthly newsletter.",
                outputs="Reports of suspicious activity and better-secured homes.",
                relation="adds",
            ),
            reciprocity(
                agency_gives=["information", "training", "tools"],
                they_give=["time", "knowledge"],
                timing="simultaneous",
                people=1_500,
                hours_each=4,
            ),
            value(
                private="Households are less likely to be burgled.",
                private_strength=2,
                public="Streets where neighbours know each other; fewer crimes for all.",
                public_strength=3,
            ),
            necessity("optional", "The police patrol the wards whether or not residents watch."),
            motivations(
                material=2, intrinsic=1, social=3, normative=3, sanctions=0, rewarded=False
            ),
            capability(
                expertise=1,
                capability=3,
                varies=True,
                assets=["local_knowledge"],
                vulnerable=False,
                support="A liaison officer meets each scheme's coordinator every quarter.",
            ),
            options(
                option(
                    WATCH,
                    setup="15000",
                    annual="60000",
                    hours="6000",
                    clients=12_000,
                    confidence="medium",
                    ratings=(3, 3, 4, 3),
                ),
                option(
                    PATROLS,
                    setup="0",
                    annual="40000",
                    clients=12_000,
                    confidence="high",
                    ratings=(3, 3, 3, 3),
                    co_produced=False,
                    comparator=True,
                ),
                willingness_to_pay="2",
            ),
            outcomes(
                outcome(
                    reference="home-office-burglary-in-a-dwelling-2000",
                    name="Burglaries prevented",
                    unit="one burglary in a dwelling",
                    effects={WATCH: ("0.004", "0", "0.008", "range")},
                    evidence="Our estimate: 4 fewer burglaries a year for every 1,000 "
                    "households, from 0 to 8. The Campbell review of neighbourhood watch "
                    "(Bennett, Holloway and Farrington, 2008) found crime fell in most "
                    "of the studies it pooled.",
                ),
                price_year=2025,
            ),
        ),
    ),
]
