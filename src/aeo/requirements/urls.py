from django.urls import path

from aeo.requirements import views

app_name = "requirements"
urlpatterns = [
    path("", views.index, name="index"),
    path("self-assessments/start/", views.start, name="start"),
    path("self-assessments/<int:pk>/", views.sheet, name="sheet"),
    path("self-assessments/<int:pk>/sections/<int:number>/", views.sheet, name="section"),
    path("self-assessments/<int:pk>/first-gap/", views.first_gap, name="first_gap"),
    path(
        "self-assessments/<int:pk>/questions/<int:question_pk>/answer/",
        views.answer,
        name="answer",
    ),
    path(
        "self-assessments/<int:pk>/questions/<int:question_pk>/evidence/",
        views.upload,
        name="upload",
    ),
    path("evidence/<int:pk>/", views.download, name="download"),
    path("evidence/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/new/", views.template_create, name="template_create"),
    path("templates/<int:pk>/", views.template_detail, name="template_detail"),
    path("templates/<int:pk>/publish/", views.template_publish, name="template_publish"),
    path("templates/<int:pk>/criteria/new/", views.criterion_form, name="criterion_create"),
    path(
        "templates/<int:pk>/criteria/<int:criterion_pk>/",
        views.criterion_form,
        name="criterion_edit",
    ),
    path(
        "templates/<int:pk>/criteria/<int:criterion_pk>/questions/new/",
        views.question_form,
        name="question_create",
    ),
    path(
        "templates/<int:pk>/criteria/<int:criterion_pk>/questions/<int:question_pk>/",
        views.question_form,
        name="question_edit",
    ),
]
