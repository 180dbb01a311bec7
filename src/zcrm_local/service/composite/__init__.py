"""Composite requests: the one transaction of rollback mode (spec 70 §3.7)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from zcrm_local.service.backend import Backend


@contextmanager
def atomic(backend: Backend, org_id: int) -> Iterator[Callable[[], None]]:
    """Every read and write of the block in one transaction; ``abort()`` rolls it all back.
    Ids leased inside a rolled-back block go back to the store's counter, so the allocator
    forgets its cached block of the org rather than hand out ids the store will reissue."""
    aborted = False
    with backend.db.atomic() as abort_db:
        def abort() -> None:
            nonlocal aborted
            aborted = True
            abort_db()

        try:
            yield abort
        except BaseException:
            backend.ids.forget(org_id)
            raise
    if aborted:
        backend.ids.forget(org_id)
