/**
 * How operation ids become client methods: `causal/validate` → `client.causal.validate`, and a
 * dashed segment is camelCased (`what-if/run-batch` → `client.whatIf.runBatch`). The same rule
 * exists twice, once as types (so the methods are typed from the table) and once as code.
 */
import type { OperationId } from "@olumi/contracts";

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

/** `run-batch` → `runBatch`: each dash-separated piece after the first is capitalised. */
export function camelCaseSegment(segment: string): string {
  const [first = "", ...rest] = segment.split("-");
  return first + rest.map((piece) => piece.charAt(0).toUpperCase() + piece.slice(1)).join("");
}

/** The property path of an operation on the client: its id's segments, camelCased. */
export function methodPath(id: string): string[] {
  return id.split("/").map(camelCaseSegment);
}
