from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aeo.accounts"
    label = "accounts"
    verbose_name = "Accounts"
