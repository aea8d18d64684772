"""What an SDP offer asks for, read as text (plain Python: no pjsua2 here)."""

from __future__ import annotations

# RTP payload types with a fixed meaning (RFC 3551) for the codecs the phone offers
_STATIC = {"0": "PCMU/8000", "8": "PCMA/8000", "9": "G722/8000"}
USABLE = frozenset(_STATIC.values())  # as SDP names them (G.722's clock is given as 8000)


def offer_has_usable_audio(sdp: str) -> bool:
    """Whether an audio stream of the offer has a codec the phone can use. A stream whose
    port is 0 (declined) does not count."""
    rtpmaps: dict[str, str] = {}
    audio: list[list[str]] = []
    for raw in sdp.splitlines():
        line = raw.strip()
        if line.startswith("m=audio "):
            fields = line[2:].split()
            if len(fields) >= 4 and fields[1].split("/")[0] != "0":
                audio.append(fields[3:])
        elif line.startswith("a=rtpmap:"):
            pt, _, encoding = line[len("a=rtpmap:") :].partition(" ")
            rtpmaps[pt] = "/".join(encoding.strip().split("/")[:2]).upper()
    usable = {name.upper() for name in USABLE}
    return any((rtpmaps.get(pt) or _STATIC.get(pt, "")) in usable for f in audio for pt in f)


def as_savp_offer(sdp: str) -> str:
    """The offer with its audio stream declared RTP/SAVP (SRTP required) instead of RTP/AVP
    with `a=crypto` (what pjsua offers when SRTP is optional), keys unchanged: for a far end
    that takes only RTP/SAVP. An offer without keys is left as it is."""
    if "a=crypto:" not in sdp:
        return sdp
    out = []
    for line in sdp.splitlines(keepends=True):
        fields = line.split(" ")
        if line.startswith("m=audio ") and len(fields) >= 4 and fields[2] == "RTP/AVP":
            fields[2] = "RTP/SAVP"
        out.append(" ".join(fields))
    return "".join(out)
