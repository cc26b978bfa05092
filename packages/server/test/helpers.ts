/** Shared helpers of the server tests. */
import type { Operation } from "@olumi/contracts";
import request from "supertest";
import type { Express } from "express";
import { createApp, defaultConfig, type AppOptions, type ServerLogger } from "../src/index.js";

/** A logger that records instead of printing. */
export function recordingLogger(): ServerLogger & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return { calls, error: (...args: unknown[]) => void calls.push(args) };
}

/** An app with a silent logger (and, unless a config is given, a rate limit no test run reaches). */
export function quietApp(options: AppOptions = {}): Express {
  return createApp({ logger: recordingLogger(), config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000 }, ...options });
}

/** A supertest request with the operation's method and path. */
export function callOperation(app: Express, op: Pick<Operation, "method" | "path">): request.Test {
  const agent = request(app);
  if (op.method === "GET") return agent.get(op.path);
  if (op.method === "PATCH") return agent.patch(op.path);
  return agent.post(op.path);
}

/** A method the operation's path does not serve. */
export function otherMethod(op: Pick<Operation, "method">): "GET" | "POST" {
  return op.method === "GET" ? "POST" : "GET";
}
