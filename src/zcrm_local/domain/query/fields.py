"""What the query languages see of a module's fields: its metadata plus the record ``id`` and
the virtual ``Full_Name`` (``First_Name`` and ``Last_Name`` joined by a space, spec 50 §3.3)."""

from __future__ import annotations

from dataclasses import dataclass

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec, per_module

TEXT = frozenset({"text", "email", "phone", "website", "textarea", "autonumber"})
PICK = frozenset({"picklist"})
NUMBER = frozenset({"integer", "bigint", "double", "decimal", "currency", "percent"})
LOOKUP = frozenset({"lookup", "ownerlookup", "userlookup"})
USER = frozenset({"ownerlookup", "userlookup"})
TIME = frozenset({"date", "datetime"})


@dataclass(frozen=True)
class QField:
    api_name: str
    data_type: str
    # "id" (the record id column), "body" (a key of the JSON body), "full_name" (virtual),
    # "created"/"modified"/"owner" (system columns with their own index).
    kind: str = "body"
    lookup_module: str | None = None
    spec: FieldSpec | None = None

    @property
    def is_textarea(self) -> bool:
        return self.data_type == "textarea"


_COLUMN_KIND = {"Created_Time": "created", "Modified_Time": "modified", "Owner": "owner"}


@per_module
def query_fields(module: ModuleSpec) -> dict[str, QField]:
    """Lower-cased API name → field (names match case-insensitively, spec 50 §8.1)."""
    out: dict[str, QField] = {"id": QField("id", "bigint", "id")}
    names = {f.api_name for f in module.fields}
    for spec in module.fields:
        lookup = spec.lookup_module
        if spec.data_type in (DataType.OWNERLOOKUP, DataType.USERLOOKUP):
            lookup = "Users"
        out[spec.api_name.lower()] = QField(spec.api_name, spec.data_type.value,
                                            _COLUMN_KIND.get(spec.api_name, "body"), lookup, spec)
    if {"First_Name", "Last_Name"} <= names and "full_name" not in out:
        out["full_name"] = QField("Full_Name", "text", "full_name")
    return out


def name_field(module: ModuleSpec) -> QField | None:
    """The field a lookup to this module shows as its ``name``: ``Full_Name`` where it exists,
    else the first mandatory text field (``Account_Name``, ``Deal_Name``…), else none."""
    fields = query_fields(module)
    if "full_name" in fields:
        return fields["full_name"]
    for spec in module.fields:
        if spec.mandatory and spec.data_type == DataType.TEXT:
            return fields[spec.api_name.lower()]
    return None
