from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "aeo.demo"
    label = "demo"
    verbose_name = "Demo data"
