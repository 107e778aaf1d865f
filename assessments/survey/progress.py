"""The answers so far, kept in the person's own browser and nowhere else.

Each Continue or Back sends one page; its answers join the earlier pages' in a signed,
compressed cookie, and the browser is sent on to the next page by a redirect (so Back and
reload never send a form again). The cookie goes only to the survey's own address and
lasts a day; it is signed so that it cannot be altered, not encrypted: it holds nothing
but what the person typed, on their own phone. The server keeps none of it: a survey that
is left halfway leaves no trace here, as the anonymity promise needs. Sending the last
page, or pressing Start again, clears it.
"""

from dataclasses import dataclass, field

from django.core import signing
from django.http import QueryDict

from assessments.survey.forms import ANSWER_NAMES
from assessments.survey.models import Survey

COOKIE_NAME = "survey-answers"
COOKIE_AGE = 24 * 60 * 60  # a day: long enough to come back to, short on a shared phone
SALT = "coprod-survey-answers"
# Longer than any answer the form takes (a comment is at most 500 characters): only what
# a browser without the form's own limits could send is cut, to keep the cookie small.
LONGEST_VALUE = 2000


@dataclass
class Progress:
    """What the person has answered so far, by field name, and the page they were on."""

    answers: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1

    def __bool__(self) -> bool:
        return any(value for values in self.answers.values() for value in values)

    def with_page(self, data: QueryDict, names) -> "Progress":
        """These answers with those of one page's `names` replaced by what it sent (a box
        left unticked sends nothing, and so clears what was ticked before)."""
        answers = dict(self.answers)
        for name in names:
            answers[name] = [value[:LONGEST_VALUE] for value in data.getlist(name)]
        return Progress(answers={k: v for k, v in answers.items() if v}, page=self.page)

    def as_data(self) -> QueryDict:
        data = QueryDict(mutable=True)
        for name, values in self.answers.items():
            data.setlist(name, values)
        return data


def _salt(survey: Survey) -> str:
    return f"{SALT}:{survey.token}"


def read(request, survey: Survey) -> Progress:
    """The answers this browser has given so far, or none (no cookie, too old, altered)."""
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return Progress()
    try:
        saved = signing.loads(value, salt=_salt(survey), max_age=COOKIE_AGE)
        answers = {
            name: [str(item) for item in values]
            for name, values in saved["answers"].items()
            if name in ANSWER_NAMES and isinstance(values, list)
        }
        return Progress(answers=answers, page=int(saved["page"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return Progress()


def keep(response, request, survey: Survey, progress: Progress) -> None:
    value = signing.dumps(
        {"answers": progress.answers, "page": progress.page}, salt=_salt(survey), compress=True
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=COOKIE_AGE,
        path=survey.public_path(),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def forget(response, survey: Survey) -> None:
    response.delete_cookie(COOKIE_NAME, path=survey.public_path(), samesite="Lax")
