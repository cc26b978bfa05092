/** The cache and Redis settings of the configuration: defaults, parsing and clear messages. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("cache and Redis configuration", () => {
  it("defaults: cache on, 64 MiB, one hour, 250 ms commands, breaker 5 failures / 5 s", () => {
    expect(loadConfig({})).toMatchObject({
      cacheEnabled: true,
      cacheMaxBytes: 64 * 1024 * 1024,
      cacheTtlSeconds: 3600,
      redisCommandTimeoutMs: 250,
      redisCircuitFailureThreshold: 5,
      redisCircuitOpenSeconds: 5,
      redis: undefined,
    });
  });

  it("reads every variable", () => {
    const c = loadConfig({
      CACHE_ENABLED: "false",
      CACHE_MAX_BYTES: "1048576",
      CACHE_TTL_SECONDS: "60",
      REDIS_COMMAND_TIMEOUT_MS: "100",
      REDIS_CIRCUIT_FAILURE_THRESHOLD: "3",
      REDIS_CIRCUIT_OPEN_SECONDS: "30",
      REDIS_HOST: "cache.internal",
    });
    expect(c).toMatchObject({ cacheEnabled: false, cacheMaxBytes: 1_048_576, cacheTtlSeconds: 60, redisCommandTimeoutMs: 100, redisCircuitFailureThreshold: 3, redisCircuitOpenSeconds: 30, redis: { host: "cache.internal", port: 6379 } });
  });

  it.each([
    ["CACHE_ENABLED", "maybe", /^CACHE_ENABLED="maybe": expected true or false/],
    ["CACHE_MAX_BYTES", "64MB", /^CACHE_MAX_BYTES="64MB": expected an integer from 0 to/],
    ["CACHE_TTL_SECONDS", "0", /^CACHE_TTL_SECONDS="0": expected an integer from 1 to 2592000$/],
    ["REDIS_COMMAND_TIMEOUT_MS", "5", /^REDIS_COMMAND_TIMEOUT_MS="5": expected an integer from 10 to 60000$/],
    ["REDIS_CIRCUIT_FAILURE_THRESHOLD", "0", /^REDIS_CIRCUIT_FAILURE_THRESHOLD="0": expected an integer from 1 to 1000$/],
    ["REDIS_CIRCUIT_OPEN_SECONDS", "-1", /^REDIS_CIRCUIT_OPEN_SECONDS="-1": expected an integer from 1 to 3600$/],
  ])("%s=%s is rejected with a clear message", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
