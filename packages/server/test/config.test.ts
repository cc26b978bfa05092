/** loadConfig: defaults, one message per bad value, production fail-closed, the dev loopback rule. */
import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, describeConfig, isLoopbackHost, loadConfig, startServer } from "../src/index.js";

const PROD_OK = {
  ENVIRONMENT: "production",
  ISL_API_KEYS: "prod-key-aaaaaaaaaaaa",
  CORS_ORIGINS: "https://app.olumi.example",
  REDIS_URL: "redis://:pw@redis.internal:6379/0",
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig defaults", () => {
  it("is development, auth off, loopback, port 8000, 100/min, no proxies trusted, upstream CORS defaults", () => {
    expect(defaultConfig()).toMatchObject({
      environment: "development", production: false, apiKeys: [], authDisabled: false, authEnabled: false,
      corsOrigins: ["http://localhost:3000", "http://localhost:8080"], corsAllowCredentials: false, redis: undefined,
      sentryDsn: undefined, logLevel: "info", port: 8000, host: "127.0.0.1", rateLimitPerMinute: 100, trustProxy: false,
      requestTimeoutSeconds: 60,
    });
  });

  it("parses every variable", () => {
    const c = loadConfig({
      ISL_API_KEYS: " k1 , ,k2,k1", ISL_API_KEY: "ignored", ISL_AUTH_DISABLED: "no", CORS_ORIGINS: "https://a.example,http://b.example:8080",
      CORS_ALLOW_CREDENTIALS: "true", REDIS_HOST: "redis.internal", REDIS_PORT: "6380", SENTRY_DSN: "https://abc@sentry.example/1",
      LOG_LEVEL: "WARNING", PORT: "9000", HOST: "0.0.0.0", RATE_LIMIT_PER_MINUTE: "5", TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.1,loopback",
      REQUEST_TIMEOUT_SECONDS: "90", ENVIRONMENT: "Staging",
    });
    expect(c).toMatchObject({
      environment: "staging", apiKeys: ["k1", "k2"], authEnabled: true, corsAllowCredentials: true, redis: { host: "redis.internal", port: 6380 },
      logLevel: "warn", port: 9000, host: "0.0.0.0", rateLimitPerMinute: 5, trustProxy: ["10.0.0.0/8", "192.168.1.1", "loopback"], requestTimeoutSeconds: 90,
    });
  });

  it("falls back to ISL_API_KEY, to upstream's RATE_LIMIT_REQUESTS_PER_MINUTE, and reads a hop count for TRUSTED_PROXIES", () => {
    const c = loadConfig({ ISL_API_KEY: "legacy", RATE_LIMIT_REQUESTS_PER_MINUTE: "7", TRUSTED_PROXIES: "2", REDIS_URL: "rediss://r.example" });
    expect(c).toMatchObject({ apiKeys: ["legacy"], rateLimitPerMinute: 7, trustProxy: 2, redis: { url: "rediss://r.example" } });
    expect(loadConfig({ TRUSTED_PROXIES: "0" }).trustProxy).toBe(false);
  });
});

describe("loadConfig bad values", () => {
  it.each([
    ["PORT", "80a", /^PORT="80a": expected an integer from 0 to 65535$/],
    ["REDIS_PORT", "70000", /^REDIS_PORT="70000": expected an integer from 1 to 65535$/],
    ["RATE_LIMIT_PER_MINUTE", "0", /^RATE_LIMIT_PER_MINUTE="0": expected an integer from 1 to 1000000$/],
    ["REQUEST_TIMEOUT_SECONDS", "1.5", /^REQUEST_TIMEOUT_SECONDS="1.5": expected an integer from 1 to 3600$/],
    ["ISL_AUTH_DISABLED", "maybe", /^ISL_AUTH_DISABLED="maybe": expected true or false/],
    ["LOG_LEVEL", "loud", /^LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent$/],
    ["CORS_ORIGINS", "https://a.example/path", /^CORS_ORIGINS="https:\/\/a.example\/path": "https:\/\/a.example\/path" is not an origin/],
    ["TRUSTED_PROXIES", "10.0.0.0/40,proxy", /^TRUSTED_PROXIES="10.0.0.0\/40,proxy": expected a hop count .*bad: "10.0.0.0\/40", "proxy"/],
    ["HOST", "bad host!", /^HOST="bad host!": expected an IP address or a host name$/],
    ["REDIS_URL", "http://secret-pw@redis", /^REDIS_URL=\(value hidden, 22 characters\): expected redis:\/\//],
    ["SENTRY_DSN", "not a url", /^SENTRY_DSN=\(value hidden, 9 characters\): expected an http\(s\) DSN/],
  ])("%s=%j", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("reports every bad value at once, in one error message", () => {
    const problems = problemsOf({ PORT: "x", LOG_LEVEL: "y", REDIS_PORT: "z" });
    expect(problems.map((p) => p.split("=")[0])).toEqual(["REDIS_PORT", "LOG_LEVEL", "PORT"]);
    expect(() => loadConfig({ PORT: "x" })).toThrow(/Invalid ISL configuration:\n {2}- PORT="x"/);
  });

  it("never echoes an API key, even a malformed one", () => {
    const secret = "sk_live_\u00e9secret";
    const problems = problemsOf({ ISL_API_KEYS: `good-key,${secret}` });
    expect(problems).toEqual(["ISL_API_KEYS=(value hidden, 24 characters): key #2 (15 characters) must be printable ASCII without spaces"]);
    expect(problems.join("\n")).not.toContain("secret");
    expect(problems.join("\n")).not.toContain("good-key");
  });

  it("rejects the wildcard origin with credentials in every environment", () => {
    expect(problemsOf({ CORS_ORIGINS: "*", CORS_ALLOW_CREDENTIALS: "true" })).toEqual([
      'CORS_ORIGINS="*" cannot be combined with CORS_ALLOW_CREDENTIALS=true: list the origins explicitly',
    ]);
  });
});

describe("production fails closed (upstream §6.3)", () => {
  it("starts with keys, https origins and a non-localhost Redis", () => {
    expect(loadConfig(PROD_OK)).toMatchObject({ production: true, authEnabled: true });
    expect(loadConfig({ ...PROD_OK, ENVIRONMENT: "PRODUCTION" }).production).toBe(true);
  });

  it("lists every reason: no keys, auth disabled, wildcard and localhost origins, no Redis", () => {
    const problems = problemsOf({ ENVIRONMENT: "production", ISL_AUTH_DISABLED: "true", CORS_ORIGINS: "*,http://localhost:3000,http://app.example" });
    expect(problems).toEqual([
      "production requires API keys: set ISL_API_KEYS (comma-separated) or ISL_API_KEY",
      "production forbids ISL_AUTH_DISABLED=true",
      'production forbids the wildcard origin "*" in CORS_ORIGINS',
      'production forbids localhost origins in CORS_ORIGINS ("http://localhost:3000")',
      'production requires https origins in CORS_ORIGINS ("http://app.example")',
      "production requires Redis: set REDIS_URL or REDIS_HOST",
    ]);
  });

  it("rejects the default (localhost) origins, an empty CORS_ORIGINS, 127.0.0.1 origins and a localhost Redis", () => {
    const { CORS_ORIGINS: _origins, ...noOrigins } = PROD_OK;
    expect(problemsOf(noOrigins)).toEqual([
      'production forbids localhost origins in CORS_ORIGINS ("http://localhost:3000")',
      'production forbids localhost origins in CORS_ORIGINS ("http://localhost:8080")',
    ]);
    expect(problemsOf({ ...PROD_OK, CORS_ORIGINS: "" })).toEqual(["production requires CORS_ORIGINS to list the allowed https origins"]);
    expect(problemsOf({ ...PROD_OK, CORS_ORIGINS: "https://127.0.0.1:8443" })).toHaveLength(1);
    expect(problemsOf({ ...PROD_OK, REDIS_URL: "redis://localhost:6379" })).toEqual([
      "production forbids REDIS host localhost: point REDIS_URL or REDIS_HOST at the shared Redis",
    ]);
  });
});

describe("outside production without keys: auth off, loopback only", () => {
  it("accepts loopback hosts and says auth is off", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost"]) expect(loadConfig({ HOST: host }).authEnabled).toBe(false);
    expect(describeConfig(defaultConfig())).toMatch(/^auth off: no API key required, bound to loopback only; rate limit 100\/min per client IP/);
  });

  it("refuses a non-loopback HOST unless keys are set (and auth is not disabled)", () => {
    expect(problemsOf({ HOST: "0.0.0.0" })).toEqual([
      'HOST="0.0.0.0": without API keys the server binds loopback only (127.0.0.1, ::1 or localhost); set ISL_API_KEYS to listen on other interfaces',
    ]);
    expect(problemsOf({ HOST: "0.0.0.0", ISL_API_KEYS: "k", ISL_AUTH_DISABLED: "true" })).toHaveLength(1);
    expect(loadConfig({ HOST: "0.0.0.0", ISL_API_KEYS: "k" }).authEnabled).toBe(true);
    expect(describeConfig(loadConfig({ HOST: "0.0.0.0", ISL_API_KEYS: "k,j" }))).toMatch(/^auth on: 2 API keys; rate limit 100\/min per key/);
  });

  it("classifies loopback hosts", () => {
    expect(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "10.0.0.1", "::", "example.com", "128.0.0.1"].some(isLoopbackHost)).toBe(false);
  });

  it("startServer refuses a non-loopback host option without keys, and logs the posture first", async () => {
    await expect(startServer({ env: {}, host: "0.0.0.0", port: 0, log: () => undefined })).rejects.toThrow(/binds loopback only/);
    await expect(startServer({ env: { ENVIRONMENT: "production" }, log: () => undefined })).rejects.toThrow(ConfigError);
    const lines: string[] = [];
    const running = await startServer({ env: { PORT: "0", ISL_API_KEYS: "start-key" }, log: (l) => lines.push(l) });
    try {
      expect(lines).toEqual([expect.stringMatching(/listening on http:\/\/127\.0\.0\.1:\d+ \(auth on: 1 API key; /)]);
      expect(lines[0]).not.toContain("start-key");
      expect((await fetch(`${running.url}/api/v1/causal/validate`, { method: "POST" })).status).toBe(401);
    } finally {
      await running.close();
    }
  });
});
