/**
 * The one error type that core raises for bad input. Adapters turn it into the Olumi error
 * envelope (HTTP status from the code's entry in `ERROR_CODES`, CLI exit code 2 for 4xx).
 */
import type { ErrorCode } from "@olumi/contracts";

/** What a caller can do about an error. */
export interface Recovery {
  /** Concrete steps, most useful first. */
  hints: string[];
  /** One-line summary of the fix. */
  suggestion: string;
  /** Optional example of a correct input. */
  example?: string;
}

/** Options for {@link IslError}. */
export interface IslErrorOptions {
  /** Machine-readable details (the offending field, the cycle's nodes, the available nodes…). */
  details?: Record<string, unknown>;
  /** How to fix it. */
  recovery?: Recovery;
  /** One line per failed check, `"<path>: <message>"`. */
  validationFailures?: string[];
  /**
   * A complete response body that adapters send instead of the Olumi error envelope (used by
   * operations whose wire contract fixes the error shape, e.g. PLoT's analyze/v2 `blocked` 422).
   */
  body?: Record<string, unknown>;
}

/**
 * A typed, user-facing error: which field, what was wrong and how to fix it.
 * Never carries a stack trace or internal message to a client.
 */
export class IslError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly recovery: Recovery | undefined;
  readonly validationFailures: string[] | undefined;
  /** Replacement response body, if the operation's contract fixes the error shape. */
  readonly body: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: IslErrorOptions = {}) {
    super(message);
    this.name = "IslError";
    this.code = code;
    this.details = options.details ?? {};
    this.recovery = options.recovery;
    this.validationFailures = options.validationFailures;
    this.body = options.body;
  }
}

/** True when `e` is an {@link IslError} (also across bundle copies, by duck typing). */
export function isIslError(e: unknown): e is IslError {
  return e instanceof IslError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "IslError" && typeof (e as { code?: unknown }).code === "string");
}
