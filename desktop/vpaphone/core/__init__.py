"""The domain core: numbers, cost zones, telephony areas, the call gate, phone share, budgets.

Plain Python only — no Qt, no pjsua2, no network. The test suite enforces this boundary
(import-linter contract in pyproject.toml).
"""
