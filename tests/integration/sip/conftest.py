"""Real SIP peers for the engine's integration tests (fixtures defined in tests/fixtures/)."""

from tests.fixtures.baresip import baresip_phone
from tests.fixtures.kamailio import kamailio
from tests.fixtures.sipp import sipp_uas
from tests.integration.sip.helpers import call_log, engine

__all__ = ["baresip_phone", "call_log", "engine", "kamailio", "sipp_uas"]
