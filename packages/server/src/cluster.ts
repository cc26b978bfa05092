/**
 * `isl serve --workers N`: a node:cluster primary that forks N server processes sharing one
 * listening socket (the primary accepts connections and hands them to the workers round-robin).
 * The processes hold no state that would make answers differ (the result cache is keyed by
 * content and only ever returns what the engine computes; Redis is shared when configured).
 * A worker that dies after it has listened is replaced; one that dies before (a bad
 * configuration, a taken port) stops the cluster with exit code 1. SIGTERM/SIGINT reach every
 * worker, each shuts down gracefully, and the primary exits 0 once all have exited 0.
 */
import cluster, { type Worker } from "node:cluster";

/** Environment variable telling a cluster worker how many processes share the machine (for its pool size). */
export const CLUSTER_SIZE_VARIABLE = "ISL_CLUSTER_PROCESSES";

/** Options of {@link runClusterPrimary}. */
export interface ClusterOptions {
  /** Number of server processes (≥ 1). */
  workers: number;
  /** Where the primary's lines go. */
  log: (line: string) => void;
  /** Aborts when the cluster should shut down (SIGTERM/SIGINT). */
  signal: AbortSignal;
}

/** True in a process forked by {@link runClusterPrimary}. */
export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/**
 * Called by a cluster worker once its server has shut down: closes the IPC channel to the
 * primary, the last handle that would keep the process alive. No-op outside a cluster.
 */
export function leaveCluster(): void {
  if (cluster.isWorker && process.connected) process.disconnect();
}

/** Processes sharing the machine, as told by the primary (1 outside a cluster). */
export function clusterProcesses(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env[CLUSTER_SIZE_VARIABLE]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * Forks `workers` server processes (each re-runs this program's entry with the same arguments)
 * and supervises them until `signal` aborts; resolves with the exit code for the primary.
 */
export function runClusterPrimary(options: ClusterOptions): Promise<number> {
  const { workers, log, signal } = options;
  const listened = new Set<number>();
  const live = new Set<Worker>();
  let stopping = false;
  let failed = false;
  return new Promise<number>((resolve) => {
    const fork = (): void => {
      const worker = cluster.fork({ [CLUSTER_SIZE_VARIABLE]: String(workers) });
      live.add(worker);
      worker.once("listening", () => {
        listened.add(worker.id);
        if (listened.size === workers) log(`ISL cluster: ${workers} server processes listening (primary pid ${process.pid})`);
      });
      worker.once("exit", (code, exitSignal) => {
        live.delete(worker);
        const clean = code === 0;
        if (!clean) failed = failed || stopping || !listened.has(worker.id);
        if (!stopping && listened.has(worker.id)) {
          log(`ISL cluster: server process ${worker.process.pid} exited (${exitSignal ?? `code ${code}`}); starting a replacement`);
          fork();
        } else if (!stopping) {
          log(`ISL cluster: server process ${worker.process.pid} exited before listening (${exitSignal ?? `code ${code}`}); stopping`);
          stop();
        }
        if (stopping && live.size === 0) {
          signal.removeEventListener("abort", stop);
          resolve(failed ? 1 : 0);
        }
      });
    };
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      for (const worker of live) worker.process.kill("SIGTERM");
      if (live.size === 0) resolve(failed ? 1 : 0);
    };
    for (let i = 0; i < workers; i += 1) fork();
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}
