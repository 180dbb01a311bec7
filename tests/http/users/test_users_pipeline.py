"""Users writes run through the one write pipeline: its after-apply hooks see each applied
user write, and a refused one never reaches them."""

from __future__ import annotations

from zcrm_local.service import pipeline

from tests.http.users.helpers import USERS, add_user, new_user


def test_after_apply_hooks_see_applied_users_writes_only(client, org, monkeypatch):
    seen: list[tuple[int, str]] = []
    monkeypatch.setattr(pipeline.PIPELINE, "after_apply",
                        [lambda conn, applied: seen.append((applied.index, applied.result.message))])
    user_id = add_user(client, org)
    # The same email again is refused (DUPLICATE_DATA): no hook runs for it.
    r = client.post(USERS, headers=org.headers, json=new_user(client, org))
    assert r.status_code == 400 and r.json()["users"][0]["code"] == "DUPLICATE_DATA"
    r = client.put(f"{USERS}/{user_id}", headers=org.headers, json={"users": [{"phone": "123"}]})
    assert r.status_code == 200, r.text
    r = client.delete(f"{USERS}/{user_id}", headers=org.headers)
    assert r.status_code == 200, r.text
    assert seen == [(0, "User added"), (0, "User updated"), (0, "User deleted")]
