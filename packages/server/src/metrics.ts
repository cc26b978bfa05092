/**
 * Prometheus metrics with the platform audit's names (upstream-service.md §4), on a registry per
 * app (so tests can build many apps), plus Node process metrics on one dedicated process-wide
 * registry (they describe the process, not an app). Business counters come from the operation
 * table's `metric` field; each distinct name is registered once with a series per operation at 0.
 * Endpoint labels are route templates, so cardinality is bounded by the route table.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The label used for requests that matched no route. */
export const UNMATCHED_ENDPOINT = "unmatched";

/** Audit business counters that must exist even when no operation counts under them yet. */
export const AUDIT_BUSINESS_COUNTERS: readonly string[] = [
  "isl_belief_updates_total",
  "isl_causal_validations_total",
  "isl_counterfactual_analyses_total",
  "isl_preference_queries_generated_total",
  "isl_teaching_examples_generated_total",
];

/** Buckets of `isl_http_request_duration_seconds`: 0.5 ms up to the longest route deadline (180 s). */
export const HTTP_DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 180];

/** The computation histograms, and the business counter whose operations they time. */
const COMPUTATION_HISTOGRAMS = [
  { name: "isl_activa_computation_duration_seconds", counter: "isl_preference_queries_generated_total", help: "Time to compute a preference query (ActiVA), seconds.", buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] },
  { name: "isl_bayesian_update_duration_seconds", counter: "isl_belief_updates_total", help: "Time to compute a Bayesian belief update, seconds.", buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] },
  { name: "isl_counterfactual_computation_duration_seconds", counter: "isl_counterfactual_analyses_total", help: "Time to compute a counterfactual analysis, seconds.", buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
] as const;

/** Every metric name of the audit that this module registers (Node process metrics aside). */
export const AUDIT_METRIC_NAMES: readonly string[] = [
  "isl_http_requests_total",
  "isl_http_request_duration_seconds",
  "isl_http_errors_total",
  "isl_active_requests",
  ...AUDIT_BUSINESS_COUNTERS,
  "isl_redis_operations_total",
  "isl_cache_hits_total",
  "isl_cache_misses_total",
  "isl_service_up",
  "isl_redis_connected",
  ...COMPUTATION_HISTOGRAMS.map((h) => h.name),
];

/** Gauges of the worker pool (0 when the app has none), beyond the audit's names. */
export const WORKER_POOL_METRIC_NAMES: readonly string[] = ["isl_worker_pool_threads", "isl_worker_pool_busy", "isl_worker_pool_queued"];

/** The worker pool's numbers that the pool gauges report (read at every scrape). */
export interface PoolGaugeSource {
  stats(): { readonly threads: number; readonly busy: number; readonly queued: number };
}

/** What the metrics need to know about an operation. */
export interface MeteredOperation {
  readonly id: string;
  readonly metric?: string;
}

/** The metrics of one app. */
export interface IslMetrics {
  /** The app's registry (process metrics are separate; see {@link renderMetrics}). */
  readonly registry: Registry;
  readonly httpRequests: Counter<"method" | "endpoint" | "status">;
  readonly httpDuration: Histogram<"method" | "endpoint">;
  readonly httpErrors: Counter<"method" | "endpoint" | "error_code">;
  readonly activeRequests: Gauge;
  /** Business counters by metric name, labelled by operation id. */
  readonly business: ReadonlyMap<string, Counter<"operation">>;
  readonly redisOperations: Counter<"operation" | "status">;
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  readonly serviceUp: Gauge;
  readonly redisConnected: Gauge;
  /** Computation histograms by the business counter name whose operations they time. */
  readonly computation: ReadonlyMap<string, Histogram>;
  /** Records one finished HTTP request. */
  recordRequest(method: string, endpoint: string, status: number, seconds: number): void;
  /**
   * Records one successful call of an operation: its business counter always moves; its
   * computation histogram observes `seconds` only when the body was computed (not a cache hit).
   */
  recordOperation(operation: MeteredOperation, seconds: number, cacheHit?: boolean): void;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * Creates the app's metrics, registering every audit name, every operation's business counter and
 * the worker-pool gauges.
 *
 * @param operationTable - The operations (for their business counters).
 * @param workerPool - The pool whose threads, busy threads and queued tasks the gauges report at
 *   each scrape (the gauges read 0 without one).
 */
export function createMetrics(operationTable: readonly MeteredOperation[], workerPool?: PoolGaugeSource): IslMetrics {
  const registry = new Registry();
  const registers = [registry];
  const poolGauge = (name: string, help: string, read: (stats: ReturnType<PoolGaugeSource["stats"]>) => number): void => {
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(workerPool === undefined ? 0 : read(workerPool.stats()));
      },
    });
  };
  poolGauge("isl_worker_pool_threads", "Worker threads of the pool that runs the heavy operations (0 without a pool).", (stats) => stats.threads);
  poolGauge("isl_worker_pool_busy", "Worker threads running a task.", (stats) => stats.busy);
  poolGauge("isl_worker_pool_queued", "Heavy-operation tasks waiting for a free worker thread.", (stats) => stats.queued);
  const httpRequests = new Counter({ name: "isl_http_requests_total", help: "HTTP requests answered, by method, route template and status.", labelNames: ["method", "endpoint", "status"] as const, registers });
  const httpDuration = new Histogram({ name: "isl_http_request_duration_seconds", help: "HTTP request duration from arrival to the end of the response, seconds.", labelNames: ["method", "endpoint"] as const, buckets: HTTP_DURATION_BUCKETS, registers });
  const httpErrors = new Counter({ name: "isl_http_errors_total", help: "HTTP responses with status >= 400, by method, route template and status (error_code).", labelNames: ["method", "endpoint", "error_code"] as const, registers });
  const activeRequests = new Gauge({ name: "isl_active_requests", help: "HTTP requests in flight.", registers });

  const business = new Map<string, Counter<"operation">>();
  const counterFor = (name: string): Counter<"operation"> => {
    let counter = business.get(name);
    if (counter === undefined) {
      counter = new Counter({ name, help: `Successful operation calls counted under ${name}, by operation id.`, labelNames: ["operation"] as const, registers });
      business.set(name, counter);
    }
    return counter;
  };
  for (const name of AUDIT_BUSINESS_COUNTERS) counterFor(name);
  for (const op of operationTable) {
    if (op.metric !== undefined && METRIC_NAME.test(op.metric)) counterFor(op.metric).inc({ operation: op.id }, 0);
  }

  const redisOperations = new Counter({ name: "isl_redis_operations_total", help: "Redis commands issued by the cache, by operation and status.", labelNames: ["operation", "status"] as const, registers });
  const cacheHits = new Counter({ name: "isl_cache_hits_total", help: "Result cache hits.", registers });
  const cacheMisses = new Counter({ name: "isl_cache_misses_total", help: "Result cache misses.", registers });
  const serviceUp = new Gauge({ name: "isl_service_up", help: "1 while the service answers scrapes.", registers });
  serviceUp.set(1);
  const redisConnected = new Gauge({ name: "isl_redis_connected", help: "1 when the Redis connection is up, 0 otherwise (0 when Redis is not configured).", registers });
  redisConnected.set(0);
  cacheHits.inc(0);
  cacheMisses.inc(0);

  const computation = new Map<string, Histogram>();
  for (const spec of COMPUTATION_HISTOGRAMS) {
    computation.set(spec.counter, new Histogram({ name: spec.name, help: spec.help, buckets: [...spec.buckets], registers }));
  }

  return {
    registry,
    httpRequests,
    httpDuration,
    httpErrors,
    activeRequests,
    business,
    redisOperations,
    cacheHits,
    cacheMisses,
    serviceUp,
    redisConnected,
    computation,
    recordRequest(method, endpoint, status, seconds) {
      const code = String(status);
      httpRequests.inc({ method, endpoint, status: code });
      httpDuration.observe({ method, endpoint }, seconds);
      if (status >= 400) httpErrors.inc({ method, endpoint, error_code: code });
    },
    recordOperation(operation, seconds, cacheHit = false) {
      if (operation.metric === undefined) return;
      business.get(operation.metric)?.inc({ operation: operation.id });
      if (!cacheHit) computation.get(operation.metric)?.observe(seconds);
    },
  };
}

let processRegistry: Registry | undefined;

/** The dedicated registry of Node process metrics (created once per process, never the global registry). */
export function processMetricsRegistry(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Content type of the `/metrics` body. */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** The Prometheus text of the app's metrics followed by the process metrics. */
export async function renderMetrics(metrics: IslMetrics): Promise<string> {
  metrics.serviceUp.set(1);
  const [app, node] = await Promise.all([metrics.registry.metrics(), processMetricsRegistry().metrics()]);
  return `${app.trimEnd()}\n${node}`;
}
