from django.urls import path

from aeo.registry import views

app_name = "registry"
urlpatterns = [
    path("operators/", views.operator_list, name="operator_list"),
    path("operators/new/", views.operator_create, name="operator_create"),
    path("operators/<int:pk>/", views.operator_detail, name="operator_detail"),
    path("operators/<int:pk>/edit/", views.operator_edit, name="operator_edit"),
    path("economies/", views.economy_list, name="economy_list"),
    path("economies/<str:code>/", views.economy_detail, name="economy_detail"),
]
