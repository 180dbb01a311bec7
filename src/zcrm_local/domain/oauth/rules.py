"""The accounts server's pure rules: credential formats, hashing, lifetimes, error codes.

Formats follow spec 01 §6: tokens ``1000.<32 hex>.<32 hex>``, client ids ``1000.`` + 30
upper-case alphanumerics, secrets 42 lower-case alphanumerics.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

# Token-endpoint errors (spec 01 §4): answered with HTTP 200 and {"error": code}.
INVALID_CODE = "invalid_code"
INVALID_CLIENT = "invalid_client"
INVALID_CLIENT_SECRET = "invalid_client_secret"
INVALID_REDIRECT_URI = "invalid_redirect_uri"
UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type"
MISSING_ORG_INFO = "missing_org_info"
INVALID_TOKEN = "invalid_token"

GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials")

_UPPER_ALNUM = string.ascii_uppercase + string.digits
_LOWER_ALNUM = string.ascii_lowercase + string.digits


def new_token() -> str:
    return f"1000.{secrets.token_hex(16)}.{secrets.token_hex(16)}"


def new_client_id() -> str:
    return "1000." + "".join(secrets.choice(_UPPER_ALNUM) for _ in range(30))


def new_client_secret() -> str:
    return "".join(secrets.choice(_LOWER_ALNUM) for _ in range(42))


def digest(secret: str) -> str:
    """What the store keeps instead of a secret or token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), stored_digest)


def token_answer(access_token: str, api_domain: str, expires_in: int, refresh_token: str | None = None,
                 scope: str | None = None) -> dict[str, object]:
    """The success body of POST /oauth/v2/token. ``expires_in`` in seconds, no
    ``expires_in_sec``: the SDK would then read it as milliseconds (spec Q-49)."""
    body: dict[str, object] = {"access_token": access_token}
    if refresh_token is not None:
        body["refresh_token"] = refresh_token
    if scope is not None:
        body["scope"] = scope
    body["api_domain"] = api_domain
    body["token_type"] = "Bearer"
    body["expires_in"] = expires_in
    return body
