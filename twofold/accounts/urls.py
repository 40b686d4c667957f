from django.contrib.auth import views as auth_views
from django.urls import path

from twofold.accounts import erasure_views, key_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("apps/", key_views.apps, name="apps"),
    path("apps/<id:key_id>/revoke/", key_views.revoke, name="app_key_revoke"),
    path("apps/sign-out-everywhere/", key_views.sign_out_everywhere, name="sign_out_everywhere"),
    path("signup/", views.sign_up, name="signup"),
    path("login/", views.LogInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.ChangePasswordView.as_view(), name="password_change"),
    path("password/reset/", views.ResetRequestView.as_view(), name="password_reset"),
    path("password/reset/done/", views.ResetSentView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/complete/", views.ResetCompleteView.as_view(), name="password_reset_complete"),
    path("delete/", erasure_views.delete_account, name="delete"),
    path("deleted/", erasure_views.account_deleted, name="deleted"),
    path("download/", erasure_views.download, name="download"),
]
