from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("", views.service_list, name="list"),
    path("<uuid:code>/", views.service_detail, name="detail"),
    path("new/", views.service_new, name="new"),
    path("<uuid:code>/edit/", views.service_edit, name="edit"),
    path("agencies/<slug:slug>/settings/", views.agency_settings, name="agency_settings"),
]
