from django.apps import AppConfig


class TrsConfig(AppConfig):
    name = "aeo.trs"
    label = "trs"
    verbose_name = "Time Release Study"
