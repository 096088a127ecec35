"""Notifications are stored as message keys and rendered in their reader's language."""

import pytest
from django.core import mail
from django.urls import reverse

from aeo.applications import services
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo
from aeo.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_stored_as_a_key_and_parameters_not_finished_sentences():
    trader = trader_in_tokyo()
    services.accept_application(actor=tokyo_examiner(), application=submitted_application(trader))
    notification = Notification.objects.get(user=trader)
    assert notification.subject_key == "Your AEO application was accepted for examination"
    assert notification.body_key == "Decision due by %(due)s."
    assert set(notification.params) == {"due"}


def test_the_e_mail_is_written_in_the_recipients_language(
    settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    english, japanese = trader_in_tokyo(), trader_in_tokyo()
    english.email, japanese.email, japanese.language = "en@example.jp", "ja@example.jp", "ja"
    english.save(), japanese.save()
    for trader in (english, japanese):
        application = submitted_application(trader)
        with django_capture_on_commit_callbacks(execute=True):
            services.accept_application(actor=tokyo_examiner(), application=application)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert by_recipient["en@example.jp"].subject == (
        "Your AEO application was accepted for examination"
    )
    assert by_recipient["ja@example.jp"].subject == "貴社のAEO申請を受理し、審査を開始しました"


def test_the_inbox_shows_the_pages_language(client):
    trader = trader_in_tokyo()
    services.return_application(
        actor=tokyo_examiner(), application=submitted_application(trader), comment="記録の不足"
    )
    client.force_login(trader)
    page = client.get(reverse("notifications:inbox"), HTTP_ACCEPT_LANGUAGE="ja").text
    assert "貴社のAEO申請は不備により返戻されました" in page
    assert "記録の不足" in page  # what the examiner wrote is shown as written
