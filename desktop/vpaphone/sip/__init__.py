"""The SIP engine: the only package (with `vpaphone.audio` and `vpaphone.demo`) that uses pjsua2.

The rest of the app uses one narrow interface, Qt signals out and plain methods in:

    engine = SipEngine(store.calls, media_handler=bridge)   # on the Qt thread
    engine.registration_changed.connect(...)   # RegistrationUpdate(state, sip_status, …)
    engine.call_changed.connect(...)           # CallUpdate(call_id, state, …, end_reason)
    engine.incoming_call.connect(...)          # IncomingCall(call_id, caller_e164, display)
    engine.command_failed.connect(...)         # CommandFailure(call_id, command, cause, code)
    engine.start(SipAccountConfig(...))
    call_id = engine.dial(destination, task_id, area, zone)
    engine.hangup / answer / reject / set_mute / hold / resume / send_dtmf / transfer
    engine.shutdown()                          # before the app quits (an exit hook also runs)

Outcomes are codes (`RegistrationState`, `EndReason`, SIP statuses, `FailureCause`), never
prose: the UI words them in its language.

Two threads, one module set each (`vpaphone.threads` checks the entry points):
- Qt thread: `engine.py` (`SipEngine`), `callbook.py` (each call's state and record, written
  through the `CallLog`), `calltimers.py` (ring timeouts, heartbeat);
- engine thread, the only one that touches pjsua2: `loop.py` (`EngineLoop`: the thread, its
  queue and wake-up, the Endpoint), `calls.py` (`EngineCall`/`EngineCalls`: calls, their
  callbacks and commands), `callmedia.py` (call audio, the `CallMediaHandler` hooks),
  `accounts.py` (registration, incoming calls), `params.py` (pure pjsua2 parameter builders);
- either: plain data (`events.py`, `updates.py`, `reasons.py`, `config.py`, `uri.py`).
Anything else that must touch pjsua2 objects goes through `engine.run_in_engine(fn)`.
"""
