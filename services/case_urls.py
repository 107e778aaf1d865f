from django.urls import path

from services import case_views

app_name = "cases"

urlpatterns = [
    path("", case_views.case_list, name="list"),
    path("<slug:slug>/", case_views.case_detail, name="detail"),
]
