from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "aeo.notifications"
    label = "notifications"
