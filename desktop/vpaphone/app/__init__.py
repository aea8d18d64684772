"""Application services: what the softphone does, without its widgets (QtCore only).

`AppServices` (services.py) builds them for one backend: `session`, `tasks`, `work`, `phone`,
`sync`, `requests`, `history`. Widgets depend on the narrow service they need, call its
methods and listen to its typed signals; they never reach through one service to another.
my-vpa work runs on the `NetWorker` thread as plain functions (`jobs.py`); everything else
here runs on the Qt (GUI) thread.
"""
