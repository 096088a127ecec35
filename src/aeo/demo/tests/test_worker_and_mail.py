"""`aeo demo` serves with the task queue worker beside it, and shows the e-mails it sent."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from aeo.demo.management.commands import demo
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FakeWorker:
    started: list[list[str]] = []

    def __init__(self, args, env):
        self.args, self.env, self.pid, self.stopped = args, env, 4242, False
        FakeWorker.started.append(self)

    def terminate(self):
        self.stopped = True

    def wait(self, timeout=None):
        return 0


def test_demo_serves_with_the_worker_and_stops_it_on_exit(monkeypatch, capsys):
    served = []
    real = demo.call_command

    def fake_call_command(name, *args, **kwargs):
        if name == "runserver":
            served.append(args)
            assert FakeWorker.started and not FakeWorker.started[-1].stopped
            raise KeyboardInterrupt  # Ctrl-C
        return real(name, *args, **kwargs)

    monkeypatch.setattr(demo.subprocess, "Popen", FakeWorker)
    monkeypatch.setattr(demo, "call_command", fake_call_command)
    with pytest.raises(KeyboardInterrupt):
        call_command("demo", "--operators", "3", "--declarations", "5", "--port", "8123")
    worker = FakeWorker.started[-1]
    assert worker.args[1:4] == ["-m", "aeo", "db_worker"]
    assert worker.env["AEO_DEMO"] == "1" and worker.env["AEO_ECONOMY"] == "JP"
    assert worker.stopped, "the worker stops with the server"
    assert served == [("127.0.0.1:8123",)]
    assert "demo/sent-mail/" in capsys.readouterr().out


def test_sent_emails_are_kept_and_shown_to_a_demo_user(client, settings, tmp_path):
    settings.MAILERS = {
        "default": {
            "BACKEND": "aeo.demo.mail.MailboxBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    settings.DEMO_MAILBOX = tmp_path
    client.force_login(UserFactory())
    page = client.get(reverse("demo_sent_mail"))
    assert 'data-testid="no-sent-mail"' in page.text
    assert reverse("demo_sent_mail") in client.get(reverse("home")).text  # the footer link
    mail.send_mail("Application received", "Your application #7 was received.", None, ["a@x.jp"])
    page = client.get(reverse("demo_sent_mail"))
    assert "Application received" in page.text
    assert "Your application #7 was received." in page.text and "a@x.jp" in page.text


def test_no_mailbox_page_outside_the_demo(client, settings):
    settings.DEMO_MAILBOX = None
    client.force_login(UserFactory())
    assert client.get(reverse("demo_sent_mail")).status_code == 404
    assert reverse("demo_sent_mail") not in client.get(reverse("home")).text
