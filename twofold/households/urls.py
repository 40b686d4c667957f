from django.urls import path

from twofold.households import views

app_name = "households"

urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("start/", views.start, name="start"),
    path("edit/", views.edit_household, name="edit"),
    path("me/", views.edit_profile, name="profile"),
    path("children/add/", views.add_child, name="child_add"),
    path("children/<id:child_id>/", views.edit_child, name="child_edit"),
    path("invitations/", views.create_invitation, name="invite"),
    path("invitations/<id:invitation_id>/revoke/", views.revoke_invitation, name="invitation_revoke"),
    path("join/<str:token>/", views.join, name="join"),
    path("members/<id:member_id>/remove/", views.remove_member, name="member_remove"),
    path("leave/", views.leave, name="leave"),
    path("switch/", views.switch, name="switch"),
]
