"""verify_aeo_status: ours and partners' AEOs by any id, throttled per token, stale flagged."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer, issue
from aeo.border.tests.conftest import published_benefit
from aeo.mra.models import Partner
from aeo.mra.tests.conftest import record
from aeo.mra.tests.test_inbound import post
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/exchange/verify"


def verify(client, user, ids, **headers):
    return client.post(
        URL, {"ids": ids}, content_type="application/json", **(headers or bearer(user))
    )


def test_ours_and_a_partners_aeos_in_one_call(client, taipei, trader, border):
    own = issue(trader.operator)[0]
    post(client, taipei.batch([record(1)]))
    answer = verify(client, border, [own.aeo_number, trader.operator.tin, "12345678", "nobody"])
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [(r["status"], r["source"]) for r in results] == [
        ("active", "own"),
        ("active", "own"),
        ("active", "partner"),
        ("unknown", None),
    ]
    assert results[2]["economy"] == "TW" and results[2]["aeo_number"] == "TW-AEO-0001"
    assert set(results[0]) >= {
        "id",
        "economy",
        "status",
        "aeo_number",
        "name",
        "types",
        "valid_from",
        "valid_to",
        "as_of",
        "source",
    }


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_finds_every_id_through_an_index(client, taipei, trader, border):
    """No table is read whole: one query with an OR across the join read every authorization
    and checked it against both lists (a second for 1,000 ids at 100,000 operators)."""
    own = issue(trader.operator)[0]
    post(client, taipei.batch([record(1)]))
    ids = [own.aeo_number, trader.operator.tin, "TW-AEO-0001", "12345678", "nobody"]
    with CaptureQueriesContext(connection) as ctx:
        assert verify(client, border, ids).status_code == 200
    tables = ("authorizations_authorization", "registry_operator", "mra_partneraeo")
    plans = []
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            if query["sql"].startswith("SELECT") and any(t in query["sql"] for t in tables):
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += [str(row[-1]) for row in cursor.fetchall()]
    assert len(plans) >= 3
    assert not [p for p in plans if p.startswith(tuple(f"SCAN {t}" for t in tables))], plans


def test_a_stale_partner_keeps_its_last_status(client, taipei, border):
    post(client, taipei.batch([record(1)]))
    Partner.objects.filter(economy_id="TW").update(
        last_received_at=timezone.now() - timedelta(days=3)
    )
    result = verify(client, border, ["TW-AEO-0001"]).json()["results"][0]
    assert (result["status"], result["stale"]) == ("active", True)


def test_traders_may_not_verify(client, trader):
    assert verify(client, trader, ["x"]).status_code == 403


def test_more_than_1000_ids_are_refused(client, border):
    assert verify(client, border, ["x"] * 1001).status_code == 422


def test_throttled_per_token_with_retry_after(client, settings, border):
    settings.AEO_VERIFY_RATE = "2/min"
    token = bearer(border)
    assert verify(client, border, ["x"], **token).status_code == 200
    assert verify(client, border, ["x"], **token).status_code == 200
    refused = verify(client, border, ["x"], **token)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    other = UserFactory(role=Role.OGA_OFFICER)
    assert verify(client, other, ["x"]).status_code == 200  # another token


def test_the_page_checks_a_pasted_list(client, taipei, border):
    post(client, taipei.batch([record(1, "suspended", "suspended")]))
    client.force_login(border)
    page = client.post("/mra/verify/", {"ids": "TW-AEO-0001\nnobody"})
    assert page.status_code == 200
    assert b"Formosa Precision" in page.content
    assert b"Suspended" in page.content and b"Unknown" in page.content


def test_the_page_lists_the_benefits_to_give_our_active_aeos(client, taipei, trader, border):
    own = issue(trader.operator)[0]
    given = published_benefit([own.aeo_type], title="Reduced examination for our AEO")
    published_benefit(["ZZZ"], title="A benefit of another type")
    post(client, taipei.batch([record(1)]))
    client.force_login(border)
    page = client.post("/mra/verify/", {"ids": f"{own.aeo_number}\nTW-AEO-0001"}).content.decode()
    # Ours only: a partner's AEO gets what the arrangement grants, shown on the MRA's page.
    assert page.count(f'href="/benefits/{given.pk}/"') == 1
    assert "A benefit of another type" not in page
