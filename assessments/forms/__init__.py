"""Forms for starting an assessment, each section of the wizard, and the options part."""

from assessments.forms.options import (
    RATING_QUESTIONS,
    AddOptionForm,
    OptionForm,
    QualityGridForm,
)
from assessments.forms.sections import (
    SECTION_FORMS,
    STALE_MESSAGE,
    NewAssessmentForm,
    SectionForm,
)

__all__ = [
    "RATING_QUESTIONS",
    "SECTION_FORMS",
    "STALE_MESSAGE",
    "AddOptionForm",
    "NewAssessmentForm",
    "OptionForm",
    "QualityGridForm",
    "SectionForm",
]
