from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("", views.service_list, name="list"),
    path("<uuid:code>/", views.service_detail, name="detail"),
]
