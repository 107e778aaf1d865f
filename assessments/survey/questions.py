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

# Each reason in the plain words the wizard's questions and the dashboard use (never the
# textbook's "material", "intrinsic" and so on).
MOTIVATOR_WORDS: dict[str, str] = {
    "material": "What they gain for themselves",
    "intrinsic": "Enjoying the work itself",
    "social": "Company and respect",
    "normative": "Duty, or doing right",
    "sanctions": "Avoiding a penalty",
}
assert tuple(MOTIVATOR_WORDS) == MOTIVATORS

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
MINUTES_A_MONTH_MAX = HOURS_A_MONTH_MAX * 60
WEEKS_IN_A_MONTH = 52 / 12
COMMENT_MAX = 500
PUBLIC_TITLE_MAX = 120
DESCRIPTION_MAX = 400
TASK_MAX = 100
TASKS_MAX = 12


class Per:
    """How often the time people give comes round: it is asked as they count it."""

    WEEK = "week"
    MONTH = "month"
    CHOICES = [(WEEK, "A week"), (MONTH, "A month")]


def minutes_a_month(hours: int, minutes: int, per: str) -> int:
    """Hours and minutes a week or a month as whole minutes a month, a week being 52/12 of
    a month (so an hour and a half a week is 6 hours 30 minutes a month). Rounded to the
    minute: finer than anyone's guess of their own time."""
    given = hours * 60 + minutes
    return round(given * WEEKS_IN_A_MONTH) if per == Per.WEEK else given


def time_in_words(minutes: float | None) -> str:
    """Minutes as people say them: "1 hour 30 minutes", "45 minutes", "6 hours"."""
    if minutes is None:
        return ""
    hours, rest = divmod(round(minutes), 60)
    words = []
    if hours:
        words.append(f"{hours:,} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        words.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(words)


def suggested_public_title(service_name: str) -> str:
    """A first title for the survey, from the service's name (never the assessment's own
    title, which can name an option the agency is still weighing)."""
    return f"Your views on {service_name}"[:PUBLIC_TITLE_MAX]


def suggested_description(service_name: str, agency_name: str) -> str:
    return (
        f"{agency_name} would like to hear how taking part in {service_name} goes for "
        "you: what you do, how long it takes and what would make it easier."
    )[:DESCRIPTION_MAX]


def suggested_tasks(contributions) -> list[str]:
    """Today's list (what the assessment records that people give) for the manager to
    rewrite in the words of the people who do the work."""
    return [label for code, label in activity_choices(contributions) if code != SOMETHING_ELSE]


def task_choices(tasks) -> list[tuple[str, str]]:
    """The tasks a survey offers (its `task_choices`), then "something else"."""
    offered = [(task["code"], task["label"]) for task in tasks or () if task.get("offered", True)]
    return [*offered, (SOMETHING_ELSE, "Something else")]


def task_labels(tasks) -> dict[str, str]:
    """Every task the survey has offered, by code, including those since taken off the
    list (earlier answers still count under them), then "something else"."""
    return {
        **{task["code"]: task["label"] for task in tasks or ()},
        SOMETHING_ELSE: "Something else",
    }


def revised_tasks(tasks, labels: list[str]) -> list[dict]:
    """The survey's tasks after the manager writes the list `labels`. A task keeps its code
    while its words are unchanged, so the answers already given still count under it; a
    new one gets a new code; one taken off stays, no longer offered, for those answers."""
    existing = {task["label"]: task["code"] for task in tasks or ()}
    used = {task["code"] for task in tasks or ()} | {SOMETHING_ELSE}

    def fresh() -> str:
        number = 1
        while f"task-{number}" in used:
            number += 1
        used.add(f"task-{number}")
        return f"task-{number}"

    revised = [
        {"code": existing.get(label) or fresh(), "label": label, "offered": True}
        for label in labels
    ]
    kept = {task["code"] for task in revised}
    revised += [{**task, "offered": False} for task in tasks or () if task["code"] not in kept]
    return revised


def activity_choices(contributions) -> list[tuple[str, str]]:
    """What co-producers give, as the assessment records it, then "something else"."""
    labels = dict(Contribution.choices)
    recorded = [(code, labels[code]) for code in contributions or () if code in labels]
    return [*recorded, (SOMETHING_ELSE, "Something else")]


def agreement_to_strength(mean_agreement: float) -> int:
    """A motivator's average agreement (1 to 5) as the wizard's strength (0 none to 4
    very strong): "strongly disagree" is no reason at all, "strongly agree" a very strong one."""
    return max(0, min(4, round(mean_agreement - 1)))
