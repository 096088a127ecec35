"""The pages examiners and traders use: dashboard, detail with its actions, start, consultation."""

import pytest
from django.urls import reverse

from aeo.applications.constants import State
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo
from aeo.core.tests.helpers import post_confirmed
from aeo.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_examiner_dashboard_and_accepting_through_the_page(client):
    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    application = submitted_application(trader)
    client.force_login(examiner)
    dashboard = client.get(reverse("applications:dashboard"))
    assert application.operator.legal_name in dashboard.text
    detail = client.get(reverse("applications:detail", args=[application.pk]))
    assert 'data-action="accept"' in detail.text and 'data-action="return"' in detail.text
    assert 'data-action="withdraw"' not in detail.text  # the trader's move, not the examiner's
    response = client.post(
        reverse("applications:act", args=[application.pk, "accept"]),
        {"accept-version": application.version},
        follow=True,
    )
    assert "Statutory clock" in response.text
    application.refresh_from_db()
    assert application.state == State.UNDER_EXAMINATION


def test_stale_form_shows_a_message_and_changes_nothing(client):
    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    application = submitted_application(trader)
    client.force_login(examiner)
    response = client.post(
        reverse("applications:act", args=[application.pk, "accept"]),
        {"accept-version": application.version - 1},
        follow=True,
    )
    assert "changed by someone else" in response.text
    application.refresh_from_db()
    assert application.state == State.SUBMITTED


def test_trader_starts_an_application_and_requests_a_consultation(client):
    trader = trader_in_tokyo()
    client.force_login(trader)
    start_page = client.get(reverse("applications:mine")).text
    assert "Start an application" in start_page
    assert "expedited track: a decision within 60 business days" in start_page
    response = client.post(reverse("applications:start"), follow=True)
    assert response.status_code == 200
    assert 'data-action="submit"' in response.text
    assert "Next: complete your self-assessment" in response.text
    response = client.post(
        reverse("applications:consultation"), {"subject": "Third-party training"}, follow=True
    )
    assert "Consultation requested" in response.text
    bad = client.post(reverse("applications:consultation"), {"subject": ""})
    assert bad.status_code == 200 and "usa-error-message" in bad.text


def test_inbox_shows_notifications_and_marks_them_read(client):
    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    submitted_application(trader)
    client.force_login(examiner)
    page = client.get(reverse("notifications:inbox"))
    assert "New AEO application" in page.text
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(user=examiner, read_at__isnull=True).exists()


def test_other_traders_and_units_get_404(client):
    application = submitted_application(trader_in_tokyo())
    client.force_login(trader_in_tokyo())
    assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 404
    post = client.post(reverse("applications:act", args=[application.pk, "withdraw"]))
    assert post.status_code == 404


def _decidable(client):
    from aeo.applications.tests.test_lifecycle import act

    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    application = act("visit", examiner, act("accept", examiner, submitted_application(trader)))
    client.force_login(examiner)
    return application


def test_a_decision_is_confirmed_in_words_before_it_is_taken(client):
    application = _decidable(client)
    url = reverse("applications:act", args=[application.pk, "decide"])
    data = {"decide-version": application.version, "decide-outcome": "authorized"}
    asked = client.post(url, data)
    assert asked.status_code == 200
    assert "You are authorizing this operator: its AEO authorization is issued now" in asked.text
    assert "Confirm: Decide" in asked.text
    application.refresh_from_db()
    assert application.state == State.VALIDATED  # nothing decided yet
    refusing = {**data, "decide-outcome": "refused", "decide-reasons": ["security"]}
    assert "You are refusing this application" in client.post(url, refusing).text
    post_confirmed(client, url, data, "decide")
    application.refresh_from_db()
    assert application.state == State.AUTHORIZED
