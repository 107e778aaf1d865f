"""Limits on free text: long enough for what a manager has to say, short enough that no
answer can fill the database or a report. Each limit is checked by the form, with a
message saying how long the text is, and by the database, whatever writes to it."""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

# About 300 words: room for a paragraph or two on any one question.
WRITTEN_ANSWER_MAX = 2000


def text_up_to(verbose_name: str, limit: int = WRITTEN_ANSWER_MAX, **kwargs) -> models.TextField:
    """An optional free-text field of at most `limit` characters (with `length_limit`)."""
    return models.TextField(verbose_name, blank=True, max_length=limit, **kwargs)


def length_limit(model_label: str, field: str, limit: int, what: str) -> models.CheckConstraint:
    """The database's half of a field's length limit; `what` names the text in a sentence
    ("the summary"), for the message the admin shows."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), limit),
        name=f"{model_label}_{field}_length_limit",
        violation_error_message=f"Keep {what} to {limit:,} characters or fewer.",
    )


def too_long(what: str, limit: int) -> str:
    """The message for text over its limit; the form fills in how long it is."""
    return f"Keep {what} to {limit:,} characters or fewer: it has %(show_value)d"


def limit_hint(limit: int) -> str:
    return f"Up to {limit:,} characters."


# Characters that change the direction text is shown in: they can make a name or a comment
# read differently on screen from what it says (the "Trojan Source" trick).
DIRECTION_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Separators, controls and format characters: nothing a reader can see.
UNSEEN_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cn"})


def readable_text(value) -> None:
    """Every text box's rule (`coprod_site.apps`): no characters that reverse the text's
    direction, and something a reader can see in any text given."""
    if not isinstance(value, str) or not value:
        return
    if any(character in DIRECTION_CONTROLS for character in value):
        raise ValidationError(
            "Remove the hidden characters that change the direction of the text: they can "
            "make it read differently from what it says.",
            code="direction_controls",
        )
    if all(unicodedata.category(character) in UNSEEN_CATEGORIES for character in value):
        raise ValidationError(
            "Write something that can be read: this has only spaces or invisible characters.",
            code="nothing_visible",
        )
