/**
 * @olumi/isl-client: a typed HTTP client for the ISL server, generated from the contracts
 * operation table. `createClient({ baseUrl }).causal.validate(request)`.
 */
export {
  createClient,
  type ClientOptions,
  type CallOptions,
  type IslClient,
  type OperationMethod,
  type OperationNamespace,
  type OperationNode,
} from "./client.js";
export { IslClientError, isIslClientError } from "./errors.js";
export { camelCaseSegment, methodPath, type CamelCase, type ChildSegments } from "./names.js";
