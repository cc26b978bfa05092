/**
 * The real `isl serve` process (spawned through tsx on the sources): graceful shutdown on SIGTERM
 * with a request in flight (it finishes, new connections are refused, exit 0), the shutdown
 * timeout cutting what is left, and `--workers 2` (node:cluster) answering identically from two
 * processes on one port.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort } from "../../server/test/free-port.js";
import { connectionRefused, httpRequest, spawnServe, waitForStatus } from "./serve-process.js";

function chainBatch(scenarios: number, samples: number): Record<string, unknown> {
  const variables: string[] = [];
  const equations: Record<string, string> = {};
  const distributions: Record<string, unknown> = {};
  for (let i = 0; i < 50; i += 1) {
    variables.push(`V${i}`);
    if (i % 2 === 0) distributions[`V${i}`] = { type: "normal", parameters: { mean: 0, std: 1 } };
    else equations[`V${i}`] = i === 1 ? "V0" : `0.5*V${i - 2} + V${i - 1}`;
  }
  return { model: { variables, equations, distributions }, scenarios: Array.from({ length: scenarios }, (_, i) => ({ id: `s${i}`, intervention: { V1: i } })), outcome: "V49", samples, seed: 3 };
}

/** `body` with every `cache_hit` member removed (it says whether the answering process had the result cached). */
function withoutCacheHit(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutCacheHit);
  if (body === null || typeof body !== "object") return body;
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key]) => key !== "cache_hit").map(([key, value]) => [key, withoutCacheHit(value)]));
}

/** Resolves once the server's worker pool is running a task (the request is in flight, not just sent). */
async function waitUntilComputing(port: number): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const answer = await httpRequest(`http://127.0.0.1:${port}/health/services`);
    if ((JSON.parse(answer.body) as { services: { worker_pool: { busy?: number } } }).services.worker_pool.busy === 1) return;
    await sleep(50);
  }
  throw new Error("the request never reached the worker pool");
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("isl serve: graceful shutdown", () => {
  it("on SIGTERM stops accepting, finishes the request in flight, closes the pool, and exits 0", async () => {
    const port = await freePort();
    const serve = spawnServe(["--port", String(port)], { ISL_WORKER_THREADS: "1" });
    try {
      await serve.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
      await waitForStatus(`http://127.0.0.1:${port}/ready`, 200);
      const inFlight = httpRequest(`http://127.0.0.1:${port}/api/v1/causal/counterfactual/batch`, "POST", chainBatch(4, 1_000_000));
      await waitUntilComputing(port);
      serve.child.kill("SIGTERM");
      await serve.waitFor(/ISL server shutting down: 1 request\(s\) in flight/);
      let answered = false;
      void inFlight.then(() => (answered = true));
      let refused = false;
      for (let i = 0; i < 40 && !refused; i += 1) {
        refused = await connectionRefused(port);
        if (!refused) await sleep(25);
      }
      // New connections are refused while the request is still being computed.
      expect(refused).toBe(true);
      expect(answered).toBe(false);
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe("close");
      expect((JSON.parse(answer.body) as { scenarios: unknown[] }).scenarios).toHaveLength(4);
      expect(await serve.exited).toBe(0);
      expect(serve.stderr()).toMatch(/ISL server stopped\n/);
      expect(serve.stderr()).not.toMatch(/shutdown timeout/);
    } finally {
      serve.child.kill("SIGKILL");
    }
  }, 120_000);

  it("cuts requests still running when ISL_SHUTDOWN_TIMEOUT_SECONDS passes, and still exits 0", async () => {
    const port = await freePort();
    const serve = spawnServe(["--port", String(port)], { ISL_WORKER_THREADS: "1", ISL_SHUTDOWN_TIMEOUT_SECONDS: "1" });
    try {
      await serve.waitFor(/listening on/);
      await waitForStatus(`http://127.0.0.1:${port}/ready`, 200);
      const inFlight = httpRequest(`http://127.0.0.1:${port}/api/v1/causal/counterfactual/batch`, "POST", chainBatch(20, 1_000_000)).then(
        (answer) => answer.status,
        () => "connection cut",
      );
      await waitUntilComputing(port);
      const signalled = performance.now();
      serve.child.kill("SIGTERM");
      expect(await serve.exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(10_000);
      expect(await inFlight).toBe("connection cut");
      expect(serve.stderr()).toMatch(/ISL server stopped \(shutdown timeout: remaining connections were cut\)/);
    } finally {
      serve.child.kill("SIGKILL");
    }
  }, 120_000);
});

describe("isl serve --workers 2", () => {
  it("runs two server processes on one port that answer identically, and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const serve = spawnServe(["--port", String(port), "--workers", "2"], { ISL_WORKER_THREADS: "1" });
    try {
      const [, primary] = await serve.waitFor(/ISL cluster: 2 server processes listening \(primary pid (\d+)\)/);
      // The primary's children running the CLI (tsx may also run an esbuild service child).
      const children = execFileSync("pgrep", ["-P", String(primary), "-f", "bin.ts serve"], { encoding: "utf8" }).trim().split("\n");
      expect(children).toHaveLength(2);
      const request = { model: { variables: ["X", "Y", "U"], equations: { Y: "2*X + U" }, distributions: { U: { type: "normal", parameters: { mean: 0, std: 1 } } } }, intervention: { X: 1 }, outcome: "Y", samples: 2_000, seed: 5 };
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await httpRequest(`http://127.0.0.1:${port}/api/v1/causal/counterfactual`, "POST", request, { "x-request-id": "req_cluster" }));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      // cache_hit says whether this process had computed it before; everything else is identical.
      const bodies = answers.map((a) => JSON.stringify(withoutCacheHit(JSON.parse(a.body))));
      expect(new Set(bodies).size).toBe(1);
      serve.child.kill("SIGTERM");
      expect(await serve.exited).toBe(0);
      expect(serve.stderr()).toMatch(/ISL cluster stopped/);
      for (const pid of children) expect(() => process.kill(Number(pid), 0)).toThrow();
    } finally {
      serve.child.kill("SIGKILL");
    }
  }, 120_000);

  it("refuses a bad --workers value with exit code 2", async () => {
    const serve = spawnServe(["--workers", "0"]);
    expect(await serve.exited).toBe(2);
    expect(serve.stderr()).toMatch(/Invalid --workers '0': expected an integer from 1 to 64/);
  }, 60_000);
});
