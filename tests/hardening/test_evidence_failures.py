"""An upload that fails after its file is written leaves neither a file nor a row behind;
one that succeeds keeps both, whatever happens to the response afterwards."""

import pytest
from django.test import Client

from aeo.accounts.services import issue_token
from aeo.registry.tests.factories import OperatorFactory, TraderFactory
from aeo.requirements import services
from aeo.requirements.models import Evidence
from aeo.requirements.tests.factories import pdf

pytestmark = pytest.mark.django_db


class Injected(Exception):
    pass


@pytest.fixture
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    trader = TraderFactory(operator=OperatorFactory(roles=["importer"], employee_count=40))
    sheet = services.create_self_assessment(actor=trader, operator=trader.operator)
    client = Client(
        raise_request_exception=False,
        HTTP_AUTHORIZATION=f"Bearer {issue_token(actor=None, user=trader)}",
    )
    return client, sheet, tmp_path / "media"


def stored(media):
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_a_failure_after_the_file_is_written_leaves_no_orphan(setup, monkeypatch):
    client, sheet, media = setup
    written = []
    real_record = services.audit.record

    def fail_after_the_file(**kwargs):
        if kwargs["action"] == "self_assessment.evidence_uploaded":
            written.extend(stored(media))
            raise Injected("database went away")
        return real_record(**kwargs)

    monkeypatch.setattr(services.audit, "record", fail_after_the_file)
    response = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence", {"file": pdf()}
    )
    assert response.status_code == 500
    assert written, "the injected failure came after the file was on disk"
    assert not Evidence.objects.exists()
    assert stored(media) == []


def test_a_failure_after_the_upload_committed_loses_nothing(setup, monkeypatch):
    client, sheet, media = setup
    from aeo.requirements import api

    def fail_in_the_response(item):
        raise Injected("response failed")

    monkeypatch.setattr(api, "_evidence_out", fail_in_the_response)
    response = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence", {"file": pdf()}
    )
    assert response.status_code == 500
    item = Evidence.objects.get()
    assert item.file.storage.exists(item.file.name)
    assert len(stored(media)) == 1
