from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "aeo.applications"
    label = "applications"
