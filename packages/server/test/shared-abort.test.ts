/** The cross-thread abort flag and the polling AbortSignal built on it (exercised here in one thread). */
import { describe, expect, it } from "vitest";
import { ABORT_REASONS, createSharedAbortFlag, markTaskStarted, signalFromSharedFlag } from "../src/index.js";

describe("shared abort flag", () => {
  it("starts lowered and not started; the first reason raised wins", () => {
    const flag = createSharedAbortFlag();
    expect(flag.raised).toBe(false);
    expect(flag.started).toBe(false);
    flag.raise("deadline");
    flag.raise("cancelled");
    expect(flag.raised).toBe(true);
    expect(Atomics.load(flag.cell, 0)).toBe(ABORT_REASONS.deadline);
    markTaskStarted(flag.cell);
    expect(flag.started).toBe(true);
  });

  it("gives a real AbortSignal that reads the flag on every check and fires its listeners once", () => {
    const flag = createSharedAbortFlag();
    const signal = signalFromSharedFlag(flag.cell);
    expect(signal).toBeInstanceOf(AbortSignal);
    let fired = 0;
    signal.addEventListener("abort", () => (fired += 1));
    expect(signal.aborted).toBe(false);
    expect(() => signal.throwIfAborted()).not.toThrow();
    flag.raise("deadline");
    expect(fired).toBe(0);
    expect(signal.aborted).toBe(true);
    expect(signal.aborted).toBe(true);
    expect(fired).toBe(1);
    expect((signal.reason as DOMException).name).toBe("TimeoutError");
    expect(() => signal.throwIfAborted()).toThrow(/deadline exceeded/);
  });

  it("names a cancellation that is not a deadline", () => {
    const flag = createSharedAbortFlag();
    const signal = signalFromSharedFlag(flag.cell);
    flag.raise("cancelled");
    expect(() => signal.throwIfAborted()).toThrow(/request cancelled/);
    expect((signal.reason as DOMException).name).toBe("AbortError");
  });
});
