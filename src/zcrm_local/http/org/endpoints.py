"""GET /org: call the service, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.http.call import Call
from zcrm_local.http.render import json_response
from zcrm_local.service.org import reads


def get_org(call: Call) -> Response:
    return json_response({"org": [reads.get_org(call.backend, call.principal)]})
