"""Client of my-vpa: contract, HTTPS transport, session and keychain, offline cache, upload.

No Qt, no pjsua2 (import-linter): the app maps these plain results onto the UI and SIP engine.
"""
