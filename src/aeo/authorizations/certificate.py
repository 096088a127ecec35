"""The certificate's content, shared by the printable page and the PDF."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from aeo.authorizations.constants import AuthorizationStatus
from aeo.authorizations.models import Authorization


@dataclass(frozen=True)
class Certificate:
    title: str
    issuer: str
    statement: str
    fields: list[tuple[str, str]]
    notice: str  # why the certificate is not in force; empty while active


def certificate_for(authorization: Authorization) -> Certificate:
    operator = authorization.operator
    economy = operator.economy
    programme = economy.programme_name or _("AEO programme")
    return Certificate(
        title=_("Authorized Economic Operator certificate"),
        issuer=_("%(programme)s · Customs of %(economy)s")
        % {"programme": programme, "economy": economy.name},
        statement=_(
            "This certifies that the operator named below is an Authorized Economic Operator "
            "under the %(programme)s of %(economy)s."
        )
        % {"programme": programme, "economy": economy.name},
        fields=[
            (_("AEO number"), authorization.aeo_number),
            (_("AEO type"), str(authorization.get_aeo_type_display())),
            (_("Legal name"), operator.legal_name),
            (_("TIN"), operator.tin),
            (_("Economy"), economy.name),
            (_("Valid from"), authorization.valid_from.isoformat()),
            (
                _("Valid to"),
                authorization.valid_to.isoformat() if authorization.valid_to else _("Indefinite"),
            ),
            (_("Status"), str(authorization.get_status_display())),
        ],
        notice=""
        if authorization.status == AuthorizationStatus.ACTIVE
        else _("This authorization is not in force: %(status)s.")
        % {"status": authorization.get_status_display()},
    )
