/**
 * ReDoc really renders, offline, under the page's Content-Security-Policy: Debian's Chromium
 * (through playwright-core, as the browser package's tests) opens `/redoc` on a loopback server with
 * every request to any other host aborted, and must show the operations of `/openapi.json` with no
 * CSP violation reported but the blocked Redocly badge image (an external image, refused by design). Needs `/usr/bin/chromium` (`CHROMIUM_PATH` overrides it; the root `test`
 * script installs it through scripts/ensure-chromium.sh); without it the test fails and says so.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { operations } from "@olumi/contracts";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/index.js";
import { quietApp } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/ensure-chromium.sh) or set CHROMIUM_PATH`);
  const app = quietApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, apiKeys: ["k-1"], authEnabled: true } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe("ReDoc in Chromium", () => {
  it("renders every operation from the local bundle with no request leaving loopback and no CSP violation", async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const violations: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${base}/redoc`, { waitUntil: "load" });
    const validate = operations.find((op) => op.id === "causal/validate")!;
    await page.locator("h2", { hasText: validate.summary }).first().waitFor({ timeout: 30_000 });
    const text = await page.evaluate(() => document.body.textContent ?? "");
    for (const op of operations) expect(text, op.id).toContain(op.summary);
    expect(text).toContain("X-API-Key");
    expect(outside).toEqual([]);
    // ReDoc's "API docs by Redocly" badge is an image on its CDN: the policy blocks it (nothing
    // leaves the machine), which is the only refusal allowed; scripts, styles and workers all run.
    expect(violations.filter((v) => !/Loading the image 'https:\/\/cdn\.redoc\.ly\/.*"img-src /.test(v))).toEqual([]);
    await page.close();
  }, 60_000);
});
