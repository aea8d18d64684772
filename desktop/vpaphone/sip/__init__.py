"""The SIP engine: the only package (with `vpaphone.audio` and `vpaphone.demo`) that uses pjsua2.

The rest of the app uses one narrow interface, Qt signals out and plain methods in:

    engine = SipEngine(store.calls, media_handler=bridge)   # on the Qt thread
    engine.registration_changed.connect(...)   # RegistrationUpdate(state, reason, sip_status)
    engine.call_changed.connect(...)           # CallUpdate(call_id, state, …, end_reason)
    engine.incoming_call.connect(...)          # IncomingCall(call_id, caller_e164, display)
    engine.start(SipAccountConfig(...))
    call_id = engine.dial(destination, task_id, area, zone)
    engine.hangup / answer / reject / set_mute / hold / resume / send_dtmf / transfer
    engine.shutdown()                          # before the app quits (an exit hook also runs)

Threading: pjsua2 lives on the engine's own thread (`worker.py` says why, with figures).
`CallMediaHandler` methods run on that thread; anything else that must touch pjsua2 objects
(e.g. creating an `AudioMediaPort` on `engine.endpoint`) goes through
`engine.run_in_engine(fn)`. Call records are written through the `CallLog` on the Qt thread.

"""
