/**
 * Structured request logs: pino JSON, one line per request at completion with `timestamp`,
 * `level`, `request_id`, `endpoint` (route template), `method`, `status_code`, `duration_ms` and
 * `user_hash` (SHA-256 of `X-User-Id`; the raw id is never written). Secrets are redacted twice:
 * pino `redact` for the known key paths, and a pass over every string (message included) that
 * masks e-mail-like substrings. Cost: O(size of the logged object) per line.
 */
import { createHash } from "node:crypto";
import { pino, type DestinationStream, type Level, type LevelWithSilent, type Logger } from "pino";

/** Log levels accepted by {@link createLogger} (pino's, plus `silent`). */
export type LogLevel = LevelWithSilent;

/** Replacement text for redacted values. */
export const REDACTED = "[REDACTED]";
/** Replacement text for e-mail-like substrings. */
export const REDACTED_EMAIL = "[REDACTED_EMAIL]";

/** Key paths whose values are always replaced by {@link REDACTED} (header names are lower case, as Node gives them). */
export const REDACT_PATHS: readonly string[] = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  '["x-api-key"]',
  '*["x-api-key"]',
  'headers["x-api-key"]',
  'req.headers["x-api-key"]',
  "api_key",
  "*.api_key",
  "apiKey",
  "*.apiKey",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "req.headers.cookie",
  "password",
  "*.password",
  "token",
  "*.token",
];

const EMAIL_LIKE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** `text` with every e-mail-like substring replaced by {@link REDACTED_EMAIL}. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL_LIKE, REDACTED_EMAIL);
}

const MAX_MASK_DEPTH = 8;

/** A copy of `value` with e-mail-like substrings masked in every string (Errors are left to the `err` serializer). */
export function maskValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskEmails(value);
  if (value === null || typeof value !== "object" || value instanceof Error || depth >= MAX_MASK_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskValue(item, depth + 1);
  return out;
}

/** SHA-256 (lower-case hex) of a user id, the only form in which a user id is logged. */
export function hashUserId(userId: string): string {
  return createHash("sha256").update(userId, "utf8").digest("hex");
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level written (default `info`); the server passes `LOG_LEVEL`. */
  level?: LogLevel;
  /** Where lines go (default stdout). Any object with `write(line)` works, e.g. an in-memory array in tests. */
  destination?: DestinationStream;
}

/** The ISO-8601 `timestamp` field (pino's ISO time, under the name the log schema uses). */
function isoTimestamp(): string {
  return pino.stdTimeFunctions.isoTime().replace('"time"', '"timestamp"');
}

/** A pino logger with the ISL log schema: ISO `timestamp`, textual `level`, redaction and e-mail masking. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const pinoOptions = {
    level: options.level ?? "info",
    timestamp: isoTimestamp,
    messageKey: "message",
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object: Record<string, unknown>) => maskValue(object) as Record<string, unknown>,
    },
    serializers: { err: (error: unknown) => maskValue(error instanceof Error ? pino.stdSerializers.err(error) : error) },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? maskEmails(arg) : arg)),
        );
      },
    },
  };
  return options.destination === undefined ? pino(pinoOptions) : pino(pinoOptions, options.destination);
}

/** True when `value` is a pino logger (rather than the minimal `error(message, error)` sink). */
export function isPinoLogger(value: unknown): value is Logger {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { child?: unknown; levels?: unknown; info?: unknown };
  return typeof candidate.child === "function" && typeof candidate.info === "function" && typeof candidate.levels === "object";
}

/** The fields of one request's completion line. */
export interface RequestLogFields {
  request_id: string;
  endpoint: string;
  method: string;
  status_code: number;
  duration_ms: number;
  /** SHA-256 of `X-User-Id`, or null when the header is absent. */
  user_hash: string | null;
  /** Trace id of the request's span (only when tracing is on), to find the trace from a log line. */
  trace_id?: string;
}

/** The level of a completion line: error for 5xx, warn for 4xx, info otherwise. */
export function levelForStatus(status: number): Level {
  if (status >= 500) return "error";
  if (status >= 400) return "warn";
  return "info";
}

/** Writes the completion line of one request. */
export function logRequest(logger: Logger, fields: RequestLogFields): void {
  logger[levelForStatus(fields.status_code)](fields, "request completed");
}
