from django.urls import path

from aeo.benefits import views

app_name = "benefits"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action_name>/", views.benefit_act, name="act"),
    path("agencies/", views.agencies, name="agencies"),
    path("agencies/new/", views.agency_create, name="agency_create"),
    path("agencies/<slug:code>/", views.agency, name="agency"),
    path("agencies/<slug:code>/edit/", views.agency_edit, name="agency_edit"),
    path("mous/", views.mous, name="mous"),
    path("mous/new/", views.mou_create, name="mou_create"),
    path("mous/<int:pk>/", views.mou_detail, name="mou_detail"),
    path("mous/<int:pk>/act/<slug:action_name>/", views.mou_act, name="mou_act"),
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/act/<slug:action_name>/", views.proposal_act, name="proposal_act"),
    path("inspections/", views.inspections, name="inspections"),
    path("inspections/new/", views.inspection_request, name="inspection_request"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path(
        "inspections/<int:pk>/act/<slug:action_name>/",
        views.inspection_act,
        name="inspection_act",
    ),
]
