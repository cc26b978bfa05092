/**
 * Cross-thread cancellation for the worker pool. The main thread owns a {@link SharedAbortFlag}
 * (one Int32 in a SharedArrayBuffer); the worker wraps it in an AbortSignal whose `aborted`
 * reads the flag with `Atomics.load`. Core handlers run synchronously and test
 * `ctx.signal.aborted` between blocks, so a flag raised by the main thread is seen at the next
 * block boundary although the worker's event loop never turns during the computation.
 * Cost: one atomic load per check.
 */

/** Flag values: 0 running; the others name why the task was stopped. */
export const ABORT_REASONS = { running: 0, deadline: 1, cancelled: 2 } as const;

/** Index of the abort reason in the shared cell. */
const REASON = 0;
/** Index of the started mark (1 once a worker has picked the task up). */
const STARTED = 1;

/** A cancellation flag shared between the main thread and a worker (the Int32Array is cloned by reference). */
export interface SharedAbortFlag {
  /** The shared cell (reason, started); pass it in the task message. */
  readonly cell: Int32Array;
  /** True once a worker has called {@link markTaskStarted} on the cell. */
  readonly started: boolean;
  /** Raises the flag (first reason wins). */
  raise(reason: "deadline" | "cancelled"): void;
  /** True once raised. */
  readonly raised: boolean;
}

/** A new, lowered flag. */
export function createSharedAbortFlag(): SharedAbortFlag {
  const cell = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  return {
    cell,
    raise: (reason) => {
      Atomics.compareExchange(cell, REASON, ABORT_REASONS.running, ABORT_REASONS[reason]);
    },
    get raised() {
      return Atomics.load(cell, REASON) !== ABORT_REASONS.running;
    },
    get started() {
      return Atomics.load(cell, STARTED) === 1;
    },
  };
}

/** Called by the worker when it picks the task up (a task not yet started is dropped from the queue instead of run). */
export function markTaskStarted(cell: Int32Array): void {
  Atomics.store(cell, STARTED, 1);
}

const nativeAborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted")?.get;

function isNativelyAborted(signal: AbortSignal): boolean {
  return nativeAborted === undefined ? signal.aborted : (nativeAborted.call(signal) as boolean);
}

/**
 * An AbortSignal that polls `cell`: reading `aborted` (or calling `throwIfAborted`) aborts the
 * underlying controller as soon as the cell is non-zero, so listeners and `reason` follow too.
 * It is a real AbortSignal instance (only `aborted` and `throwIfAborted` are shadowed per
 * instance), so it can be passed anywhere a signal is expected.
 */
export function signalFromSharedFlag(cell: Int32Array): AbortSignal {
  const controller = new AbortController();
  const signal = controller.signal;
  const poll = (): boolean => {
    if (!isNativelyAborted(signal)) {
      const value = Atomics.load(cell, REASON);
      if (value !== ABORT_REASONS.running) {
        const why = value === ABORT_REASONS.deadline ? "deadline exceeded" : "request cancelled";
        controller.abort(new DOMException(why, value === ABORT_REASONS.deadline ? "TimeoutError" : "AbortError"));
      }
    }
    return isNativelyAborted(signal);
  };
  Object.defineProperty(signal, "aborted", { get: poll, configurable: true, enumerable: true });
  Object.defineProperty(signal, "throwIfAborted", {
    value: () => {
      if (poll()) throw signal.reason;
    },
    configurable: true,
  });
  return signal;
}
