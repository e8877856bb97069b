// The slideshow of a slides document in headless Chromium, for
// tests/cli/channels.rs:  node slides.mjs CHROMIUM LTR.html RTL.html
// Prints one "ok: …" line per check passed; exits 1 at the first failure.
// Checks: keys move through the slides (forward is ← in a right-to-left
// deck), the address follows, kiosk mode hides the controls and loops,
// nothing scrolls sideways at 360 and 1280 px, every slide's text fits its
// slide, and axe-core finds no accessibility violation.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [, , executablePath, ltr, rtl] = process.argv;
const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
function check(ok, what, detail) {
  if (!ok) {
    console.log(`failed: ${what}: ${JSON.stringify(detail)}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}
try {
  for (const [file, dir] of [[ltr, "ltr"], [rtl, "rtl"]]) {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: width < 500 ? 740 : 720 } });
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto("file://" + file);
      const deck = () => page.evaluate(() => [window.pamphletDeck.current(), location.hash, document.querySelector(".deck-count").textContent]);
      const count = await page.evaluate(() => document.querySelectorAll(".slide").length);
      await page.keyboard.press(dir === "rtl" ? "ArrowLeft" : "ArrowRight");
      check((await deck())[0] === 2, `${dir} ${width}px: the forward arrow shows slide 2`, await deck());
      await page.keyboard.press("End");
      const end = await deck();
      check(end[0] === count && end[1] === `#slide-${count}` && end[2] === `${count} / ${count}`, `${dir} ${width}px: End shows the last slide and the address follows`, end);
      await page.keyboard.press("Home");
      check((await deck())[0] === 1, `${dir} ${width}px: Home shows the first slide`, await deck());
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(sideways <= 0, `${dir} ${width}px: nothing scrolls sideways`, sideways);
      for (let n = 1; n <= count; n++) {
        await page.keyboard.press(n === 1 ? "Home" : "PageDown");
        const over = await page.evaluate(() => {
          const b = document.querySelector(".slide.current .slide-body");
          return b.scrollHeight - b.clientHeight;
        });
        check(over <= 1, `${dir} ${width}px: slide ${n} fits`, over);
      }
      const results = await page.evaluate(async (source) => {
        eval(source);
        return (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
      }, axe);
      check(results.length === 0, `${dir} ${width}px: axe-core finds no violations`, results);
      check(errors.length === 0, `${dir} ${width}px: no script errors`, errors);
      await page.close();
    }
  }
  // kiosk mode: every second here, controls and languages hidden, looping
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto("file://" + ltr + "#kiosk=1");
  const count = await page.evaluate(() => document.querySelectorAll(".slide").length);
  const hidden = await page.evaluate(() => [".deck-controls", ".languages"].map((s) => getComputedStyle(document.querySelector(s)).display));
  check(hidden.every((d) => d === "none"), "kiosk: the controls and the language bar are hidden", hidden);
  const seen = [];
  for (let i = 0; i <= count; i++) {
    seen.push(await page.evaluate(() => window.pamphletDeck.current()));
    await page.waitForTimeout(1000);
  }
  const advanced = seen.slice(1).every((n, i) => n === (seen[i] % count) + 1);
  check(advanced, "kiosk: advances one slide a second and loops after the last", seen);
} finally {
  await browser.close();
}
