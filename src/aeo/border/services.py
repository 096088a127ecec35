"""Writes on declarations: intake (one or many), lane assignment, the moves after lodgment,
and the selectivity settings and criteria."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aeo.accounts.models import User
from aeo.border import aeo_benefits, selection
from aeo.border.constants import (
    WORKFLOW,
    DeclarationEventType,
    DeclarationStatus,
    Direction,
    ExaminationResult,
    ImportStatus,
    Lane,
)
from aeo.border.intake import Row, RowError, validate
from aeo.border.models import (
    Criterion,
    Declaration,
    DeclarationEvent,
    DeclarationImport,
    SelectivitySettings,
)
from aeo.core import audit
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now
from aeo.core.workflow import open_history, transition
from aeo.registry.models import CustomsOffice, Operator

CHUNK = 2000  # rows stored per transaction
MAX_KEPT_ERRORS = 1000  # refused rows listed on the import (all are counted)
STORED = (
    "office_id",
    "direction",
    "transport_mode",
    "declarant_tin",
    "declarant_id",
    "trader_tin",
    "trader_id",
    "partner_economy",
    "partner_name",
    "partner_aeo_id",
    "lines",
    "total_value",
    "arrived_at",
    "lodged_at",
    "released_at",
    "delivered_at",
    "oga_required",
    "oga_agency",
)


def require(actor: User | None, perm: str, obj: Any = None) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _status_from_times(values: dict[str, Any], lane: str) -> str:
    """A declaration lodged with its later times (a system that reports them at once)."""
    if values.get("delivered_at"):
        return DeclarationStatus.DELIVERED
    if values.get("released_at"):
        return DeclarationStatus.RELEASED
    return DeclarationStatus.SELECTED if lane else DeclarationStatus.LODGED


_PROGRESS = list(DeclarationStatus.values)  # lodged, selected, examined, released, delivered


@dataclass
class _Context:
    """What a whole intake looks up once: offices, and per chunk the parties."""

    offices: dict[str, CustomsOffice]
    seen: set[str] = field(default_factory=set)

    @classmethod
    def load(cls) -> "_Context":
        economy = django_settings.AEO_ECONOMY
        return cls({o.code: o for o in CustomsOffice.objects.filter(economy_id=economy)})


def _resolved(rows: list[Row], context: _Context) -> tuple[list[Row], list[RowError]]:
    """Rows whose office is ours and whose number is new in this intake."""
    good, bad = [], []
    for row in rows:
        v = row.values
        office = context.offices.get(v["office"])
        if office is None:
            bad.append(RowError(row.line, "office", "unknown_office", _("Unknown customs office.")))
        elif v["number"] in context.seen:
            bad.append(
                RowError(row.line, "number", "repeated", _("This number is repeated in the input."))
            )
        else:
            context.seen.add(v["number"])
            v["office_id"] = office.pk
            v["oga_required"] = bool(v["oga_agency"])
            good.append(row)
    return good, bad


def _operators(rows: list[Row]) -> dict[str, int]:
    tins = {r.values["trader_tin"] for r in rows} | {r.values["declarant_tin"] for r in rows}
    return dict(
        Operator.objects.filter(
            economy_id=django_settings.AEO_ECONOMY, tin__in=tins - {""}
        ).values_list("tin", "pk")
    )


@dataclass
class ChunkResult:
    created: int
    updated: int
    errors: list[RowError]
    uses: list[tuple[int, int, str]] = field(default_factory=list)


def _uses(rows: Iterable[dict[str, Any]], parties: Iterable[Any]) -> list[tuple[int, int, str]]:
    """(benefit id, operator id, declaration number) of each catalogue benefit a lane applied
    to our AEO that holds it (a partner's AEO is not ours to count)."""
    found = []
    for row, party in zip(rows, parties, strict=True):
        if party is None or party.benefit is None or party.source != "aeo":
            continue
        holder = row["trader_id"] if party.holder_tin == row["trader_tin"] else row["declarant_id"]
        if holder is not None:
            found.append((party.benefit.benefit_id, holder, row["number"]))
    return found


def _store_chunk(
    rows: list[Row],
    context: _Context,
    *,
    update: bool,
    assign: bool,
    source: DeclarationImport | None,
) -> ChunkResult:
    """Store one chunk in one transaction: new numbers created (with their lanes), existing ones
    refused or, with `update`, their declared data and times replaced (the lane kept; the
    state follows the times reported, never back)."""
    rows, errors = _resolved(rows, context)
    existing = {
        number: (pk, lane, status)
        for number, pk, lane, status in Declaration.objects.filter(
            number__in=[r.values["number"] for r in rows]
        ).values_list("number", "pk", "lane", "status")
    }
    operators = _operators(rows)
    fresh, changed = [], []
    for row in rows:
        v = row.values
        v["trader_id"] = operators.get(v["trader_tin"])
        v["declarant_id"] = operators.get(v["declarant_tin"]) if v["declarant_tin"] else None
        if v["number"] not in existing:
            fresh.append(row)
        elif update:
            pk, lane, status = existing[v["number"]]
            reported = _status_from_times(v, lane)
            later = max(status, reported, key=_PROGRESS.index)  # times never move a state back
            changed.append(Declaration(pk=pk, status=later, **{k: v[k] for k in STORED}))
        else:
            errors.append(
                RowError(
                    row.line,
                    "number",
                    "exists",
                    _("A declaration with this number exists (import with update to change it)."),
                )
            )
    values = [r.values for r in fresh]
    if assign and values:
        codes = [(v["office_id"], context.offices[v["office"]].code) for v in values]
        chosen, _rates = selection.select_many(values, codes, batch=False)
    else:
        chosen = [("", {}, None, None)] * len(values)  # type: ignore[list-item]
    stamp = now()
    created = [
        {
            **v,
            "lane": lane,
            "lane_reason": reason,
            "lane_seed": seed,
            "lane_assigned_at": stamp if lane else None,
            "importer_aeo": bool(party and party.importer_aeo),
            "partner_status": party.partner_status if party else "",
            "status": _status_from_times(v, lane),
            "source_id": source.pk if source else None,
        }
        for v, (lane, reason, seed, party) in zip(values, chosen, strict=True)
    ]
    uses = _uses(values, [party for _l, _r, _s, party in chosen])
    with transaction.atomic():
        _insert_rows(created)
        _update_rows(changed, [*STORED, "status"])
        if source is not None:  # a single declaration records its use through the service
            aeo_benefits.record_uses(actor=source.created_by, uses=uses, obj=source)
    return ChunkResult(len(created), len(changed), errors, uses)


def _fields(names: Iterable[str] | None = None) -> list[models.Field]:
    """The declaration's concrete fields by attribute name (every one but the id if None)."""
    model = Declaration._meta
    if names is None:
        return [f for f in model.concrete_fields if not f.primary_key]
    return [f for f in (model.get_field(n) for n in names) if isinstance(f, models.Field)]


# Fields whose Python value is what both databases store (no adaptation needed).
_AS_IS = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)


def _insert_rows(rows: list[dict[str, Any]]) -> None:
    """INSERT the rows (dicts by attribute name; defaults for the others) in one executemany:
    `bulk_create` spends most of its time building model instances and compiling the SQL."""
    if not rows:
        return
    fields = _fields()
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
        quote(Declaration._meta.db_table),
        ", ".join(quote(str(f.column)) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    real = connections[DEFAULT_DB_ALIAS]
    columns = [
        (f.attname, f.get_default(), None if isinstance(f, _AS_IS) else f.get_db_prep_save)
        for f in fields
    ]
    params = [
        [
            value if prep is None else prep(value, real)
            for name, default, prep in columns
            for value in (row.get(name, default),)
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _update_rows(objs: list[Declaration], fields: list[str]) -> None:
    """UPDATE … WHERE id = %s for each row, in one executemany: `bulk_update`'s CASE per
    field grows quadratically with the rows."""
    if not objs:
        return
    model = Declaration._meta
    columns = _fields(fields)
    quote = connection.ops.quote_name
    # Names from the model's own metadata, quoted; values are parameters.
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
        quote(model.db_table),
        ", ".join(f"{quote(str(c.column))} = %s" for c in columns),
        quote(str(model.pk.column)),
    )
    params = [
        [*(c.get_db_prep_save(getattr(obj, c.attname), connection) for c in columns), obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _chunks(rows: Iterable[Row | RowError], size: int) -> Iterator[list[Row | RowError]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def import_declarations(
    *,
    actor: User | None,
    rows: Iterable[Row | RowError],
    source: str = "api",
    update: bool = False,
    assign: bool = True,
    job: DeclarationImport | None = None,
    progress: Callable[[DeclarationImport], None] | None = None,
) -> DeclarationImport:
    """Store the valid rows, chunk by chunk (each in its own transaction: a refused row leaves
    nothing behind, the others are kept); count and list the refused ones with their line and
    reason. Repeated numbers are refused, or update the declaration with `update`.
    `assign`: lanes at intake (with the stored top-up rates); else batch later."""
    require(actor, "border.lodge")
    if job is None:
        job = DeclarationImport.objects.create(
            created_by=actor if actor and actor.pk else None,
            source=source,
            update_existing=update,
            status=ImportStatus.RUNNING,
        )
    context = _Context.load()
    for chunk in _chunks(rows, CHUNK):
        good = [r for r in chunk if isinstance(r, Row)]
        refused = [r for r in chunk if isinstance(r, RowError)]
        result = _store_chunk(good, context, update=update, assign=assign, source=job)
        refused += result.errors
        job.rows += len(chunk)
        job.created += result.created
        job.updated += result.updated
        job.rejected += len(refused)
        room = MAX_KEPT_ERRORS - len(job.errors)
        job.errors += [e.as_dict() for e in sorted(refused, key=lambda e: e.line)[:room]]
        if progress is not None:
            progress(job)
    job.status = ImportStatus.DONE
    job.finished_at = now()
    job.save()
    audit.record(
        actor=actor,
        action="declaration.imported",
        obj=job,
        changes={
            "rows": [None, job.rows],
            "created": [None, job.created],
            "updated": [None, job.updated],
            "rejected": [None, job.rejected],
        },
    )
    return job


@transaction.atomic
def create_declaration(*, actor: User, data: dict[str, Any], assign: bool = True) -> Declaration:
    """One declaration by API: refused as a whole with its field's reason; a repeated number
    is a conflict. Its history opens with the lodgment (and its lane)."""
    require(actor, "border.lodge")
    checked = validate(data, 1)
    if isinstance(checked, RowError):
        raise DomainError(checked.message, field=checked.field, code=checked.code)
    if Declaration.objects.filter(number=checked.values["number"]).exists():
        raise Conflict(_("A declaration with this number exists."), field="number", code="exists")
    result = _store_chunk([checked], _Context.load(), update=False, assign=assign, source=None)
    if result.errors:
        error = result.errors[0]
        raise DomainError(error.message, field=error.field, code=error.code)
    declaration = Declaration.objects.get(number=checked.values["number"])
    _record_use(actor, declaration, result.uses)
    open_history(
        actor=actor,
        obj=declaration,
        workflow=WORKFLOW,
        event=DeclarationEventType.LODGED,
        data={"lane": declaration.lane},
    )
    return declaration


def _record_use(actor: User | None, d: Declaration, uses: list[tuple[int, int, str]]) -> None:
    for benefit_id, operator_id, number in uses:
        aeo_benefits.record_use(
            actor=actor,
            benefit_id=benefit_id,
            operator_id=operator_id,
            number=number,
            on=timezone.localdate(d.lodged_at),
        )


def _row_of(d: Declaration) -> dict[str, Any]:
    return {
        "number": d.number,
        "trader_id": d.trader_id,
        "declarant_id": d.declarant_id,
        "direction": d.direction,
        "transport_mode": d.transport_mode,
        "trader_tin": d.trader_tin,
        "declarant_tin": d.declarant_tin,
        "partner_economy": d.partner_economy,
        "partner_aeo_id": d.partner_aeo_id,
        "total_value": d.total_value,
        "lodged_at": d.lodged_at,
        "lines": d.lines,
    }


@transaction.atomic
def assign_lane(*, actor: User | None, declaration: Declaration, version: int | None = None):
    """One lodged declaration's lane, with the stored top-up rates."""
    row = _row_of(declaration)
    lane, reason, seed, party = selection.select_one(
        row, declaration.office_id, declaration.office.code
    )
    _record_use(actor, declaration, _uses([row], [party]))
    return transition(
        actor=actor,
        obj=declaration,
        workflow=WORKFLOW,
        event=DeclarationEventType.LANE_ASSIGNED,
        version=version,
        fields={
            "lane": lane,
            "lane_reason": reason,
            "lane_seed": seed,
            "lane_assigned_at": now(),
            "importer_aeo": party.importer_aeo,
            "partner_status": party.partner_status,
        },
        data={"lane": lane, "decided_by": reason["decided_by"]},
    )


@transaction.atomic
def assign_lanes(
    *, actor: User | None, on: date, office: CustomsOffice | None = None
) -> dict[str, int]:
    """The lanes of a day's lodged declarations (of one office, or all) in one batch: top-up
    rates from the batch itself, stored for the one-by-one selection that follows. One
    history row per declaration, one audit event for the batch."""
    require(actor, "border.select")
    qs = Declaration.objects.select_for_update().filter(
        status__in=WORKFLOW.moves[DeclarationEventType.LANE_ASSIGNED].sources,
        lodged_at__date=on,
    )
    if office is not None:
        qs = qs.filter(office=office)
    declarations = list(qs.select_related("office").order_by("id"))
    if not declarations:
        return {}
    policies = selection.Policies()
    rows = [_row_of(d) for d in declarations]
    chosen, rates = selection.select_many(
        rows,
        [(d.office_id, d.office.code) for d in declarations],
        batch=True,
        policies=policies,
    )
    stamp = now()
    counts = dict.fromkeys(Lane.values, 0)
    events = []
    for d, (lane, reason, seed, party) in zip(declarations, chosen, strict=True):
        d.lane, d.lane_reason, d.lane_seed, d.lane_assigned_at = lane, reason, seed, stamp
        d.importer_aeo, d.partner_status = party.importer_aeo, party.partner_status
        d.status = DeclarationStatus.SELECTED
        d.version += 1
        counts[lane] += 1
        events.append(
            DeclarationEvent(
                declaration=d,
                actor=actor if actor and actor.pk else None,
                event=DeclarationEventType.LANE_ASSIGNED,
                from_state=DeclarationStatus.LODGED,
                to_state=DeclarationStatus.SELECTED,
                data={"lane": lane, "decided_by": reason["decided_by"], "batch": str(on)},
            )
        )
    _update_rows(
        declarations,
        ["lane", "lane_reason", "lane_seed", "lane_assigned_at", "importer_aeo"]
        + ["partner_status", "status", "version"],
    )
    DeclarationEvent.objects.bulk_create(events)
    aeo_benefits.record_uses(
        actor=actor,
        uses=_uses(rows, [party for _l, _r, _s, party in chosen]),
        obj=declarations[0].office if office is None else office,
    )
    for (office_id, direction), (exam, paper) in rates.items():
        own = policies.own.get((office_id, direction))
        if own is not None:
            SelectivitySettings.objects.filter(pk=own.pk).update(
                top_up_exam=exam, top_up_paper=paper
            )
    audit.record(
        actor=actor,
        action="declaration.lanes_assigned",
        obj=declarations[0].office if office is None else office,
        changes={"day": [None, str(on)], **{k: [None, v] for k, v in counts.items()}},
    )
    return counts


def _move(
    *,
    actor: User,
    declaration: Declaration,
    event: str,
    version: int | None,
    comment: str = "",
    fields: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    on_commit: Callable[[Declaration], None] | None = None,
) -> Declaration:
    return transition(
        actor=actor,
        obj=declaration,
        workflow=WORKFLOW,
        event=event,
        version=version,
        fields=fields,
        comment=comment.strip(),
        data=data,
        on_commit=on_commit,
    )


def _time(at: datetime | None, after: datetime | None, field_name: str, message: str) -> datetime:
    at = at or now()
    if at > now():
        raise DomainError(_("Give a time that has come."), field=field_name, code="future_time")
    if after is not None and at < after:
        raise DomainError(message, field=field_name, code="out_of_order")
    return at


@transaction.atomic
def record_examination(
    *,
    actor: User,
    declaration: Declaration,
    result: str,
    note: str = "",
    version: int | None = None,
) -> Declaration:
    if result not in ExaminationResult.values:
        raise DomainError(_("Choose a result."), field="result", code="required")
    if result == ExaminationResult.DISCREPANCY and not note.strip():
        raise DomainError(_("Describe the discrepancy."), field="note", code="required")
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.EXAMINED,
        version=version,
        comment=note,
        fields={"examination_result": result, "examination_note": note.strip()},
        data={"result": result, "lane": declaration.lane},
    )


@transaction.atomic
def release_declaration(
    *,
    actor: User,
    declaration: Declaration,
    at: datetime | None = None,
    comment: str = "",
    version: int | None = None,
) -> Declaration:
    """Release the goods."""
    at = _time(at, declaration.lodged_at, "at", _("Release comes after lodgment."))
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.RELEASED,
        version=version,
        comment=comment,
        fields={"released_at": at},
        data={"at": at.isoformat()},
    )


@transaction.atomic
def record_delivery(
    *,
    actor: User,
    declaration: Declaration,
    at: datetime | None = None,
    comment: str = "",
    version: int | None = None,
) -> Declaration:
    at = _time(at, declaration.released_at, "at", _("Delivery comes after release."))
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.DELIVERED,
        version=version,
        comment=comment,
        fields={"delivered_at": at},
        data={"at": at.isoformat()},
    )


@transaction.atomic
def reroute_declaration(
    *,
    actor: User,
    declaration: Declaration,
    lane: str,
    reason: str,
    version: int | None = None,
) -> Declaration:
    """Send the goods to another lane, with the reason; the examination starts again."""
    if lane not in Lane.values:
        raise DomainError(_("Choose a lane."), field="lane", code="required")
    if lane == declaration.lane:
        raise DomainError(_("The goods are in this lane already."), field="lane", code="same_lane")
    if not reason.strip():
        raise DomainError(_("Give the reason for re-routing."), field="reason", code="required")
    explanation = {**(declaration.lane_reason or {}), "rerouted": {"from": declaration.lane}}
    explanation.update(lane=lane, decided_by="officer", officer_reason=reason.strip())
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.REROUTED,
        version=version,
        comment=reason,
        fields={
            "lane": lane,
            "lane_reason": explanation,
            "examination_result": "",
            "examination_note": "",
        },
        data={"from": declaration.lane, "to": lane},
    )


@transaction.atomic
def clear_oga(
    *, actor: User, declaration: Declaration, comment: str = "", version: int | None = None
) -> Declaration:
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.OGA_CLEARED,
        version=version,
        comment=comment,
        fields={"oga_cleared_at": now()},
    )


@transaction.atomic
def request_joint_inspection(
    *, actor: User, declaration: Declaration, comment: str = "", version: int | None = None
) -> Declaration:
    """Customs and the agency examine the goods together, once (the OGA benefit of AEOs)."""
    return _move(
        actor=actor,
        declaration=declaration,
        event=DeclarationEventType.JOINT_INSPECTION_REQUESTED,
        version=version,
        comment=comment,
        fields={"joint_inspection_requested": True},
    )


# --- Selectivity settings and criteria -------------------------------------------------------


def _percent(value: Decimal | float | int, name: str) -> Decimal:
    value = Decimal(str(value))
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        raise DomainError(_("Give a percentage from 0 to 100."), field=name, code="out_of_range")
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def update_selectivity_settings(
    *,
    actor: User,
    office: CustomsOffice | None,
    direction: str,
    expected_paper_pct: Decimal | float,
    expected_exam_pct: Decimal | float,
    random_pct: Decimal | float,
    paper_score: int = 50,
    exam_score: int = 100,
    version: int | None = None,
) -> SelectivitySettings:
    require(actor, "border.manage_selectivity")
    if direction not in Direction.values:
        raise DomainError(_("Choose a direction."), field="direction", code="required")
    paper = _percent(expected_paper_pct, "expected_paper_pct")
    exam = _percent(expected_exam_pct, "expected_exam_pct")
    random = _percent(random_pct, "random_pct")
    if paper + exam > 100:
        raise DomainError(
            _("Paper review and cargo examination together exceed 100 %."),
            field="expected_exam_pct",
            code="out_of_range",
        )
    if random <= 0 or random > exam:
        raise DomainError(
            _("The random rate is above zero and at most the expected examination rate."),
            field="random_pct",
            code="out_of_range",
        )
    if not 0 < paper_score <= exam_score:
        raise DomainError(
            _("The paper review score is above zero and at most the examination score."),
            field="paper_score",
            code="out_of_range",
        )
    current = (
        SelectivitySettings.objects.select_for_update().filter(office=office, direction=direction)
    ).first()
    if current is not None and version is not None and version != current.version:
        raise Conflict(
            _("This was changed by someone else meanwhile. Reload it and try again."),
            field="version",
            code="stale",
        )
    before = audit.jsonable(
        [current.expected_paper_pct, current.expected_exam_pct, current.random_pct]
        if current
        else None
    )
    # Until a batch measures them, top up what criteria and random leave to the expected rates.
    left = 1 - float(random) / 100
    s = current or SelectivitySettings(office=office, direction=direction)
    s.expected_paper_pct, s.expected_exam_pct, s.random_pct = paper, exam, random
    s.paper_score, s.exam_score = paper_score, exam_score
    s.top_up_exam = max(0.0, (float(exam) - float(random)) / 100 / left)
    s.top_up_paper = float(paper) / 100 / left
    s.version = (current.version + 1) if current else 1
    s.updated_at = now()
    s.save()
    audit.record(
        actor=actor,
        action="selectivity.updated",
        obj=s,
        changes={"rates": [before, audit.jsonable([paper, exam, random])]},
    )
    return s


@transaction.atomic
def create_criterion(
    *,
    actor: User,
    code: str,
    description: str,
    valid_from: date,
    lane: str = "",
    score: int = 0,
    valid_to: date | None = None,
    office: CustomsOffice | None = None,
    direction: str = "",
    transport_mode: str = "",
    hs_prefixes: list[str] | None = None,
    origins: list[str] | None = None,
    partner_economy: str = "",
    party_tin: str = "",
    min_value: Decimal | None = None,
    max_value: Decimal | None = None,
    instructions: str = "",
) -> Criterion:
    require(actor, "border.manage_selectivity")
    code = code.strip().upper()
    if not code:
        raise DomainError(_("Give the criterion a code."), field="code", code="required")
    if Criterion.objects.filter(code=code).exists():
        raise Conflict(_("A criterion with this code exists."), field="code", code="exists")
    if lane not in ("", Lane.PAPER, Lane.EXAM):
        raise DomainError(
            _("A criterion sends goods to paper review or examination."),
            field="lane",
            code="invalid_choice",
        )
    if not lane and score <= 0:
        raise DomainError(
            _("Give the criterion a lane or a score."), field="score", code="required"
        )
    if valid_to is not None and valid_to < valid_from:
        raise DomainError(
            _("The end of validity comes after its start."), field="valid_to", code="out_of_order"
        )
    if min_value is not None and max_value is not None and max_value < min_value:
        raise DomainError(
            _("The upper value is at least the lower."), field="max_value", code="out_of_order"
        )
    prefixes = [p.strip().replace(".", "") for p in hs_prefixes or [] if p.strip()]
    if any(not p.isdigit() or len(p) > 10 for p in prefixes):
        raise DomainError(
            _("HS prefixes are 1 to 10 digits."), field="hs_prefixes", code="invalid_hs_code"
        )
    criterion = Criterion.objects.create(
        code=code,
        description=description.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        lane=lane,
        score=score,
        office=office,
        direction=direction,
        transport_mode=transport_mode,
        hs_prefixes=prefixes,
        origins=sorted({o.strip().upper() for o in origins or [] if o.strip()}),
        partner_economy=partner_economy.strip().upper(),
        party_tin=party_tin.strip(),
        min_value=min_value,
        max_value=max_value,
        instructions=instructions.strip(),
        created_by=actor,
    )
    audit.record(
        actor=actor, action="criterion.created", obj=criterion, changes={"code": [None, code]}
    )
    return criterion


@transaction.atomic
def retire_criterion(*, actor: User, criterion: Criterion, reason: str) -> Criterion:
    require(actor, "border.manage_selectivity")
    criterion = Criterion.objects.select_for_update().get(pk=criterion.pk)
    if criterion.retired_at is not None:
        raise Conflict(_("This criterion is retired already."), code="retired")
    if not reason.strip():
        raise DomainError(_("Give the reason."), field="reason", code="required")
    criterion.retired_at, criterion.retired_by = now(), actor
    criterion.retired_reason = reason.strip()
    criterion.save()
    audit.record(
        actor=actor,
        action="criterion.retired",
        obj=criterion,
        changes={"retired_at": [None, audit.jsonable(criterion.retired_at)]},
        reason=reason.strip(),
    )
    return criterion
