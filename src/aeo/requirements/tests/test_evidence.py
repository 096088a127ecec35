"""Evidence uploads: type by extension and content, size, private storage, access."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from aeo.core import evidence
from aeo.core.errors import DomainError
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import TraderFactory
from aeo.requirements import selectors, services
from aeo.requirements.models import Evidence, Question
from aeo.requirements.tests.factories import PDF, PNG, office_file, pdf

pytestmark = pytest.mark.django_db


def upload(sheet, actor, file, code="OA-5"):
    question = Question.objects.get(template=sheet.template, code=code)
    return services.upload_evidence(
        actor=actor, self_assessment=sheet, question=question, upload=file
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("register.pdf", PDF),
        ("site-plan.PNG", PNG),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
        ("procedures.docx", office_file("word/document.xml")),
        ("stock.xlsx", office_file("xl/workbook.xml")),
    ],
)
def test_allowed_types_are_stored_under_a_random_name(trader, sheet, name, content):
    item = upload(sheet, trader, SimpleUploadedFile(name, content))
    assert (item.name, item.size) == (name, len(content))
    assert name.split(".")[0] not in item.file.name
    assert item.file.name.startswith("evidence/")
    with default_storage.open(item.file.name) as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("certificate.pdf", b"This is plain text pretending to be a PDF."),
        ("plan.png", PDF),
        ("procedures.docx", office_file("xl/workbook.xml")),
        ("procedures.docx", b"PK\x03\x04 not really a zip"),
        ("payload.exe", b"MZ\x90\x00"),
        ("register", PDF),
        ("empty.pdf", b""),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_written(trader, sheet, name, content):
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError) as exc:
        upload(sheet, trader, SimpleUploadedFile(name, content))
    assert exc.value.field == "file"
    assert not Evidence.objects.exists()
    assert AuditEvent.objects.count() == events


def test_files_over_the_size_limit_are_refused(trader, sheet):
    too_big = PDF + b"0" * (evidence.MAX_EVIDENCE_BYTES - len(PDF) + 1)
    with pytest.raises(DomainError) as exc:
        upload(sheet, trader, pdf(content=too_big))
    assert exc.value.field == "file"
    assert "10 MB" in exc.value.message
    assert not Evidence.objects.exists()


def test_a_client_path_is_reduced_to_the_base_name(trader, sheet):
    item = upload(sheet, trader, pdf(name="C:\\Users\\me\\..\\secret\\audit.pdf"))
    assert item.name == "audit.pdf"


def test_withdrawn_evidence_no_longer_counts(trader, sheet):
    item = upload(sheet, trader, pdf())
    services.withdraw_evidence(actor=trader, item=item)
    item.refresh_from_db()
    assert item.withdrawn_at is not None
    assert AuditEvent.objects.filter(action="self_assessment.evidence_withdrawn").exists()
    assert "OA-5" in {g.question.code for g in selectors.gaps(sheet)}


def test_download_is_for_the_operator_and_customs_only(client, trader, examiner, sheet):
    item = upload(sheet, trader, pdf())
    urls = [f"/requirements/evidence/{item.pk}/", f"/api/v1/evidence/{item.pk}"]

    client.force_login(trader)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert 'attachment; filename="report.pdf"' in response["Content-Disposition"]

    client.force_login(TraderFactory())
    for url in urls:
        assert client.get(url).status_code == 404

    client.force_login(examiner)
    assert client.get(urls[1]).status_code == 200


def test_evidence_is_not_served_from_media_url(client, trader, sheet):
    item = upload(sheet, trader, pdf())
    client.force_login(trader)
    assert client.get(f"/media/{item.file.name}").status_code == 404
