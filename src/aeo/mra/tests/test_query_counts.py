"""The MRA lists, the exchange status and verification: queries do not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer, issue
from aeo.benefits.tests.helpers import aeo, benefit
from aeo.mra.constants import MRAEventType
from aeo.mra.services import arrangements, consent
from aeo.mra.tests.conftest import FakePartner, record
from aeo.mra.tests.test_inbound import post
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db
PARTNERS = ["TW", "KR", "SG", "AU", "NZ", "US"]


def grow(client, start: int, stop: int) -> list[str]:
    """Arrangements, partners with one AEO each and own AEOs; returns the ids to verify."""
    ids = []
    for i in range(start, stop):
        arrangements.create_mra(
            actor=None,
            title=f"MRA {i}",
            partners=[PARTNERS[i]],
            scope=[("IMP", "x")],
            benefits_here=[benefit(publish=True, title_en=f"Benefit {i}").pk],
            benefits_abroad=[
                {"title_en": f"Abroad {i}", "category": "low_inspection", "aeo_types": ["IMP"]}
            ],
            indicators=[{"indicator": "release time", "target": "-20 %"}],
        )
        partner = FakePartner(PARTNERS[i])
        partner.register()
        post(client, partner.batch([record(1, number=f"{PARTNERS[i]}-AEO-{i}")]))
        ids += [f"{PARTNERS[i]}-AEO-{i}", issue(OperatorFactory())[0].aeo_number]
    return ids


def count(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code == 200, response.content[:300]
    return len(queries)


CALLS = {
    "list_mras": lambda c, h, ids: c.get("/api/v1/mras", **h),
    "list_partners": lambda c, h, ids: c.get("/api/v1/exchange/partners", **h),
    "get_exchange_status": lambda c, h, ids: c.get("/api/v1/exchange/status", **h),
    "list_partner_aeos": lambda c, h, ids: c.get("/api/v1/exchange/partner-aeos", **h),
    "verify_aeo_status": lambda c, h, ids: c.post(
        "/api/v1/exchange/verify", {"ids": ids}, content_type="application/json", **h
    ),
    "mra_list_page": lambda c, h, ids: c.get("/mra/"),
    "exchange_page": lambda c, h, ids: c.get("/mra/exchange/"),
    "verify_page": lambda c, h, ids: c.post("/mra/verify/", {"ids": "\n".join(ids)}),
}


@pytest.mark.parametrize("name", CALLS)
def test_the_same_queries_at_two_sizes(client, name):
    policy = UserFactory(role=Role.POLICY_OFFICER)
    headers = bearer(policy)
    client.force_login(policy)
    small = grow(client, 0, 2)
    first = count(lambda: CALLS[name](client, headers, small))
    large = small + grow(client, 2, 6)
    assert count(lambda: CALLS[name](client, headers, large)) == first


def _in_force(start: int, stop: int) -> None:
    for i in range(start, stop):
        mra = arrangements.create_mra(
            actor=None,
            title=f"MRA {i}",
            partners=[PARTNERS[i]],
            scope=[("IMP", "x")],
            benefits_abroad=[
                {"title_en": f"Abroad {i}", "category": "low_inspection", "aeo_types": ["IMP"]}
            ],
        )
        for event in (MRAEventType.SIGNED, MRAEventType.ENTERED_INTO_FORCE):
            mra = arrangements.change_mra_status(actor=None, mra=mra, event=event)


@pytest.mark.parametrize("where", ["home", "list_my_benefits"])
def test_benefits_abroad_cost_the_same_queries_at_two_sizes(client, where):
    operator, trader, _ = aeo()
    consent.give_consent(actor=trader, operator=operator)
    headers = bearer(trader)
    client.force_login(trader)

    def call():
        return client.get("/" if where == "home" else "/api/v1/benefits/mine", **headers)

    counts = []
    for start, stop in ((0, 2), (2, 6)):
        _in_force(start, stop)
        call()
        counts.append(count(call))
        assert f"Abroad {stop - 1}" in call().content.decode()
    assert counts[0] == counts[1]
