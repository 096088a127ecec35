from django.apps import AppConfig


class RequirementsConfig(AppConfig):
    name = "aeo.requirements"
    label = "requirements"
