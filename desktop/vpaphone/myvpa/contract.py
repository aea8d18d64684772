"""The my-vpa OpenAPI contract (resources/api/myvpa-openapi.json) as a validator.

Client and demo server validate against the same document, so neither can drift from it.
It is JSON rather than YAML because the app loads it at every start: `json` parses it in
0.2 ms, PyYAML took 53 ms and ~1 MB of memory for its import and parse.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from vpaphone.myvpa.errors import ContractViolationError
from vpaphone.paths import resource

CONTRACT_URI = "urn:vpaphone:myvpa-openapi"
_PATH_PARAM = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # template, e.g. /tasks/{task_id}/telephony-area
    spec: dict[str, Any]

    def url_path(self, **params: str) -> str:
        return _PATH_PARAM.sub(lambda m: params[m.group(1)], self.path)

    def match(self, method: str, path: str) -> dict[str, str] | None:
        """Path parameters if `method path` is this operation, else None."""
        want, got = self.path.strip("/").split("/"), path.strip("/").split("/")
        if method != self.method or len(want) != len(got):
            return None
        params: dict[str, str] = {}
        for pattern, segment in zip(want, got, strict=True):
            if pattern.startswith("{"):
                params[pattern[1:-1]] = segment
            elif pattern != segment:
                return None
        return params


class Contract:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._registry: Registry[Any] = Registry().with_resource(
            CONTRACT_URI, DRAFT202012.create_resource(document)
        )
        self.operations: dict[str, Operation] = {}
        for path, item in document["paths"].items():
            for method, spec in item.items():
                self.operations[spec["operationId"]] = Operation(
                    spec["operationId"], method.upper(), path, spec
                )

    def validator(self, pointer: str) -> Draft202012Validator:
        return _validator(self, pointer)

    def schema_pointer(self, operation_id: str, status: int) -> str | None:
        """JSON pointer of the response body schema for `status`, None if no body is defined."""
        responses = self.operations[operation_id].spec["responses"]
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            return None
        response = responses[key]
        operation = self.operations[operation_id]
        base = f"/paths/{_escape(operation.path)}/{operation.method.lower()}/responses/{key}"
        if "$ref" in response:
            base = response["$ref"].lstrip("#")
            response = self.resolve(base)
        for media_type in ("application/json", "application/problem+json"):
            if media_type in response.get("content", {}):
                return f"{base}/content/{_escape(media_type)}/schema"
        return None

    def is_documented(self, operation_id: str, status: int) -> bool:
        responses = self.operations[operation_id].spec["responses"]
        return any(k in responses for k in (str(status), f"{str(status)[0]}XX"))

    def resolve(self, pointer: str) -> dict[str, Any]:
        node: Any = self.document
        for part in pointer.strip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        result: dict[str, Any] = node
        return result

    def check(self, pointer: str, instance: object, what: str) -> None:
        """Raise ContractViolationError saying where (not what) `instance` breaks the schema."""
        error = next(iter(self.validator(pointer).iter_errors(instance)), None)
        if error is not None:
            where = error.json_path
            raise ContractViolationError(
                f"{what} does not match the my-vpa contract at {where} ({error.validator})",
                code="contract_violation",
            )

    def errors(self, pointer: str, instance: object) -> list[str]:
        """All violations as short texts (the demo server reports them to the client)."""
        return [
            f"{e.json_path}: {e.message[:200]}"
            for e in self.validator(pointer).iter_errors(instance)
        ][:10]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@functools.cache
def _validator(contract: Contract, pointer: str) -> Draft202012Validator:
    schema = {"$ref": f"{CONTRACT_URI}#{pointer}"}
    return Draft202012Validator(schema, registry=contract._registry)


@functools.cache
def load_contract() -> Contract:
    text = resource("api", "myvpa-openapi.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return Contract(document)
