from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from assessments.survey.views import answer as survey_answer
from assessments.survey.views import thanks as survey_thanks
from assessments.views.dashboard import dashboard
from assessments.views.dashboard_csv import dashboard_table_csv
from assessments.views.export import export_assessments_csv, export_options_csv
from assessments.views.export_budget import export_budget_csv
from coprod_site.data_dictionary import data_dictionary, datapackage_json
from coprod_site.views import SignInView, healthz, help_page
from services.case_views import export_cases_csv
from services.views import export_services_csv

admin.site.site_header = "Coprod administration"
admin.site.site_title = "Coprod admin"

urlpatterns = [
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", healthz, name="healthz"),
    path("help/", help_page, name="help"),
    path("account/", include("services.account_urls")),
    path("admin/", admin.site.urls),
    path("services/", include("services.urls")),
    path("export/", data_dictionary, name="export-dictionary"),
    path("export/datapackage.json", datapackage_json, name="export-datapackage"),
    path("export/services.csv", export_services_csv, name="export-services"),
    path("cases/", include("services.case_urls")),
    path("export/cases.csv", export_cases_csv, name="export-cases"),
    path("assessments/", include("assessments.urls")),
    path("export/assessments.csv", export_assessments_csv, name="export-assessments"),
    path("export/options.csv", export_options_csv, name="export-options"),
    path("export/budget.csv", export_budget_csv, name="export-budget"),
    path("dashboard/<slug:table>.csv", dashboard_table_csv, name="dashboard-table"),
    # The co-producers' survey: public, no sign-in; the token is its only key.
    path("s/<slug:token>/", survey_answer, name="survey-answer"),
    path("s/<slug:token>/thanks/", survey_thanks, name="survey-thanks"),
    path("", dashboard, name="dashboard"),
]
