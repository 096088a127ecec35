from django.urls import path

from aeo.border import views

app_name = "border"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("declarations/<int:pk>/", views.declaration, name="declaration"),
    path("declarations/<int:pk>/<str:action_name>/", views.declaration_act, name="declaration_act"),
    path("upload/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.import_status, name="import"),
    path("monitoring/", views.monitoring, name="monitoring"),
    path("criteria/", views.criteria, name="criteria"),
    path("criteria/<int:pk>/retire/", views.retire_criterion, name="retire_criterion"),
    path("rates/", views.selectivity_settings, name="settings"),
    path("studies/<int:pk>/", views.study, name="study"),
    path("studies/<int:pk>/<str:fmt>/", views.study_download, name="study_download"),
]
