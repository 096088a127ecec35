"""Every workflow's map, written out: a move added or removed by mistake fails here.

The tables are (event, from, to); an event that keeps the state is (event, s, s). The illegal
moves are tested in each app from the complement of these maps.
"""

import pytest

from aeo.applications.constants import CONSULTATION_WORKFLOW
from aeo.applications.constants import WORKFLOW as APPLICATION_WORKFLOW
from aeo.authorizations.constants import WORKFLOW as AUTHORIZATION_WORKFLOW
from aeo.benefits.constants import (
    BENEFIT_WORKFLOW,
    INSPECTION_WORKFLOW,
    MOU_WORKFLOW,
    PROPOSAL_WORKFLOW,
)
from aeo.border.constants import WORKFLOW as DECLARATION_WORKFLOW
from aeo.mra.constants import CONSENT_WORKFLOW, MRA_WORKFLOW
from aeo.requirements.constants import ASSESSMENT_WORKFLOW, TEMPLATE_WORKFLOW
from aeo.supervision.constants import (
    AUDIT_WORKFLOW,
    CHANGE_WORKFLOW,
    CORRECTIVE_ACTION_WORKFLOW,
    INCIDENT_WORKFLOW,
    REASSESSMENT_WORKFLOW,
)

CLOCK = ("under_examination", "paused", "validated")
OPEN = ("draft", "submitted", "returned", *CLOCK)

APPLICATION = {
    ("submitted", "draft", "submitted"),
    ("submitted", "returned", "submitted"),
    ("accepted", "submitted", "under_examination"),
    ("returned", "submitted", "returned"),
    ("information_requested", "under_examination", "paused"),
    ("information_requested", "validated", "paused"),
    ("information_provided", "paused", "under_examination"),
    ("information_provided", "paused", "validated"),
    ("validation_visit_recorded", "under_examination", "validated"),
    *{("deadline_extended", s, s) for s in CLOCK},
    ("decided_authorized", "validated", "authorized"),
    ("decided_refused", "validated", "refused"),
    *{("withdrawn", s, "withdrawn") for s in OPEN},
    ("lapsed", "paused", "lapsed"),
}
CONSULTATION = {
    ("scheduled", "requested", "scheduled"),
    ("scheduled", "scheduled", "scheduled"),
    ("held", "scheduled", "held"),
    ("closed", "requested", "closed"),
    ("closed", "scheduled", "closed"),
    ("closed", "held", "closed"),
}
AUTHORIZATION = {
    ("suspended", "active", "suspended"),
    ("measures_planned", "suspended", "suspended"),
    ("reinstated", "suspended", "active"),
    *{(e, s, e) for e in ("revoked", "surrendered", "expired") for s in ("active", "suspended")},
}
TEMPLATE = {("published", "draft", "published"), ("superseded", "published", "superseded")}
ASSESSMENT = {("submitted", "draft", "submitted"), ("reopened", "submitted", "draft")}
INCIDENT = {
    ("acknowledged", "reported", "acknowledged"),
    ("assessed", "acknowledged", "assessed"),
    ("closed", "assessed", "closed"),
}
CHANGE = {("confirmed", "submitted", "confirmed"), ("rejected", "submitted", "rejected")}
AUDIT = {
    ("notified", "planned", "notified"),
    ("finding_recorded", "notified", "performed"),
    ("finding_recorded", "performed", "performed"),
    ("report_issued", "performed", "report_issued"),
    ("closed", "report_issued", "closed"),
    ("cancelled", "planned", "cancelled"),
    ("cancelled", "notified", "cancelled"),
}
CORRECTIVE_ACTION = {
    ("responded", "open", "responded"),
    ("accepted", "responded", "accepted"),
    ("reopened", "responded", "open"),
    ("escalated", "open", "open"),
}
REASSESSMENT = {("concluded", "open", "concluded")}
MRA = {
    ("signed", "negotiating", "signed"),
    ("entered_into_force", "signed", "in_force"),
    ("suspended", "in_force", "suspended"),
    ("resumed", "suspended", "in_force"),
    *{("terminated", s, "terminated") for s in ("negotiating", "signed", "in_force", "suspended")},
}
CONSENT = {("withdrawn", "given", "withdrawn"), ("renewed", "withdrawn", "given")}
BEFORE_RELEASE = ("selected", "examined")
DECLARATION = {
    ("lane_assigned", "lodged", "selected"),
    *{("rerouted", s, "selected") for s in BEFORE_RELEASE},
    ("examined", "selected", "examined"),
    *{(e, s, s) for e in ("oga_cleared", "joint_inspection_requested") for s in BEFORE_RELEASE},
    *{("released", s, "released") for s in BEFORE_RELEASE},
    ("delivered", "released", "delivered"),
}
BENEFIT = {
    ("published", "draft", "published"),
    *{("withdrawn", s, "withdrawn") for s in ("draft", "published")},
}
MOU = {
    ("signed", "draft", "signed"),
    ("entered_into_force", "signed", "in_force"),
    *{("terminated", s, "terminated") for s in ("draft", "signed", "in_force")},
}
PROPOSAL = {("accepted", "proposed", "accepted"), ("rejected", "proposed", "rejected")}
JOINT_INSPECTION = {
    ("scheduled", "requested", "scheduled"),
    ("scheduled", "scheduled", "scheduled"),
    ("performed", "scheduled", "performed"),
    *{("cancelled", s, "cancelled") for s in ("requested", "scheduled")},
}


@pytest.mark.parametrize(
    ("workflow", "table"),
    [
        (APPLICATION_WORKFLOW, APPLICATION),
        (CONSULTATION_WORKFLOW, CONSULTATION),
        (AUTHORIZATION_WORKFLOW, AUTHORIZATION),
        (TEMPLATE_WORKFLOW, TEMPLATE),
        (ASSESSMENT_WORKFLOW, ASSESSMENT),
        (INCIDENT_WORKFLOW, INCIDENT),
        (CHANGE_WORKFLOW, CHANGE),
        (AUDIT_WORKFLOW, AUDIT),
        (CORRECTIVE_ACTION_WORKFLOW, CORRECTIVE_ACTION),
        (REASSESSMENT_WORKFLOW, REASSESSMENT),
        (MRA_WORKFLOW, MRA),
        (CONSENT_WORKFLOW, CONSENT),
        (DECLARATION_WORKFLOW, DECLARATION),
        (BENEFIT_WORKFLOW, BENEFIT),
        (MOU_WORKFLOW, MOU),
        (PROPOSAL_WORKFLOW, PROPOSAL),
        (INSPECTION_WORKFLOW, JOINT_INSPECTION),
    ],
    ids=lambda w: getattr(w, "name", ""),
)
def test_the_map_is_exactly_the_pinned_table(workflow, table):
    assert workflow.table() == table


def test_named_conditions_sit_next_to_the_map():
    conditions = {
        event: [c.code for c in move.conditions]
        for event, move in APPLICATION_WORKFLOW.moves.items()
        if move.conditions
    }
    assert conditions == {
        "information_provided": ["not_waiting"],
        "deadline_extended": ["already_extended"],
        "lapsed": ["not_waiting"],
    }


def test_every_event_type_is_in_the_map_or_opens_the_history():
    for workflow in (
        APPLICATION_WORKFLOW,
        CONSULTATION_WORKFLOW,
        AUTHORIZATION_WORKFLOW,
        TEMPLATE_WORKFLOW,
        ASSESSMENT_WORKFLOW,
        INCIDENT_WORKFLOW,
        CHANGE_WORKFLOW,
        AUDIT_WORKFLOW,
        CORRECTIVE_ACTION_WORKFLOW,
        REASSESSMENT_WORKFLOW,
        MRA_WORKFLOW,
        CONSENT_WORKFLOW,
        DECLARATION_WORKFLOW,
        BENEFIT_WORKFLOW,
        MOU_WORKFLOW,
        PROPOSAL_WORKFLOW,
        INSPECTION_WORKFLOW,
    ):
        assert set(workflow.events.values) == set(workflow.moves) | set(workflow.openings)


def test_the_supervision_conditions_sit_next_to_their_maps():
    assert [c.code for c in AUDIT_WORKFLOW.moves["closed"].conditions] == [
        "corrective_actions_open"
    ]
    assert [c.code for c in CORRECTIVE_ACTION_WORKFLOW.moves["escalated"].conditions] == [
        "not_overdue"
    ]


def test_the_declaration_conditions_sit_next_to_its_map():
    conditions = {
        event: [c.code for c in move.conditions]
        for event, move in DECLARATION_WORKFLOW.moves.items()
        if move.conditions
    }
    assert conditions == {
        "released": ["examination_pending", "oga_pending"],
        "oga_cleared": ["no_oga"],
        "joint_inspection_requested": ["already_requested"],
    }
