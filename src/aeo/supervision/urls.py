from django.urls import path

from aeo.supervision.views import contacts

app_name = "supervision"
urlpatterns = [
    path("operators/<int:operator_id>/", contacts.operator, name="operator"),
]
