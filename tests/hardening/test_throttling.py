"""The public register is limited per client: 429 with Retry-After, in the one error shape."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_public_register_answers_429_with_retry_after_past_the_rate(client, settings):
    settings.AEO_PUBLIC_RATE = "3/min"
    for i in range(3):  # different questions: a kept answer (same URL) costs no throttle
        assert client.get(f"/api/v1/register?q=n{i}").status_code == 200
    refused = client.get("/api/v1/register?q=x")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["code"] == "throttled"
    assert client.get("/api/v1/register/JP-IMP-000001").status_code == 429
    other = client.get("/api/v1/register?q=other", REMOTE_ADDR="192.0.2.7")  # another client
    assert other.status_code == 200
