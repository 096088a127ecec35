from django.apps import AppConfig


class AuthorizationsConfig(AppConfig):
    name = "aeo.authorizations"
    label = "authorizations"
