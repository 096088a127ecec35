from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "aeo.core"
    label = "core"
    verbose_name = "Core"
