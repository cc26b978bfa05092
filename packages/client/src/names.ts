/**
 * How operation ids become client methods: `causal/validate` → `client.causal.validate`, and a
 * dashed segment is camelCased (`what-if/run-batch` → `client.whatIf.runBatch`). The rule is
 * written as types here (so the methods are typed from the table); the code is in contracts.
 */
import { camelCaseSegment, operationMethodPath, type OperationId } from "@olumi/contracts";

/** `run-batch` → `runBatch` (type level). */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Rest}` ? `${Head}${Capitalize<CamelCase<Rest>>}` : S;

/** The first `/`-separated segment of `S`. */
type FirstSegment<S extends string> = S extends `${infer Head}/${string}` ? Head : S;

/** The raw segments that follow `Prefix` in some operation id. */
export type ChildSegments<Prefix extends string> = OperationId extends infer Id
  ? Id extends `${Prefix}${infer Rest}`
    ? FirstSegment<Rest>
    : never
  : never;

/** The property path of an operation on the client: its id's segments, camelCased. */
export const methodPath = operationMethodPath;

/** `run-batch` → `runBatch` (shared with the server's OpenAPI names). */
export { camelCaseSegment };
