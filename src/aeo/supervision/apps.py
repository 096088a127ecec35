from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "aeo.supervision"
    label = "supervision"
