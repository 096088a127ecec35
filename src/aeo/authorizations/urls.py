from django.urls import path

from aeo.authorizations import views

app_name = "authorizations"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("authorizations/", views.authorization_list, name="authorization_list"),
    path("authorizations/<int:pk>/", views.authorization_detail, name="authorization_detail"),
    path("authorizations/<int:pk>/act/<slug:action_name>/", views.act, name="act"),
    path("authorizations/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("authorizations/<int:pk>/certificate.pdf", views.certificate_pdf, name="certificate_pdf"),
]
