#!/usr/bin/env python3
"""Benchmark `pamphlet serve` on a copy of the sample workspace.

Measures, with medians:

  latency   save of one .ftl file -> the page in headless Chromium shows the
            new text (tests/browser/latency.mjs; an editor's save, i.e. a new
            file renamed over the old one), EDITS times
  rapid     RAPID edits one every GAP ms without waiting: error responses
            (404, 5xx) the page's reloads got and overlays seen (target 0)
  checkout  rebuilds after a `git checkout` that changes 50 files (target 1),
            ROUNDS times back and forth
  memory    resident memory of the server after the first build and after
            REBUILDS more (edits without a browser)

Needs Chromium and `npm ci --prefix tests/browser`; git for the checkout
figure. Uses target/release/pamphlet when it exists, else target/debug/pamphlet
(say which in a report: debug builds are several times slower).

  python3 bench/serve_bench.py --edits 20 --rounds 5 --rebuilds 50
  python3 bench/serve_bench.py --preset national   # bench.py's generated workspace
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import bench  # noqa: E402  (the generator of synthetic workspaces)

BROWSER = REPO / "tests" / "browser"
# the page, the file and the message the latency figure edits: the sample's
PAGE = "rights/ru/brochure.html"
FTL = "locales/ru/rights.ftl"
MESSAGE = "rights-subtitle"


def use_generated(ws: Path, preset: str):
    """A synthetic workspace of bench.py; the figures edit one translation
    of its first campaign."""
    global PAGE, FTL, MESSAGE
    c, l, m = bench.PRESETS[preset]
    bench.generate(ws, c, l, m)
    lang = bench.LANGS[1]
    PAGE, FTL, MESSAGE = f"c000/{lang}/flyer.html", f"locales/{lang}/c000.ftl", "c000-flyer-1"


def binary(explicit):
    if explicit:
        return Path(explicit)
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "pamphlet"
        if path.is_file():
            return path
    sys.exit("no pamphlet binary: cargo build --release")


def copy_sample(to: Path, formats):
    shutil.copy(REPO / "pamphlet.toml", to / "pamphlet.toml")
    for folder in ("campaigns", "locales", "assets", "templates", "fonts"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, to / folder)
    if formats:
        settings = (to / "pamphlet.toml").read_text()
        settings = re.sub(r"^formats = .*$", "formats = " + json.dumps(formats), settings, flags=re.M)
        (to / "pamphlet.toml").write_text(settings)


class Server:
    """`pamphlet serve` on a free port; its stderr lines, timestamped."""

    def __init__(self, exe: Path, root: Path):
        self.proc = subprocess.Popen(
            [str(exe), "--root", str(root), "serve", "--port", "0"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines = []
        self.url = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        self.ready.wait()
        if not self.url:
            sys.exit("serve did not start:\n" + "".join(l for _, l in self.lines))

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line))
            m = re.search(r"serving (http://\S+)", line)
            if m:
                self.url = m.group(1)
                self.ready.set()
        self.ready.set()

    def count(self, prefix):
        return sum(1 for _, l in self.lines if l.startswith(prefix))

    def ends(self):
        """Builds that ended: a summary, nothing to do, or a failure."""
        return sum(1 for _, l in self.lines
                   if l.startswith(("built ", "no input changed", "error: ")))

    def wait_builds(self, n):
        while self.ends() < n:
            time.sleep(0.02)

    def rss_kib(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait()


def latency(server, root, edits, gap=None):
    args = ["node", str(BROWSER / "latency.mjs"), server.url, PAGE, str(root / FTL), MESSAGE,
            str(edits), os.environ.get("PAMPHLET_CHROMIUM", "/usr/bin/chromium")]
    if gap is not None:
        args.append(str(gap))
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit("latency.mjs failed:\n" + out.stdout + out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def checkout_rounds(server, root, rounds, settle):
    """Commits a branch that changes 50 files, then checks it out and back."""
    git(root, "init", "-q", "-b", "main")
    # as in a real repository: the output and what builds leave beside it
    # (staging folders, the old tree being removed) are not versioned
    (root / ".gitignore").write_text("/out/\n/out.lock\n/.out.*\n")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "add", "-A", ".")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-qm", "base")
    git(root, "checkout", "-q", "-b", "burst")
    changed = sorted(p for p in (root / "locales").rglob("*") if p.is_file())
    changed += sorted((root / "campaigns").glob("*.toml"))
    for p in changed[:50]:
        p.write_text(p.read_text() + "\n# touched by the checkout bench\n")
    extra = 50 - min(50, len(changed))
    for i in range(extra):
        (root / "locales" / "en" / f"bench-{i:02}.ftl").write_text(f"bench-extra-{i} = x\n")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "add", "-A", ".")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-qm", "50 files")
    git(root, "checkout", "-q", "main")
    # the branch switches above were rebuilt too: let them settle
    time.sleep(settle)
    builds = []
    for i in range(rounds):
        before = server.count("changed:") + server.count("the output folder is missing")
        ended = server.ends()
        git(root, "checkout", "-q", "burst" if i % 2 == 0 else "main")
        server.wait_builds(ended + 1)
        # any further build of the same checkout would start within this
        time.sleep(settle)
        builds.append(server.count("changed:") + server.count("the output folder is missing") - before)
    git(root, "checkout", "-q", "main")
    time.sleep(settle)
    return builds


def memory(server, root, rebuilds):
    path = root / FTL
    original = path.read_text()
    first = server.rss_kib()
    for i in range(rebuilds):
        ended = server.ends()
        path.write_text(re.sub(rf"^{MESSAGE} = .*$", f"{MESSAGE} = memory {i}", original, flags=re.M))
        server.wait_builds(ended + 1)
    path.write_text(original)
    return first, server.rss_kib()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", help="the pamphlet binary (default: target/release, else target/debug)")
    ap.add_argument("--formats", nargs="*", help="override the sample's formats (e.g. html txt)")
    ap.add_argument("--preset", choices=bench.PRESETS, help="a workspace generated by bench.py instead of the sample")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--rapid", type=int, default=100)
    ap.add_argument("--gap", type=int, default=30, help="ms between rapid edits")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--settle", type=float, default=2.0, help="s to wait for further builds")
    ap.add_argument("--rebuilds", type=int, default=50)
    args = ap.parse_args()

    exe = binary(args.binary)
    print(f"binary: {exe}")
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        root = Path(tmp)
        if args.preset:
            use_generated(root / "ws", args.preset)
            root = root / "ws"
        else:
            copy_sample(root, args.formats)
        server = Server(exe, root)
        try:
            print(f"serving {server.url}; first build done")
            lat = latency(server, root, args.edits)
            ms = lat["latencies"]
            print(f"latency: save -> new text shown, {len(ms)} edits: median {statistics.median(ms):.0f} ms"
                  f" (min {min(ms):.0f}, max {max(ms):.0f}); error responses {len(lat['errors'])},"
                  f" overlays {lat['overlays']}")
            rapid = latency(server, root, args.rapid, args.gap)
            print(f"rapid: {args.rapid} edits {args.gap} ms apart: error responses {len(rapid['errors'])}"
                  f" {rapid['errors'][:3]}, overlays {rapid['overlays']}, last text shown"
                  f" {rapid['latencies'][0]:.0f} ms after the last edit")
            if shutil.which("git"):
                builds = checkout_rounds(server, root, args.rounds, args.settle)
                print(f"checkout: rebuilds per git checkout of 50 files: {builds}, median {statistics.median(builds)}")
            first, last = memory(server, root, args.rebuilds)
            print(f"memory: RSS {first / 1024:.1f} MiB before, {last / 1024:.1f} MiB after {args.rebuilds} more rebuilds"
                  f" ({(last - first) / first * 100:+.1f} %)")
        finally:
            code = server.stop()
            print(f"serve exited with {code} after {server.count('changed:')} rebuilds")


if __name__ == "__main__":
    main()
