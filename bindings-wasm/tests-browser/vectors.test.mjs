// Runs the shared conformance vectors in headless Chromium against the browser ES-module build.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchChromium, serveRepository } from "./server.mjs";

let server;
let browser;
before(async () => {
  server = await serveRepository();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("conformance vectors (headless Chromium)", async (t) => {
  const page = await browser.newPage();
  const logs = [];
  page.on("console", (m) => logs.push(m.text()));
  page.on("pageerror", (e) => logs.push(String(e)));
  await page.goto(`${server.url}/tests/browser.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const error = await page.evaluate(() => window.vectorError ?? null);
  assert.equal(error, null, `the page failed: ${error}\n${logs.join("\n")}`);
  const results = await page.evaluate(() => window.vectorResults);
  assert.ok(results.length > 0, "no vector cases ran");
  for (const r of results) {
    await t.test(`${r.file} :: ${r.name}`, () => assert.deepEqual(r.problems, []));
  }
});
