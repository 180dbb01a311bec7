"""A small integration with Zoho CRM through the official SDK (zohocrmsdk7-0): the kind of code
whose tests ``test_zoho_services.py`` shows.

It retries a call that failed with INTERNAL_ERROR, backs off when Zoho answers
TOO_MANY_REQUESTS, and brings a service back when its temporary unavailability has passed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations
from zohocrmsdk.src.com.zoho.crm.api.record import ActionWrapper, BodyWrapper, Record, RecordOperations
from zohocrmsdk.src.com.zoho.crm.api.users import MinifiedUser
from zohocrmsdk.src.com.zoho.crm.api.util import Choice

SERVICES = "Services__s"


class ZohoError(Exception):
    def __init__(self, status: int, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}


def _error_of(thing: Any) -> tuple[str, str, dict[str, Any]] | None:
    """(code, message, details) of an SDK error object (APIException or a failed item)."""
    code = getattr(thing, "get_code", None)
    if code is None or getattr(thing, "get_status", lambda: None)() is None:
        return None
    status = thing.get_status().get_value()
    if status != "error":
        return None
    return thing.get_code().get_value(), thing.get_message().get_value(), thing.get_details() or {}


class Integration:
    """``retries``: attempts after an INTERNAL_ERROR; ``backoff``: seconds to wait after
    TOO_MANY_REQUESTS (doubled each time, ``max_backoffs`` times at most)."""

    def __init__(self, *, retries: int = 2, backoff: float = 1.0, max_backoffs: int = 3,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_backoffs = max_backoffs
        self.sleep = sleep
        self.waited: list[float] = []

    def _call(self, send: Callable[[], Any]) -> Any:
        failures = backoffs = 0
        while True:
            response = send()
            status = response.get_status_code()
            found = _error_of(response.get_object()) if response.get_object() is not None else None
            if found is None:
                return response
            code, message, details = found
            if code == "INTERNAL_ERROR" and failures < self.retries:
                failures += 1
                continue
            if code == "TOO_MANY_REQUESTS" and backoffs < self.max_backoffs:
                wait = self.backoff * 2**backoffs
                backoffs += 1
                self.waited.append(wait)
                self.sleep(wait)
                continue
            raise ZohoError(status, code, message, details)

    # ---- what the integration does ---------------------------------------------------------

    def org_name(self) -> str:
        response = self._call(lambda: OrgOperations().get_organization())
        return response.get_object().get_org()[0].get_company_name()

    def create_service(self, name: str, member_id: str, **fields: Any) -> str:
        record = Record()
        record.add_key_value("Service_Name", name)
        record.add_key_value("Duration", 60)
        record.add_key_value("Location", Choice("Business Address"))
        record.add_key_value("Availability_Type", Choice("Every Business Days"))
        record.add_key_value("Price", 100.0)
        user = MinifiedUser()
        user.set_id(int(member_id))
        member = Record()
        member.add_key_value("Members", user)
        record.add_key_value("Members", [member])
        for key, value in fields.items():
            record.add_key_value(key, value)
        return self._write(lambda body: RecordOperations(SERVICES).create_records(body), record)

    def mark_unavailable(self, service_id: str, since: datetime, until: datetime) -> None:
        record = Record()
        record.add_key_value("Status", Choice("Temporarily Unavailable"))
        record.add_key_value("Unavailable_From", since)
        record.add_key_value("Unavailable_Till", until)
        self._write(lambda body: RecordOperations(SERVICES).update_record(int(service_id), body), record)

    def describe(self, service_id: str, text: str) -> None:
        """Update the description; when the service's unavailability has passed Zoho refuses
        the update, so make the service available again first."""
        record = Record()
        record.add_key_value("Description", text)
        try:
            self._write(lambda body: RecordOperations(SERVICES).update_record(int(service_id), body), record)
        except ZohoError as refusal:
            if refusal.code != "DEPENDENT_MISMATCH" or refusal.details.get("api_name") != "Unavailable_Till":
                raise
            self.make_available(service_id)
            self._write(lambda body: RecordOperations(SERVICES).update_record(int(service_id), body), record)

    def make_available(self, service_id: str) -> None:
        record = Record()
        record.add_key_value("Status", Choice("Available"))
        record.add_key_value("Unavailable_From", None)
        record.add_key_value("Unavailable_Till", None)
        self._write(lambda body: RecordOperations(SERVICES).update_record(int(service_id), body), record)

    def service(self, service_id: str) -> Record:
        response = self._call(lambda: RecordOperations(SERVICES).get_record(int(service_id)))
        return response.get_object().get_data()[0]

    def _write(self, send: Callable[[BodyWrapper], Any], record: Record) -> str:
        body = BodyWrapper()
        body.set_data([record])
        response = self._call(lambda: send(body))
        answer = response.get_object()
        if not isinstance(answer, ActionWrapper):
            raise ZohoError(response.get_status_code(), "UNEXPECTED", repr(answer))
        (item,) = answer.get_data()
        found = _error_of(item)
        if found is not None:
            raise ZohoError(response.get_status_code(), *found)
        return str(item.get_details()["id"])
