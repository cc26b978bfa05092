/**
 * The worker-pool entry: piscina loads this file in every worker thread and calls its default
 * export once per task. A task runs one operation of the table through core's `runOperation`
 * with a signal that polls the task's shared abort flag (see shared-abort.ts), so a deadline or
 * a cancelled request stops the computation at the next block boundary. Results and errors cross
 * the thread boundary as plain data: an IslError is flattened here and rebuilt by the pool.
 */
import type { OperationId } from "@olumi/contracts";
import { isIslError, runOperation } from "@olumi/isl-core";
import { threadId } from "node:worker_threads";
import { markTaskStarted, signalFromSharedFlag } from "./shared-abort.js";

/** Run one operation. */
export interface RunTask {
  readonly kind: "run";
  readonly id: OperationId;
  readonly input: unknown;
  readonly requestId: string;
  /** The shared abort cell of the task (see `createSharedAbortFlag`). */
  readonly abortCell: Int32Array;
}

/** Answer at once: used at start to prove that every worker has loaded this entry. */
export interface PingTask {
  readonly kind: "ping";
}

/** A message the pool sends to a worker. */
export type PoolTask = RunTask | PingTask;

/** An error flattened for the trip back to the main thread. */
export interface SerializedError {
  /** "IslError" for typed errors; anything else is an internal failure. */
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
  readonly recovery?: unknown;
  readonly validationFailures?: string[];
  readonly body?: Record<string, unknown>;
  /** Stack of an internal failure, for the server log only. */
  readonly stack?: string;
}

/** What a worker sends back. */
export type PoolOutcome =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly error: SerializedError }
  | { readonly ok: true; readonly pong: number };

/** Flattens anything thrown by an operation. */
export function serializeError(error: unknown): SerializedError {
  if (isIslError(error)) {
    const body = (error as { body?: Record<string, unknown> }).body;
    return {
      name: "IslError",
      message: error.message,
      code: error.code,
      details: error.details,
      recovery: error.recovery,
      ...(error.validationFailures === undefined ? {} : { validationFailures: error.validationFailures }),
      ...(body === undefined ? {} : { body }),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { name: "Error", message: String(error) };
}

/** Runs one task in this worker thread. */
export default function runPoolTask(task: PoolTask): PoolOutcome {
  if (task.kind === "ping") return { ok: true, pong: threadId };
  markTaskStarted(task.abortCell);
  try {
    const body = runOperation(task.id, task.input, { requestId: task.requestId, signal: signalFromSharedFlag(task.abortCell) });
    return { ok: true, body };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
