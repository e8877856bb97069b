#!/usr/bin/env python3
"""How well the sample's printed documents fill their pages (issue 13).

For every PDF of a built output folder (flyers, leaflets, brochures; slides
are left out), each surface is measured: a flyer side or brochure page is a
page, a leaflet sheet is cut into its three panels (97 | 100 | 100 mm
outside, 100 | 100 | 97 mm inside, mirrored in right-to-left documents).
The pages are rendered with `pdftoppm` (trim box, 40 dpi, RGB) and each
surface's rows are sorted into ink and background: its background is its
most common light colour (white, or the soft field of a back panel), and a
row holds ink when a pixel differs from it. A dark colour field (a cover)
is ink.

Figures, as the issue's table has them:

  reach    the share of the surface's height down to its last row of ink
           (median over all surfaces; target >= 0.75)
  half     surfaces whose reach is below 0.5 (target <= 10 %)
  blank    pages without any ink (target 0)
  band     the largest run of background rows between ink, as a share of
           the surface's height (target <= 1/3)
  text     the smallest font size of any text, from `pdftohtml -xml`
           (poppler rounds to whole points), and the share of surfaces
           whose last line of text reaches below half the surface

  python3 bench/print_fill.py out            # after `pamphlet build`
  python3 bench/print_fill.py out --worst 8  # and the 8 least filled surfaces

Standard library and poppler-utils only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DPI = 40
RTL = {"ar", "fa", "he", "ur", "ps", "ckb", "ar-XB"}
# a leaflet's panels in physical order, left to right (left-to-right text)
LEAFLET = [[97, 100, 100], [100, 100, 97]]
TOLERANCE = 40  # sum of channel differences that still counts as background


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    # P6 <w> <h> <max>\n<bytes>
    fields = []
    i = 0
    while len(fields) < 4:
        while data[i : i + 1].isspace():
            i += 1
        if data[i : i + 1] == b"#":
            i = data.index(b"\n", i) + 1
            continue
        j = i
        while not data[j : j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    assert fields[0] == b"P6", fields[0]
    return int(fields[1]), int(fields[2]), data[i + 1 :]


def render(pdf: Path, tmp: Path) -> list[Path]:
    stem = tmp / "p"
    for old in tmp.glob("p-*.ppm"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-cropbox", str(pdf), str(stem)],
        check=True,
    )
    return sorted(tmp.glob("p-*.ppm"))


def trim_box(pdf: Path) -> list[tuple[float, float, float, float]]:
    """Per page: the TrimBox inside the CropBox, in points (x0, y0, x1, y1)."""
    out = subprocess.run(
        ["pdfinfo", "-box", "-f", "1", "-l", "999", str(pdf)],
        check=True, capture_output=True, text=True,
    ).stdout
    boxes: dict[int, dict[str, list[float]]] = {}
    for m in re.finditer(r"Page\s+(\d+)\s+(\w+Box):\s+([\d.\s-]+)", out):
        boxes.setdefault(int(m[1]), {})[m[2]] = [float(v) for v in m[3].split()]
    return [(b["TrimBox"][0] - b["CropBox"][0], b["CropBox"][3] - b["TrimBox"][3],
             b["TrimBox"][2] - b["CropBox"][0], b["CropBox"][3] - b["TrimBox"][1])
            for _, b in sorted(boxes.items())]


def measure(width: int, pixels: bytes, x0: int, x1: int, y0: int, y1: int) -> dict:
    """Reach, largest inner band and blankness of one surface."""
    counts: dict[bytes, int] = {}
    for y in range(y0, y1, 2):
        row = (y * width) * 3
        for x in range(x0, x1, 2):
            px = pixels[row + 3 * x : row + 3 * x + 3]
            counts[px] = counts.get(px, 0) + 1
    # the background is the most common light colour (white, or a back
    # panel's soft field); a dark field (a cover) is ink
    light = {px: n for px, n in counts.items() if min(px) >= 200}
    if not light:
        return {"reach": 1.0, "band": 0.0, "blank": False}
    bg = max(light, key=light.get)
    ink_rows = []
    for y in range(y0, y1):
        row = (y * width) * 3
        ink = False
        for x in range(x0, x1):
            i = row + 3 * x
            if abs(pixels[i] - bg[0]) + abs(pixels[i + 1] - bg[1]) + abs(pixels[i + 2] - bg[2]) > TOLERANCE:
                ink = True
                break
        ink_rows.append(ink)
    height = y1 - y0
    rows = [i for i, ink in enumerate(ink_rows) if ink]
    if not rows:
        return {"reach": 0.0, "band": 1.0, "blank": True}
    band = run = 0
    for ink in ink_rows[rows[0] : rows[-1] + 1]:
        run = 0 if ink else run + 1
        band = max(band, run)
    return {"reach": (rows[-1] + 1) / height, "band": band / height, "blank": False}


def text_reach(pdf: Path) -> dict[int, list[tuple[float, float, float]]]:
    """Per page: (x-centre, bottom, font size) of every line of text, in points
    from the trim box (pdftohtml's coordinates are the crop box's)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", "-q", str(pdf)],
        check=True, capture_output=True, text=True,
    ).stdout
    sizes = {m[1]: float(m[2]) for m in re.finditer(r'<fontspec id="(\d+)" size="([\d.-]+)"', xml)}
    pages: dict[int, list] = {}
    page = 0
    for m in re.finditer(r'<page number="(\d+)"|<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)"', xml):
        if m[1]:
            page = int(m[1])
        else:
            top, left, w, h = (float(v) for v in m.group(2, 3, 4, 5))
            pages.setdefault(page, []).append((left + w / 2, top + h, sizes[m[6]]))
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the output folder of a build")
    ap.add_argument("--worst", type=int, default=0, help="list this many least filled surfaces")
    args = ap.parse_args()
    pdfs = sorted(p for p in args.out.glob("*/*/*.pdf")
                  if any(k in p.stem for k in ("flyer", "leaflet", "brochure")))
    if not pdfs:
        print(f"no flyer, leaflet or brochure PDFs under {args.out}", file=sys.stderr)
        return 2
    surfaces = []
    pages = blank_pages = 0
    smallest = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for pdf in pdfs:
            locale = pdf.parent.name
            rtl = locale in RTL or locale.split("-")[0] in RTL
            leaflet = "leaflet" in pdf.stem
            boxes = trim_box(pdf)
            lines = text_reach(pdf)
            for n, ppm in enumerate(render(pdf, tmp), start=1):
                width, height, pixels = read_ppm(ppm)
                scale = DPI / 72
                tx0, ty0, tx1, ty1 = (round(v * scale) for v in boxes[n - 1])
                pages += 1
                if leaflet:
                    widths = LEAFLET[(n - 1) % 2]
                    if rtl:
                        widths = widths[::-1]
                    total = sum(widths)
                    edges, x = [], 0
                    for w in widths:
                        edges.append((x / total, (x + w) / total))
                        x += w
                else:
                    edges = [(0.0, 1.0)]
                page_ink = False
                for i, (a, b) in enumerate(edges):
                    x0 = tx0 + round(a * (tx1 - tx0))
                    x1 = tx0 + round(b * (tx1 - tx0))
                    m = measure(width, pixels, x0, x1, ty0, ty1)
                    page_ink |= not m["blank"]
                    # the lowest line of text of this surface (trim-relative points)
                    left_pt, top_pt = boxes[n - 1][0], boxes[n - 1][1]
                    w_pt = boxes[n - 1][2] - left_pt
                    h_pt = boxes[n - 1][3] - top_pt
                    own = [(bottom - top_pt) / h_pt for (cx, bottom, _) in lines.get(n, [])
                           if a <= (cx - left_pt) / w_pt < b]
                    m["text"] = max(own, default=0.0)
                    m["name"] = f"{pdf.relative_to(args.out)} p{n}" + (f" panel {i + 1} (left)" if leaflet else "")
                    surfaces.append(m)
                if not page_ink:
                    blank_pages += 1
            smallest = min([smallest] + [s for ls in lines.values() for (_, _, s) in ls])
    reach = [s["reach"] for s in surfaces]
    half = sum(1 for r in reach if r < 0.5)
    text_half = sum(1 for s in surfaces if s["text"] < 0.5)
    bands = [s["band"] for s in surfaces if not s["blank"]]
    print(f"documents {len(pdfs)}, pages {pages}, surfaces {len(surfaces)}")
    print(f"median reach (ink)           {statistics.median(reach):.2f}   (target >= 0.75)")
    print(f"median reach (text)          {statistics.median(s['text'] for s in surfaces):.2f}")
    print(f"surfaces under half (ink)    {half} of {len(surfaces)} ({100 * half / len(surfaces):.0f} %)   (target <= 10 %)")
    print(f"surfaces under half (text)   {text_half} of {len(surfaces)} ({100 * text_half / len(surfaces):.0f} %)")
    print(f"blank pages                  {blank_pages} of {pages}   (target 0)")
    print(f"largest inner empty band     {max(bands, default=0):.2f} (median {statistics.median(bands) if bands else 0:.2f})   (target <= 0.33)")
    print(f"smallest text                {smallest:g} pt (pdftohtml, whole points)")
    # the same figures per kind of document: a flyer's sides, a leaflet's
    # panels and a brochure's pages fill in different ways
    print("by kind                      surfaces  median reach  under half  largest band")
    for kind in ("flyer", "leaflet", "brochure"):
        own = [s for s in surfaces if kind in s["name"].split(" ")[0]]
        if not own:
            continue
        r = [s["reach"] for s in own]
        b = [s["band"] for s in own if not s["blank"]]
        under = sum(1 for x in r if x < 0.5)
        print(f"  {kind:<26} {len(own):>8}  {statistics.median(r):>12.2f}  {under:>4} ({100 * under / len(own):.0f} %)  {max(b, default=0):>12.2f}")
    if args.worst:
        print("least filled:")
        for s in sorted(surfaces, key=lambda s: s["reach"])[: args.worst]:
            print(f"  {s['reach']:.2f} ink {s['text']:.2f} text band {s['band']:.2f}  {s['name']}")
        print("largest bands:")
        for s in sorted(surfaces, key=lambda s: -s["band"])[: args.worst]:
            print(f"  {s['band']:.2f}  {s['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
