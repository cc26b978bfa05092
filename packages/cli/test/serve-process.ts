/** Helpers of the serve tests: spawn the real `isl serve` through tsx, wait for lines, talk HTTP on fresh connections. */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { request } from "node:http";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";

const binPath = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

/** A spawned `isl serve` with its stderr collected. */
export interface ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr (rejects after `timeoutMs` or on exit). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (signal name when killed by one). */
  exited: Promise<number | string>;
}

/** Spawns `isl serve <args>` with `env` over the test's environment (quiet request logs). */
export function spawnServe(args: string[], env: Record<string, string> = {}): ServeProcess {
  const child = spawn(process.execPath, [tsxCli, "--conditions=@olumi/source", binPath, "serve", ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let err = "";
  const listeners = new Set<() => void>();
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    err += chunk;
    for (const listener of listeners) listener();
  });
  child.stdout.resume();
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = (): void => {
          const match = err.match(pattern);
          if (match) {
            done();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${pattern}; stderr:\n${err}`));
        }, timeoutMs);
        void exited.then((code) => {
          if (!err.match(pattern)) {
            done();
            reject(new Error(`isl serve exited (${code}) before ${pattern}; stderr:\n${err}`));
          }
        });
        function done(): void {
          clearTimeout(timer);
          listeners.delete(check);
        }
        listeners.add(check);
        check();
      });
    },
  };
}

/** An HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a new connection (no keep-alive pool), so a cluster may route each to another process. */
export function httpRequest(url: string, method = "GET", body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent: false, headers: { ...headers, ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** Polls `url` until it answers `status` (or `timeoutMs` passes). */
export async function waitForStatus(url: string, status: number, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const answer = await httpRequest(url).catch(() => undefined);
    if (answer?.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered ${status}`);
}

/** True when a TCP connection to `port` on loopback is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}
