"""What differs between Linux, Windows and macOS, behind one seam per concern.

- `policy`: settings IT enforces (Windows Group Policy registry key, macOS managed preferences,
  Linux's managed `myvpa.json`), parsed by plain code that is unit-tested on every platform.
- `autostart`: start at login (XDG autostart entry, Windows Run value, macOS LaunchAgent).
- `fileopen`: macOS hands `tel:`/`sip:`/`callto:` links to a running app as QFileOpenEvent.

The only calls this Linux machine cannot run are the registry reads and writes: each sits in
one small function (`policy.read_registry_values`, `autostart.WinregRunKey`), while what is
read or written, and where, is decided by code the tests run here.
"""
