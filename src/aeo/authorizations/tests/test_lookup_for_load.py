"""The public status lookup is built for load: no session or CSRF cookie, no query while the
answer is fresh, and a change of status visible within a second."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aeo.accounts.constants import Role
from aeo.authorizations import selectors, services
from aeo.authorizations.tests.conftest import issue
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    (authorization,) = issue(OperatorFactory(legal_name="Minato Freight K.K."))
    return authorization


def expire_lookups():
    """What a second's wait does: every remembered lookup is gone."""
    cache.clear()


@pytest.mark.parametrize("by", ["number", "tin"])
def test_a_repeated_lookup_reads_nothing_and_sets_no_cookie(client, entry, by):
    url = (
        f"/api/v1/register/{entry.aeo_number}"
        if by == "number"
        else f"/api/v1/register?q={entry.operator.tin}"
    )
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=1"
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url)
    assert again.json() == first.json()
    assert len(ctx) == 0
    assert not again.cookies  # no session, no CSRF token on the public read path


def test_a_suspension_is_seen_once_the_second_has_passed(client, entry):
    url = f"/api/v1/register/{entry.aeo_number}"
    assert client.get(url).status_code == 200
    services.suspend(actor=None, authorization=entry, ground="facts", reason="Audit.")
    expire_lookups()
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/register", {"q": entry.operator.tin}).json()["count"] == 0


@pytest.mark.parametrize("query", ["number", "tin", "name"])
def test_the_kept_answer_lives_at_most_a_second(client, entry, monkeypatch, query):
    kept = []
    real_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, value, timeout=None: kept.append((key, timeout)) or real_set(key, value),
    )
    url = {
        "number": f"/api/v1/register/{entry.aeo_number}",
        "tin": f"/api/v1/register?q={entry.operator.tin}",
        "name": "/api/v1/register?q=Minato",
    }[query]
    assert client.get(url).status_code == 200
    responses = [timeout for key, timeout in kept if key.startswith("kept:")]
    assert responses and all(timeout == 1 for timeout in responses)


def test_an_answer_is_kept_per_language_and_an_unknown_number_not_at_all(client, entry):
    url = f"/api/v1/register/{entry.aeo_number}"
    english = client.get(url, headers={"accept-language": "en"}).json()
    japanese = client.get(url, headers={"accept-language": "ja"}).json()
    assert english["type_label"] != japanese["type_label"]
    assert client.get(url, headers={"accept-language": "en"}).json() == english
    missing = client.get("/api/v1/register/JP-NONE-000000")
    assert missing.status_code == 404
    assert "max-age" not in missing.get("Cache-Control", "")


def test_a_public_read_passes_by_session_and_login(client, entry):
    client.force_login(UserFactory(role=Role.EXAMINER))
    with CaptureQueriesContext(connection) as ctx:
        answer = client.get(f"/api/v1/register/{entry.aeo_number}")
    assert answer.status_code == 200
    assert not [q for q in ctx.captured_queries if "django_session" in q["sql"]]
    with CaptureQueriesContext(connection) as ctx:  # elsewhere, the session signs one in
        assert client.get("/api/v1/operators").status_code == 200
    assert [q for q in ctx.captured_queries if "django_session" in q["sql"]]


def test_the_lookup_by_tin_answers_as_the_search_does(client):
    """The compiled query for one TIN gives what the general search gives: for one entry,
    none, an operator's two, a prefix shared by three (paged by one: the search then pages
    them), with a type or a cursor."""
    first = OperatorFactory(tin="1234567890123")
    (entry,) = issue(first)
    both_roles = ("importer", "exporter")
    assert len(issue(OperatorFactory(tin="1234567890999", roles=both_roles), both_roles)) == 2

    def answers(**params):
        fast = client.get("/api/v1/register", params)
        cache.clear()
        search = selectors.search_authorizations(
            selectors.register_entries(), q=params["q"], aeo_type=params.get("type", "")
        )
        assert fast.status_code == 200
        body = fast.json()
        page = [a.aeo_number for a in search[: int(params.get("limit", 100))]]
        assert [e["aeo_number"] for e in body["items"]] == page
        assert body["count"] == search.count()
        return body

    one = answers(q="1234567890123")
    assert one["count"] == 1 and one["next"] is None
    assert one["items"][0]["legal_name"] == first.legal_name
    assert answers(q="1234-5678-90123")["count"] == 1  # separators ignored
    assert answers(q="9999999999999")["count"] == 0
    assert answers(q="1234567890999")["count"] == 2
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/v1/register", {"q": "1234567890999"})
    reads = [q["sql"] for q in ctx.captured_queries if "authorizations_authorization" in q["sql"]]
    assert len(reads) == 1 and "COUNT" not in reads[0]  # the compiled query alone
    cache.clear()
    assert answers(q="123456789")["count"] == 3
    paged = answers(q="123456789", limit=1)
    assert paged["count"] == 3 and paged["next"] is not None
    after = client.get("/api/v1/register", {"q": "123456789", "limit": 2, "after": paged["next"]})
    assert [e["aeo_number"] for e in after.json()["items"]] == [
        e["aeo_number"] for e in answers(q="123456789")["items"][1:]
    ]
    assert answers(q="1234567890123", type=entry.aeo_type)["count"] == 1
    assert client.get("/api/v1/register", {"q": "1234567890123", "offset": 1}).json() == {
        "items": [],
        "count": 1,
        "next": None,
    }
