/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of the service endpoints' bodies: `/health`
 * and `/ready`, `/health/services`, `/health/redis`, `/health/circuit-breakers` and `/cache/stats`,
 * plus the paths that publish them. Each object schema's `properties` is typed as a complete map
 * over the keys of the TypeScript body it describes (and each enum as a complete map over its
 * union), so a field added to a body without a schema entry fails to compile; the
 * openapi-service-endpoints test checks real responses against these schemas.
 */
import { ISL_VERSION } from "@olumi/contracts";
import { computeAdmissionBlock, PLOT_COST_WEIGHTS, PLOT_DEFAULT_MAX_COST_UNITS, PLOT_FORMULA_PARAMETERS, PLOT_REQUEST_CAPS, type ComputeAdmissionBlock } from "@olumi/isl-core";
import type { RedisStatusSummary, CircuitBreakersBody } from "./cache-services.js";
import type { CircuitBreakerSnapshot, CircuitState } from "./circuit-breaker.js";
import type { HealthBody } from "./health.js";
import type { RedisHealthBody, RedisState } from "./redis-connection.js";
import type { CacheStatsBody } from "./result-cache.js";
import type { ServicesHealthBody, ServiceStatus } from "./service-status.js";
import type { WorkerPoolStats } from "./worker-pool.js";

/** A JSON Schema or OpenAPI object, as plain JSON. */
type JsonObject = Record<string, unknown>;

const REF = "#/components/schemas/";

/** A schema entry for every key of `T` (optional keys included). */
type PropertiesOf<T> = { [K in keyof T]-?: JsonObject };

/** An object schema requiring `required` (every key when omitted) of the complete `properties`. */
function objectSchema<T>(properties: PropertiesOf<T>, required: readonly (keyof T & string)[] = Object.keys(properties) as (keyof T & string)[], description?: string): JsonObject {
  return { type: "object", ...(description === undefined ? {} : { description }), properties, required: [...required] };
}

/** The values of a string union, from a complete map over it. */
function enumOf<T extends string>(members: Record<T, true>): { type: "string"; enum: T[] } {
  return { type: "string", enum: Object.keys(members) as T[] };
}

const ref = (name: string): JsonObject => ({ $ref: REF + name });
const nullable = (schema: JsonObject): JsonObject => ({ anyOf: [schema, { type: "null" }] });
const count = (description?: string): JsonObject => ({ type: "integer", minimum: 0, ...(description === undefined ? {} : { description }) });
const number = (description?: string): JsonObject => ({ type: "number", ...(description === undefined ? {} : { description }) });
const bool = (description?: string): JsonObject => ({ type: "boolean", ...(description === undefined ? {} : { description }) });

const REDIS_STATE = enumOf<RedisState>({ not_configured: true, connecting: true, connected: true, disconnected: true, closed: true });
const CIRCUIT_STATE = enumOf<CircuitState>({ closed: true, open: true, half_open: true });
const SERVICE_STATUS = enumOf<ServiceStatus>({ healthy: true, starting: true, unhealthy: true, not_configured: true, configured: true, inline: true });

function numberMap(keys: readonly string[]): JsonObject {
  return { type: "object", properties: Object.fromEntries(keys.map((k) => [k, number()])), required: [...keys] };
}

const COMPUTE_ADMISSION = objectSchema<ComputeAdmissionBlock>(
  {
    max_cost_units: count("The admission ceiling (`ISL_MAX_COST_UNITS`): requests priced above it are refused."),
    complexity_formula_version: { type: "string" },
    weights: numberMap(Object.keys(PLOT_COST_WEIGHTS)),
    formula_parameters: {
      type: "object",
      properties: {
        factor_flips: numberMap(Object.keys(PLOT_FORMULA_PARAMETERS.factor_flips)),
        sensitivity: numberMap(Object.keys(PLOT_FORMULA_PARAMETERS.sensitivity)),
        alternative_winners: numberMap(Object.keys(PLOT_FORMULA_PARAMETERS.alternative_winners)),
      },
      required: Object.keys(PLOT_FORMULA_PARAMETERS),
    },
    caps: numberMap(Object.keys(PLOT_REQUEST_CAPS)),
  },
  undefined,
  "PLoT's compute-admission capability: the ceiling, the cost formula (version, weights, parameters) and the request caps PLoT plans with.",
);

const REDIS_STATUS = objectSchema<RedisStatusSummary>(
  {
    configured: bool("`REDIS_URL` or `REDIS_HOST` is set."),
    state: REDIS_STATE,
    connected: bool(),
    circuit_breaker: nullable(CIRCUIT_STATE),
  },
  undefined,
  "Redis state in one line (`not_configured` without Redis).",
);

const CIRCUIT_BREAKER = objectSchema<CircuitBreakerSnapshot>(
  {
    state: CIRCUIT_STATE,
    failure_count: count("Consecutive failures counted towards opening."),
    success_count: count("Consecutive successful trial calls while half-open."),
    failure_threshold: count(),
    success_threshold: count(),
    half_open_max_calls: count(),
    timeout_seconds: number("How long an open circuit refuses calls."),
    total_calls: count(),
    total_failures: count(),
    total_rejected: count("Calls refused while open."),
    times_opened: count(),
    seconds_since_last_failure: nullable(number()),
    seconds_until_half_open: number("0 unless open."),
  },
  undefined,
  "Counters and thresholds of one circuit breaker.",
);

const HEALTH = objectSchema<HealthBody>({
  status: { type: "string", const: "healthy" },
  version: { type: "string", description: "The ISL engine version." },
  build: { type: "string", description: "Short build identifier (7-character commit) or `unknown`." },
  build_full: { type: ["string", "null"], description: "Full build identifier, or null when unknown." },
  timestamp: { type: "string", format: "date-time" },
  config_fingerprint: { type: "string", description: "The engine configuration fingerprint (as in `_metadata.config_fingerprint`)." },
  compute_admission: ref("ComputeAdmission"),
  uptime_seconds: { type: "number", minimum: 0, description: "Seconds since the app was created (monotonic clock)." },
  redis: ref("RedisStatusSummary"),
});

const REDIS_HEALTH = objectSchema<RedisHealthBody>({
  status: { type: "string", enum: ["healthy", "unavailable", "not_configured"], description: "`healthy` when the PING of this request was answered." },
  configured: bool(),
  connection: REDIS_STATE,
  connected: bool(),
  target: { type: ["string", "null"], description: "`host:port` (never a password); null without Redis." },
  ping_ms: nullable(number("Round trip of this request's PING, milliseconds.")),
  connections: count("Successful connections since start."),
  disconnections: count("Times an established connection was lost."),
  last_error: { type: ["string", "null"], description: "Short description of the last failure (error code or class)." },
  circuit_breaker: nullable(ref("CircuitBreakerSnapshot")),
});

const CIRCUIT_BREAKERS = objectSchema<CircuitBreakersBody>({
  overall_status: { type: "string", enum: ["operational", "some_circuits_open"] },
  circuit_breakers: { type: "object", description: "By dependency name (`redis` when Redis is configured).", additionalProperties: ref("CircuitBreakerSnapshot") },
  explanation: { type: "string" },
});

const WORKER_POOL = objectSchema<{ status: ServiceStatus } & WorkerPoolStats>(
  {
    status: SERVICE_STATUS,
    threads: count(),
    started: bool("Every worker has loaded the entry."),
    closed: bool(),
    busy: count("Workers running a task."),
    queued: count("Tasks waiting for a worker."),
    completed: count(),
    cancelled: count("Tasks whose signal aborted (deadline, client gone, shutdown)."),
    terminated: count("Workers terminated because a cancelled task ignored its flag."),
    worker_errors: count(),
    start_error: { type: "string", description: "Why the pool failed to start, if it did." },
  },
  ["status"],
  "`inline` (status only) when operations run on the event loop; else the pool's counters.",
);

const SERVICES_HEALTH = objectSchema<ServicesHealthBody>({
  overall_status: { type: "string", enum: ["healthy", "degraded"] },
  timestamp: { type: "string", format: "date-time" },
  services: objectSchema<ServicesHealthBody["services"]>({
    worker_pool: WORKER_POOL,
    redis: objectSchema<{ status: ServiceStatus } & RedisStatusSummary>({
      status: SERVICE_STATUS,
      configured: bool(),
      state: REDIS_STATE,
      connected: bool(),
      circuit_breaker: nullable(CIRCUIT_STATE),
    }),
    sentry: objectSchema<{ status: ServiceStatus }>({ status: SERVICE_STATUS }),
    opentelemetry: objectSchema<{ status: ServiceStatus }>({ status: SERVICE_STATUS }),
  }),
});

const CACHE_STATS = objectSchema<CacheStatsBody>(
  {
    hits: count(),
    misses: count(),
    hit_rate_percent: number(),
    total_requests: count(),
    evictions: count(),
    expirations: count(),
    current_size: count("Bytes held in memory."),
    max_size: count("Memory budget, bytes."),
    utilization_percent: number(),
    entries: count(),
    size_bytes: count(),
    max_bytes: count(),
    max_entry_bytes: count(),
    ttl_seconds: count(),
    memory_hits: count(),
    redis_hits: count(),
    rejected: count("Values too large to cache."),
    redis: objectSchema<CacheStatsBody["redis"]>({
      configured: bool(),
      state: REDIS_STATE,
      circuit_breaker: nullable(CIRCUIT_STATE),
      writes: count(),
      write_failures: count(),
      read_failures: count(),
    }),
  },
  undefined,
  "Result-cache counters (upstream's field names first, then ISL's).",
);

const CACHE_DISABLED = objectSchema<{ enabled: false; redis: RedisStatusSummary }>(
  { enabled: { type: "boolean", const: false }, redis: ref("RedisStatusSummary") },
  undefined,
  "The result cache is off (`CACHE_ENABLED=false`).",
);

/** The component schemas of the service endpoints, by component name. */
export const SERVICE_SCHEMAS: Readonly<Record<string, JsonObject>> = {
  CacheDisabledResponse: CACHE_DISABLED,
  CacheStatsResponse: CACHE_STATS,
  CircuitBreakerSnapshot: CIRCUIT_BREAKER,
  CircuitBreakersResponse: CIRCUIT_BREAKERS,
  ComputeAdmission: COMPUTE_ADMISSION,
  HealthResponse: HEALTH,
  RedisHealthResponse: REDIS_HEALTH,
  RedisStatusSummary: REDIS_STATUS,
  ServicesHealthResponse: SERVICES_HEALTH,
};

/** Example `/health` body (illustrative build id and uptime; the rest as a default development server answers). */
export const HEALTH_EXAMPLE: JsonObject = {
  status: "healthy",
  version: ISL_VERSION,
  build: "3f2a9c1",
  build_full: "3f2a9c1d0b7e4a6f8c2d1e0f9a8b7c6d5e4f3a2b",
  timestamp: "2026-01-01T00:00:00.000Z",
  config_fingerprint: "cb0a8a533671",
  compute_admission: computeAdmissionBlock(PLOT_DEFAULT_MAX_COST_UNITS),
  uptime_seconds: 42.5,
  redis: { configured: false, state: "not_configured", connected: false, circuit_breaker: null },
};

/** One public or keyed GET path of the service endpoints. */
export interface ServicePath {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** Component name of the 200 body, or several (any one of them). */
  schemas: readonly string[];
  /** Served without `X-API-Key` (as `isPublicPath` decides). */
  public: boolean;
  /** An example 200 body (a production-like server with Redis; checked against the schema by a test). */
  example: JsonObject;
}

/** A closed Redis circuit breaker after a day of traffic, with the default thresholds. */
const REDIS_BREAKER_EXAMPLE: CircuitBreakerSnapshot = {
  state: "closed",
  failure_count: 0,
  success_count: 0,
  failure_threshold: 5,
  success_threshold: 2,
  half_open_max_calls: 1,
  timeout_seconds: 5,
  total_calls: 182_344,
  total_failures: 7,
  total_rejected: 0,
  times_opened: 1,
  seconds_since_last_failure: 5_210.4,
  seconds_until_half_open: 0,
};

const SERVICES_EXAMPLE: ServicesHealthBody = {
  overall_status: "healthy",
  timestamp: "2026-01-01T00:00:00.000Z",
  services: {
    worker_pool: { status: "healthy", threads: 3, started: true, closed: false, busy: 1, queued: 0, completed: 9_412, cancelled: 3, terminated: 0, worker_errors: 0 },
    redis: { status: "healthy", configured: true, state: "connected", connected: true, circuit_breaker: "closed" },
    sentry: { status: "configured" },
    opentelemetry: { status: "configured" },
  },
};

const REDIS_HEALTH_EXAMPLE: RedisHealthBody = {
  status: "healthy",
  configured: true,
  connection: "connected",
  connected: true,
  target: "redis.internal:6379",
  ping_ms: 0.41,
  connections: 2,
  disconnections: 1,
  last_error: "ECONNRESET",
  circuit_breaker: REDIS_BREAKER_EXAMPLE,
};

const CIRCUIT_BREAKERS_EXAMPLE: CircuitBreakersBody = {
  overall_status: "operational",
  circuit_breakers: { redis: REDIS_BREAKER_EXAMPLE },
  explanation: "Every circuit breaker is closed: calls to the dependencies go through.",
};

const CACHE_STATS_EXAMPLE: CacheStatsBody = {
  hits: 61_204,
  misses: 20_331,
  hit_rate_percent: 75.06,
  total_requests: 81_535,
  evictions: 1_208,
  expirations: 4_410,
  current_size: 41_902_118,
  max_size: 67_108_864,
  utilization_percent: 62.44,
  entries: 11_630,
  size_bytes: 41_902_118,
  max_bytes: 67_108_864,
  max_entry_bytes: 16_777_216,
  ttl_seconds: 3_600,
  memory_hits: 52_117,
  redis_hits: 9_087,
  rejected: 2,
  redis: { configured: true, state: "connected", circuit_breaker: "closed", writes: 20_329, write_failures: 5, read_failures: 2 },
};

/** The service endpoints beyond `/health` and `/ready`, with their response components. */
export const SERVICE_PATHS: readonly ServicePath[] = [
  {
    path: "/health/services",
    operationId: "healthServices",
    summary: "Each dependency's status",
    description: "Worker pool, Redis, Sentry and OpenTelemetry, checked live. Always 200; `overall_status: degraded` when a dependency in use is unhealthy.",
    schemas: ["ServicesHealthResponse"],
    public: true,
    example: SERVICES_EXAMPLE as unknown as JsonObject,
  },
  {
    path: "/health/redis",
    operationId: "healthRedis",
    summary: "Redis connection state, with a live PING",
    description: "Always 200, also when Redis is unreachable (`status: unavailable`) or not configured.",
    schemas: ["RedisHealthResponse"],
    public: true,
    example: REDIS_HEALTH_EXAMPLE as unknown as JsonObject,
  },
  {
    path: "/health/circuit-breakers",
    operationId: "healthCircuitBreakers",
    summary: "Circuit breakers of the dependencies",
    description: "Each breaker's state, counters and thresholds (`redis` when Redis is configured).",
    schemas: ["CircuitBreakersResponse"],
    public: true,
    example: CIRCUIT_BREAKERS_EXAMPLE as unknown as JsonObject,
  },
  {
    path: "/cache/stats",
    operationId: "cacheStats",
    summary: "Result-cache statistics",
    description: "Hits, misses, sizes and Redis write/read failures of the result cache; `enabled: false` when the cache is off.",
    schemas: ["CacheStatsResponse", "CacheDisabledResponse"],
    public: false,
    example: CACHE_STATS_EXAMPLE as unknown as JsonObject,
  },
];
