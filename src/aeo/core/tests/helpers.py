"""Helpers for the apps' page tests."""

import re
from typing import Any


def post_confirmed(client: Any, url: str, data: dict[str, Any], prefix: str = "") -> Any:
    """Post a form that asks before it acts (aeo.core.forms.ConfirmedForm), then confirm as a
    user would: the first answer says what will happen; the same button, pressed again, acts."""
    name = f"{prefix}-confirmed" if prefix else "confirmed"
    first = client.post(url, data)
    assert first.status_code == 200, first.status_code
    assert 'data-testid="confirmation"' in first.text
    match = re.search(rf'name="{name}" value="([0-9a-f]+)"', first.text)
    assert match, f"no {name} on the confirmation page"
    return client.post(url, {**data, name: match.group(1)})
