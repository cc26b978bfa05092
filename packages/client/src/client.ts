/**
 * `createClient`: a typed fetch client for the ISL server. `client.run(id, request)` and one
 * method per operation (`client.causal.validate(request)`) are both generated from the contracts
 * operation table; nothing here names an operation.
 */
import { findOperation, operations, type OperationId, type RequestInput, type ResponseOf } from "@olumi/contracts";
import { IslClientError } from "./errors.js";
import { methodPath, type CamelCase, type ChildSegments } from "./names.js";

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Server root, e.g. `http://127.0.0.1:8000` (a trailing `/` is ignored). */
  baseUrl: string;
  /** Sent as `X-API-Key` on every request. */
  apiKey?: string;
  /** The fetch to use (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
  /** Sent as `X-Request-Id`; the server echoes it in the response metadata. */
  requestId?: string;
  /** Extra headers for this call (override the client's). */
  headers?: Record<string, string>;
}

/** The method for one operation: its request in, its response out. */
export type OperationMethod<Id extends OperationId> = (request: RequestInput<Id>, options?: CallOptions) => Promise<ResponseOf<Id>>;

/** The node at id path `Path`: a method when `Path` is an operation id, a namespace when longer ids continue it, or both. */
export type OperationNode<Path extends string> = (Path extends OperationId ? OperationMethod<Path> : unknown) &
  ([ChildSegments<`${Path}/`>] extends [never] ? unknown : OperationNamespace<`${Path}/`>);

/** The methods under id prefix `Prefix`, keyed by their camelCased next segment. */
export type OperationNamespace<Prefix extends string = ""> = {
  readonly [S in ChildSegments<Prefix> as CamelCase<S>]: OperationNode<`${Prefix}${S}`>;
};

/** The client: `run(id, request)` plus one method per operation of the table. */
export type IslClient = OperationNamespace & {
  /** Runs operation `id` on `request`. Throws {@link IslClientError} for a non-2xx answer. */
  run<Id extends OperationId>(id: Id, request: RequestInput<Id>, options?: CallOptions): Promise<ResponseOf<Id>>;
  /** The server root this client talks to. */
  readonly baseUrl: string;
};

type AnyMethod = (request: unknown, options?: CallOptions) => Promise<unknown>;

interface TreeNode {
  method?: AnyMethod;
  children: Map<string, TreeNode>;
}

/** Turns the tree into objects; a node that is both a method and a namespace is a function with properties. */
function materialise(node: TreeNode): object {
  const target: object = node.method ? (request: unknown, options?: CallOptions) => node.method?.(request, options) : {};
  for (const [key, child] of node.children) {
    Object.defineProperty(target, key, { value: materialise(child), enumerable: true, configurable: false, writable: false });
  }
  return target;
}

function queryString(request: unknown): string {
  if (request === null || typeof request !== "object") return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined) params.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** A client for the ISL server at `options.baseUrl`. */
export function createClient(options: ClientOptions): IslClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("No fetch available: pass options.fetch.");
  const baseHeaders: Record<string, string> = { accept: "application/json", ...(options.headers ?? {}) };
  if (options.apiKey !== undefined) baseHeaders["x-api-key"] = options.apiKey;

  async function run(id: string, request: unknown, call: CallOptions = {}): Promise<unknown> {
    const op = findOperation(id);
    if (op === undefined) throw new TypeError(`Unknown operation '${id}'. Available: ${operations.map((o) => o.id).join(", ")}.`);
    const headers: Record<string, string> = { ...baseHeaders, ...(call.headers ?? {}) };
    if (call.requestId !== undefined) headers["x-request-id"] = call.requestId;
    const init: RequestInit = { method: op.method, headers };
    if (call.signal !== undefined) init.signal = call.signal;
    let url = `${baseUrl}${op.path}`;
    if (op.method === "GET") url += queryString(request);
    else {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(request);
    }
    const response = await fetchImpl(url, init);
    const text = await response.text();
    const requestIdHeader = response.headers.get("x-request-id");
    if (!response.ok) throw new IslClientError(response.status, text, requestIdHeader);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new IslClientError(response.status, text, requestIdHeader, `ISL answered HTTP ${response.status} with a body that is not JSON`);
    }
  }

  const root: TreeNode = { children: new Map() };
  for (const op of operations) {
    let node = root;
    for (const key of methodPath(op.id)) {
      let child = node.children.get(key);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    const id = op.id;
    node.method = (request, call) => run(id, request, call);
  }
  if (root.children.has("run") || root.children.has("baseUrl")) throw new Error("An operation id collides with client.run or client.baseUrl.");
  return Object.assign(materialise(root), { run, baseUrl }) as IslClient;
}
