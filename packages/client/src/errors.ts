/** `IslClientError`: a non-2xx answer from the ISL server, with its status and error envelope. */
import { ErrorEnvelope } from "@olumi/contracts";

/** Thrown by every client call whose response is not 2xx (or whose 2xx body is not JSON). */
export class IslClientError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The Olumi error envelope, when the body is one (absent for e.g. a proxy's HTML error page). */
  readonly envelope: ErrorEnvelope | undefined;
  /** The envelope's code (`ISL_DAG_CYCLIC`…), or `HTTP_<status>` when the body is not an envelope. */
  readonly code: string;
  /** The request id from the envelope, else from the `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** The raw response text. */
  readonly body: string;

  constructor(status: number, body: string, requestIdHeader: string | null, message?: string) {
    const envelope = parseEnvelope(body);
    super(message ?? (envelope ? `${envelope.code}: ${envelope.message}` : `ISL request failed with HTTP ${status}`));
    this.name = "IslClientError";
    this.status = status;
    this.envelope = envelope;
    this.code = envelope?.code ?? `HTTP_${status}`;
    this.requestId = envelope?.request_id ?? requestIdHeader ?? undefined;
    this.body = body;
  }

  /** Whether retrying the same request may succeed (from the envelope; 5xx when there is none). */
  get retryable(): boolean {
    return this.envelope?.retryable ?? this.status >= 500;
  }
}

function parseEnvelope(body: string): ErrorEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = ErrorEnvelope.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** True when `e` is an {@link IslClientError} (also across bundle copies). */
export function isIslClientError(e: unknown): e is IslClientError {
  return e instanceof IslClientError || (e instanceof Error && e.name === "IslClientError" && typeof (e as { status?: unknown }).status === "number");
}
