export { runOperation, ENGINE_CONFIG, CONFIG_FINGERPRINT, type RunOptions } from "./run.js";
export { malformedJsonError, unknownOperationError } from "./input-errors.js";
export { handlers, type Handler } from "./handlers.js";
export type { HandlerContext } from "./context.js";
export { toErrorEnvelope, type ErrorResult } from "./error-envelope.js";
export { schemaError } from "./schema-errors.js";
