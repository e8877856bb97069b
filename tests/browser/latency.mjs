// Save → reload latency of `pamphlet serve` in headless Chromium, for
// bench/serve_bench.py (not a test):
//   node latency.mjs URL PAGE FTL_FILE MESSAGE_ID EDITS CHROMIUM [GAP_MS]
// Opens URL+PAGE, then EDITS times: saves FTL_FILE with MESSAGE_ID's value
// changed to a new marker (an editor's save: write a new file, rename it
// over the old one) and waits until the page shows the marker. With GAP_MS,
// the edits are rapid instead: one every GAP_MS whatever the page does,
// then a wait for the last marker. Prints JSON: the latency of each edit in
// ms (the rapid mode: of the last), the responses with an error status the
// page's reloads got, and how many times the error overlay was seen.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [, , url, pagePath, ftl, id, edits, executablePath, gap] = process.argv;
const original = readFileSync(ftl, "utf8");
const line = new RegExp("^" + id + " = .*$", "m");
if (!line.test(original)) throw new Error(`no single-line message ${id} in ${ftl}`);

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const latencies = [];
const errors = [];
let overlays = 0;
try {
  const page = await browser.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url + pagePath);
  await page.waitForFunction(() => window.__pamphletServeEvents.includes("open"), null, { timeout: 120_000 });
  const save = (marker) => {
    writeFileSync(ftl + ".bench-save", original.replace(line, `${id} = ${marker}`));
    renameSync(ftl + ".bench-save", ftl);
  };
  const shows = (m) => {
    if (document.querySelector("#pamphlet-serve")?.shadowRoot?.querySelector(".overlay")) {
      window.__benchOverlay = true;
    }
    return document.body && document.body.innerText.includes(m);
  };
  if (gap) {
    let marker = "";
    for (let i = 1; i <= Number(edits); i++) {
      marker = `Rapid edit ${i} ${Date.now()}`;
      save(marker);
      await new Promise((r) => setTimeout(r, Number(gap)));
    }
    const started = performance.now();
    await page.waitForFunction(shows, marker, { timeout: 300_000, polling: "raf" });
    latencies.push(performance.now() - started);
  }
  for (let i = 1; !gap && i <= Number(edits); i++) {
    const marker = `Bench edit ${i} ${Date.now()}`;
    const started = performance.now();
    save(marker);
    await page.waitForFunction(shows, marker, { timeout: 300_000, polling: "raf" });
    latencies.push(performance.now() - started);
    if (await page.evaluate(() => window.__benchOverlay === true)) overlays++;
    // the next edit starts once the page is listening again
    await page.waitForFunction(() => window.__pamphletServeEvents.includes("open"), null, { timeout: 120_000 });
  }
} finally {
  writeFileSync(ftl, original);
  await browser.close();
}
console.log(JSON.stringify({ latencies, errors, overlays }));
