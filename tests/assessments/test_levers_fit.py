"""Ways to strengthen it (issue 23): each lever fits what the co-producers do, rewards
already given or weighed are advised on rather than warned against, and each lever says
why it is offered in the words of the questions. Pure scoring, but for the last two tests,
which hold the words to the forms and read the report page.
"""

from dataclasses import replace

import pytest
from django.utils import timezone

from assessments.choices import STRENGTH_CHOICES, Contribution, Status
from assessments.scoring import AssessmentInputs, OptionInputs, levers, risk_flags
from assessments.scoring.flags import (
    CAPABILITY_QUESTION,
    CONTRIBUTION_WORDS,
    EXPERTISE_QUESTION,
    MOTIVATION_QUESTIONS,
    STRENGTH_WORDS,
    reward_options,
)
from tests import factories

NOW = OptionInputs(name="What happens now", comparator=True)

# Every lever called for: households who must recycle, weakly moved by anything but their
# conscience (rated 4), doing work that asks more than they have.
WEAK = {
    "material_motivation": 0,
    "intrinsic_motivation": 1,
    "social_motivation": 1,
    "normative_motivation": 4,
    "sanctions_motivation": 0,
    "expertise_required": 3,
    "co_producer_capability": 1,
}


def recycling(**overrides) -> AssessmentInputs:
    """Households sort their recycling and put it out: time, effort, compliance."""
    fields = {
        "client_type": "obligatees",
        "level": "individual",
        "co_producer_contributions": ("time", "effort", "compliance"),
        "material_rewards_offered": False,
        "options": (NOW, OptionInputs(name="Kerbside sorting", co_produced=True)),
        **WEAK,
    }
    return AssessmentInputs(**{**fields, **overrides})


def tax_returns(**overrides) -> AssessmentInputs:
    """Taxpayers fill in their own returns: time, effort, information, compliance."""
    contributions = ("time", "effort", "information", "compliance")
    return recycling(**{"co_producer_contributions": contributions, **overrides})


def lever(inputs: AssessmentInputs, code: str):
    return next(lever for lever in levers(inputs) if lever.code == code)


def all_text(inputs: AssessmentInputs) -> str:
    return " ".join(f"{lever.title} {lever.detail}" for lever in levers(inputs))


# --- Advice that fits the work --------------------------------------------------------------


def test_recycling_gets_no_form_filling_advice():
    text = all_text(recycling()).lower()

    assert "form" not in text
    assert "pre-fill" not in text
    ease = lever(recycling(), "ease").detail
    assert "clear instructions at the point where people do the task" in ease
    assert "containers or tools" in ease
    assert "reminders at the right time" in ease


def test_capability_for_hands_on_work_is_shown_not_pre_filled():
    detail = lever(recycling(), "capability").detail

    assert "pre-filled" not in detail
    assert "Show them how to do it" in detail


def test_tax_returns_still_get_pre_filled_forms_and_data():
    ease = lever(tax_returns(), "ease")
    capability = lever(tax_returns(), "capability")

    assert "Pre-fill forms with what you already know" in ease.detail
    # Information means forms, even with the effort and time that go into them.
    assert "containers" not in ease.detail
    assert "pre-filled data" in capability.detail
    assert "information" in ease.reason


def test_paying_is_made_easy_where_co_producers_give_money():
    detail = lever(tax_returns(co_producer_contributions=("information", "money")), "ease").detail

    assert "Let people pay in the ways they already use" in detail


def test_without_contributions_the_advice_is_general_and_asks_for_them():
    ease = lever(recycling(co_producer_contributions=None), "ease")

    assert "form" not in ease.detail
    assert "containers" not in ease.detail
    assert "Say what the co-producers give" in ease.reason


def test_people_doing_the_work_on_their_own_are_not_sent_to_group_sessions():
    alone = lever(recycling(), "social").detail
    together = lever(recycling(level="group"), "social").detail

    assert "group sessions" not in alone
    assert "Show people how many others take part" in alone
    assert "group sessions" in together


# --- Rewards ---------------------------------------------------------------------------------


def test_rewards_already_offered_are_designed_not_avoided():
    rewarded = recycling(material_rewards_offered=True)
    material = lever(rewarded, "material")

    assert "Avoid rewards" not in material.detail
    assert "Design the rewards you offer" in material.detail
    assert "reward a whole group or street, rather than paying for each act" in material.detail
    assert "keep any payment modest" in material.detail
    assert "drop away" in material.detail
    assert "You said the agency pays or rewards co-producers" in material.reason
    # The risk is still flagged, as before.
    assert "crowding_out" in [flag.code for flag in risk_flags(rewarded)]


def test_an_option_that_is_a_reward_scheme_is_designed_not_avoided():
    scheme = OptionInputs(
        name="Green points",
        co_produced=True,
        description="Households earn shopping vouchers for every full recycling box.",
    )
    material = lever(recycling(options=(NOW, scheme)), "material")

    assert "Avoid rewards" not in material.detail
    assert "If you choose “Green points”, design its rewards" in material.detail
    assert "The option “Green points” rewards people" in material.reason


def test_rewards_offered_without_a_reason_they_could_weaken_are_made_worth_claiming():
    content = recycling(material_rewards_offered=True, normative_motivation=2)
    material = lever(content, "material")

    assert "Avoid rewards" not in material.detail
    assert "simple to claim" in material.detail


def test_only_options_that_reward_people_count_as_reward_schemes():
    options = (
        replace(NOW, description="Stickers and fines; no rewards."),
        OptionInputs(name="Community recycling points", co_produced=True),
        OptionInputs(name="Bin-day reminders", description="Without prizes or vouchers."),
        OptionInputs(name="Cashback for clean bins", co_produced=True),
    )

    assert reward_options(recycling(options=options)) == ("Cashback for clean bins",)


def test_without_rewards_the_warning_against_them_stands():
    material = lever(recycling(), "material")

    assert "Avoid rewards" in material.detail
    assert "“A sense of duty, or of doing the right thing” at 4 (very strong)" in material.reason


# --- Why each is offered ---------------------------------------------------------------------

CITIZENS = {"client_type": "citizens", "necessity": "necessary"}


@pytest.mark.parametrize(
    ("code", "answers", "named"),
    [
        ("ease", {}, "owe a duty"),
        ("fairness", {}, "owe a duty"),
        ("material", {}, "“What they gain for themselves: money, time saved, a reward” at 0"),
        ("intrinsic", {}, "“They enjoy the work itself” at 1 (weak) out of 4"),
        ("social", {}, "“The company and respect of others” at 1 (weak)"),
        ("normative", {"normative_motivation": 0}, "“A sense of duty, or of doing the right"),
        ("sanctions", {}, "“They would be penalised if they did not” at 0 (none)"),
        ("sanctions", CITIZENS, "citizens at large"),
        ("capability", {}, "“How capable are the co-producers of doing it well?” at 1"),
    ],
)
def test_each_lever_says_which_answer_called_for_it(code, answers, named):
    reason = lever(recycling(**answers), code).reason

    assert reason.startswith("Offered because")
    assert named in reason


def test_every_lever_has_a_reason_and_no_jargon():
    jargon = ("intrinsic", "extrinsic", "normative", "material", "obligatee", "sanction")
    for inputs in (
        recycling(),
        tax_returns(),
        recycling(**CITIZENS, material_rewards_offered=True),
    ):
        for each in levers(inputs):
            assert each.reason, each.code
            for text in (each.title, each.detail, each.reason):
                assert not any(word in text.lower() for word in jargon), text


def test_the_reasons_use_the_words_of_the_forms():
    from assessments.forms.sections import CapabilityForm, MotivationsForm

    labels = MotivationsForm._meta.labels
    assert {f"{code}_motivation": q for code, q in MOTIVATION_QUESTIONS.items()} == labels
    assert CapabilityForm._meta.labels == {
        "expertise_required": EXPERTISE_QUESTION,
        "co_producer_capability": CAPABILITY_QUESTION,
    }
    assert [f"{n} – {word}" for n, word in enumerate(STRENGTH_WORDS)] == [
        label for _, label in STRENGTH_CHOICES
    ]
    assert {c.value: c.label.lower() for c in Contribution} == CONTRIBUTION_WORDS


def test_the_report_says_why_each_lever_is_suggested(client, viewer, service):
    options = factories.complete_options()
    options[0]["description"] = "Parents who keep it up get book vouchers."
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(options=options),
        service=service,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(viewer)
    response = client.get(assessment.get_absolute_url())

    text = response.content.decode()
    assert "Why this is suggested:" in text
    assert (
        "Offered because you rated “What they gain for themselves: money, time saved, a "
        "reward” at 1 (weak) out of 4." in text
    )
    # The option's description reaches the scoring: its vouchers are designed, not avoided.
    assert "If you choose “Parents at home”, design its rewards" in text
    assert "Avoid rewards" not in text
