/**
 * The worker pool (piscina) that runs CPU-heavy operations off the event loop, so `/health` and
 * light requests keep answering while a long Monte Carlo runs. Stopping a task is two-staged:
 * when the caller's signal aborts (deadline, client gone, shutdown) the task's shared flag is
 * raised and core stops at its next block check (the worker stays alive); if the task is still
 * running `abortGraceMs` later (code that never checks), piscina terminates that worker thread
 * and starts a fresh one. A task still queued when its signal aborts is dropped from the queue.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ErrorCode, OperationId } from "@olumi/contracts";
import { IslError, isIslError, type Recovery } from "@olumi/isl-core";
import { Piscina } from "piscina";
import type { PoolOutcome, PoolTask, SerializedError } from "./pool-worker.js";
import { createSharedAbortFlag } from "./shared-abort.js";

/** Where the worker entry is and how to start a worker thread on it. */
export interface WorkerEntry {
  /** Absolute path of the entry file (pool-worker.ts in the sources, pool-worker.js/.cjs when built). */
  readonly filename: string;
  /** Node options of each worker thread (`undefined` = inherit the process's). */
  readonly execArgv: string[] | undefined;
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads (default {@link defaultWorkerThreads}()). */
  threads?: number;
  /** How long a cancelled task may keep running before its worker is terminated (default 2000 ms). */
  abortGraceMs?: number;
  /** The entry to run (default {@link defaultWorkerEntry}(); tests point it at fixtures). */
  entry?: WorkerEntry;
  /** Where worker failures outside any task are reported (default: ignored after counting). */
  onError?: (error: unknown) => void;
}

/** Counters and state of the pool, as shown by `/health/services`. */
export interface WorkerPoolStats {
  threads: number;
  /** Every worker has loaded the entry ({@link WorkerPool.start} resolved). */
  started: boolean;
  /** The pool has been closed. */
  closed: boolean;
  /** Workers currently running a task. */
  busy: number;
  /** Tasks waiting for a worker. */
  queued: number;
  /** Tasks finished (any outcome). */
  completed: number;
  /** Tasks whose signal aborted (deadline, client gone or shutdown). */
  cancelled: number;
  /** Worker threads terminated because a cancelled task ignored its flag for the grace period. */
  terminated: number;
  /** Worker failures outside any task. */
  worker_errors: number;
  /** Why the pool failed to start, if it did. */
  start_error?: string;
}

/** Options of one {@link WorkerPool.run} call. */
export interface PoolRunOptions {
  requestId: string;
  signal: AbortSignal;
}

/** Default pool size: one thread per core left after the event loop (at least 1), split between cluster processes. */
export function defaultWorkerThreads(processes = 1, cores = availableParallelism()): number {
  return Math.max(1, Math.floor((cores - 1) / Math.max(1, processes)));
}

/** The file this module was loaded from (the CommonJS build gets `import.meta.url` from tsup's shim). */
function thisModuleFile(): string {
  return fileURLToPath(import.meta.url);
}

/**
 * The worker entry beside this module, for the three ways the server runs: TypeScript sources
 * (vitest, `pnpm start`): `pool-worker.ts` loaded through tsx's loader with the `@olumi/source`
 * condition, so the worker resolves workspace packages to their sources as the main thread does;
 * the ESM build: `pool-worker.js`; the CommonJS build: `pool-worker.cjs`.
 */
export function defaultWorkerEntry(moduleFile: string = thisModuleFile()): WorkerEntry {
  const dir = dirname(moduleFile);
  if (moduleFile.endsWith(".ts")) {
    const tsxLoader = pathToFileURL(createRequire(moduleFile).resolve("tsx")).href;
    return { filename: join(dir, "pool-worker.ts"), execArgv: ["--conditions=@olumi/source", "--import", tsxLoader] };
  }
  return { filename: join(dir, moduleFile.endsWith(".cjs") ? "pool-worker.cjs" : "pool-worker.js"), execArgv: undefined };
}

/** Rebuilds an error flattened by the worker: an IslError keeps its code; anything else is internal. */
export function reviveError(error: SerializedError): Error {
  if (error.name === "IslError" && typeof error.code === "string") {
    return new IslError(error.code as ErrorCode, error.message, {
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(error.recovery === undefined ? {} : { recovery: error.recovery as Recovery }),
      ...(error.validationFailures === undefined ? {} : { validationFailures: error.validationFailures }),
      ...(error.body === undefined ? {} : { body: error.body }),
    });
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

/** The error a cancelled run rejects with: the signal's reason when it is an IslError, else ISL_TIMEOUT. */
export function cancelledError(signal: AbortSignal): Error {
  if (isIslError(signal.reason)) return signal.reason;
  return new IslError("ISL_TIMEOUT", "The computation was cancelled before it finished.", {
    recovery: { hints: ["Retry the request"], suggestion: "Retry" },
  });
}

function shutDownError(): IslError {
  return new IslError("ISL_SERVICE_UNAVAILABLE", "The server is shutting down.", {
    recovery: { hints: ["Retry against another instance or in a few seconds"], suggestion: "Retry shortly" },
  });
}

/** A piscina pool running operations of the table, with cooperative then forced cancellation. */
export class WorkerPool {
  /** Number of worker threads. */
  readonly threads: number;
  private readonly piscina: Piscina;
  private readonly abortGraceMs: number;
  private startPromise: Promise<void> | undefined;
  private isStarted = false;
  private isClosed = false;
  private startError: string | undefined;
  private cancelled = 0;
  private terminated = 0;
  private workerErrors = 0;
  private running = 0;

  constructor(options: WorkerPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultWorkerThreads()));
    this.abortGraceMs = options.abortGraceMs ?? 2000;
    const entry = options.entry ?? defaultWorkerEntry();
    this.piscina = new Piscina({
      filename: entry.filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      ...(entry.execArgv === undefined ? {} : { execArgv: entry.execArgv }),
    });
    const onError = options.onError;
    this.piscina.on("error", (error: unknown) => {
      this.workerErrors += 1;
      onError?.(error);
    });
  }

  /** True once every worker has loaded the entry. */
  get started(): boolean {
    return this.isStarted;
  }

  /** True once {@link close} was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Resolves when every worker thread has loaded the entry (one ping per worker; a busy worker
   * takes no second ping, so the pings land on distinct threads). Idempotent.
   */
  start(): Promise<void> {
    this.startPromise ??= Promise.all(Array.from({ length: this.threads }, () => this.piscina.run({ kind: "ping" } satisfies PoolTask) as Promise<PoolOutcome>)).then(
      () => {
        this.isStarted = true;
      },
      (error: unknown) => {
        this.startError = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
    return this.startPromise;
  }

  /**
   * Runs operation `id` on `input` in a worker. Rejects with the operation's IslError, with
   * {@link cancelledError} when `signal` aborts first, or with ISL_SERVICE_UNAVAILABLE once closed.
   */
  async run(id: OperationId, input: unknown, options: PoolRunOptions): Promise<unknown> {
    const { signal, requestId } = options;
    if (this.isClosed) throw shutDownError();
    if (signal.aborted) throw cancelledError(signal);
    const flag = createSharedAbortFlag();
    const force = new AbortController();
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      this.cancelled += 1;
      flag.raise(isIslError(signal.reason) && signal.reason.code === "ISL_TIMEOUT" ? "deadline" : "cancelled");
      if (!flag.started) {
        force.abort();
        return;
      }
      grace = setTimeout(() => {
        this.terminated += 1;
        force.abort();
      }, this.abortGraceMs);
      grace.unref();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    this.running += 1;
    try {
      const task: PoolTask = { kind: "run", id, input, requestId, abortCell: flag.cell };
      const outcome = (await this.piscina.run(task, { signal: force.signal })) as PoolOutcome;
      if (!outcome.ok) throw reviveError(outcome.error);
      if (!("body" in outcome)) throw new Error("worker answered a run task with a pong");
      return outcome.body;
    } catch (error) {
      if (this.isClosed) throw shutDownError();
      if (force.signal.aborted) throw cancelledError(signal);
      throw error;
    } finally {
      this.running -= 1;
      if (grace !== undefined) clearTimeout(grace);
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** Current counters. */
  stats(): WorkerPoolStats {
    return {
      threads: this.threads,
      started: this.isStarted,
      closed: this.isClosed,
      busy: Math.min(this.running, this.threads),
      queued: this.piscina.queueSize,
      completed: this.piscina.completed,
      cancelled: this.cancelled,
      terminated: this.terminated,
      worker_errors: this.workerErrors,
      ...(this.startError === undefined ? {} : { start_error: this.startError }),
    };
  }

  /** Terminates every worker (running tasks reject with ISL_SERVICE_UNAVAILABLE). Idempotent. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.isStarted = false;
    await this.piscina.destroy();
  }
}
