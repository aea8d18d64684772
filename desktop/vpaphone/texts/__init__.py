"""Every sentence the VPA reads about an outcome, in the UI language: one place per text.

Lower layers (core, sip, myvpa, audio, app) report codes and parameters; these modules turn
them into sentences for the window and for the command line alike. Plain Python: the UI
makes them speak German through Qt's translator (`translate.use_qt`); without it (the CLI,
logs) they speak English, the source language of the `.ts` file.
"""
