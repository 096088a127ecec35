"""Pages of the demo speak in words: no raw role codes (`warehouse_operator`, `policy_officer`)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.registry.constants import OperatorRole

pytestmark = pytest.mark.django_db

CODES = sorted(code for code in {*Role.values, *OperatorRole.values} if "_" in code)
TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)
HREF = re.compile(r'href="(/[^"#?]*)"')
SKIP = ("/static/", "/media/", "/api/", "/admin/", "/logout", "/i18n/")
PER_ROLE = 60


def _words(html: str) -> str:
    return TAG.sub(" ", html)


def test_demo_pages_show_no_raw_role_codes(client):
    call_command("demo", "--no-serve", "--operators", "12", "--seed", "7", "--declarations", "50")
    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    users = [None, *User.objects.exclude(role=Role.PARTNER_CUSTOMS).order_by("username")]
    for user in users:
        client.logout()
        if user is not None:
            client.force_login(user)
        todo, visited = ["/"], 0
        while todo and visited < PER_ROLE:
            url = todo.pop(0)
            key = f"{getattr(user, 'username', '-')} {url}"
            if key in seen or url.startswith(SKIP):
                continue
            seen.add(key)
            response = client.get(url)
            visited += 1
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            text = _words(html)
            for code in CODES:
                if re.search(rf"\b{code}\b", text):
                    found.setdefault(code, []).append(key)
            todo += [u for u in HREF.findall(html) if urlsplit(u).path not in todo]
    assert not found, sorted(found.items())
