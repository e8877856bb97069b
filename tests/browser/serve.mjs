// End-to-end check of `pamphlet serve` in headless Chromium, run by
// tests/cli/serve.rs against a copy of tests/fixtures/mini that a server is
// already serving:
//   node serve.mjs URL WORKSPACE CHROMIUM
// Edits a translation and waits for the page to reload with the new text
// (scroll position kept, a page of another locale not reloaded), breaks the
// source locale and waits for the overlay, fixes it and waits for the
// overlay to go; the fixture's fallback is shown in the notes panel
// whenever no failure is. Prints one line per step; exits non-zero on the first
// failure. Waits are bounded by Playwright's timeouts, nothing is timed.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";

const [, , url, workspace, executablePath] = process.argv;
const WAIT = { timeout: 120_000 };
const ru = join(workspace, "locales/ru/notice.ftl");
const en = join(workspace, "locales/en/notice.ftl");

// an editor's save: a new file renamed over the old one
function save(path, text) {
  writeFileSync(path + ".tmp-save", text);
  renameSync(path + ".tmp-save", path);
}

function step(text) {
  console.log("ok: " + text);
}

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 240 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("page error: " + e.message));
  const other = await context.newPage();
  await page.goto(url + "notice/ru/flyer.html");
  await other.goto(url + "notice/en/flyer.html");
  const connected = () => window.__pamphletServeEvents.includes("open");
  await page.waitForFunction(connected, null, WAIT);
  await other.waitForFunction(connected, null, WAIT);
  const before = await page.textContent("h1");
  if (!before.includes("Зарегистрируйте адрес")) throw new Error("unexpected title: " + before);
  step("the Russian page is served: " + before.trim());

  // the fixture's Russian lacks notice-step-two: the build used a fallback,
  // which the page says in a corner panel, not an overlay
  const notes = page.locator("#pamphlet-serve .notes");
  await notes.waitFor({ state: "visible", ...WAIT });
  if ((await page.locator("#pamphlet-serve .overlay").count()) !== 0) throw new Error("an overlay for a build that worked");
  const noted = await notes.textContent();
  if (!noted.includes("1 fallback") || !noted.includes("notice-step-two → en")) throw new Error("the notes do not name the fallback: " + noted);
  await notes.getByRole("button", { name: "Show" }).click();
  await notes.locator("pre").waitFor({ state: "visible", ...WAIT });
  step("the build's fallback is shown in the notes panel: " + noted.split("Show")[0].trim());

  // scrolled down, and the other page marked so a reload would show
  await page.evaluate(() => window.scrollTo(0, 120));
  const scrolled = await page.evaluate(() => window.scrollY);
  if (scrolled <= 0) throw new Error("the page does not scroll at this size");
  await other.evaluate(() => { window.__notReloaded = true; });
  await page.evaluate(() => { window.__notReloaded = true; });

  save(ru, readFileSync(ru, "utf8").replace("notice-title = Зарегистрируйте адрес", "notice-title = Живая правка"));
  await page.waitForFunction(() => !window.__notReloaded && document.querySelector("h1")?.textContent.includes("Живая правка") && window.__pamphletServeEvents.includes("open"), null, WAIT);
  step("after saving locales/ru/notice.ftl the page reloaded with the new title");
  const kept = await page.evaluate(() => window.scrollY);
  if (Math.abs(kept - scrolled) > 2) throw new Error(`scroll position ${scrolled} became ${kept}`);
  step(`the scroll position was kept (${kept} px)`);
  // the English page heard of the same build ("ok") without reloading
  await other.waitForFunction(() => window.__pamphletServeEvents.includes("ok"), null, WAIT);
  if (!(await other.evaluate(() => window.__notReloaded === true))) throw new Error("the English page reloaded");
  step("the English page was told of the build and did not reload");

  const good = readFileSync(en, "utf8");
  save(en, good + "\nbroken-entry = { $days\n");
  const overlay = page.locator("#pamphlet-serve .overlay");
  await overlay.waitFor({ state: "visible", ...WAIT });
  const shown = await overlay.textContent();
  if (!/locales\/en\/notice\.ftl:\d+:\d+/.test(shown)) throw new Error("the overlay has no file:line:col: " + shown);
  if (!shown.includes("broken-entry")) throw new Error("the overlay has no snippet: " + shown);
  step("a syntax error in the source locale shows the overlay: " + shown.split("\n").find((l) => l.includes("-->")).trim());
  const stillThere = await page.textContent("h1");
  if (!stillThere.includes("Живая правка")) throw new Error("the last good page is gone: " + stillThere);
  await other.locator("#pamphlet-serve .overlay").waitFor({ state: "visible", ...WAIT });
  step("every open page shows it, over the last good build's page");
  if ((await notes.count()) !== 0) throw new Error("the notes stayed beside the overlay");

  save(en, good);
  await overlay.waitFor({ state: "detached", ...WAIT });
  await other.locator("#pamphlet-serve .overlay").waitFor({ state: "detached", ...WAIT });
  step("fixing the file removes the overlay");
  await notes.waitFor({ state: "visible", ...WAIT });
  step("and the notes of the good build come back: " + (await notes.textContent()).split("Show")[0].trim());

  const home = await context.newPage();
  await home.goto(url);
  await home.waitForFunction(connected, null, WAIT);
  step("/ serves the review page: " + (await home.title()));
} finally {
  await browser.close();
}
