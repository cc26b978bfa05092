/**
 * How operation ids become names in the adapters: `causal/validate` is the client method
 * `client.causal.validate` and the OpenAPI operationId `causalValidate`; a dashed segment is
 * camelCased (`what-if/run-batch` → `whatIf.runBatch`, `whatIfRunBatch`).
 */

/** `run-batch` → `runBatch`: each dash-separated piece after the first is capitalised. */
export function camelCaseSegment(segment: string): string {
  const [first = "", ...rest] = segment.split("-");
  return first + rest.map((piece) => piece.charAt(0).toUpperCase() + piece.slice(1)).join("");
}

/** `causal/validate` → `["causal", "validate"]`: the property path of an operation on a client. */
export function operationMethodPath(id: string): string[] {
  return id.split("/").map(camelCaseSegment);
}

/** `causal/validate` → `causalValidate`: the OpenAPI operationId of an operation. */
export function operationCamelName(id: string): string {
  return operationMethodPath(id)
    .map((segment, i) => (i === 0 ? segment : segment.charAt(0).toUpperCase() + segment.slice(1)))
    .join("");
}
