from django.urls import path

from assessments.views import listing, report, wizard

app_name = "assessments"

urlpatterns = [
    path("", listing.assessment_list, name="list"),
    path("<uuid:code>/", report.report, name="report"),
    path("new/", wizard.new_assessment, name="new"),
    path("<uuid:code>/tasks/", wizard.task_list, name="tasks"),
    path(
        "<uuid:code>/edit/<slug:step>/",
        wizard.AssessmentWizard.as_view(url_name="assessments:edit"),
        name="edit",
    ),
    path("<uuid:code>/check/", wizard.check_answers, name="check"),
    path("<uuid:code>/submit/", wizard.submit, name="submit"),
    path("<uuid:code>/archive/", wizard.archive, name="archive"),
]
