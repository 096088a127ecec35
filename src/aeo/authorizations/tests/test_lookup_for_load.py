"""The public status lookup is built for load: no session or CSRF cookie, no query for an
answer kept while the register is unchanged (other writes keep it), and a change seen by the
lookups within `kept.VERSION_READ_EVERY` of its commit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aeo.accounts.constants import Role
from aeo.authorizations import selectors, services
from aeo.authorizations.tests.conftest import issue
from aeo.core import kept
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    (authorization,) = issue(OperatorFactory(legal_name="Minato Freight K.K."))
    return authorization


def register_reads(ctx: CaptureQueriesContext) -> list[str]:
    """The queries that read the register (not the read of the register's version)."""
    return [q["sql"] for q in ctx.captured_queries if "authorizations_authorization" in q["sql"]]


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


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("query", ["number", "tin", "name"])
def test_the_next_lookup_after_a_commit_reads_again(client, query, monkeypatch):
    """Committed, as in production (each test's writes are otherwise rolled back, and
    PostgreSQL moves the version at a commit): a new name, a suspension; a write to what the
    register does not show leaves the answer kept. The version is read on every lookup here,
    as it is once `VERSION_READ_EVERY` has passed."""
    monkeypatch.setattr(kept, "VERSION_READ_EVERY", 0)
    (entry,) = issue(OperatorFactory(legal_name="Minato Freight K.K."))
    url = {
        "number": f"/api/v1/register/{entry.aeo_number}",
        "tin": f"/api/v1/register?q={entry.operator.tin}",
        "name": "/api/v1/register?q=Minato",
    }[query]

    def lookup():
        with CaptureQueriesContext(connection) as ctx:
            answer = client.get(url)
        assert answer.status_code in (200, 404)
        body = answer.json()
        name = body.get("legal_name") or next(iter(body.get("items", [])), {}).get("legal_name")
        return answer.status_code, name, bool(register_reads(ctx))

    assert lookup() == (200, "Minato Freight K.K.", True)
    entry.operator.address = "1-1 Kaigan, Minato-ku"
    entry.operator.save()  # not published: the answer stays kept
    OperatorFactory(legal_name="Minato Trading K.K.")  # no authorization: not in the register
    assert lookup() == (200, "Minato Freight K.K.", False)
    entry.operator.legal_name = "Minato Logistics K.K."
    entry.operator.save()
    assert lookup() == (200, "Minato Logistics K.K.", True)
    services.suspend(actor=None, authorization=entry, ground="facts", reason="Audit.")
    status, _, read = lookup()
    assert read and (status == 404 if query == "number" else status == 200)
    if query != "number":
        assert client.get(url).json()["count"] == 0


def test_the_version_is_read_at_most_every_so_often(client, entry, monkeypatch):
    """Within `VERSION_READ_EVERY` of a read the lookups use that version (no round trip on
    PostgreSQL); after it, they read it again, and a new version reads the register again."""
    clock, versions = [1000.0], []

    def version():
        versions.append(len(versions))
        return versions[-1]

    monkeypatch.setattr(kept, "monotonic", lambda: clock[0])
    monkeypatch.setattr(kept.db, "version", lambda name: version())
    url = f"/api/v1/register/{entry.aeo_number}"

    def reads() -> bool:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return bool(register_reads(ctx))

    assert reads() and len(versions) == 1
    clock[0] += kept.VERSION_READ_EVERY / 2
    assert not reads() and len(versions) == 1
    clock[0] += kept.VERSION_READ_EVERY
    assert reads() and len(versions) == 2


def test_the_least_recently_given_answer_is_dropped_first(client, monkeypatch):
    monkeypatch.setattr(kept, "KEPT_ANSWERS", 2)
    first, second, third = (issue(OperatorFactory())[0] for _ in range(3))

    def reads(authorization) -> bool:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/api/v1/register/{authorization.aeo_number}").status_code == 200
        return bool(register_reads(ctx))

    assert [reads(first), reads(second), reads(first), reads(third)] == [True, True, False, True]
    assert [reads(first), reads(second)] == [False, True]  # the second was dropped, not the first


def test_an_answer_to_a_long_query_string_is_not_kept(client, entry):
    url = f"/api/v1/register/{entry.aeo_number}?padding={'x' * kept.KEPT_PATH_MAX}"
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        assert register_reads(ctx)


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
        kept.forget()
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
    kept.forget()
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
