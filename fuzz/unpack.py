#!/usr/bin/env python3
"""Turns a fuzz input into a workspace folder, to replay it with the CLI:

    fuzz/unpack.py workspace fuzz/artifacts/workspace/crash-... /tmp/ws
    cargo run -- check --root /tmp/ws

The fixed files (pamphlet.toml, assets, the ru translation and, for the ftl
target, the campaign) are read out of fuzz_targets/*.rs, so they stay in step.
"""
import pathlib
import re
import sys

here = pathlib.Path(__file__).resolve().parent
target, input_path, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
common = (here / "fuzz_targets/common.rs").read_text()
config = re.search(r'const CONFIG: &str = r#"(.*?)"#;', common, re.S).group(1)
ru = re.search(r'const RU_FTL: &str = "(.*?)";\n', common, re.S).group(1)
ru = ru.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
for d in ["campaigns", "assets", "locales/en", "locales/ar", "locales/ru"]:
    (out / d).mkdir(parents=True, exist_ok=True)
(out / "pamphlet.toml").write_text(config)
(out / "locales/ru/m.ftl").write_text(ru)
repo = here.parent
(out / "assets/mark.svg").write_bytes((repo / "tests/fixtures/mini/assets/mark.svg").read_bytes())
(out / "assets/logo.svg").write_bytes((repo / "assets/logo.svg").read_bytes())
png = re.search(r"const MAP_PNG: &\[u8\] = &\[(.*?)\];", common, re.S).group(1)
(out / "assets/map.png").write_bytes(bytes(int(x, 16) for x in re.findall(r"0x[0-9a-f]+", png)))
data = input_path.read_bytes()
if target == "workspace":
    parts = (data.split(b"\xff", 2) + [b"", b""])[:3]
    names = ["campaigns/c.toml", "locales/en/m.ftl", "locales/ar/m.ftl"]
else:
    src = (here / "fuzz_targets/ftl.rs").read_text()
    campaign = re.search(r'const CAMPAIGN: &str = r#"(.*?)"#;', src, re.S).group(1)
    (out / "campaigns/c.toml").write_text(campaign)
    parts = (data.split(b"\xff", 1) + [b""])[:2]
    names = ["locales/en/m.ftl", "locales/ar/m.ftl"]
for name, part in zip(names, parts):
    (out / name).write_bytes(part)
print(out)
