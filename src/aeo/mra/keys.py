"""This instance's Ed25519 signing key: made on first use, kept outside the repository.

The private key lives in AEO_MRA_KEY_FILE (default `$AEO_VAR_DIR/mra/signing-key.jwk`, mode
0600) and is never printed or answered; only the public JWK and its thumbprint (the `kid`)
leave the instance. Rotation: `aeo partner key --rotate` keeps the old key in
`previous-keys.jwk` so that partners can verify batches in flight while they add the new one.
"""

import json
import os
from pathlib import Path
from typing import Any, Final, Literal

from django.conf import settings
from joserfc.jwk import OKPKey

CURVE: Final[Literal["Ed25519"]] = "Ed25519"


def key_file() -> Path:
    return Path(settings.AEO_MRA_KEY_FILE)


def _write_private(path: Path, key: OKPKey) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as out:
        json.dump(key.as_dict(private=True), out)


def signing_key() -> OKPKey:
    """The private key, made and stored on first use."""
    path = key_file()
    if not path.exists():
        _write_private(path, OKPKey.generate_key(CURVE))
    return OKPKey.import_key(json.loads(path.read_text()))


def public_jwk(key: OKPKey | None = None) -> dict[str, Any]:
    """The public half as a JWK, with its thumbprint as `kid`."""
    key = key or signing_key()
    return {**key.as_dict(private=False), "kid": key.thumbprint(), "use": "sig", "alg": CURVE}


def rotate() -> dict[str, Any]:
    """A new key pair; the old public key is returned (to tell partners it is retiring)."""
    old = signing_key()
    previous = key_file().with_name("previous-keys.jwk")
    kept = json.loads(previous.read_text()) if previous.exists() else []
    previous.write_text(json.dumps([public_jwk(old), *kept]))
    _write_private(key_file(), OKPKey.generate_key(CURVE))
    return public_jwk(old)


def check_public_jwk(data: object) -> dict[str, Any]:
    """A partner's public key as given (a JWK object): an Ed25519 public key, or ValueError."""
    if not isinstance(data, dict) or data.get("kty") != "OKP" or data.get("crv") != CURVE:
        raise ValueError("not an Ed25519 public JWK")
    if "d" in data:
        raise ValueError("a private key: give the public key only")
    try:
        key = OKPKey.import_key({k: data[k] for k in ("kty", "crv", "x")})
    except Exception as exc:  # joserfc and cryptography raise several kinds
        raise ValueError("not a valid Ed25519 key") from exc
    return public_jwk(key)
