from django.urls import path

from services import account_views

app_name = "account"

urlpatterns = [
    path("", account_views.account, name="index"),
    path("tokens/", account_views.create_token, name="create_token"),
    path("tokens/<uuid:code>/revoke/", account_views.revoke_token, name="revoke_token"),
]
