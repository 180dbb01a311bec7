"""The accounts server: /oauth/v2/token, /oauth/v2/token/revoke (and /oauth/v2/auth for
client credentials, spec Q-9). Parameters come from the query, a form body, or HTTP Basic."""

from __future__ import annotations

import base64
import binascii

from starlette.requests import Request
from starlette.responses import Response

from zcrm_local.domain.oauth import rules as rules
from zcrm_local.http.render import json_response
from zcrm_local.service.backend import Backend
from zcrm_local.service.oauth import tokens as oauth


async def _params(request: Request) -> dict[str, str]:
    params = dict(request.query_params)
    if request.method == "POST":
        try:
            form = await request.form()
        except Exception:  # a malformed form body is simply no parameters
            form = None
        if form is not None:
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
    basic = request.headers.get("authorization", "")
    if basic.lower().startswith("basic "):
        try:
            user, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            user, secret = "", ""
        params.setdefault("client_id", user)
        params.setdefault("client_secret", secret)
    return params


def token_endpoint(backend: Backend):  # type: ignore[no-untyped-def]
    async def token(request: Request) -> Response:
        params = await _params(request)
        try:
            return json_response(oauth.exchange(backend, params))
        except oauth.TokenError as refusal:
            return json_response({"error": refusal.error}, refusal.status)

    return token


def revoke_endpoint(backend: Backend):  # type: ignore[no-untyped-def]
    async def revoke(request: Request) -> Response:
        params = await _params(request)
        if oauth.revoke(backend, params.get("token", "")):
            return json_response({"status": "success"})
        return json_response({"error": rules.INVALID_TOKEN}, 400)

    return revoke
