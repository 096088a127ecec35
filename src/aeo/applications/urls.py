from django.urls import path

from aeo.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mine/", views.mine, name="mine"),
    path("all/", views.application_list, name="list"),
    path("start/", views.start, name="start"),
    path("consultation/", views.consultation, name="consultation"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path(
        "consultations/<int:pk>/<str:action_name>/",
        views.consultation_act,
        name="consultation_act",
    ),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<str:action_name>/", views.act, name="act"),
]
