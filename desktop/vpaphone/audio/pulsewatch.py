"""Which PulseAudio devices exist, from the sound server itself (Linux; libpulse via ctypes).

Qt 6.12's PulseAudio backend does not report a device that goes away: an unloaded sink stays
in `QMediaDevices.audioOutputs()` until another device is added (measured with null sinks:
tests/integration/audio/test_audio_pulsewatch.py). PulseAudio meanwhile moves the call's stream
to another device by itself, so a headset pulled out mid-call would go unnoticed. `PulseDevices`
subscribes to the server's sink and source events and, after each device that comes or goes,
reports the names of the devices present; `audio.stream` then leaves a device Qt still lists
but the server no longer has. Without libpulse or a server (Windows, macOS, no sound server)
it stays off, and Qt's own device signals are all there is.

libpulse calls back on its own thread: the callbacks only collect names and emit the Qt signal
(queued to the Qt thread). The thread runs while a call has audio (`start`/`stop`), and stops
at interpreter exit at the latest (a callback into a finalising interpreter would crash).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import itertools
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_READY, _FAILED, _TERMINATED = 4, 5, 6  # pa_context_state
_NOAUTOSPAWN = 0x0001  # pa_context_flags: never start a server of our own
_MASK_SINK, _MASK_SOURCE = 0x0001, 0x0002  # pa_subscription_mask
_FACILITY_MASK, _TYPE_MASK = 0x000F, 0x0030  # pa_subscription_event_type
_FACILITY_SINK, _FACILITY_SOURCE = 0x0000, 0x0001
_TYPE_CHANGE = 0x0010  # volume, idle/running: not a device coming or going

_STATE_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_EVENT_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32, ctypes.c_void_p)
# (context, const pa_sink_info* / pa_source_info*, eol, userdata): both structs start with `name`
_INFO_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)


@dataclass(frozen=True, slots=True)
class DevicesPresent:
    """Device names (PulseAudio's, which are Qt's device ids) the server has now."""

    sinks: frozenset[str]
    sources: frozenset[str]


def _load() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("pulse")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)  # CDLL: calls release the GIL (callbacks may need it)
    except OSError:
        return None
    vp = ctypes.c_void_p
    for fn, res, args in (
        ("pa_threaded_mainloop_new", vp, []),
        ("pa_threaded_mainloop_get_api", vp, [vp]),
        ("pa_threaded_mainloop_start", ctypes.c_int, [vp]),
        ("pa_threaded_mainloop_stop", None, [vp]),
        ("pa_threaded_mainloop_free", None, [vp]),
        ("pa_threaded_mainloop_lock", None, [vp]),
        ("pa_threaded_mainloop_unlock", None, [vp]),
        ("pa_context_new", vp, [vp, ctypes.c_char_p]),
        ("pa_context_set_state_callback", None, [vp, _STATE_CB, vp]),
        ("pa_context_set_subscribe_callback", None, [vp, _EVENT_CB, vp]),
        ("pa_context_connect", ctypes.c_int, [vp, ctypes.c_char_p, ctypes.c_int, vp]),
        ("pa_context_get_state", ctypes.c_int, [vp]),
        ("pa_context_subscribe", vp, [vp, ctypes.c_int, vp, vp]),
        ("pa_context_get_sink_info_list", vp, [vp, _INFO_CB, vp]),
        ("pa_context_get_source_info_list", vp, [vp, _INFO_CB, vp]),
        ("pa_context_disconnect", None, [vp]),
        ("pa_context_unref", None, [vp]),
        ("pa_operation_unref", None, [vp]),
    ):
        function = getattr(lib, fn)
        function.restype = res
        function.argtypes = args
    return lib


class PulseDevices(QObject):
    """Emits `present(DevicesPresent)` once connected and after each device comes or goes."""

    present = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = _load()
        self._loop: int | None = None
        self._context: int | None = None
        self._queries = itertools.count(1)
        self._collecting: dict[int, tuple[list[str], list[str], list[int]]] = {}
        # the C callbacks must live as long as the context may call them
        self._on_state = _STATE_CB(self._state)
        self._on_event = _EVENT_CB(self._event)
        self._on_sink = _INFO_CB(self._sink)
        self._on_source = _INFO_CB(self._source)

    @property
    def available(self) -> bool:
        return self._lib is not None

    def start(self) -> None:
        lib = self._lib
        if lib is None or self._loop is not None:
            return
        loop = lib.pa_threaded_mainloop_new()
        if not loop:
            return
        context = lib.pa_context_new(lib.pa_threaded_mainloop_get_api(loop), b"vpaphone")
        if not context:
            lib.pa_threaded_mainloop_free(loop)
            return
        lib.pa_context_set_state_callback(context, self._on_state, None)
        if lib.pa_context_connect(context, None, _NOAUTOSPAWN, None) < 0:
            lib.pa_context_unref(context)
            lib.pa_threaded_mainloop_free(loop)
            log.info("no PulseAudio server to watch devices on")
            return
        self._loop, self._context = loop, context
        atexit.register(self.stop)
        if lib.pa_threaded_mainloop_start(loop) < 0:
            self.stop()

    def stop(self) -> None:
        lib, loop, context = self._lib, self._loop, self._context
        if lib is None or loop is None or context is None:
            return
        self._loop = self._context = None
        atexit.unregister(self.stop)
        lib.pa_threaded_mainloop_lock(loop)
        lib.pa_context_disconnect(context)
        lib.pa_context_unref(context)
        lib.pa_threaded_mainloop_unlock(loop)
        lib.pa_threaded_mainloop_stop(loop)
        lib.pa_threaded_mainloop_free(loop)
        self._collecting.clear()

    # --- on libpulse's thread (it holds the main loop's lock) ------------------------------------

    def _state(self, context: int, _userdata: int) -> None:
        try:
            lib = self._lib
            assert lib is not None
            state = lib.pa_context_get_state(context)
            if state == _READY:
                lib.pa_context_set_subscribe_callback(context, self._on_event, None)
                self._unref(
                    lib.pa_context_subscribe(context, _MASK_SINK | _MASK_SOURCE, None, None)
                )
                self._query(context)
            elif state in (_FAILED, _TERMINATED):
                log.debug("PulseAudio device watch ended (state %d)", state)
        except Exception:  # never into libpulse
            log.exception("PulseAudio state callback failed")

    def _event(self, context: int, kind: int, _index: int, _userdata: int) -> None:
        try:
            facility = kind & _FACILITY_MASK
            if facility in (_FACILITY_SINK, _FACILITY_SOURCE) and kind & _TYPE_MASK != _TYPE_CHANGE:
                self._query(context)
        except Exception:
            log.exception("PulseAudio event callback failed")

    def _query(self, context: int) -> None:
        lib = self._lib
        assert lib is not None
        query = next(self._queries)
        self._collecting[query] = ([], [], [0])
        self._unref(lib.pa_context_get_sink_info_list(context, self._on_sink, query))
        self._unref(lib.pa_context_get_source_info_list(context, self._on_source, query))

    def _sink(self, _context: int, info: int, eol: int, query: int) -> None:
        self._collect(info, eol, query, 0)

    def _source(self, _context: int, info: int, eol: int, query: int) -> None:
        self._collect(info, eol, query, 1)

    def _collect(self, info: int, eol: int, query: int, which: int) -> None:
        try:
            lists = self._collecting.get(query)
            if lists is None:
                return
            if eol == 0 and info:
                name = ctypes.cast(info, ctypes.POINTER(ctypes.c_char_p))[0]
                if name:
                    lists[which].append(name.decode("utf-8", "replace"))
                return
            if eol < 0:  # the server failed the query: no half lists
                del self._collecting[query]
                return
            lists[2][0] += 1
            if lists[2][0] == 2:  # both lists complete
                del self._collecting[query]
                self.present.emit(DevicesPresent(frozenset(lists[0]), frozenset(lists[1])))
        except Exception:
            log.exception("PulseAudio device list callback failed")

    def _unref(self, operation: int | None) -> None:
        if operation and self._lib is not None:
            self._lib.pa_operation_unref(operation)
