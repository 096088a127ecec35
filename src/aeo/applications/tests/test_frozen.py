"""What was submitted stays as submitted: the clock's parameters and each check-sheet copy."""

import pytest

from aeo.applications import selectors, services
from aeo.applications.tests.helpers import (
    submitted_application,
    tokyo_examiner,
    trader_in_tokyo,
)
from aeo.registry.models import Economy
from aeo.requirements import services as requirement_services
from aeo.requirements.selectors import applicable_question

pytestmark = pytest.mark.django_db


def test_a_running_deadline_does_not_move_when_the_economy_changes_its_rules():
    trader, examiner = trader_in_tokyo(employees=500), tokyo_examiner()
    application = services.accept_application(
        actor=examiner, application=submitted_application(trader)
    )
    due = application.clock().due_date
    assert (application.clock_calendar, application.clock_business_days) == ("JP", 90)
    Economy.objects.filter(code="JP").update(
        decision_business_days=20, extension_business_days=5, calendar_code="US"
    )
    application.refresh_from_db()
    assert application.clock().due_date == due
    extended = services.extend_deadline(actor=examiner, application=application, reason="Sites")
    assert extended.clock().target_business_days == 90 + 30


def test_each_submission_freezes_a_new_copy_and_says_what_changed():
    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    application = submitted_application(trader)
    application = services.return_application(
        actor=examiner, application=application, comment="Describe your records better."
    )
    sheet = application.self_assessment
    question = applicable_question(sheet, "CR-4")
    requirement_services.answer_question(
        actor=trader, self_assessment=sheet, question=question, value="A new description."
    )
    application = services.submit_application(actor=trader, application=application)
    versions = selectors.check_sheet_versions(application)
    assert [(copy.number, changed) for copy, changed in versions][1] == (2, ["CR-4"])
    first, second = (copy for copy, _ in versions)
    assert first.content != second.content  # copy 1 is kept as the examiner first saw it
    events = list(application.events.values_list("event", "data"))
    assert [d.get("check_sheet_version") for e, d in events if e == "submitted"] == [1, 2]
