from django.urls import path

from aeo.supervision import views

app_name = "supervision"
urlpatterns = [
    path("operators/<int:operator_id>/", views.operator, name="operator"),
]
