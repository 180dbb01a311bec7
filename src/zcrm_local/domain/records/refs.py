"""References to org entities that records point at (users), as the domain sees them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class UserRef:
    """What record rules and rendering need of a user (``12-platform.md`` §3.2).

    ``status`` is ``"active"``, ``"disabled"`` or ``"deleted"``; ``confirm`` is the accepted
    invitation flag.
    """

    id: int
    name: str
    email: str
    status: str = "active"
    confirm: bool = True

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def deleted(self) -> bool:
        return self.status == "deleted"


Users = Mapping[int, UserRef]


def user_object(users: Users, user_id: str | int | None, *, email: bool = True) -> dict[str, Any] | None:
    """``{"name","id","email"}`` (or without ``email``) for a stored user id.

    A user missing from the mapping still renders with its id so a record never loses the
    reference; its name and email read as ``null``.
    """
    if user_id is None:
        return None
    user = users.get(int(user_id))
    body: dict[str, Any] = {"name": user.name if user else None, "id": str(user_id)}
    if email:
        body["email"] = user.email if user else None
    return body
