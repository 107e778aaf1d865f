"""Forms for starting an assessment, each section of the wizard, and the options part."""

from assessments.forms.appraisal import AppraisalForm
from assessments.forms.options import (
    RATING_QUESTIONS,
    AddOptionForm,
    OptionForm,
    QualityGridForm,
)
from assessments.forms.sections import (
    STALE_MESSAGE,
    CapabilityForm,
    MotivationsForm,
    NecessityForm,
    NewAssessmentForm,
    ReciprocityForm,
    SectionForm,
    ValueForm,
    WorkForm,
)

# The wizard's pages of questions about the assessment itself, in order.
SECTION_FORMS = {
    "work": WorkForm,
    "reciprocity": ReciprocityForm,
    "value": ValueForm,
    "necessity": NecessityForm,
    "motivations": MotivationsForm,
    "capability": CapabilityForm,
    "appraisal": AppraisalForm,
}

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
