"""What the survey asks, in the words a co-producer would use, and what each answer means
for the assessment."""

from assessments.choices import Contribution
from assessments.scoring import MOTIVATORS

# Why people take part: one plain statement for each motivator, to agree or disagree with.
MOTIVATOR_STATEMENTS: dict[str, str] = {
    "material": "I get something out of it for myself, such as money, a reward or time saved.",
    "intrinsic": "I enjoy it, or find it interesting to do.",
    "social": "I like doing it with other people, or being part of a group.",
    "normative": "It is the right thing to do, or my duty.",
    "sanctions": "I have to: there would be a penalty or trouble if I did not.",
}
assert tuple(MOTIVATOR_STATEMENTS) == MOTIVATORS

AGREEMENT = [
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
]

EASE = [
    (1, "Very hard"),
    (2, "Quite hard"),
    (3, "Neither easy nor hard"),
    (4, "Quite easy"),
    (5, "Very easy"),
]

# What would help, each tied to one of the report's levers (scoring.LEVER_TEXT).
HELPS: dict[str, str] = {
    "ease": "Making it simpler and quicker to do",
    "fairness": "Clearer rules that are the same for everyone",
    "material": "Less cost to me: expenses paid, less travel, times that suit me",
    "intrinsic": "More say in how I do it, and hearing what it achieved",
    "social": "Doing it alongside other people, and being recognised for it",
    "normative": "Knowing why it matters and the difference it makes",
    "capability": "Training, tools or someone to ask when I am stuck",
}

SOMETHING_ELSE = "other"
HOURS_A_MONTH_MAX = 300  # about ten hours a day: anything more is a slip of the thumb
COMMENT_MAX = 500


def activity_choices(contributions) -> list[tuple[str, str]]:
    """What co-producers give, as the assessment records it, then "something else"."""
    labels = dict(Contribution.choices)
    recorded = [(code, labels[code]) for code in contributions or () if code in labels]
    return [*recorded, (SOMETHING_ELSE, "Something else")]


def agreement_to_strength(mean_agreement: float) -> int:
    """A motivator's average agreement (1 to 5) as the wizard's strength (0 none to 4
    very strong): "strongly disagree" is no reason at all, "strongly agree" a very strong one."""
    return max(0, min(4, round(mean_agreement - 1)))
