from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "aeo.home"
    label = "home"
    verbose_name = "Home pages"
