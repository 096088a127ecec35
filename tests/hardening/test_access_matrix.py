"""The access matrix, generated from the OpenAPI document.

Every operation that takes an object in its path, for every role, against an object of
another operator that the role's scope does not include: 404 (or 403), never the object.
An operation whose path names an object this matrix cannot build fails the suite, so a new
endpoint is either scoped and covered, or noticed.
"""

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aeo.accounts import selectors as account_selectors
from aeo.accounts.constants import Role
from aeo.accounts.models import ApiToken
from aeo.accounts.services import issue_token
from aeo.api import api
from aeo.applications import selectors as application_selectors
from aeo.applications import services as application_services
from aeo.applications.tests.helpers import submitted_application
from aeo.authorizations import selectors as authorization_selectors
from aeo.authorizations.tests.conftest import issue
from aeo.benefits import selectors as benefit_selectors
from aeo.benefits import services as benefit_services
from aeo.border import selectors as border_selectors
from aeo.border import services as border_services
from aeo.border.tests.helpers import row as declaration_row
from aeo.mra import selectors as mra_selectors
from aeo.mra.services import arrangements as mra_services
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import CustomsOffice, Region
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements.models import Evidence
from aeo.requirements.tests.factories import pdf
from aeo.supervision.selectors import audits as audit_selectors
from aeo.supervision.selectors import corrective_actions as action_selectors
from aeo.supervision.selectors import reassessments as reassessment_selectors
from aeo.supervision.selectors import reports as report_selectors
from aeo.supervision.services import audits as audit_services
from aeo.supervision.services import changes, incidents
from aeo.supervision.services import corrective_actions as action_services
from aeo.supervision.services import reassessments as reassessment_services
from aeo.supervision.tests.helpers import criterion_code, osaka_auditor

pytestmark = pytest.mark.django_db

# Parameters that name no object of an operator: reference data, codes within an object,
# the public register (published to everyone by design).
NOT_OBJECTS = {"code", "question", "aeo_number"}


def schema() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix="/api/v1")


def object_operations() -> list[tuple[str, str, dict[str, Any], list[str]]]:
    """(method, path, operation, object parameters) for every operation with one."""
    found = []
    for path, methods in schema()["paths"].items():
        for method, operation in methods.items():
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
            objects = [n for n in names if n not in NOT_OBJECTS]
            if objects:
                found.append((method, path, operation, objects))
    return found


def resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in node:  # Optional[X]: the first non-null choice
        node = next(n for n in node["anyOf"] if n.get("type") != "null")
        return resolve(document, node)
    return node


def example(document: dict[str, Any], node: dict[str, Any]) -> Any:
    """A minimal valid value for a JSON schema: the handler, not validation, must refuse."""
    node = resolve(document, node)
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        return {
            name: example(document, sub)
            for name, sub in node.get("properties", {}).items()
            if name in node.get("required", [])
        }
    if kind == "array":
        return [example(document, node["items"])] * node.get("minItems", 0)
    if kind == "integer":
        return max(1, node.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if node.get("format") == "date":
        return "2026-01-06"
    if node.get("format") == "date-time":
        return "2026-01-06T10:00:00+09:00"
    return "x" * max(1, node.get("minLength", 1))


@pytest.fixture
def world(settings, tmp_path):
    """Operator B with a check sheet, evidence, an application routed to Osaka and an
    authorization; users of every role, none of whose scopes is meant to include B."""
    settings.MEDIA_ROOT = tmp_path / "media"
    own = TraderFactory()
    foreign = OperatorFactory(region=Region.objects.get(code="JP-27"), legal_name="Rival K.K.")
    foreign_trader = TraderFactory(operator=foreign)
    application = submitted_application(foreign_trader)
    issue_token(actor=None, user=foreign_trader, name="theirs")
    assert application.office.code == "OSAKA"
    sheet = application.self_assessment
    evidence = Evidence.objects.filter(self_assessment=sheet).first()
    if evidence is None:  # pragma: no cover - the filled sheet has evidence questions
        raise AssertionError("the foreign sheet has no evidence")
    objects = {
        "operator_id": (foreign, registry_selectors.operators_visible_to),
        "self_assessment_id": (sheet, requirement_selectors.self_assessments_visible_to),
        "evidence_id": (evidence, requirement_selectors.evidence_visible_to),
        "application_id": (application, application_selectors.applications_visible_to),
        "consultation_id": (
            application_services.request_consultation(actor=foreign_trader, subject="Rival's"),
            application_selectors.consultations_visible_to,
        ),
        "token_id": (
            ApiToken.objects.get(user=foreign_trader),
            account_selectors.tokens_visible_to,
        ),
        "authorization_id": (
            issue(foreign)[0],
            authorization_selectors.authorizations_visible_to,
        ),
        "incident_id": (
            incidents.report_incident(
                actor=foreign_trader, occurred_at=timezone.now(), summary="Rival's incident"
            ),
            report_selectors.incidents_visible_to,
        ),
        "notification_id": (
            changes.notify_change(
                actor=foreign_trader,
                category="legal_name",
                description="Rename",
                effective_on=timezone.localdate(),
                new_value="Rival Holdings K.K.",
            ),
            report_selectors.changes_visible_to,
        ),
    }
    objects["declaration_id"] = (
        border_services.create_declaration(
            actor=foreign_trader,
            data=declaration_row(office="OSAKA", trader_tin=foreign.tin),
        ),
        border_selectors.declarations_visible_to,
    )
    policy = UserFactory(role=Role.POLICY_OFFICER)
    objects["criterion_id"] = (
        border_services.create_criterion(
            actor=policy, code="MATRIX", description="x", valid_from=date(2026, 1, 1), score=10
        ),
        border_selectors.criteria_visible_to,
    )
    auditor = osaka_auditor()
    audit = audit_services.plan_audit(actor=auditor, operator=foreign, planned_on=date(2099, 1, 5))
    audit_services.notify_audit(actor=auditor, audit=audit)
    finding = audit_services.record_finding(
        actor=auditor, audit=audit, criterion=criterion_code(), severity="minor", description="x"
    )
    objects["audit_id"] = (audit, audit_selectors.audits_visible_to)
    # Arrangements are public: every role sees them, so no cell is a foreign object.
    objects["mra_id"] = (
        mra_services.create_mra(actor=None, title="Japan–Korea AEO MRA", partners=["KR"]),
        mra_selectors.mras_visible_to,
    )
    objects["corrective_action_id"] = (
        action_services.create_corrective_action(
            actor=auditor, finding=finding, description="Fix", due_business_days=5
        ),
        action_selectors.corrective_actions_visible_to,
    )
    objects["reassessment_id"] = (
        reassessment_services.start_reassessment(
            actor=auditor, operator=foreign, trigger="monitoring_finding", reason="Finding"
        ),
        reassessment_selectors.reassessments_visible_to,
    )
    # An agency's draft benefit, MoU and proposal, and a joint inspection of the foreign AEO:
    # policy officers see the first three, customs inspectors the last; no user is the
    # agency's officer, and the trader's operator is another.
    agency = benefit_services.create_agency(
        actor=None, code="matrix", name_en="Matrix Agency", mandate="food_safety"
    )
    objects["benefit_id"] = (
        benefit_services.create_benefit(
            actor=None, title_en="x", aeo_types=["IMP"], category="low_inspection", agency=agency
        ),
        benefit_selectors.benefits_visible_to,
    )
    objects["mou_id"] = (
        benefit_services.create_mou(actor=None, agency=agency, title="x"),
        benefit_selectors.mous_visible_to,
    )
    objects["proposal_id"] = (
        benefit_services.propose_criteria(actor=None, agency=agency, text_en="x"),
        benefit_selectors.proposals_visible_to,
    )
    objects["inspection_id"] = (
        benefit_services.request_joint_inspection(
            actor=None, operator=foreign, agencies=[agency], place="x"
        ),
        benefit_selectors.inspections_visible_to,
    )
    tokyo = CustomsOffice.objects.get(code="TOKYO")
    users = {Role.TRADER: own}
    for role in Role.values:
        if role != Role.TRADER:
            office = tokyo if role == Role.EXAMINER else None
            users[role] = UserFactory(role=role, office=office)
    return objects, users


def test_the_matrix_covers_every_object_operation():
    operations = object_operations()
    assert len(operations) >= 20
    ids = {operation["operationId"] for _, _, operation, _ in operations}
    assert {"get_application", "download_evidence", "log_contact", "answer_question"} <= ids


def test_no_role_reaches_an_object_outside_its_scope(world):
    objects, users = world
    document = schema()
    cells = checked = 0
    failures = []
    unknown = sorted(
        {name for _, _, _, names in object_operations() for name in names} - set(objects)
    )
    assert not unknown, f"add these path parameters to the access matrix: {unknown}"
    for role, user in users.items():
        client = Client(HTTP_AUTHORIZATION=f"Bearer {issue_token(actor=None, user=user)}")
        for method, path, operation, names in object_operations():
            cells += 1
            targets = {name: objects[name] for name in names}
            if all(visible(user).filter(pk=obj.pk).exists() for obj, visible in targets.values()):
                continue  # inside this role's scope: not a foreign object for it
            checked += 1
            url = path
            for name, (obj, _) in targets.items():
                url = url.replace("{" + name + "}", str(obj.pk))
            url = url.replace("{question}", "CR-4")
            response = send(client, document, method, url, operation)
            if response.status_code not in (403, 404):
                failures.append(
                    f"{role} {method.upper()} {url} ({operation['operationId']}): "
                    f"{response.status_code} {response.content[:200]!r}"
                )
    assert failures == []
    assert checked >= len(object_operations())  # at least the trader's row is all foreign
    assert cells == len(users) * len(object_operations())


def send(client: Client, document, method: str, url: str, operation: dict[str, Any]):
    body = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in body:
        return client.post(url, {"file": pdf()})
    if "application/json" in body:
        data = example(document, body["application/json"]["schema"])
        return getattr(client, method)(url, json.dumps(data), content_type="application/json")
    return getattr(client, method)(url)
