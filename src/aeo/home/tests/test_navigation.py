"""The menus: every item reverses, and every item a role sees opens for that role (no menu item
leads to a 403 or a 404), with the current page marked and the way back to its section."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.authorizations.constants import AuthorizationStatus
from aeo.home import navigation
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import TraderFactory, UserFactory
from aeo.supervision.tests.helpers import aeo

pytestmark = pytest.mark.django_db

AUDIENCES = [*Role, navigation.ANONYMOUS]


def _client_for(client, audience):
    if audience == navigation.ANONYMOUS:
        return None
    if audience == Role.TRADER:
        user = TraderFactory()
    else:
        office = None if audience == Role.OGA_OFFICER else CustomsOffice.objects.get(code="TOKYO")
        user = UserFactory(role=audience, office=office)
    client.force_login(user)
    return user


SECTION_ITEMS = tuple(i for items in navigation.SECTIONS.values() for i in items)


def test_every_menu_item_names_a_url():
    for item in (*navigation.MENU, *SECTION_ITEMS):
        reverse(item.url_name, kwargs={key: 1 for key in item.kwargs})
    # A section hangs under a menu item.
    assert set(navigation.SECTIONS) <= {item.url_name for item in navigation.MENU}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_item_a_role_sees_opens_for_it(client, audience):
    user = _client_for(client, audience) or AnonymousUser()
    items = navigation.items_for(user) + navigation.items_for(user, SECTION_ITEMS)
    assert items, f"{audience} has no menu"
    for item in items:
        url = reverse(item.url_name, kwargs={k: getattr(user, a) for k, a in item.kwargs.items()})
        response = client.get(url)
        assert response.status_code == 200, (audience, url, response.status_code)


def test_my_aeo_is_in_the_menu_of_traders_whose_operator_holds_an_authorization(client):
    my_aeo = reverse("supervision:my_aeo")
    client.force_login(TraderFactory())  # never authorized: the way to apply, no AEO page
    page = client.get("/").text
    assert f'href="{my_aeo}"' not in page
    assert f'href="{reverse("applications:mine")}"' in page
    operator, trader = aeo()
    client.force_login(trader)
    assert f'href="{my_aeo}"' in client.get("/").text
    # Suspended (or any status after the first authorization): the page is still its own.
    operator.authorizations.update(status=AuthorizationStatus.SUSPENDED)
    assert f'href="{my_aeo}"' in client.get("/").text


def test_the_menu_marks_the_current_page_and_leads_back_to_its_section(client):
    _client_for(client, Role.EXAMINER)
    page = client.get(reverse("applications:list")).content.decode()
    current = f'href="{reverse("applications:dashboard")}" aria-current="page"'
    assert current in page
    assert 'aria-label="Breadcrumbs"' in page


def test_an_item_that_does_not_reverse_is_left_out_not_a_500(monkeypatch, client):
    user = _client_for(client, Role.BORDER_OFFICER)
    broken = navigation.Item("Broken", "nowhere:at_all", frozenset({Role.BORDER_OFFICER}))
    monkeypatch.setattr(navigation, "MENU", (*navigation.MENU, broken))
    links = navigation.menu_for(user, "/")
    assert "Broken" not in [link.label for link in links]
    assert client.get("/").status_code == 200


def test_a_sections_pages_are_a_second_row_under_its_menu_item(client):
    _client_for(client, Role.POLICY_OFFICER)
    page = client.get(reverse("benefits:mous")).content.decode()
    assert 'aria-label="In this section"' in page
    assert f'href="{reverse("benefits:mous")}" aria-current="page"' in page
    assert f'href="{reverse("benefits:agencies")}"' in page
    # A visitor sees the catalogue alone: no second row of one link.
    client.logout()
    assert 'aria-label="In this section"' not in client.get(reverse("benefits:catalogue")).text
