"""The officer's queue and declaration page, the CSV upload, the MRA monitoring page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.border import services
from aeo.border.models import Criterion, Declaration, TrsRun
from aeo.border.tests.helpers import officer, row
from aeo.border.tests.test_trs_source import lodge_history

pytestmark = pytest.mark.django_db


def lodge(lane: str, **kw) -> Declaration:
    d = services.create_declaration(actor=officer(Role.POLICY_OFFICER, "CTB"), data=row(**kw))
    Declaration.objects.filter(pk=d.pk).update(lane=lane)
    return Declaration.objects.get(pk=d.pk)


def test_the_queue_shows_the_office_by_lane(client):
    exam, free = lodge("exam"), lodge("free")
    osaka = lodge("exam", office="OSAKA")
    client.force_login(officer())
    page = client.get(reverse("border:queue"), {"lane": "exam"}).content.decode()
    assert exam.number in page and free.number not in page and osaka.number not in page


def test_the_declaration_page_explains_the_lane_and_offers_the_next_moves(client):
    d = lodge("exam")
    client.force_login(officer())
    page = client.get(reverse("border:declaration", args=[d.pk])).content.decode()
    assert "Selection seed" in page and "Not an AEO" in page
    assert 'data-action="examine"' in page and 'data-action="release"' not in page
    url = reverse("border:declaration_act", args=[d.pk, "examine"])
    refused = client.post(url, {"examine-result": "discrepancy", "examine-version": d.version})
    assert refused.status_code == 400 and "Describe the discrepancy" in refused.content.decode()
    done = client.post(url, {"examine-result": "no_discrepancy", "examine-version": d.version})
    assert done.status_code == 302
    assert Declaration.objects.get(pk=d.pk).status == "examined"
    client.force_login(officer(office="OSAKA"))
    assert client.get(reverse("border:declaration", args=[d.pk])).status_code == 404


def test_a_csv_upload_runs_in_the_background_and_shows_its_rows(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer())
    body = (
        b"number,office,direction,transport_mode,trader_tin,partner_economy,hs_code,origin,"
        b"value,lodged_at\nU1,TOKYO,import,sea,1234567890123,CN,847130,CN,10,2026-03-02T10:00\n"
        b"U2,TOKYO,import,boat,1234567890123,CN,847130,CN,10,2026-03-02T10:00\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("border:upload"),
            {"file": SimpleUploadedFile("day.csv", body, content_type="text/csv")},
        )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="created">1<' in page and 'data-testid="rejected">1<' in page
    assert "transport_mode" in page
    assert Declaration.objects.filter(number="U1").exists()


@pytest.mark.usefixtures("tw_mra")
def test_policy_officers_measure_an_mra_and_keep_the_result(
    client, django_capture_on_commit_callbacks
):
    lodge_history(120)
    client.force_login(officer(Role.POLICY_OFFICER, "CTB"))
    assert client.get(reverse("border:monitoring")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("border:monitoring"), {"mra-partner": "TW", "mra-days": 140})
    assert response.status_code == 302
    run = TrsRun.objects.get()
    assert run.status == "done", run.failure
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="targets"' in page and "data:image/svg+xml;base64," in page
    csv = client.get(reverse("border:study_download", args=[run.pk, "csv"]))
    assert csv.status_code == 200 and b"stage" in csv.content
    client.force_login(officer())
    assert client.get(reverse("border:monitoring")).status_code == 403


def test_policy_officers_create_and_retire_criteria_on_the_page_officers_read_them(client):
    policy = officer(Role.POLICY_OFFICER, "CTB")
    client.force_login(policy)
    url = reverse("border:criteria")
    refused = client.post(url, {"code": "coffee", "description": "", "valid_from": "2026-01-01"})
    assert refused.status_code == 400 and 'value="coffee"' in refused.content.decode()
    created = client.post(
        url,
        {
            "code": "coffee-br",
            "description": "Brazilian coffee",
            "lane": "exam",
            "score": "0",
            "hs_prefixes": "0901, 2101",
            "origins": "br vn",
            "valid_from": "2026-01-01",
            "instructions": "Sample for mycotoxins.",
        },
    )
    assert created.status_code == 302
    c = Criterion.objects.get(code="COFFEE-BR")
    assert c.hs_prefixes == ["0901", "2101"] and c.origins == ["BR", "VN"]
    # The next declaration of Brazilian coffee goes to examination.
    d = services.create_declaration(
        actor=policy, data=row(lines=[{"hs_code": "090111", "origin": "BR", "value": "10"}])
    )
    assert d.lane == "exam"
    client.force_login(officer())  # a border officer reads, cannot change
    page = client.get(url).content.decode()
    assert "COFFEE-BR" in page and "Sample for mycotoxins." in page and "New criterion" not in page
    retire = reverse("border:retire_criterion", args=[c.pk])
    assert client.post(retire, {"reason": "x"}).status_code == 403
    client.force_login(policy)
    retired = client.post(retire, {"reason": "Season over"}, follow=True).content.decode()
    assert "Criterion COFFEE-BR retired." in retired and "Sample for mycotoxins." not in retired
    assert "Season over" in client.get(url, {"show": "retired"}).content.decode()


def test_policy_officers_set_an_offices_rates_traders_see_nothing(client):
    from aeo.registry.models import CustomsOffice
    from aeo.registry.tests.factories import TraderFactory

    client.force_login(officer(Role.POLICY_OFFICER, "CTB"))
    url = reverse("border:settings")
    assert "No rates are set" in client.get(url).content.decode()
    tokyo = CustomsOffice.objects.get(code="TOKYO")
    data = {
        "office": tokyo.pk,
        "direction": "import",
        "expected_paper_pct": "20",
        "expected_exam_pct": "5",
        "random_pct": "9",
        "paper_score": "50",
        "exam_score": "100",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400 and "random rate" in refused.content.decode()
    assert client.post(url, {**data, "random_pct": "1.5"}).status_code == 302
    page = client.get(url).content.decode()
    assert tokyo.name in page and "1.50 %" in page
    client.force_login(TraderFactory())
    assert client.get(url).status_code == 403
    assert client.get(reverse("border:criteria")).status_code == 403


def test_the_declaration_page_lists_each_partys_benefits_and_the_one_the_lane_used(
    client, benefit_factory, django_assert_max_num_queries
):
    from django.utils import translation

    from aeo.authorizations.tests.conftest import issue
    from aeo.registry.tests.factories import OperatorFactory

    importer = OperatorFactory(roles=["importer"])
    issue(importer)
    used = benefit_factory(["IMP"], title="Reduced examination")
    other = benefit_factory(["IMP"], percent=None, category="deferred_payment", title="Deferral")
    d = lodge("exam", trader_tin=importer.tin)
    assert d.lane_reason["benefit"]["id"] == used.pk
    client.force_login(officer())
    url = reverse("border:declaration", args=[d.pk])
    page = client.get(url).content.decode()
    assert used.title_en in page and other.title_en in page and "applied to this lane" in page
    assert used.description_en in page and used.conditions in page
    with translation.override("ja"):
        assert used.title_ja in client.get(url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for n in range(5):
        benefit_factory(["IMP"], category="rapid_release", title=f"More {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_declaration_page_names_the_mra_benefit_a_partners_aeo_got(client, benefit_factory):
    from aeo.mra.services.inbound import receive_batch
    from aeo.mra.tests.conftest import FakePartner, in_force_with, record

    mra = in_force_with("TW")
    reduced = benefit_factory(["EXP"], percent=60, title="Reduced examination of partner AEOs")
    mra.benefits_here.set([reduced])
    taipei = FakePartner()
    taipei.register()
    receive_batch(token=taipei.batch([record(1, number="TW-AEO-0001")]))
    d = lodge("free", partner_aeo_id="TW-AEO-0001", partner_economy="TW")
    client.force_login(officer())
    page = client.get(reverse("border:declaration", args=[d.pk])).content.decode()
    assert 'data-testid="mra-benefit"' in page and reduced.title_en in page
    assert "under JP-TW" in page and reduced.description_en in page
