"""``serve`` prints an admin key that opens the admin API of the running server."""

from __future__ import annotations

import re

import httpx

from tests.live_server import database_url_in, running_server


def test_serve_banner_admin_key_opens_admin_api(tmp_path):
    with running_server(database_url_in(tmp_path), tmp_path) as server:
        match = re.search(r"admin key\s+(zcrm_admin_[0-9a-f]{48})", server.output())
        assert match, server.output()
        with httpx.Client(trust_env=False) as c:
            r = c.get(f"{server.base_url}/_zcrm/orgs", headers={"X-ZCRM-Admin-Key": match.group(1)})
            assert r.status_code == 200
            assert any(o["is_default"] for o in r.json()["orgs"])
            assert c.get(f"{server.base_url}/_zcrm/orgs").status_code == 401
