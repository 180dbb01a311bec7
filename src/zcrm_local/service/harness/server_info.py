"""The base URL of the server serving a database, as `serve` leaves it for the CLI.

`credentials`, `grant` and `org create` print an `api_domain`; run beside a server started with
another port or host, they must print that server's URL, not the default one (D-26).
"""

from __future__ import annotations

from zcrm_local.service.backend import Backend
from zcrm_local.store.harness import server_info as store

BASE_URL = "base_url"


def remember_base_url(backend: Backend) -> None:
    with backend.db.write() as conn:
        store.put_info(conn, BASE_URL, backend.settings.base_url, backend.clock.now())


def served_base_url(backend: Backend) -> str | None:
    """The base URL of the server last started on this database, if any."""
    with backend.db.read() as conn:
        return store.get_info(conn, BASE_URL)
