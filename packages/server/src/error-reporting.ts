/**
 * Sentry reporting of unhandled errors (the requests answered 500), when `SENTRY_DSN` is set.
 *
 * A private `NodeClient` of `@sentry/node` with no default integrations: nothing is patched or
 * registered globally, nothing is sent but the errors handed to {@link ErrorReporter.report}, and
 * no request data (headers, body, IP) is attached (`sendDefaultPii: false`). Each event carries the
 * tags `request_id`, `endpoint` (route template), `method` and, when tracing is on, `trace_id`.
 * Before sending, every configured API key is replaced by `[REDACTED]` wherever it occurs in the
 * event, so a key that leaked into an error message never leaves the process. The SDK is loaded on
 * first use, so a server without a DSN does not pay for it. The client only ever sees the error
 * envelope; the report happens beside the response.
 */
import type { ErrorEvent, NodeClient } from "@sentry/node";

/** What a report says about the failed request. */
export interface ErrorContext {
  requestId: string;
  /** Route template (bounded cardinality). */
  endpoint: string;
  method: string;
  /** Trace id of the request's span, when tracing is on. */
  traceId?: string;
}

/** Where unhandled errors go. */
export interface ErrorReporter {
  /** Queues a report of `error` (never throws, never waits). */
  report(error: unknown, context: ErrorContext): void;
  /** Resolves once queued reports are sent (false if `timeoutMs` passed first). */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Sends what is queued and stops the client. */
  close(timeoutMs?: number): Promise<boolean>;
}

/** Options of {@link createSentryReporter}. */
export interface SentryOptions {
  /** The DSN (`SENTRY_DSN`). */
  dsn: string;
  /** `environment` of the events (`SENTRY_ENVIRONMENT`, else `ENVIRONMENT`). */
  environment: string;
  /** `release` of the events, e.g. `isl@0.1.0`. */
  release: string;
  /** Strings that must never appear in an event (the API keys). */
  secrets?: readonly string[];
}

/** The redaction marker put in place of a secret. */
export const SENTRY_REDACTED = "[REDACTED]";

/** `event` with every occurrence of each secret replaced by {@link SENTRY_REDACTED} (a deep copy). */
export function redactEvent<T>(event: T, secrets: readonly string[]): T {
  const present = secrets.filter((s) => s.length > 0);
  if (present.length === 0) return event;
  const scrub = (value: unknown): unknown => {
    if (typeof value === "string") return present.reduce((text, secret) => text.split(secret).join(SENTRY_REDACTED), value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k) as string, scrub(v)]));
    return value;
  };
  return scrub(event) as T;
}

/** A reporter sending to Sentry through a private client. */
export function createSentryReporter(options: SentryOptions): ErrorReporter {
  const secrets = options.secrets ?? [];
  let closed = false;
  const ready: Promise<{ client: NodeClient; sentry: typeof import("@sentry/node") }> = import("@sentry/node").then((sentry) => {
    const client = new sentry.NodeClient({
      dsn: options.dsn,
      environment: options.environment,
      release: options.release,
      transport: sentry.makeNodeTransport,
      stackParser: sentry.defaultStackParser,
      integrations: [],
      sendDefaultPii: false,
      beforeSend: (event: ErrorEvent) => redactEvent(event, secrets),
    });
    client.init();
    return { client, sentry };
  });
  return {
    report(error, context) {
      if (closed) return;
      ready.then(({ client, sentry }) => {
        const scope = new sentry.Scope();
        scope.setClient(client);
        scope.setTags({ request_id: context.requestId, endpoint: context.endpoint, method: context.method });
        if (context.traceId !== undefined) scope.setTag("trace_id", context.traceId);
        scope.captureException(error);
      }, () => undefined);
    },
    async flush(timeoutMs = 2000) {
      const { client } = await ready;
      return client.flush(timeoutMs);
    },
    async close(timeoutMs = 2000) {
      closed = true;
      const { client } = await ready;
      return client.close(timeoutMs);
    },
  };
}
