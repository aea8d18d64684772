"""The SIP password never shows up in a config's text form (logs, tracebacks, diagnose)."""

from __future__ import annotations

from vpaphone.sip.config import SipAccountConfig


def test_password_is_not_in_repr_or_str() -> None:
    config = SipAccountConfig(domain="vpa.test", username="vpa-1", password="s3cr3t-Pa55")
    assert "s3cr3t-Pa55" not in repr(config)
    assert "s3cr3t-Pa55" not in str(config)
    assert "vpa-1" in repr(config)  # the rest is still there for support
