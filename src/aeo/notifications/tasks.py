from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task


@task()
def send_email(recipient: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
