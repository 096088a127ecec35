"""The per-partner outbox: numbered records, written in the transaction of the change.

Why a receiver of `RegisterChange`'s post_save rather than a reader of the feed with a cursor:
the record then commits or rolls back with the change itself (no change without its record, no
record without its change), and numbers are given under the partner's row lock, so they have
no gaps. A cursor over `RegisterChange.id` could skip a row whose transaction commits after a
higher id was read (ids are taken at insert, not at commit), and so lose it.

Only partners under an arrangement in force receive anything, and only the AEO types its scope
recognizes (the arrangement is the legal ground for sending a holder's data). A consent
withdrawal goes to every partner that was ever sent a record, in force or not, whatever the
type: they may hold earlier facts.
An arrangement that enters into force (or resumes) sends its partners everything in scope.
"""

from typing import Any

from django.db import transaction

from aeo.authorizations.constants import CURRENT_STATUSES
from aeo.authorizations.models import RegisterChange
from aeo.mra import identifiers
from aeo.mra.constants import IMMEDIATE_EVENTS, ConsentStatus, MRAStatus, RecordEvent
from aeo.mra.models import Arrangement, ExchangeConsent, OutboxRecord, Partner
from aeo.registry.models import Operator


def consented(operator_id: int) -> bool:
    return ExchangeConsent.objects.filter(
        operator_id=operator_id, status=ConsentStatus.GIVEN
    ).exists()


def on_register_change(sender: Any, instance: RegisterChange, created: bool, **kwargs: Any) -> None:
    """post_save of a register change: queue it for every partner if the holder consented."""
    if not created or kwargs.get("raw"):
        return
    if consented(instance.authorization.operator_id):
        queue(event=instance.event, entries=[instance.entry])


def _for_partner(partner: Partner, entry: dict[str, Any]) -> dict[str, Any]:
    try:
        partner_id = identifiers.convert(
            partner.identifier_rule, aeo_number=entry["aeo_number"], tin=entry["tin"]
        )
    except ValueError:
        partner_id = ""  # shown as missing on the status page rather than blocking the change
    return {**entry, "partner_id": partner_id}


def recognized_types() -> dict[str, set[str]]:
    """Per partner economy, our AEO types recognized by its arrangements in force."""
    scope: dict[str, set[str]] = {}
    rows = Arrangement.objects.filter(status=MRAStatus.IN_FORCE).values_list(
        "partners__code", "scope__our_type"
    )
    for economy, our_type in rows:
        if economy:
            scope.setdefault(economy, set()).update([our_type] if our_type else [])
    return scope


def queue(*, event: str, entries: list[dict[str, Any]], partners=None) -> list[OutboxRecord]:
    """One record per entry and partner in force whose scope has the entry's type (for a
    withdrawal: per partner ever sent a record), numbered under each partner's row lock."""
    if not entries:
        return []
    withdrawal = event == RecordEvent.CONSENT_WITHDRAWN
    scope = recognized_types()
    targets = partners or Partner.objects.all()
    targets = targets.filter(last_seq__gt=0) if withdrawal else targets.filter(economy_id__in=scope)
    written = []
    for partner in targets.select_for_update().order_by("pk"):
        types = scope.get(partner.economy_id, set())
        sent = [e for e in entries if withdrawal or e["aeo_type"] in types]
        for entry in sent:
            partner.last_seq += 1
            written.append(
                OutboxRecord(
                    partner=partner,
                    seq=partner.last_seq,
                    event=event,
                    entry=_for_partner(partner, entry),
                )
            )
        if not sent:
            continue
        partner.save(update_fields=["last_seq"])
        if event in IMMEDIATE_EVENTS:
            _send_on_commit(partner.economy_id)
    return OutboxRecord.objects.bulk_create(written)


def _send_on_commit(economy: str) -> None:
    from aeo.mra.tasks import deliver

    transaction.on_commit(lambda: deliver.enqueue(economy))  # type: ignore[misc]


def latest_entries(operators, *, current_only: bool) -> list[dict[str, Any]]:
    """The register entry of each authorization of `operators` as its last change left it."""
    changes = RegisterChange.objects.filter(authorization__operator__in=operators)
    if current_only:
        changes = changes.filter(authorization__status__in=sorted(CURRENT_STATUSES))
    latest: dict[int, dict[str, Any]] = {}
    for authorization_id, entry in changes.order_by("id").values_list("authorization_id", "entry"):
        latest[authorization_id] = entry
    return [latest[k] for k in sorted(latest)]


def send_in_full(operator: Operator) -> None:
    """Consent given: every current authorization of the operator, to every partner."""
    queue(
        event=RecordEvent.CONSENT_GIVEN,
        entries=latest_entries([operator.pk], current_only=True),
    )


def withdraw(operator: Operator) -> None:
    """Consent withdrawn: partners are told, for everything they may hold of the operator."""
    queue(
        event=RecordEvent.CONSENT_WITHDRAWN,
        entries=latest_entries([operator.pk], current_only=False),
    )


def snapshot_for(partners) -> None:
    """Partners added, or whose arrangement entered into force, receive every consented
    operator's current authorizations in scope."""
    operators = ExchangeConsent.objects.filter(status=ConsentStatus.GIVEN).values("operator_id")
    queue(
        event=RecordEvent.CONSENT_GIVEN,
        entries=latest_entries(operators, current_only=True),
        partners=partners,
    )
