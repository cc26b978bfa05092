/**
 * The OpenAPI 3.1 document, generated from the operation table. Schemas come from zod 4's native
 * JSON Schema conversion (draft 2020-12, the dialect of OpenAPI 3.1); every schema carrying a
 * `.meta({ id })` becomes a component under that id. Requests are converted as zod *input*
 * (fields with defaults are optional) and responses as *output*; when a shared schema differs
 * between the two views, the input view is published as `<Id>Input`.
 */
import { ErrorEnvelope, ISL_VERSION, operationCamelName, operations, type Operation } from "@olumi/contracts";
import { HEALTH_EXAMPLE, SERVICE_PATHS, SERVICE_SCHEMAS } from "./openapi-service-schemas.js";

/** A JSON Schema or OpenAPI object, as plain JSON. */
export type JsonObject = Record<string, unknown>;

type Schema = Operation["request"];
type Io = "input" | "output";

const COMPONENT_PREFIX = "#/components/schemas/";
const DEFS_PREFIX = "#/$defs/";

/** `causal/validate` → `causalValidate`: the operationId of an operation. */
export const operationIdToCamel = operationCamelName;

function pascal(id: string): string {
  const camel = operationIdToCamel(id);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** Deep-rewrites every `$ref` with `rewrite`. */
function rewriteRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rewrite));
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === "$ref" && typeof v === "string" ? rewrite(v) : rewriteRefs(v, rewrite);
  return out;
}

/** Collects named component schemas from both the input and the output views of the table (exported for tests). */
export class ComponentSet {
  readonly schemas: Record<string, JsonObject> = {};

  /** Adds `schema` (and every schema it references) and returns the component name of its root. */
  add(schema: Schema, io: Io, fallbackName: string): string {
    const generated = schema.toJSONSchema({
      io,
      target: "draft-2020-12",
      unrepresentable: "any",
      // NOTE: zod marks every object of the output view `additionalProperties: false` because
      // parsing strips unknown keys. That is not a promise about future responses (new fields are
      // additive), and it would make every shared schema differ between the two views, so it is
      // dropped unless the object is strict (`z.strictObject`, whose catchall is set).
      override: ({ zodSchema, jsonSchema }) => {
        const def = zodSchema._zod.def;
        if (io === "output" && def.type === "object" && def.catchall === undefined) delete jsonSchema.additionalProperties;
      },
    });
    const json = JSON.parse(JSON.stringify(generated)) as JsonObject;
    const defs = { ...((json.$defs as Record<string, JsonObject> | undefined) ?? {}) };
    delete json.$defs;
    delete json.$schema;
    let rootDef: string;
    const keys = Object.keys(json);
    if (keys.length === 1 && typeof json.$ref === "string" && json.$ref.startsWith(DEFS_PREFIX)) {
      rootDef = json.$ref.slice(DEFS_PREFIX.length);
    } else {
      rootDef = fallbackName;
      defs[rootDef] = json;
    }
    const names = this.namesFor(defs, io);
    const rewrite = (ref: string): string =>
      ref.startsWith(DEFS_PREFIX) ? COMPONENT_PREFIX + (names.get(ref.slice(DEFS_PREFIX.length)) ?? ref.slice(DEFS_PREFIX.length)) : ref;
    for (const [name, def] of Object.entries(defs)) {
      const target = names.get(name) ?? name;
      const converted = rewriteRefs(def, rewrite) as JsonObject;
      const existing = this.schemas[target];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(converted)) {
        throw new Error(`Different schemas share the component id '${target}'.`);
      }
      this.schemas[target] = converted;
    }
    return names.get(rootDef) ?? rootDef;
  }

  /**
   * The component name of each def: its id, or `<id>Input` (input view only) when a component of
   * that id already exists with different content, or when it references a renamed def.
   */
  private namesFor(defs: Record<string, JsonObject>, io: Io): Map<string, string> {
    const identity = (ref: string): string => (ref.startsWith(DEFS_PREFIX) ? COMPONENT_PREFIX + ref.slice(DEFS_PREFIX.length) : ref);
    const renamed = new Set<string>();
    for (const [name, def] of Object.entries(defs)) {
      const existing = this.schemas[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(rewriteRefs(def, identity))) renamed.add(name);
    }
    let grew = renamed.size > 0;
    while (grew) {
      grew = false;
      for (const [name, def] of Object.entries(defs)) {
        if (renamed.has(name)) continue;
        const text = JSON.stringify(def);
        if ([...renamed].some((r) => text.includes(`"${DEFS_PREFIX}${r}"`))) {
          renamed.add(name);
          grew = true;
        }
      }
    }
    if (renamed.size > 0 && io === "output") throw new Error(`Different schemas share the component ids ${[...renamed].join(", ")}.`);
    const names = new Map<string, string>();
    for (const name of Object.keys(defs)) names.set(name, renamed.has(name) ? `${name}Input` : name);
    return names;
  }
}

/** The response object for an error status. */
function errorResponse(description: string, errorRef: string): JsonObject {
  return { description, content: { "application/json": { schema: { $ref: COMPONENT_PREFIX + errorRef } } } };
}

/** Name of the API-key security scheme. */
export const API_KEY_SCHEME = "ApiKeyAuth";

/** The `X-API-Key` security scheme (required on every path but the public ones). */
const SECURITY_SCHEMES: JsonObject = {
  [API_KEY_SCHEME]: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "One of the keys in `ISL_API_KEYS`. Public paths (`/health*`, `/ready`, `/metrics`, `/docs`, `/redoc`, `/openapi.json`) need none; without configured keys (development) no path needs one.",
  },
};

/** The 429 response, with its headers. */
function rateLimitedResponse(errorRef: string): JsonObject {
  return {
    ...errorResponse("Too many requests for this key or client (ISL_RATE_LIMIT_EXCEEDED).", errorRef),
    headers: {
      "Retry-After": { description: "Seconds until a request will be accepted again.", schema: { type: "integer", minimum: 0 } },
      RateLimit: { description: "Remaining quota and reset time (IETF RateLimit header fields).", schema: { type: "string" } },
    },
  };
}

/** Response headers every answer carries (the platform's boundary contract). */
const OLUMI_HEADERS: JsonObject = {
  "X-Request-Id": { description: "The request id (sent or generated).", schema: { type: "string" } },
  "X-Processing-Time-Ms": { description: "Server time spent, in milliseconds.", schema: { type: "string" } },
  "x-olumi-service": { description: "Always `isl`.", schema: { type: "string", const: "isl" } },
  "x-olumi-service-build": { description: "Short build id, or `unknown`.", schema: { type: "string" } },
  "x-olumi-response-hash": { description: "SHA-256 of the canonical JSON of the uncompressed body (JSON bodies up to 1 MiB).", schema: { type: "string", pattern: "^[0-9a-f]{64}$" } },
  "x-olumi-trace-received": { description: "`<X-Request-Id or none>:<x-olumi-payload-hash or none>` as received (`invalid` for a malformed value).", schema: { type: "string" } },
};

function buildDocument(): JsonObject {
  const components = new ComponentSet();
  const errorRef = components.add(ErrorEnvelope, "output", "ErrorResponse");
  const paths: Record<string, JsonObject> = {};
  // NOTE: responses first, so that a schema shared by a request and a response keeps its plain id
  // for the output view and only the differing input view is renamed.
  const responseRefs = operations.map((op) => components.add(op.response, "output", `${pascal(op.id)}Response`));
  operations.forEach((op, i) => {
    const requestRef = components.add(op.request, "input", `${pascal(op.id)}Request`);
    const operation: JsonObject = {
      operationId: operationIdToCamel(op.id),
      summary: op.summary,
      description: op.description,
      tags: [...op.tags],
      parameters: [
        { name: "X-Request-Id", in: "header", required: false, description: "Echoed in the response headers and metadata when it is 1..128 characters of [A-Za-z0-9._:-].", schema: { type: "string", maxLength: 128 } },
        { name: "traceparent", in: "header", required: false, description: "W3C trace context; the server span joins this trace (exported when OTEL_EXPORTER_OTLP_ENDPOINT is set).", schema: { type: "string", pattern: "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$" } },
      ],
      responses: {
        "200": {
          description: "The result.",
          headers: OLUMI_HEADERS,
          content: { "application/json": { schema: { $ref: COMPONENT_PREFIX + responseRefs[i] } } },
        },
        "401": errorResponse("Missing or unknown X-API-Key (ISL_UNAUTHORIZED).", errorRef),
        "429": rateLimitedResponse(errorRef),
        "504": errorResponse("The route's deadline passed and the computation was stopped (ISL_TIMEOUT).", errorRef),
        "400": errorResponse("Bad input: malformed JSON, wrong content type, or a domain error such as ISL_DAG_CYCLIC.", errorRef),
        "413": errorResponse("Request body over 10 MB (ISL_REQUEST_TOO_LARGE).", errorRef),
        "422": errorResponse("The request does not match the schema (ISL_VALIDATION_ERROR); see validation_failures.", errorRef),
        "500": errorResponse("Unexpected failure (ISL_COMPUTATION_ERROR); never carries internal details.", errorRef),
      },
    };
    if (op.method !== "GET") {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: { $ref: COMPONENT_PREFIX + requestRef }, example: op.example } },
      };
    }
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method.toLowerCase()]: operation };
  });
  for (const [name, schema] of Object.entries(SERVICE_SCHEMAS)) {
    if (components.schemas[name] !== undefined) throw new Error(`The service schema '${name}' collides with an operation component.`);
    components.schemas[name] = schema;
  }
  for (const [path, summary] of [
    ["/health", "Liveness: the service is up"],
    ["/ready", "Readiness: the service accepts requests"],
  ] as const) {
    paths[path] = {
      get: {
        operationId: path.slice(1),
        summary,
        tags: ["Health"],
        security: [],
        responses: {
          "200": { description: "Up.", content: { "application/json": { schema: { $ref: `${COMPONENT_PREFIX}HealthResponse` }, example: HEALTH_EXAMPLE } } },
          ...(path === "/ready" ? { "503": errorResponse("Not ready (ISL_SERVICE_UNAVAILABLE).", errorRef) } : {}),
        },
      },
    };
  }
  for (const service of SERVICE_PATHS) {
    const refs = service.schemas.map((name) => ({ $ref: COMPONENT_PREFIX + name }));
    paths[service.path] = {
      get: {
        operationId: service.operationId,
        summary: service.summary,
        description: service.description,
        tags: ["Health"],
        ...(service.public ? { security: [] } : {}),
        responses: {
          "200": { description: "Current values.", content: { "application/json": { schema: refs.length === 1 ? refs[0] : { oneOf: refs }, example: service.example } } },
          ...(service.public ? {} : { "401": errorResponse("Missing or unknown X-API-Key (ISL_UNAUTHORIZED).", errorRef), "429": rateLimitedResponse(errorRef) }),
        },
      },
    };
  }
  paths["/metrics"] = {
    get: {
      operationId: "metrics",
      summary: "Prometheus metrics (text exposition format)",
      tags: ["Health"],
      security: [],
      responses: { "200": { description: "Every `isl_*` family and the Node process metrics.", content: { "text/plain": { schema: { type: "string" }, example: "isl_service_up 1\n" } } } },
    },
  };
  paths["/openapi.json"] = {
    get: {
      operationId: "openapi",
      summary: "This OpenAPI 3.1 document",
      tags: ["Health"],
      security: [],
      responses: { "200": { description: "The document.", content: { "application/json": { schema: { type: "object" }, example: { openapi: "3.1.0", info: { title: "ISL: Inference Service Layer" } } } } } },
    },
  };
  const tags = [...new Set(operations.flatMap((op) => [...op.tags])), "Health"].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "ISL: Inference Service Layer",
      version: ISL_VERSION,
      description:
        "Deterministic causal-inference and decision-science engine. Every error uses the Olumi error envelope (`ErrorResponse`). " +
        "Send `X-Request-Id` to correlate a response; the same request with the same id gives byte-identical bodies.",
    },
    tags,
    security: [{ [API_KEY_SCHEME]: [] }],
    paths,
    components: { schemas: sortKeys(components.schemas), securitySchemes: SECURITY_SCHEMES },
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

let cached: JsonObject | undefined;

/** The OpenAPI 3.1 document of every operation in the table (built once, then shared). */
export function openApiDocument(): JsonObject {
  cached ??= buildDocument();
  return cached;
}

/** The OpenAPI document as committed in `docs/openapi.json`: two-space indented JSON and a final newline. */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
