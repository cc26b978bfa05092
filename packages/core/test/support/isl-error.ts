/** Test support: run a function that must throw an IslError and return it. */
import { expect } from "vitest";
import { IslError, isIslError } from "../../src/errors.js";

/** Calls `fn`, asserts it throws an {@link IslError} (with `code` and `message` when given), returns the error. */
export function expectIslError(fn: () => unknown, code?: string, message?: string): IslError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(isIslError(error), `expected an IslError, got ${String(error)}`).toBe(true);
  const islError = error as IslError;
  if (code !== undefined) expect(islError.code).toBe(code);
  if (message !== undefined) expect(islError.message).toBe(message);
  return islError;
}
