from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aeo.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from aeo.accounts import signals  # noqa: F401 - connects the audit receivers
