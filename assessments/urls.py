from django.urls import path

from assessments.survey import views as survey
from assessments.views import (
    compare,
    history,
    lifecycle,
    listing,
    options,
    outcomes,
    report,
    wizard,
)

app_name = "assessments"

urlpatterns = [
    path("", listing.assessment_list, name="list"),
    path("compare/", compare.compare, name="compare"),
    path("compare/csv/", compare.compare_csv, name="compare_csv"),
    path("<uuid:code>/", report.report, name="report"),
    path("<uuid:code>/history/", history.history, name="history"),
    path("new/", wizard.new_assessment, name="new"),
    path("<uuid:code>/tasks/", wizard.task_list, name="tasks"),
    path("<uuid:code>/options/", options.options_list, name="options"),
    path("<uuid:code>/options/add/", options.add_option, name="add_option"),
    path("<uuid:code>/options/people/", options.people, name="people"),
    path(
        "<uuid:code>/options/compared-against/",
        options.comparator_kind,
        name="comparator_kind",
    ),
    path("<uuid:code>/options/<uuid:option_code>/", options.option_page, name="option"),
    path(
        "<uuid:code>/options/<uuid:option_code>/remove/",
        options.remove_option,
        name="remove_option",
    ),
    path("<uuid:code>/options/<uuid:option_code>/up/", options.move_option_up, name="option_up"),
    path(
        "<uuid:code>/options/<uuid:option_code>/down/",
        options.move_option_down,
        name="option_down",
    ),
    path(
        "<uuid:code>/options/<uuid:option_code>/comparator/",
        options.make_comparator,
        name="make_comparator",
    ),
    path("<uuid:code>/quality/", options.quality, name="quality"),
    path("<uuid:code>/outcomes/", outcomes.outcomes_list, name="outcomes"),
    path("<uuid:code>/outcomes/add/", outcomes.add_outcome, name="add_outcome"),
    path("<uuid:code>/outcomes/<uuid:outcome_code>/", outcomes.outcome_page, name="outcome"),
    path(
        "<uuid:code>/outcomes/<uuid:outcome_code>/adopt/",
        outcomes.adopt_effect,
        name="adopt_effect",
    ),
    path(
        "<uuid:code>/outcomes/<uuid:outcome_code>/remove/",
        outcomes.remove_outcome,
        name="remove_outcome",
    ),
    path(
        "<uuid:code>/edit/<slug:step>/",
        wizard.AssessmentWizard.as_view(url_name="assessments:edit"),
        name="edit",
    ),
    path("<uuid:code>/check/", wizard.check_answers, name="check"),
    path("<uuid:code>/submit/", wizard.submit, name="submit"),
    path("<uuid:code>/archive/confirm/", lifecycle.confirm_archive, name="confirm_archive"),
    path("<uuid:code>/archive/", lifecycle.archive, name="archive"),
    path("<uuid:code>/restore/confirm/", lifecycle.confirm_restore, name="confirm_restore"),
    path("<uuid:code>/restore/", lifecycle.restore, name="restore"),
    path("<uuid:code>/delete/confirm/", lifecycle.confirm_delete, name="confirm_delete"),
    path("<uuid:code>/delete/", lifecycle.delete, name="delete"),
    path("<uuid:code>/revise/confirm/", lifecycle.confirm_revise, name="confirm_revise"),
    path("<uuid:code>/revise/", lifecycle.revise, name="revise"),
    path("<uuid:code>/survey/", survey.survey_page, name="survey"),
    path("<uuid:code>/survey/open/", survey.open_survey, name="survey_open"),
    path("<uuid:code>/survey/close/", survey.close_survey, name="survey_close"),
    path("<uuid:code>/survey/print/", survey.print_survey, name="survey_print"),
    path("<uuid:code>/survey/results.csv", survey.results_csv, name="survey_csv"),
    path(
        "<uuid:code>/survey/use/confirm/",
        survey.confirm_use_figures,
        name="survey_use_confirm",
    ),
    path("<uuid:code>/survey/use/", survey.use_figures, name="survey_use"),
]
