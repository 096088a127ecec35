from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "aeo.registry"
    label = "registry"
    verbose_name = "Registry"
