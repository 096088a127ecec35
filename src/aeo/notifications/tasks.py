from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import translation

from aeo.notifications.models import Notification


@task()
def send_notification_email(notification_id: int) -> None:
    """E-mail one notification, written in its recipient's language."""
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    user = notification.user
    with translation.override(user.language):
        text = f"{notification.body}\n\n{notification.url}".strip()
        send_mail(notification.subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
