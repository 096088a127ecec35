"""Twenty officials press the same button at once: one wins, nineteen get 409, none a 500.

On SQLite this needs the web-server settings (WAL, busy timeout, IMMEDIATE write
transactions); without them most losers answer "database is locked" as a 500."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from aeo.accounts.services import issue_token
from aeo.applications.models import Application
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo

WAYS = 20


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("with_version", [False, True])
def test_a_twenty_way_race_has_one_winner_and_nineteen_conflicts(settings, tmp_path, with_version):
    settings.MEDIA_ROOT = tmp_path / "media"
    application = submitted_application(trader_in_tokyo())
    tokens = [issue_token(actor=None, user=tokyo_examiner()) for _ in range(WAYS)]
    body = json.dumps({"version": application.version} if with_version else {})
    barrier = threading.Barrier(WAYS)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def accept(token: str) -> None:
        try:
            client = Client()
            barrier.wait()
            response = client.post(
                f"/api/v1/applications/{application.pk}/accept",
                body,
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            statuses.append(response.status_code)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(statuses) == [200] + [409] * (WAYS - 1)
    application = Application.objects.get(pk=application.pk)
    assert application.state == "accepted" or application.state != "submitted"
