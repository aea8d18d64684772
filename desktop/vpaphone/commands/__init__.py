"""Command-line sub-commands. Each module has `configure(parser)` and `run(args) -> int`.

Modules are imported lazily so that e.g. `check-number` never loads Qt or pjsua2.
"""
