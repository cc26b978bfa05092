/**
 * The browser bundles give the same bytes as Node. Builds the package with its own tsup config,
 * serves `dist/` and a test page from a loopback HTTP server, drives Debian's Chromium through
 * playwright-core, and runs every operation's example request plus a few more `causal/validate`
 * requests (confounding, latent nodes, a cycle, a schema failure, an unknown id) through both the
 * ESM bundle (`<script type="module">`) and the IIFE (`window.ISL`). Each result's
 * `JSON.stringify` must equal, byte for byte, the one that core's `runOperation` (and
 * `toErrorEnvelope` for failures) gives in Node for the same request and request id.
 *
 * Needs `/usr/bin/chromium` (Debian: `apt-get install -y chromium`); `CHROMIUM_PATH` overrides it.
 * Without it the test fails and says so: it is never skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findOperation, operations as operationTable, withoutVolatileFields, type OperationId } from "@olumi/contracts";
import { isIslError, runOperation, toErrorEnvelope } from "@olumi/isl-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type BrowserApi = typeof import("../src/index.js");

declare global {
  interface Window {
    /** The IIFE bundle's global. */
    ISL: BrowserApi;
    /** The ESM bundle's namespace, set by the test page's module script. */
    ISL_ESM: BrowserApi;
    islReady?: boolean;
  }
}

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(PACKAGE_DIR, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One request to run in both engines. `requestId` absent ⇒ the id derived from the request's hash. */
interface Case {
  name: string;
  id: string;
  request: string;
  requestId?: string;
}

const EXTRA_VALIDATE_REQUESTS: { name: string; request: unknown }[] = [
  {
    name: "confounder Z of X and Y, with a mediator",
    request: {
      dag: { nodes: ["X", "Y", "Z", "M"], edges: [["Z", "X"], ["Z", "Y"], ["X", "M"], ["M", "Y"]] },
      treatment: "X",
      outcome: "Y",
    },
  },
  {
    name: "latent confounder U, measured proxy W (not identifiable by adjustment)",
    request: {
      dag: { nodes: ["X", "Y", "U", "W"], edges: [["U", "X"], ["U", "Y"], ["U", "W"], ["X", "Y"]], latent: ["U"] },
      treatment: "X",
      outcome: "Y",
    },
  },
  {
    name: "latent nodes via observed: L is unobserved, {A, B} still blocks every back-door path",
    request: {
      dag: {
        nodes: ["A", "B", "L", "M", "X", "Y"],
        edges: [["L", "A"], ["L", "Y"], ["A", "X"], ["B", "X"], ["B", "Y"], ["X", "M"], ["M", "Y"]],
      },
      treatment: "X",
      outcome: "Y",
      observed: ["A", "B", "M", "X", "Y"],
      max_results: 5,
    },
  },
  {
    name: "cyclic graph",
    request: { dag: { nodes: ["A", "B", "C"], edges: [["A", "B"], ["B", "C"], ["C", "A"]] }, treatment: "A", outcome: "C" },
  },
  {
    name: "treatment of the wrong type (zod's own English message)",
    request: { dag: { nodes: ["A", "B"], edges: [["A", "B"]] }, treatment: 5, outcome: "B", max_results: 0 },
  },
  {
    name: "edge to an unknown node (schema failure)",
    request: { dag: { nodes: ["A", "B"], edges: [["A", "Q"]] }, treatment: "A", outcome: "B" },
  },
];

const CASES: Case[] = [
  ...operationTable.map((op, i) => ({ name: `${op.id} example`, id: op.id, request: JSON.stringify(op.example), requestId: `req_example_${i}` })),
  ...operationTable.map((op) => ({ name: `${op.id} example, derived request id`, id: op.id, request: JSON.stringify(op.example) })),
  ...EXTRA_VALIDATE_REQUESTS.map(({ name, request }, i) => ({
    name: `causal/validate: ${name}`,
    id: "causal/validate",
    request: JSON.stringify(request),
    requestId: `req_validate_${i}`,
  })),
  { name: "unknown operation id", id: "causal/no-such-operation", request: "{}", requestId: "req_unknown_op" },
];

/** A result's JSON with the operation's volatile members (PLoT's timestamp, processing time) removed; unchanged bytes otherwise. */
function stable(c: Case, text: string): string {
  const op = findOperation(c.id);
  if (!op?.volatileFields) return text;
  const parsed = JSON.parse(text) as { ok: boolean; value?: unknown; body?: unknown };
  if (!parsed.ok) return text;
  return JSON.stringify({ ...parsed, ...("value" in parsed ? { value: withoutVolatileFields(op, parsed.value) } : {}), ...("body" in parsed ? { body: withoutVolatileFields(op, parsed.body) } : {}) });
}

/** What `run` gave, as comparable JSON: the response, or the thrown error's identity. */
function runInNode(c: Case): string {
  try {
    const options = c.requestId === undefined ? {} : { requestId: c.requestId };
    return JSON.stringify({ ok: true, value: runOperation(c.id as OperationId, JSON.parse(c.request), options) });
  } catch (error) {
    if (!isIslError(error)) throw error;
    return JSON.stringify({ ok: false, name: error.name, code: error.code, message: error.message });
  }
}

/** What `runSafe` must give, built from core alone. Error cases always carry an explicit request id here. */
function runSafeInNode(c: Case): string {
  const options = c.requestId === undefined ? {} : { requestId: c.requestId };
  try {
    return JSON.stringify({ ok: true, status: 200, body: runOperation(c.id as OperationId, JSON.parse(c.request), options) });
  } catch (error) {
    const { status, body } = toErrorEnvelope(error, c.requestId ?? "");
    return JSON.stringify({ ok: false, status, body });
  }
}

const PAGE = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>ISL bundles</title>
<link rel="icon" href="data:,">
<script src="/isl.iife.js"></script>
<script type="module">
import * as esm from "/index.js";
window.ISL_ESM = esm;
window.islReady = true;
</script>
</head>
<body></body>
</html>
`;

const CONTENT_TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".map": "application/json" };

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    }
    const file = join(DIST, path);
    const ext = path.slice(path.lastIndexOf("."));
    if (!file.startsWith(DIST + "/") || !existsSync(file) || !(ext in CONTENT_TYPES)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

function buildBundles(): void {
  const require = createRequire(import.meta.url);
  const tsupPackage = require.resolve("tsup/package.json");
  const bin = (JSON.parse(readFileSync(tsupPackage, "utf8")) as { bin: Record<string, string> }).bin.tsup ?? "dist/cli-default.js";
  try {
    execFileSync(process.execPath, [join(dirname(tsupPackage), bin)], { cwd: PACKAGE_DIR, stdio: "pipe", timeout: 90_000 });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`tsup build of @olumi/isl-browser failed:\n${String(e.stdout ?? "")}\n${String(e.stderr ?? "")}`);
  }
}

interface PageResult {
  bundle: "esm" | "iife";
  run: string;
  safe: string;
}

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
const results = new Map<string, PageResult[]>();
let pageOperationIds: { esm: string[]; iife: string[] } = { esm: [], iife: [] };
/** Why the setup failed; every test rethrows it, so a missing Chromium fails each test by name, never skips it. */
let setupError: unknown;

function requireSetup(): void {
  if (setupError !== undefined) throw setupError;
}

async function setUp(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser-bundle tests run in Debian's Chromium: install it with ` +
        "`apt-get update && apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  buildBundles();
  server = await serve();
  const { port } = server.address() as AddressInfo;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.islReady === true, undefined, { timeout: 20_000 });

  const inPage = await page.evaluate((cases: Case[]) => {
    const out: { name: string; bundle: "esm" | "iife"; run: string; safe: string }[] = [];
    const bundles = [
      ["esm", window.ISL_ESM],
      ["iife", window.ISL],
    ] as const;
    for (const c of cases) {
      const options = c.requestId === undefined ? {} : { requestId: c.requestId };
      for (const [bundle, api] of bundles) {
        let run: string;
        try {
          run = JSON.stringify({ ok: true, value: api.run(c.id as never, JSON.parse(c.request), options) });
        } catch (error) {
          const e = error as { name: string; code: string; message: string };
          run = JSON.stringify({ ok: false, name: e.name, code: e.code, message: e.message });
        }
        const safe = JSON.stringify(api.runSafe(c.id as never, JSON.parse(c.request), options));
        out.push({ name: c.name, bundle, run, safe });
      }
    }
    return out;
  }, CASES);
  for (const r of inPage) results.set(r.name, [...(results.get(r.name) ?? []), r]);
  pageOperationIds = await page.evaluate(() => ({
    esm: window.ISL_ESM.operations.map((op) => op.id),
    iife: window.ISL.operations.map((op) => op.id),
  }));
}

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

describe("browser bundles in Chromium", () => {
  it("load without page errors and list every operation of the table", () => {
    requireSetup();
    expect(pageErrors).toEqual([]);
    const ids = operationTable.map((op) => op.id);
    expect(pageOperationIds).toEqual({ esm: ids, iife: ids });
  });

  it("are self-contained: no import or require of another module is left in them", () => {
    requireSetup();
    for (const file of ["index.js", "isl.iife.js"]) {
      const code = readFileSync(join(DIST, file), "utf8");
      expect(code, file).not.toMatch(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'][^"']+["']/);
      expect(code, file).not.toMatch(/\brequire\(\s*["'][^"']+["']\s*\)/);
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: same bytes as Node", (_name, c) => {
    requireSetup();
    const expectedRun = runInNode(c);
    const pageResults = results.get(c.name) ?? [];
    expect(pageResults.map((r) => r.bundle)).toEqual(["esm", "iife"]);
    for (const r of pageResults) {
      expect(stable(c, r.run), `${r.bundle} run`).toBe(stable(c, expectedRun));
      if (c.requestId !== undefined || JSON.parse(expectedRun).ok === true) expect(stable(c, r.safe), `${r.bundle} runSafe`).toBe(stable(c, runSafeInNode(c)));
    }
  });

  it("answer the table's examples with responses, and bad requests with the right error envelopes", () => {
    requireSetup();
    const safeOf = (name: string) => JSON.parse(results.get(name)?.[0]?.safe ?? "null") as { ok: boolean; status: number; body: { code?: string; validation_failures?: string[] } };
    for (const op of operationTable) expect(safeOf(`${op.id} example`)).toMatchObject({ ok: true, status: 200 });
    expect(safeOf("causal/validate: cyclic graph")).toMatchObject({ ok: false, status: 400, body: { code: "ISL_DAG_CYCLIC" } });
    expect(safeOf("causal/validate: edge to an unknown node (schema failure)")).toMatchObject({ ok: false, status: 422, body: { code: "ISL_VALIDATION_ERROR" } });
    expect(safeOf("causal/validate: treatment of the wrong type (zod's own English message)")).toMatchObject({
      ok: false,
      status: 422,
      body: { code: "ISL_VALIDATION_ERROR", validation_failures: [expect.stringMatching(/^body\.treatment: Invalid input: expected string/), expect.stringMatching(/^body\.max_results: /)] },
    });
    expect(safeOf("unknown operation id")).toMatchObject({ ok: false, status: 404, body: { code: "ISL_ROUTE_NOT_FOUND" } });
  });
});
