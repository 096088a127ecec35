"""Signed exchange batches: a compact JWS (Ed25519) over a JSON payload (see docs/mra.md).

The protected header names the key (`kid`, its RFC 7638 thumbprint) and the message type; the
payload names the sender (`iss`) and the recipient (`aud`) by economy code, the batch's unique
id (`jti`), when it was signed (`iat`) and its records, numbered without gaps per recipient.
"""

import json
import time
import uuid
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import OKPKey

from aeo.core.errors import Conflict, DomainError
from aeo.mra import keys
from aeo.mra.constants import MESSAGE_TYPE
from aeo.mra.models import Partner

ALGORITHM = keys.CURVE  # RFC 9864's fully specified "Ed25519"


class Refused(DomainError):
    """A batch that is not what it claims (unsigned, tampered, unknown sender): 422."""


class Replayed(Conflict):
    default_code = "replayed"


class OutOfOrder(Conflict):
    """A batch that starts past the next expected number: the sender resends from `acknowledged`."""

    default_code = "out_of_order"

    def __init__(self, message: object, *, acknowledged: int) -> None:
        super().__init__(message, field="first_seq")
        self.acknowledged = acknowledged


def sign_batch(*, audience: str, records: list[dict[str, Any]]) -> str:
    key = keys.signing_key()
    payload = {
        "iss": settings.AEO_ECONOMY,
        "aud": audience,
        "jti": uuid.uuid4().hex,
        "iat": int(time.time()),
        "first_seq": records[0]["seq"] if records else 0,
        "last_seq": records[-1]["seq"] if records else 0,
        "records": records,
    }
    header = {"alg": ALGORITHM, "kid": key.thumbprint(), "typ": MESSAGE_TYPE}
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return jws.serialize_compact(header, body, key, algorithms=[ALGORITHM])


def _claims(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and payload before verification, only to find the sender's key."""
    try:
        compact = jws.extract_compact(token.encode())
        payload = json.loads(compact.payload)
    except (JoseError, ValueError, UnicodeError) as exc:
        raise Refused(_("Not a signed exchange batch."), code="unsigned") from exc
    if not isinstance(payload, dict):
        raise Refused(_("Not a signed exchange batch."), code="unsigned")
    header = compact.protected
    if header.get("alg") != ALGORITHM or not token.rsplit(".", 1)[-1]:
        raise Refused(_("The batch is not signed with Ed25519."), code="unsigned")
    return header, payload


def open_batch(token: str) -> tuple[Partner, dict[str, Any]]:
    """The sending partner and the verified payload, or a refusal with its code."""
    header, claimed = _claims(token)
    issuer = claimed.get("iss")
    sender = (
        Partner.objects.select_related("economy").filter(economy_id=issuer).first()
        if isinstance(issuer, str)
        else None
    )
    if sender is None:
        raise Refused(_("The sender is not a registered partner."), code="unknown_sender")
    jwk = next((k for k in sender.public_keys if k.get("kid") == header.get("kid")), None)
    if jwk is None:
        raise Refused(
            _("The batch is signed with a key not registered for %(economy)s.")
            % {"economy": sender.economy_id},
            code="unknown_sender",
        )
    public = OKPKey.import_key({k: jwk[k] for k in ("kty", "crv", "x")})
    try:
        verified = jws.deserialize_compact(token, public, algorithms=[ALGORITHM])
    except BadSignatureError as exc:
        raise Refused(
            _("The signature does not match: the batch was altered."), code="bad_signature"
        ) from exc
    except JoseError as exc:
        raise Refused(_("Not a signed exchange batch."), code="unsigned") from exc
    payload = json.loads(verified.payload)
    if payload.get("aud") != settings.AEO_ECONOMY:
        raise Refused(
            _("The batch is addressed to another administration."), code="wrong_recipient"
        )
    return sender, payload
