"""The official v7 SDK's send-mail and from-address operations against a live server (spec 70
§4.2, §4.8): the mail lands in the org's outbox. The SDK has no composite operations (spec 70 §1.1)."""

from __future__ import annotations

import uuid

import pytest
from zohocrmsdk.src.com.zoho.crm.api.from_addresses import FromAddressesOperations
from zohocrmsdk.src.com.zoho.crm.api.from_addresses import ResponseWrapper as FromWrapper
from zohocrmsdk.src.com.zoho.crm.api.record import ActionWrapper as RecordActions
from zohocrmsdk.src.com.zoho.crm.api.record import BodyWrapper as RecordBody
from zohocrmsdk.src.com.zoho.crm.api.record import Record, RecordOperations
from zohocrmsdk.src.com.zoho.crm.api.send_mail import ActionWrapper, BodyWrapper, Data, From, SendMailOperations, To
from zohocrmsdk.src.com.zoho.crm.api.send_mail import SuccessResponse

from zcrm_local.config import Settings
from zcrm_local.service.backend import Backend
from zcrm_local.service.email import outbox
from zcrm_local.store.db import Database

pytestmark = pytest.mark.sdk


def test_send_mail_through_the_sdk_lands_in_the_outbox(sdk):
    made = sdk.server.cli("org", "create", f"SDK Mail {uuid.uuid4().hex[:8]}")
    sdk.init_refresh(made)
    lead = Record()
    lead.add_key_value("Last_Name", "Ng")
    lead.add_key_value("Email", "ng@example.com")
    body = RecordBody()
    body.set_data([lead])
    created = RecordOperations("Leads").create_records(body)
    assert created.get_status_code() == 201
    assert isinstance(created.get_object(), RecordActions)
    record_id = created.get_object().get_data()[0].get_details()["id"]

    got = FromAddressesOperations().get_from_addresses()
    assert got.get_status_code() == 200
    assert isinstance(got.get_object(), FromWrapper)
    primary = got.get_object().get_from_addresses()[0]
    assert (primary.get_type(), primary.get_default()) == ("primary", True)

    sender = From()
    sender.set_user_name("Me")
    sender.set_email(primary.get_email())
    to = To()
    to.set_email("ng@example.com")
    mail = Data()
    mail.set_from(sender)
    mail.set_to([to])
    mail.set_subject("From the SDK")
    mail.set_content("Hello")
    request = BodyWrapper()
    request.set_data([mail])
    response = SendMailOperations(int(record_id), "Leads").send_mail(request)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ActionWrapper)
    (result,) = wrapper.get_data()
    assert isinstance(result, SuccessResponse), vars(result)
    assert result.get_message() == "Your mail has been sent successfully."
    message_id = result.get_details()["message_id"]

    db = Database(sdk.server.database_url)
    try:
        backend = Backend(db=db, settings=Settings(database_url=sdk.server.database_url))
        (sent,) = outbox.messages(backend, int(made["org_id"]))
    finally:
        db.dispose()
    assert (sent["message_id"], sent["subject"], sent["record_id"], sent["to"]) == (
        message_id, "From the SDK", str(record_id), [{"user_name": None, "email": "ng@example.com"}])
