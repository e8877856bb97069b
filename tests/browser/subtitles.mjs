// Loads WebVTT files as the <track default> of a <video> in headless
// Chromium, for tests/subtitles_reference.rs:
//   node subtitles.mjs CHROMIUM SCREENSHOT FILE=LANG...
// Each file is served from a made-up origin through Playwright's request
// interception (nothing leaves the machine). Prints one JSON array: per file
// the track's readyState (2 is loaded, 3 failed to load) and its cues as
// the browser parsed them (identifier, times in milliseconds, raw text and
// the text the cue displays). SCREENSHOT, unless "-", is a PNG path: the
// first file's first cue is then shown over a blank video (a canvas
// stream, so no codec is needed) and the page is saved there.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [, , executablePath, screenshot, ...files] = process.argv;
const ORIGIN = "http://subtitles.pamphlet.test";
const WAIT = { timeout: 60_000 };

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--autoplay-policy=no-user-gesture-required"],
});
const results = [];
try {
  for (const [i, spec] of files.entries()) {
    const [file, lang] = spec.split("=");
    const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
    page.on("pageerror", (e) => console.error("page error: " + e.message));
    await page.route(ORIGIN + "/**", (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/cues.vtt") {
        return route.fulfill({ status: 200, contentType: "text/vtt; charset=utf-8", body: readFileSync(file) });
      }
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html><body style="margin:0;background:#333">
<video width="640" height="360" muted><track default kind="subtitles" srclang="${lang}" label="${lang}" src="/cues.vtt"></video>
</body></html>`,
      });
    });
    await page.goto(ORIGIN + "/index.html");
    await page.waitForFunction(() => document.querySelector("track").readyState >= 2, null, WAIT);
    const result = await page.evaluate(() => {
      const track = document.querySelector("track");
      const cues = Array.from(track.track.cues || []);
      return {
        readyState: track.readyState,
        mode: track.track.mode,
        cues: cues.map((c) => ({
          id: c.id,
          start: Math.round(c.startTime * 1000),
          end: Math.round(c.endTime * 1000),
          raw: c.text,
          text: c.getCueAsHTML().textContent,
        })),
      };
    });
    results.push({ file, lang, ...result });
    if (i === 0 && screenshot !== "-") {
      // a black canvas as the video; its clock starts at 0, inside the first cue
      await page.evaluate(async () => {
        const canvas = document.createElement("canvas");
        canvas.width = 640;
        canvas.height = 360;
        const g = canvas.getContext("2d");
        g.fillStyle = "#000";
        g.fillRect(0, 0, 640, 360);
        const video = document.querySelector("video");
        video.srcObject = canvas.captureStream(10);
        await video.play();
      });
      await page.waitForFunction(() => document.querySelector("track").track.activeCues?.length > 0, null, WAIT);
      // two frames, so the active cue is laid out and painted
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: screenshot });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
