"""Facts about the linked PJSIP, for `vpaphone diagnose` (no endpoint is started)."""

from __future__ import annotations

import pjsua2 as pj


def pjproject_version() -> str:
    endpoint = pj.Endpoint()
    try:
        return str(endpoint.libVersion().full)
    finally:
        pj._pjsua2.delete_Endpoint(endpoint)
