from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "aeo.border"
    label = "border"
