/** What a handler receives besides its request: the seeded randomness and the request's identity. */
import type { Rng } from "../random/index.js";

/** The context of one operation call. Handlers are pure functions of (request, context). */
export interface HandlerContext {
  /** The seeded random stream of this request; fork it per purpose (`ctx.rng.fork("noise")`). */
  readonly rng: Rng;
  /** The seed in use, as reported in the response metadata. */
  readonly seed: string;
  /** Whether the seed came from the request or was derived from its content. */
  readonly seedSource: "request" | "derived";
  /** The request id for metadata (given by the adapter, else derived from the request's content). */
  readonly requestId: string;
  /** Aborted when the caller gives up (deadline, client gone); long loops check it. */
  readonly signal: AbortSignal;
}
