"""What is wrong with the audio devices, before the VPA dials."""

from __future__ import annotations

from vpaphone.audio.problems import AudioProblem, AudioStatus, ProblemKind
from vpaphone.audio.settings import DeviceRole
from vpaphone.texts.translate import translate


def _role_text(role: DeviceRole | None) -> str:
    if role is DeviceRole.MICROPHONE:
        return translate("StatusText", "The chosen microphone is not connected; using %1 instead.")
    if role is DeviceRole.RINGER:
        return translate("StatusText", "The chosen ringer is not connected; using %1 instead.")
    return translate("StatusText", "The chosen speaker/headset is not connected; using %1 instead.")


def audio_problem_text(problem: AudioProblem) -> str:
    if problem.kind is ProblemKind.NO_DEVICES:
        return translate(
            "StatusText",
            "No audio devices found: the sound system (PulseAudio/PipeWire on Linux) may not be "
            "running. Calls can be placed, but nobody will hear anything.",
        )
    if problem.kind is ProblemKind.NO_MICROPHONE:
        return translate("StatusText", "No microphone found: the other party will not hear you.")
    if problem.kind is ProblemKind.NO_SPEAKER:
        return translate(
            "StatusText", "No speaker or headset found: you will not hear the other party."
        )
    return _role_text(problem.role).replace("%1", f"“{problem.fallback or ''}”")


def audio_problems_text(status: AudioStatus) -> str:
    """Every audio problem, one per line, most important first ("" when there is none)."""
    return "\n".join(audio_problem_text(problem) for problem in status.issues)


def audio_moved_text(description: str) -> str:
    """Mid-call, the call's sound moved (the headset was pulled out, or another was chosen)."""
    if not description:
        return translate(
            "StatusText", "No speaker or headset left: you will not hear the other party."
        )
    return translate("StatusText", "Audio moved to %1.").replace("%1", f"“{description}”")
