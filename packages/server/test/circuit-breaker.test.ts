/**
 * The circuit breaker: the documented transitions one by one, then a property test against an
 * independent reference (a transition table over (state, consecutive failures, consecutive
 * successes, opened-at), written from the specification in the file header, not from the class).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError, DEFAULT_BREAKER_OPTIONS, type CircuitState } from "../src/circuit-breaker.js";

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
const ok = (): Promise<string> => Promise.resolve("ok");
const fail = (): Promise<never> => Promise.reject(new Error("down"));

describe("CircuitBreaker transitions", () => {
  it("opens after failureThreshold consecutive failures and refuses calls without running them", async () => {
    const c = clock();
    const breaker = new CircuitBreaker("redis", { failureThreshold: 3, openMs: 1000, now: c.now });
    for (let i = 0; i < 2; i++) await expect(breaker.execute(fail)).rejects.toThrow("down");
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(fail)).rejects.toThrow("down");
    expect(breaker.state).toBe("open");
    let ran = false;
    await expect(breaker.execute(async () => (ran = true))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(ran).toBe(false);
    expect(breaker.snapshot()).toMatchObject({ state: "open", total_rejected: 1, times_opened: 1, total_failures: 3, seconds_until_half_open: 1 });
  });

  it("a success resets the consecutive failure count while closed", async () => {
    const breaker = new CircuitBreaker("redis", { failureThreshold: 2, now: clock().now });
    await expect(breaker.execute(fail)).rejects.toThrow();
    await breaker.execute(ok);
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
  });

  it("goes half-open after openMs, closes after successThreshold trial successes", async () => {
    const c = clock();
    const breaker = new CircuitBreaker("redis", { failureThreshold: 1, successThreshold: 2, openMs: 500, now: c.now });
    await expect(breaker.execute(fail)).rejects.toThrow();
    c.advance(499);
    expect(breaker.state).toBe("open");
    c.advance(1);
    expect(breaker.state).toBe("half_open");
    await breaker.execute(ok);
    expect(breaker.state).toBe("half_open");
    await breaker.execute(ok);
    expect(breaker.state).toBe("closed");
  });

  it("a failed trial opens the circuit again for a full period", async () => {
    const c = clock();
    const breaker = new CircuitBreaker("redis", { failureThreshold: 1, openMs: 500, now: c.now });
    await expect(breaker.execute(fail)).rejects.toThrow();
    c.advance(500);
    await expect(breaker.execute(fail)).rejects.toThrow("down");
    expect(breaker.state).toBe("open");
    c.advance(499);
    expect(breaker.state).toBe("open");
    expect(breaker.snapshot().times_opened).toBe(2);
  });

  it("half-open admits at most halfOpenMaxCalls concurrent trials", async () => {
    const c = clock();
    const breaker = new CircuitBreaker("redis", { failureThreshold: 1, openMs: 10, halfOpenMaxCalls: 1, now: c.now });
    await expect(breaker.execute(fail)).rejects.toThrow();
    c.advance(10);
    let release: (v: string) => void = () => undefined;
    const first = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release("done");
    await expect(first).resolves.toBe("done");
  });

  it("allowTrialNow ends an open period early", async () => {
    const breaker = new CircuitBreaker("redis", { failureThreshold: 1, openMs: 60_000, now: clock().now });
    await expect(breaker.execute(fail)).rejects.toThrow();
    breaker.allowTrialNow();
    expect(breaker.state).toBe("half_open");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
  });

  it("reports every state change and validates its thresholds", async () => {
    const c = clock();
    const changes: string[] = [];
    const breaker = new CircuitBreaker("redis", { failureThreshold: 1, successThreshold: 1, openMs: 5, now: c.now, onStateChange: (from, to) => changes.push(`${from}>${to}`) });
    await expect(breaker.execute(fail)).rejects.toThrow();
    c.advance(5);
    await breaker.execute(ok);
    expect(changes).toEqual(["closed>open", "open>half_open", "half_open>closed"]);
    expect(() => new CircuitBreaker("x", { failureThreshold: 0 })).toThrow(/failureThreshold/);
    expect(() => new CircuitBreaker("x", { openMs: Number.NaN })).toThrow(/openMs/);
    expect(new CircuitBreaker("x").snapshot()).toMatchObject({ failure_threshold: DEFAULT_BREAKER_OPTIONS.failureThreshold, timeout_seconds: DEFAULT_BREAKER_OPTIONS.openMs / 1000 });
  });
});

/** Reference model: one step of the specification per event, as a pure function. */
interface Model {
  state: CircuitState;
  failures: number;
  successes: number;
  openedAt: number;
  t: number;
}
type Event = { kind: "ok" } | { kind: "fail" } | { kind: "wait"; ms: number };

function referenceStep(m: Model, e: Event, k: { failureThreshold: number; successThreshold: number; openMs: number }): { model: Model; outcome: "ok" | "fail" | "refused" | "waited" } {
  if (e.kind === "wait") return { model: { ...m, t: m.t + e.ms }, outcome: "waited" };
  const state: CircuitState = m.state === "open" && m.t - m.openedAt >= k.openMs ? "half_open" : m.state;
  const base = state !== m.state ? { ...m, state, successes: 0 } : m;
  if (state === "open") return { model: base, outcome: "refused" };
  if (e.kind === "ok") {
    if (state === "closed") return { model: { ...base, failures: 0 }, outcome: "ok" };
    const successes = base.successes + 1;
    return successes >= k.successThreshold ? { model: { ...base, state: "closed", failures: 0, successes: 0 }, outcome: "ok" } : { model: { ...base, successes }, outcome: "ok" };
  }
  const failures = base.failures + 1;
  if (state === "half_open" || failures >= k.failureThreshold) return { model: { ...base, state: "open", failures, successes: 0, openedAt: base.t }, outcome: "fail" };
  return { model: { ...base, failures }, outcome: "fail" };
}

describe("CircuitBreaker against the reference model", () => {
  it("agrees on every outcome and state for random sequential call sequences", async () => {
    const event = fc.oneof(fc.constant<Event>({ kind: "ok" }), fc.constant<Event>({ kind: "fail" }), fc.integer({ min: 0, max: 150 }).map((ms): Event => ({ kind: "wait", ms })));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 200 }), fc.array(event, { maxLength: 60 }), async (failureThreshold, successThreshold, openMs, events) => {
        const c = clock();
        const breaker = new CircuitBreaker("r", { failureThreshold, successThreshold, openMs, now: c.now });
        let model: Model = { state: "closed", failures: 0, successes: 0, openedAt: 0, t: 0 };
        for (const e of events) {
          const step = referenceStep(model, e, { failureThreshold, successThreshold, openMs });
          model = step.model;
          let outcome: string;
          if (e.kind === "wait") {
            c.advance(e.ms);
            outcome = "waited";
          } else {
            outcome = await breaker.execute(e.kind === "ok" ? ok : fail).then(
              () => "ok",
              (error: unknown) => (error instanceof CircuitOpenError ? "refused" : "fail"),
            );
          }
          expect(outcome).toBe(step.outcome);
          const expected = model.state === "open" && model.t - model.openedAt >= openMs ? "half_open" : model.state;
          expect(breaker.state).toBe(expected);
        }
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});
