/**
 * Test harness: a real Debian `redis-server` on a free loopback port, without persistence
 * (`--save '' --appendonly no`), that a test can kill (SIGKILL, as a crash would) and restart on
 * the same port, or freeze (SIGSTOP, as a hung server) and resume. Every server started here is stopped by {@link stopAllRedis}.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port.js";

/** A redis-server started by the harness. */
export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** True while the process runs. */
  readonly running: boolean;
  /** Kills the process (SIGKILL) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after {@link kill}). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing is answered, as a hung server. */
  pause(): void;
  /** Lets a paused process run again (SIGCONT). */
  resume(): void;
}

const started = new Set<ChildProcess>();

function launch(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`redis-server on port ${port} did not start within 10 s:\n${output}`)), 10_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run redis-server (install Debian's redis-server: bash scripts/ensure-redis.sh): ${error.message}`));
    });
    child.once("exit", (code) => {
      started.delete(child);
      clearTimeout(timer);
      if (!ready) reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.resume();
  });
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** Starts a redis-server on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    async kill() {
      if (child !== undefined) await terminate(child, "SIGKILL");
      child = undefined;
    },
    async restart() {
      if (child !== undefined) await terminate(child, "SIGKILL");
      child = await launch(port);
    },
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
  };
}

/** Stops every redis-server this harness started (SIGTERM). */
export async function stopAllRedis(): Promise<void> {
  await Promise.all([...started].map((child) => terminate(child, "SIGTERM")));
  started.clear();
}
