/**
 * @olumi/isl-server: the Express 5 HTTP adapter. Every operation of the contracts table is served
 * at `POST /api/v1/<id>`, with `/health`, `/ready`, `/openapi.json` and `/docs`.
 */
export { createApp, JSON_TYPES, type AppOptions, type OperationRunner, type ServerLogger } from "./app.js";
export { startServer, parsePort, DEFAULT_HOST, DEFAULT_PORT, type StartOptions, type RunningServer } from "./start.js";
export { openApiDocument, operationIdToCamel, type JsonObject } from "./openapi.js";
export { resolveRequestId, isSafeRequestId, generateRequestId, MAX_REQUEST_ID_LENGTH } from "./request-id.js";
export { healthReporter, resolveBuild, type HealthBody } from "./health.js";
