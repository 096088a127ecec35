"""The header's language switch: for every visitor, signed in or not, and remembered."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from aeo.registry.tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (Path(settings.LOCALE_PATHS[0]) / "ja" / "LC_MESSAGES" / "django.mo").exists(),
        reason="the Japanese catalogue is not compiled: GNU gettext's msgfmt is missing "
        "(`make locale` installs it and builds the .mo)",
    ),
]

SWITCH = re.compile(r'<form [^>]*data-testid="language-switch">(.*?)</form>', re.S)


def switch_of(html: str) -> str:
    match = SWITCH.search(html)
    assert match, "the page has no language switch"
    return match.group(1)


def choose(client: Client, page: str, language: str):
    """Press the switch's button for `language` on `page`, as a browser would (CSRF enforced)."""
    form = switch_of(client.get(page).content.decode())
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    next_url = re.search(r'name="next" type="hidden" value="([^"]*)"', form)
    assert token and next_url
    assert f'name="language" value="{language}"' in form
    return client.post(
        reverse("set_language"),
        {
            "csrfmiddlewaretoken": token.group(1),
            "next": next_url.group(1).replace("&amp;", "&"),
            "language": language,
        },
    )


def test_anonymous_visitor_switches_to_japanese_and_the_choice_is_remembered():
    client = Client(enforce_csrf_checks=True)
    login = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in login
    assert ">日本語</button>" in switch_of(login)  # each language named in its own language

    response = choose(client, reverse("login"), "ja")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")  # back where the visitor was
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ja"
    assert int(cookie["max-age"]) >= 180 * 24 * 60 * 60  # kept across browser restarts

    home = client.get(reverse("home"), follow=True)  # anonymous: the home page asks to sign in
    assert home.redirect_chain and home.redirect_chain[-1][0].startswith(reverse("login"))
    page = home.content.decode()
    assert '<html lang="ja">' in page
    assert "<h1>ログイン</h1>" in page
    assert "ユーザー名" in page and "パスワード" in page
    assert 'aria-current="true">日本語</span>' in switch_of(page)
    assert ">English</button>" in switch_of(page)

    # Later requests, with nothing posted, stay Japanese: the cookie is the memory.
    register = client.get(reverse("authorizations:register")).content.decode()
    assert '<html lang="ja">' in register and "AEO事業者一覧" in register
    fresh = Client()
    fresh.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    assert "<h1>ログイン</h1>" in fresh.get(reverse("login")).content.decode()


def test_the_switch_keeps_the_page_and_its_query_and_switches_back():
    client = Client(enforce_csrf_checks=True)
    page = reverse("authorizations:register") + "?q=Tokyo&page=1"
    response = choose(client, page, "ja")
    assert response["Location"] == page
    assert "検索" in client.get(page).content.decode()

    response = choose(client, page, "en")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    english = client.get(page).content.decode()
    assert '<html lang="en">' in english and "AEO register" in english


def test_signed_in_home_page_in_japanese():
    user = UserFactory(first_name="Hanako", last_name="Sato")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    choose(client, reverse("home"), "ja")
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="ja">' in page
    assert "ようこそ、Hanako Sato さん" in page
    assert "受理待ちの申請" in page and "審査官" in page  # the examiner's work queue and role
