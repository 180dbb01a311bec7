"""docs/coverage.md is generated from the operations catalogue and the route table, and stays so."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from zcrm_local.http import coverage
from zcrm_local.http.call import Endpoint, Route
from zcrm_local.http.operations import EXTRA_ROUTES, INDEX_SIZE, OPERATIONS
from zcrm_local.http.routes import crm_routes

DOC = Path(__file__).resolve().parents[2] / "docs" / "coverage.md"


def test_the_committed_document_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == coverage.render(), \
        f"docs/coverage.md is stale: run `{coverage.REGENERATE}` at the repository root"


def test_every_served_route_is_a_catalogue_operation_or_a_listed_extra():
    unmapped = coverage.unmapped_routes(coverage.served_routes())
    assert unmapped == [], ("routes missing from src/zcrm_local/http/operations.py (add the operation, or an "
                            f"EXTRA_ROUTES entry for a route outside the index): {unmapped}")


def test_a_new_route_without_a_catalogue_entry_is_reported():
    route = Route(("settings", "made_up"), {"GET": Endpoint(lambda call: None, ("settings", None, "READ"))})
    table = coverage.served_routes([*crm_routes(), route])
    assert coverage.unmapped_routes(table) == [coverage.ServedRoute("GET", ("crm", "{version}", "settings", "made_up"))]


def test_every_extra_route_is_served_and_outside_the_catalogue():
    table = coverage.served_routes()
    for extra in EXTRA_ROUTES:
        doc = coverage.absolute(extra.path)
        assert any(r.method == extra.method and coverage.segments_match(doc, r.segments) for r in table), extra
        assert not any(op.method == extra.method and extra.path in op.paths for op in OPERATIONS), extra


def test_the_catalogue_holds_the_index_from_territories_on():
    assert len(OPERATIONS) == INDEX_SIZE == 259
    families = Counter(op.family for op in OPERATIONS)
    assert len(families) == 62
    assert families["Territories"] == 9 and families["Portals"] == 14 and families["Records"] == 11
    assert len({op.page for op in OPERATIONS}) == 259
    assert {op.method for op in OPERATIONS} == {"GET", "POST", "PUT", "PATCH", "DELETE"}
    for op in OPERATIONS:
        assert op.paths, op
        for path in op.paths:
            assert path == "{download_url}" or not path.startswith("/") or path.startswith("/crm/bulk/{version}/"), op
            assert "//" not in path and not path.endswith("/"), op


def test_a_module_placeholder_answers_modules_and_nothing_else():
    route = ("crm", "{version}", "{module}", "{id}")

    def is_module(name: str) -> bool:
        return name == "Leads"

    assert coverage.segments_match(coverage.absolute("{module}/{id}"), route, is_module)
    assert coverage.segments_match(coverage.absolute("Leads/{lead_id}"), route, is_module)
    assert not coverage.segments_match(coverage.absolute("Not_A_Module/{id}"), route, is_module)
    assert not coverage.segments_match(coverage.absolute("{module}/deleted"), route, is_module)
    assert not coverage.segments_match(coverage.absolute("Contacts/roles"), route, is_module)
    assert not coverage.segments_match(coverage.absolute("/crm/bulk/{version}/read"), ("crm", "{version}", "{module}"),
                                       is_module)


def test_served_and_partly_are_counted_per_path():
    ops = {op.page: op for op in OPERATIONS}
    table = coverage.served_routes()
    assert coverage.status(ops["get-records"], table) == coverage.SERVED
    assert coverage.status(ops["get-holidays"], table) in (coverage.PARTLY, coverage.SERVED)
    assert coverage.status(ops["Get-Records-through-COQL-Query"], coverage.served_routes([])) == coverage.NOT_SERVED
    only_list = [Route(("settings", "holidays"), {"GET": Endpoint(lambda call: None, ("settings", None, "READ"))})]
    assert coverage.status(ops["get-holidays"], coverage.served_routes(only_list)) == coverage.PARTLY


def test_the_command_writes_and_checks_the_document(tmp_path):
    target = tmp_path / "coverage.md"
    assert coverage.main(["--check", str(target)]) == 1
    assert coverage.main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == coverage.render()
    assert coverage.main(["--check", str(target)]) == 0
