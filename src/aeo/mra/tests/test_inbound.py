"""Inbound batches: verified, refused with a reason, applied once per number."""

import json

import pytest
from joserfc.jwk import OKPKey

from aeo.mra.models import Partner, PartnerAEO, PartnerAEOEvent
from aeo.mra.selectors import partner_aeo_status
from aeo.mra.tests.conftest import FakePartner, record

pytestmark = pytest.mark.django_db
URL = "/api/v1/exchange/batches"


def post(client, token: str):
    return client.post(URL, {"message": token}, content_type="application/json")


def test_a_signed_batch_is_applied_and_acknowledged(client, taipei):
    answer = post(client, taipei.batch([record(1), record(2, "suspended", "suspended")]))
    assert answer.status_code == 200, answer.json()
    assert answer.json() == {"acknowledged": 2, "applied": 2}
    aeo = PartnerAEO.objects.get()
    assert (aeo.aeo_number, aeo.status, aeo.tin) == ("TW-AEO-0001", "suspended", "12345678")
    assert list(aeo.events.values_list("seq", "status")) == [(1, "active"), (2, "suspended")]
    status = partner_aeo_status("TW", "12345678")
    assert status is not None and status.status == "suspended" and status.source == "partner"


def test_the_same_records_twice_leave_the_same_state(client, taipei):
    records = [record(1), record(2, "suspended", "suspended")]
    assert post(client, taipei.batch(records)).json()["applied"] == 2
    again = post(client, taipei.batch(records))  # resent after a lost answer: a new batch id
    assert again.status_code == 200
    assert again.json() == {"acknowledged": 2, "applied": 0}
    assert PartnerAEOEvent.objects.count() == 2
    assert PartnerAEO.objects.get().status == "suspended"


def test_a_replayed_batch_is_refused(client, taipei):
    token = taipei.batch([record(1)])
    assert post(client, token).status_code == 200
    replay = post(client, token)
    assert replay.status_code == 409
    assert replay.json()["code"] == "replayed"


def test_an_old_batch_is_refused_as_a_replay(client, taipei):
    answer = post(client, taipei.batch([record(1)], iat=1_000_000))
    assert (answer.status_code, answer.json()["code"]) == (409, "replayed")


def test_a_gap_is_refused_with_the_number_to_resend_from(client, taipei):
    assert post(client, taipei.batch([record(1)])).status_code == 200
    answer = post(client, taipei.batch([record(3)]))
    assert answer.status_code == 409
    assert answer.json()["code"] == "out_of_order"
    assert answer.json()["acknowledged"] == 1
    assert not PartnerAEOEvent.objects.filter(seq=3).exists()


def test_a_tampered_batch_is_refused(client, taipei):
    head, body, signature = taipei.batch([record(1)]).split(".")
    import base64

    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["records"][0]["status"] = "active" if payload["records"][0]["status"] else ""
    payload["records"][0]["legal_name"] = "Someone Else Ltd."
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    answer = post(client, f"{head}.{forged}.{signature}")
    assert (answer.status_code, answer.json()["code"]) == (422, "bad_signature")
    assert not PartnerAEO.objects.exists()


def test_an_unsigned_batch_is_refused(client, taipei):
    import base64

    def b64(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    unsigned = f"{b64({'alg': 'none'})}.{b64({'iss': 'TW', 'records': []})}."
    for message in (unsigned, "not a jws at all"):
        answer = post(client, message)
        assert (answer.status_code, answer.json()["code"]) == (422, "unsigned")


def test_a_batch_from_an_unknown_sender_or_key_is_refused(client, taipei):
    stranger = FakePartner("KR")  # not registered
    assert post(client, stranger.batch([record(1)])).json()["code"] == "unknown_sender"
    impostor = taipei.batch([record(1)], key=OKPKey.generate_key("Ed25519"))
    answer = post(client, impostor)
    assert (answer.status_code, answer.json()["code"]) == (422, "unknown_sender")


def test_a_batch_for_another_administration_is_refused(client, taipei):
    answer = post(client, taipei.batch([record(1)], aud="KR"))
    assert (answer.status_code, answer.json()["code"]) == (422, "wrong_recipient")


def test_an_empty_batch_keeps_the_partner_fresh(client, taipei):
    partner = Partner.objects.get(economy_id="TW")
    assert partner.last_received_at is None
    assert post(client, taipei.batch([])).json() == {"acknowledged": 0, "applied": 0}
    partner.refresh_from_db()
    assert partner.last_received_at is not None


def test_a_consent_withdrawal_makes_the_partner_aeo_unknown(client, taipei, border):
    post(client, taipei.batch([record(1), record(2, event="consent_withdrawn")]))
    status = partner_aeo_status("TW", "TW-AEO-0001")
    assert status is not None and status.status == "unknown" and status.name is None
