// Accessibility check of built HTML pages with axe-core in headless
// Chromium, run by tests/cli/build.rs on the sample workspace's output:
//   node axe.mjs OUT_DIR CHROMIUM
// Opens every .html page of OUT_DIR (the review page and each document,
// not the generated previews) at phone and desktop widths, runs axe-core's
// default rules, and prints one line per page and width with the
// violations it found; exits non-zero when any page has one.
import { chromium } from "playwright-core";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [, , out, executablePath] = process.argv;
const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith("_")) walk(path);
    } else if (name.endsWith(".html")) {
      pages.push(path);
    }
  }
})(out);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
let failed = 0;
try {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const path of pages) {
      await page.goto("file://" + path);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map(
          (v) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
        ),
      );
      const name = path.slice(out.length + 1);
      if (violations.length) {
        failed += 1;
        console.log(`violations: ${name} at ${width} px: ${violations.join("; ")}`);
      } else {
        console.log(`ok: ${name} at ${width} px`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
