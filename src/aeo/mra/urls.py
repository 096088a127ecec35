from django.urls import path

from aeo.mra import views

app_name = "mra"
urlpatterns = [
    path("", views.mra_list, name="mra_list"),
    path("new/", views.mra_new, name="mra_new"),
    path("<int:pk>/", views.mra_detail, name="mra_detail"),
    path("<int:pk>/act/<slug:action_name>/", views.mra_act, name="act"),
    path("consent/", views.consent_page, name="consent"),
    path("exchange/", views.exchange_status, name="exchange_status"),
    path("verify/", views.verify_page, name="verify"),
]
