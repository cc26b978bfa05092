/**
 * Circuit breaker (closed → open → half-open → closed) around a remote dependency such as Redis.
 * Closed: calls go through; `failureThreshold` consecutive failures open the circuit. Open: calls
 * are refused at once (no traffic to the dependency) for `openMs`. Half-open: after `openMs`, up
 * to `halfOpenMaxCalls` trial calls go through; `successThreshold` consecutive successes close the
 * circuit, any failure opens it again for another `openMs`. O(1) per call and O(1) memory.
 * Reference: M. Nygard, "Release It!" (2007), ch. 5 "Circuit Breaker"; state names as upstream's
 * `utils/error_recovery.CircuitBreaker` (`closed | open | half_open`).
 */

/** The state of a {@link CircuitBreaker}. */
export type CircuitState = "closed" | "open" | "half_open";

/** Thresholds of a {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open a closed circuit (default {@link DEFAULT_BREAKER_OPTIONS}). */
  failureThreshold?: number;
  /** Consecutive successful trial calls that close a half-open circuit. */
  successThreshold?: number;
  /** How long an open circuit refuses calls before allowing trial calls, in milliseconds. */
  openMs?: number;
  /** Trial calls allowed at the same time while half-open. */
  halfOpenMaxCalls?: number;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Called on every state change (for logs). */
  onStateChange?: (from: CircuitState, to: CircuitState) => void;
}

/** Default thresholds: open after 5 consecutive failures, stay open 5 s, close after 2 good trials, 1 trial at a time. */
export const DEFAULT_BREAKER_OPTIONS = { failureThreshold: 5, successThreshold: 2, openMs: 5_000, halfOpenMaxCalls: 1 } as const;

/** Thrown (without calling the dependency) while the circuit refuses calls. */
export class CircuitOpenError extends Error {
  constructor(name: string) {
    super(`circuit '${name}' is open: call refused without contacting the dependency`);
    this.name = "CircuitOpenError";
  }
}

/** Counters and thresholds of a breaker, as `/health/circuit-breakers` reports them (snake_case). */
export interface CircuitBreakerSnapshot {
  state: CircuitState;
  /** Consecutive failures counted towards opening (closed) or the last trial failure (half-open). */
  failure_count: number;
  /** Consecutive successful trial calls while half-open. */
  success_count: number;
  failure_threshold: number;
  success_threshold: number;
  half_open_max_calls: number;
  /** How long an open circuit refuses calls, seconds (upstream's `timeout_seconds`). */
  timeout_seconds: number;
  /** Totals since start. */
  total_calls: number;
  total_failures: number;
  /** Calls refused while open (or half-open at capacity). */
  total_rejected: number;
  /** Times the circuit went from closed or half-open to open. */
  times_opened: number;
  /** Seconds since the last failure, or null when there was none. */
  seconds_since_last_failure: number | null;
  /** Seconds until an open circuit allows a trial call (0 unless open). */
  seconds_until_half_open: number;
}

/** A circuit breaker; see the file header for the state machine. */
export class CircuitBreaker {
  readonly name: string;
  private readonly failureThreshold: number;
  private readonly successThreshold: number;
  private readonly openMs: number;
  private readonly halfOpenMaxCalls: number;
  private readonly now: () => number;
  private readonly onStateChange: ((from: CircuitState, to: CircuitState) => void) | undefined;
  private current: CircuitState = "closed";
  private failures = 0;
  private successes = 0;
  private openedAt = 0;
  private trialsInFlight = 0;
  private lastFailureAt: number | undefined;
  private totals = { calls: 0, failures: 0, rejected: 0, opened: 0 };

  constructor(name: string, options: CircuitBreakerOptions = {}) {
    this.name = name;
    this.failureThreshold = positiveInteger("failureThreshold", options.failureThreshold ?? DEFAULT_BREAKER_OPTIONS.failureThreshold);
    this.successThreshold = positiveInteger("successThreshold", options.successThreshold ?? DEFAULT_BREAKER_OPTIONS.successThreshold);
    this.halfOpenMaxCalls = positiveInteger("halfOpenMaxCalls", options.halfOpenMaxCalls ?? DEFAULT_BREAKER_OPTIONS.halfOpenMaxCalls);
    this.openMs = options.openMs ?? DEFAULT_BREAKER_OPTIONS.openMs;
    if (!(this.openMs >= 0) || !Number.isFinite(this.openMs)) throw new RangeError(`circuit breaker openMs must be a finite number ≥ 0 (got ${this.openMs})`);
    this.now = options.now ?? (() => performance.now());
    this.onStateChange = options.onStateChange;
  }

  /** The state now (an open circuit whose `openMs` has passed reports `half_open`). */
  get state(): CircuitState {
    if (this.current === "open" && this.now() - this.openedAt >= this.openMs) this.transition("half_open");
    return this.current;
  }

  /** True when a call made now would reach the dependency. */
  get allowsCalls(): boolean {
    const state = this.state;
    return state === "closed" || (state === "half_open" && this.trialsInFlight < this.halfOpenMaxCalls);
  }

  /**
   * Runs `call` through the breaker: refuses with {@link CircuitOpenError} while open, counts a
   * rejection of the returned promise as a failure and a fulfilment as a success.
   */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    if (!this.allowsCalls) {
      this.totals.rejected += 1;
      throw new CircuitOpenError(this.name);
    }
    const trial = this.current === "half_open";
    if (trial) this.trialsInFlight += 1;
    this.totals.calls += 1;
    try {
      const value = await call();
      this.recordSuccess(trial);
      return value;
    } catch (error) {
      this.recordFailure();
      throw error;
    } finally {
      if (trial) this.trialsInFlight -= 1;
    }
  }

  /** Reports a failure observed outside {@link execute} (for example a dropped connection). */
  recordExternalFailure(): void {
    this.recordFailure();
  }

  /**
   * Ends an open period early: an open circuit becomes half-open so the next call is a trial.
   * Used when the dependency signals recovery (for example a re-established connection).
   */
  allowTrialNow(): void {
    if (this.current === "open") this.transition("half_open");
  }

  /** Counters and thresholds, for health endpoints. */
  snapshot(): CircuitBreakerSnapshot {
    const state = this.state;
    const at = this.now();
    return {
      state,
      failure_count: this.failures,
      success_count: this.successes,
      failure_threshold: this.failureThreshold,
      success_threshold: this.successThreshold,
      half_open_max_calls: this.halfOpenMaxCalls,
      timeout_seconds: this.openMs / 1000,
      total_calls: this.totals.calls,
      total_failures: this.totals.failures,
      total_rejected: this.totals.rejected,
      times_opened: this.totals.opened,
      seconds_since_last_failure: this.lastFailureAt === undefined ? null : round3((at - this.lastFailureAt) / 1000),
      seconds_until_half_open: state === "open" ? round3(Math.max(0, this.openedAt + this.openMs - at) / 1000) : 0,
    };
  }

  private recordSuccess(trial: boolean): void {
    if (trial && this.current === "half_open") {
      this.successes += 1;
      if (this.successes >= this.successThreshold) this.transition("closed");
    } else if (this.current === "closed") {
      this.failures = 0;
    }
  }

  private recordFailure(): void {
    this.totals.failures += 1;
    this.lastFailureAt = this.now();
    if (this.current === "open") return;
    this.failures += 1;
    if (this.current === "half_open" || this.failures >= this.failureThreshold) this.transition("open");
  }

  private transition(to: CircuitState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    if (to === "open") {
      this.openedAt = this.now();
      this.totals.opened += 1;
    } else if (to === "closed") {
      this.failures = 0;
    }
    this.successes = 0;
    this.onStateChange?.(from, to);
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`circuit breaker ${name} must be an integer ≥ 1 (got ${value})`);
  return value;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
