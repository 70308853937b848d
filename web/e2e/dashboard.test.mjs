// Browser end-to-end test of dyad's dashboard: a real `dyad serve` on a
// loopback port over a database built from the repository's example articles,
// driven in Debian's headless Chromium by playwright-core.
// Run by scripts/test.sh (after `cargo build`); screenshots go to ../artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "../..");
const bin = process.env.DYAD_BIN || join(root, "target", "debug", "dyad");
const artifacts = join(root, "artifacts");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
let server, browser, page, base;

before(async () => {
  assert.ok(existsSync(bin), `dyad binary not found at ${bin}: run cargo build first`);
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: install Debian's chromium (scripts/test.sh does)`);
  mkdirSync(artifacts, { recursive: true });
  const db = join(mkdtempSync(join(tmpdir(), "dyad-e2e-")), "e2e.db");
  execFileSync(bin, ["ingest", join(root, "examples", "articles"), "--db", db], { stdio: "inherit" });
  server = spawn(bin, ["serve", "--db", db, "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("server did not report its address within 20 s")), 20000);
    let buf = "";
    server.stdout.on("data", (d) => {
      buf += d;
      const m = buf.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on("exit", (code) => fail(new Error(`server exited early with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  page.on("pageerror", (err) => { throw err; });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("dashboard shows the RUS–PRK timeline and a period's events lead to the sentence", async () => {
  await page.goto(`${base}/`);
  await page.fill("#dyad-a", "RUS");
  await page.fill("#dyad-b", "PRK");
  await page.press("#dyad-b", "Escape"); // close the autocomplete list
  await page.selectOption("#by", "month");
  await page.click("#show-dyad");
  const bars = page.locator("#timeline g.bar");
  await bars.first().waitFor({ state: "attached", timeout: 10000 });
  const periods = await bars.evaluateAll((gs) => gs.map((g) => g.dataset.period));
  assert.ok(periods.includes("2023-09"), `timeline periods: ${periods}`);
  assert.ok(periods.includes("2024-06"), `timeline periods: ${periods}`);
  await page.screenshot({ path: join(artifacts, "dashboard.png"), fullPage: true });

  await page.locator('#timeline g.bar[data-period="2023-09"]').click();
  const row = page.locator("#period-events tr.clickable").first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
  const sentence = page.locator(".report .sentence").first();
  await sentence.waitFor({ timeout: 10000 });
  assert.ok(await page.locator(".report mark.trigger").count() > 0, "trigger highlighted");
  assert.ok(await page.locator(".report mark.actor").count() > 0, "actors highlighted");
  await page.screenshot({ path: join(artifacts, "event.png"), fullPage: true });
});

test("the map shows event places", async () => {
  await page.goto(`${base}/#/map`);
  await page.locator(".map svg path.country").first().waitFor({ timeout: 10000 });
  assert.ok(await page.locator(".map svg path.country").count() > 100);
  await page.screenshot({ path: join(artifacts, "map.png"), fullPage: true });
});

test("pasting an article codes it live", async () => {
  await page.goto(`${base}/#/code`);
  await page.fill("#code-text", "Iranian Foreign Minister Abbas Araghchi met Omani officials in Muscat on Sunday. "
    + "Israeli warplanes struck targets in southern Lebanon on Monday, the Lebanese army said.");
  await page.fill("#code-date", "2025-04-14");
  await page.click("#code-run");
  await page.locator("#code-result tr.coded-event").first().waitFor({ timeout: 15000 });
  const types = await page.locator("#code-result tr.coded-event td:first-child").allTextContents();
  assert.ok(types.includes("CONSULT") || types.includes("ASSAULT"), `coded types: ${types}`);
  await page.screenshot({ path: join(artifacts, "code.png"), fullPage: true });
});
