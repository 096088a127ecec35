import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.core import pagination
from aeo.core.pagination import BoundedPaginator, Search
from aeo.registry.models import Operator
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_count_and_the_pages_stop_at_the_bound(monkeypatch):
    OperatorFactory.create_batch(7)
    paginator = BoundedPaginator(Operator.objects.all(), 2)
    paginator.max_counted = 5
    assert (paginator.count, paginator.num_pages, paginator.truncated) == (5, 3, True)
    assert paginator.get_page(99).number == 3  # the last counted page, not page 4
    with CaptureQueriesContext(connection) as ctx:
        fresh = BoundedPaginator(Operator.objects.all(), 2)
        fresh.max_counted = 5
        assert fresh.count == 5
    assert "LIMIT 6" in ctx.captured_queries[0]["sql"]
    exact = BoundedPaginator(Operator.objects.all(), 2)
    exact.max_counted = 7
    assert (exact.count, exact.truncated) == (7, False)


def test_the_operator_list_says_when_more_match_than_it_pages(client, monkeypatch):
    monkeypatch.setattr(pagination.BoundedPaginator, "max_counted", 30)
    OperatorFactory.create_batch(31)
    client.force_login(UserFactory(role=Role.EXAMINER))
    page = client.get(reverse("registry:operator_list"), {"page": 2}).content.decode()
    assert "More than 30 match" in page
    monkeypatch.setattr(pagination.BoundedPaginator, "max_counted", 50)
    assert "More than" not in client.get(reverse("registry:operator_list")).content.decode()


def test_a_deep_page_reads_the_rows_it_skips_as_ids_only():
    OperatorFactory.create_batch(9)
    ordered = Operator.objects.select_related("economy").prefetch_related("roles")
    ordered = ordered.order_by("legal_name", "pk")
    expected = list(ordered)
    for offset in (0, 1, 4, 8, 9):
        assert pagination.rows_at(ordered, offset, 3) == expected[offset : offset + 3]
    with CaptureQueriesContext(connection) as ctx:
        (row,) = pagination.rows_at(ordered, 8, 3)
        assert row.economy is not None  # joins and prefetches kept on the page's rows
    skip, page, roles = (q["sql"] for q in ctx.captured_queries)
    assert skip.startswith('SELECT "registry_operator"."id" AS "pk" FROM "registry_operator" ORD')
    assert "OFFSET 8" in skip and "OFFSET" not in page
    assert "registry_operatorroleassignment" in roles
    assert pagination.rows_at(ordered.values("pk"), 8, 3) == [{"pk": expected[8].pk}]


@pytest.mark.parametrize("matches_first", [False, True])
def test_the_bounded_paginator_gives_the_pages_django_gives(matches_first):
    from django.core.paginator import Paginator

    OperatorFactory.create_batch(7)
    ordered = Operator.objects.order_by("legal_name", "pk")
    for orphans in (0, 2):
        ours = BoundedPaginator(Search(ordered, ordered) if matches_first else ordered, 3, orphans)
        django = Paginator(ordered, 3, orphans)
        assert ours.count == django.count
        for number in django.page_range:
            assert list(ours.page(number)) == list(django.page(number))


def test_a_search_reads_its_matches_ids_once_then_the_page_by_id_alone():
    """The page's rows are read by id from the rows searched, with their joins: the search's
    own filter is not evaluated again."""
    OperatorFactory.create_batch(7)
    visible = Operator.objects.select_related("economy")
    matches = visible.filter(employee_count__gte=0).order_by("legal_name", "pk")
    paginator = BoundedPaginator(Search(matches, visible), 3)
    paginator.max_counted = 5
    with CaptureQueriesContext(connection) as ctx:
        page = paginator.page(2)
        assert paginator.truncated and paginator.count == 5
    ids, rows = (q["sql"] for q in ctx.captured_queries)
    assert ids.startswith('SELECT "registry_operator"."id" AS "pk" FROM') and "LIMIT 6" in ids
    assert '"employee_count" >=' in ids and '"employee_count" >=' not in rows
    assert "registry_economy" in rows and "LIMIT" not in rows
    assert list(page) == list(matches[3:5])


@pytest.mark.parametrize("bound", [4, 100])
def test_the_api_pages_a_search_as_it_pages_the_list(monkeypatch, bound):
    """Paged by its matches' ids (`Search`), a list gives the items, count and cursor it gives
    paged plainly: within the ids read, past them and past its end."""
    from aeo.core import bounds

    monkeypatch.setattr(bounds, "MAX_COUNTED", bound)
    OperatorFactory.create_batch(7)
    ordered = Operator.objects.select_related("economy").order_by("legal_name")
    paginator = bounds.Pagination()
    for offset in range(9):
        page = bounds.Pagination.Input(limit=2, offset=offset)
        plain = paginator.paginate_queryset(ordered, page, None)
        with CaptureQueriesContext(connection) as ctx:
            searched = paginator.paginate_queryset(Search(ordered, ordered), page, None)
        assert searched == plain
        if bound > 7:  # every match's id read: they give the count, no COUNT
            assert not [q for q in ctx.captured_queries if "COUNT" in q["sql"]]
    cursor = paginator.paginate_queryset(ordered, bounds.Pagination.Input(limit=3), None)["next"]
    while cursor:  # and page after page by cursor
        page = bounds.Pagination.Input(limit=3, after=cursor)
        plain = paginator.paginate_queryset(ordered, page, None)
        assert paginator.paginate_queryset(Search(ordered, ordered), page, None) == plain
        cursor = plain["next"]
