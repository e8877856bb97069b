"""Parses SRT files with the `srt` library (PyPI), independent of pamphlet,
for tests/subtitles_reference.rs:
    python3 srt_check.py FILE...
Prints one JSON array: per file its cues (counter, times in milliseconds,
content). The library is strict: a malformed block raises and the script
exits non-zero with the error.
"""

import json
import sys

import srt


def millis(delta):
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000


out = []
for name in sys.argv[1:]:
    # newline="" keeps the CRLF line ends for the parser to see
    with open(name, encoding="utf-8", newline="") as f:
        text = f.read()
    cues = [
        {
            "index": s.index,
            "start": millis(s.start),
            "end": millis(s.end),
            "content": s.content,
        }
        for s in srt.parse(text, ignore_errors=False)
    ]
    out.append({"file": name, "crlf": "\r\n" in text, "bom": text.startswith("\ufeff"), "cues": cues})
json.dump(out, sys.stdout, ensure_ascii=False)
