"""Limits on free text: long enough for what a manager has to say, short enough that no
answer can fill the database or a report. Each limit is checked by the form, with a
message saying how long the text is, and by the database, whatever writes to it."""

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

# About 300 words: room for a paragraph or two on any one question.
WRITTEN_ANSWER_MAX = 2000


def text_up_to(verbose_name: str, limit: int = WRITTEN_ANSWER_MAX, **kwargs) -> models.TextField:
    """An optional free-text field of at most `limit` characters (with `length_limit`)."""
    return models.TextField(verbose_name, blank=True, max_length=limit, **kwargs)


def length_limit(model_label: str, field: str, limit: int) -> models.CheckConstraint:
    """The database's half of a field's length limit."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), limit),
        name=f"{model_label}_{field}_length_limit",
    )


def too_long(what: str, limit: int) -> str:
    """The message for text over its limit; the form fills in how long it is."""
    return f"Keep {what} to {limit:,} characters or fewer: it has %(show_value)d"


def limit_hint(limit: int) -> str:
    return f"Up to {limit:,} characters."
