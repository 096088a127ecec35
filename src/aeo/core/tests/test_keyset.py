"""Keyset pages: following `next` gives the same rows as offsets, ties included, in either
direction of the order; a cursor that is not a page's `next` answers 422, never 500."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.core import keyset
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def _walk(client, url, headers, limit):
    ids, after = [], None
    while True:
        params = {"limit": limit} | ({"after": after} if after else {})
        page = client.get(url, params, **headers).json()
        ids += [item["id"] for item in page["items"]]
        after = page["next"]
        if after is None:
            return ids


@pytest.fixture
def headers():
    user = UserFactory(role=Role.COORDINATOR)
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def test_following_next_gives_the_rows_of_the_offsets_ties_broken_by_id(client, headers):
    for name in ["Chuo Co.", "Aoba K.K.", "Chuo Co.", "Beppu Ltd.", "Chuo Co.", "Aoba K.K."]:
        OperatorFactory(legal_name=name)
    everything = client.get("/api/v1/operators", {"limit": 100}, **headers).json()
    assert everything["next"] is None
    in_order = [item["id"] for item in everything["items"]]
    assert len(in_order) == 6
    offsets = [
        item["id"]
        for offset in range(0, 6, 2)
        for item in client.get(
            "/api/v1/operators", {"limit": 2, "offset": offset}, **headers
        ).json()["items"]
    ]
    assert _walk(client, "/api/v1/operators", headers, limit=2) == offsets == in_order


def test_a_descending_order_on_times_pages_the_same_way():
    at = timezone.now()
    for minutes in [5, 1, 5, 3, 5, 0, 1]:
        AuditEvent.objects.create(at=at - timedelta(minutes=minutes), action="x", object_id="1")
    qs = AuditEvent.objects.all()
    fields = keyset.ordering(qs)
    assert fields == ["-at", "-id"]
    seen, rows = [], list(qs[:3])
    while rows:
        seen += rows
        cursor = keyset.cursor_after(rows[-1], fields)
        rows = list(keyset.rows_after(qs, fields, cursor)[:3])
    assert [e.pk for e in seen] == list(qs.values_list("pk", flat=True))


@pytest.mark.parametrize(
    "after",
    [
        "not base64 at all!",
        "e30",  # {}
        "WzFd",  # [1]: one value for a two-field order
        "WyJub3QgYSBuYW1lIiwgIngiXQ",  # ["not a name", "x"]: an id that is no number
        "WyJhIiwgOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ",  # an id no column holds
        "WyJhIiwgdHJ1ZV0",  # ["a", true]
        "WyJcdTAwMDAiLCAxXQ",  # ["\u0000", 1]
        "WyJcdWQ4MDAiLCAxXQ",  # ["\ud800", 1]
    ],
)
def test_a_cursor_that_is_no_page_s_next_answers_422(client, headers, after):
    OperatorFactory()
    response = client.get("/api/v1/operators", {"after": after}, **headers)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_cursor"


def test_the_count_is_exact_and_a_page_that_tells_it_costs_no_count_query(client, headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(5):
        OperatorFactory(legal_name=f"Operator {n}")

    def page(**params):
        with CaptureQueriesContext(connection) as seen:
            body = client.get("/api/v1/operators", params, **headers).json()
        counted = any("COUNT(" in q["sql"].upper() for q in seen.captured_queries)
        return body["count"], len(body["items"]), counted

    assert page(limit=10) == (5, 5, False)  # the whole list in one page
    assert page(limit=2) == (5, 2, True)  # more to come: counted
    assert page(limit=2, offset=4) == (5, 1, False)  # the last page, by offset
    assert page(limit=2, offset=9) == (5, 0, True)  # past the end: counted
    after = client.get("/api/v1/operators", {"limit": 2}, **headers).json()["next"]
    assert page(limit=2, after=after) == (5, 2, True)  # by cursor: counted
