/**
 * Load test of the HTTP service with autocannon, on loopback only: `GET /health`,
 * `POST /api/v1/causal/validate` (5 nodes) and `POST /api/v1/causal/counterfactual` (5-node linear
 * SCM, 1,000 samples), each at full speed (10 connections) and at a fixed 200 requests/s, for a
 * fixed duration (`LOAD_TEST_SECONDS`, default 4 s per run after a 2 s warm-up, once `/ready` says the worker pool is up), with the memory
 * cache alone and, when Redis is there (`REDIS_URL`, or a `redis-server` on PATH started here on a
 * free loopback port without persistence), with Redis behind it. Requests are identical within a
 * run, so deterministic operations are answered from the cache after the first one: this is the
 * repeated-call case the cache exists for.
 *
 * Baselines in the same run: a bare node:http server and a bare Express 5 app answering a fixed
 * JSON body under the same load (the floors of any HTTP and any Express service here). Reference: upstream's recorded medians on this
 * machine (3.0, 5.5 and 4.9 ms). Latencies are autocannon's per-response times (fractional ms),
 * percentiles computed here. The server's CPU time per request (all its threads, from
 * `process.cpuUsage` in the server process) is the figure least disturbed by other load on the
 * machine. Servers run in child processes; everything stops by itself.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/load-test.ts
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../../packages/server/test/free-port.js";
import { printTable } from "../support/timing.js";

const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? "4");
const WARMUP_SECONDS = 2;
const CONNECTIONS = 10;
const FIXED_RATE = 200;
/**
 * Connections of the fixed-rate runs. autocannon paces each connection with its own timer, so ten
 * connections at 20 requests/s each arrive in bursts of ten and measure queueing behind the burst;
 * two connections at 100/s each give the evenly spaced 200 requests/s the latency target is about.
 */
const FIXED_RATE_CONNECTIONS = 2;
/** Upstream medians (ms) recorded on this machine, from issue 5. */
const UPSTREAM_MS: Record<string, number> = { "/health": 3.0, "causal/validate": 5.5, "causal/counterfactual": 4.9 };

const validateRequest = {
  dag: {
    nodes: ["Price", "Brand", "Revenue", "CustomerAcquisition", "Season"],
    edges: [["Price", "Revenue"], ["Brand", "Price"], ["Brand", "Revenue"], ["CustomerAcquisition", "Revenue"], ["Season", "Price"], ["Season", "CustomerAcquisition"]],
  },
  treatment: "Price",
  outcome: "Revenue",
};

const normal = { type: "normal", parameters: { mean: 0, std: 1 } };
const counterfactualRequest = {
  model: {
    variables: ["X0", "X1", "X2", "X3", "X4"],
    equations: { X1: "0.5 * X0 + U1", X2: "0.8 * X1 - 0.3 * X0 + U2", X3: "0.4 * X1 + U3", X4: "0.6 * X2 + 0.7 * X3 + U4" },
    distributions: { X0: normal, U1: normal, U2: normal, U3: normal, U4: normal },
  },
  intervention: { X0: 1 },
  outcome: "X4",
  samples: 1000,
  seed: 7,
};

interface Workload {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}

const WORKLOADS: Workload[] = [
  { name: "/health", method: "GET", path: "/health" },
  { name: "causal/validate", method: "POST", path: "/api/v1/causal/validate", body: JSON.stringify(validateRequest) },
  { name: "causal/counterfactual", method: "POST", path: "/api/v1/causal/counterfactual", body: JSON.stringify(counterfactualRequest) },
];

interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** One autocannon run; latencies of the 2xx responses collected here at full resolution. */
async function load(url: string, w: Workload, seconds: number, rate: number | undefined): Promise<RunFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${w.path}`,
        method: w.method,
        body: w.body,
        headers: w.body === undefined ? {} : { "content-type": "application/json" },
        connections: rate === undefined ? CONNECTIONS : FIXED_RATE_CONNECTIONS,
        duration: seconds,
        ...(rate === undefined ? {} : { overallRate: rate }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return { rps: latencies.length / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/** A server child process. */
interface Child {
  url: string;
  child: ChildProcess;
  /** CPU time (µs, all threads) the child has used so far. */
  cpu(): Promise<number>;
}

/** Starts `load-server.ts <mode>` in a child process and resolves with its URL. */
function startChild(mode: "isl" | "bare" | "express", env: NodeJS.ProcessEnv): Promise<Child> {
  const script = fileURLToPath(new URL("../support/load-server.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@olumi/source", script, mode], { env, stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const cpuWaiters: ((micros: number) => void)[] = [];
  const cpu = (): Promise<number> =>
    new Promise((resolve) => {
      cpuWaiters.push(resolve);
      child.stdin!.write("cpu\n");
    });
  return new Promise((resolve, reject) => {
    let out = "";
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start within 30 s`)), 30_000);
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match !== null && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ url: match[1]!, child, cpu });
      }
      const lines = out.split("\n");
      out = lines.pop()!;
      for (const line of lines) {
        const cpuMatch = /^CPU (\d+)$/.exec(line.trim());
        if (cpuMatch !== null) cpuWaiters.shift()?.(Number(cpuMatch[1]));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.removeAllListeners("exit");
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.stdin!.end();
  });
}

/** REDIS_URL if set; else a redis-server started here (stopped at the end); else none. */
async function redisTarget(): Promise<{ url: string; stop: () => void } | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => undefined };
  if (spawnSync("redis-server", ["--version"]).status !== 0) return undefined;
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("redis-server did not start within 10 s")), 10_000);
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => void child.kill("SIGTERM") };
}

/** Every child started, so the watchdog can stop them. */
const children: ChildProcess[] = [];
// A hard cap on the whole run, whatever happens: stop the children and exit.
const WATCHDOG_MS = (60 + 30 * (SECONDS + WARMUP_SECONDS)) * 1000;
setTimeout(() => {
  console.error(`load test did not finish within ${WATCHDOG_MS / 1000} s; stopping`);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
}, WATCHDOG_MS).unref();

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : "-");
const rows: (string | number)[][] = [];
const baseEnv = { ...process.env };
delete baseEnv.REDIS_URL;

/** Waits until `GET <url>/ready` answers 200 (worker pool started, Redis reachable if required). */
async function ready(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const status = await fetch(`${url}/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready within 60 s`);
}

async function measure(label: string, server: Child, workloads: Workload[], upstream: boolean): Promise<void> {
  for (const w of workloads) {
    await load(server.url, w, WARMUP_SECONDS, undefined);
    for (const rate of [undefined, FIXED_RATE]) {
      const cpuBefore = await server.cpu();
      const f = await load(server.url, w, SECONDS, rate);
      const cpuMsPerRequest = ((await server.cpu()) - cpuBefore) / 1000 / Math.max(1, f.rps * SECONDS);
      rows.push([
        w.name,
        label,
        rate === undefined ? `max (${CONNECTIONS} conn)` : `${rate} req/s (${FIXED_RATE_CONNECTIONS} conn)`,
        fmt(f.rps),
        fmt(f.p50),
        fmt(f.p99),
        fmt(cpuMsPerRequest),
        f.non2xx + f.errors,
        upstream ? fmt(UPSTREAM_MS[w.name]!) : "-",
      ]);
    }
  }
}

const bare = await startChild("bare", baseEnv);
await measure("bare node:http (baseline)", bare, [{ name: "fixed JSON", method: "GET", path: "/" }], false);
await stopChild(bare.child);

const plainExpress = await startChild("express", baseEnv);
await measure("bare Express 5 (baseline)", plainExpress, [{ name: "fixed JSON", method: "GET", path: "/" }], false);
await stopChild(plainExpress.child);

const memory = await startChild("isl", baseEnv);
await ready(memory.url);
await measure("ISL, memory cache", memory, WORKLOADS, true);
await stopChild(memory.child);

const redis = await redisTarget();
if (redis === undefined) console.log("\nno Redis (REDIS_URL unset and no redis-server on PATH): the Redis rows are skipped");
else {
  try {
    const withRedis = await startChild("isl", { ...baseEnv, REDIS_URL: redis.url });
    await ready(withRedis.url);
    await measure("ISL, memory + Redis", withRedis, WORKLOADS, true);
    await stopChild(withRedis.child);
  } finally {
    redis.stop();
  }
}

printTable(
  `HTTP load on loopback (${SECONDS} s per run; latency of 2xx responses; upstream = recorded upstream median)`,
  ["endpoint", "server", "load", "req/s", "p50 ms", "p99 ms", "server CPU ms/req", "failed", "upstream ms"],
  rows,
);
