import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.core import pagination
from aeo.core.pagination import BoundedPaginator
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
