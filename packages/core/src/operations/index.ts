export { runOperation, ENGINE_CONFIG, type RunOptions } from "./run.js";
export { handlers, type Handler } from "./handlers.js";
export type { HandlerContext } from "./context.js";
export { toErrorEnvelope, type ErrorResult } from "./error-envelope.js";
export { schemaError } from "./schema-errors.js";
