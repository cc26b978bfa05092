/**
 * Errors about a request as a whole, shared by every adapter: text that is not JSON, and an
 * operation id that is not in the table.
 */
import { operations } from "@olumi/contracts";
import { IslError } from "../errors.js";

/**
 * ISL_INVALID_INPUT (400) for text that is not JSON.
 *
 * @param detail - The parser's message (it only describes the caller's own text).
 * @param where - What was parsed: "request body" (default) or e.g. "line 3".
 * @param line - The input line, for JSON-lines input.
 */
export function malformedJsonError(detail: string, where = "request body", line?: number): IslError {
  return new IslError("ISL_INVALID_INPUT", `Malformed JSON in ${where}: ${detail}`, {
    details: line === undefined ? { parser_message: detail } : { parser_message: detail, line },
    recovery: {
      hints: ["Send a single JSON object per request", "Check for trailing commas, unquoted keys and unbalanced brackets"],
      suggestion: "Fix the JSON syntax and retry",
      example: '{"dag": {"nodes": ["X", "Y"], "edges": [["X", "Y"]]}, "treatment": "X", "outcome": "Y"}',
    },
  });
}

/** ISL_ROUTE_NOT_FOUND (404) for an operation id that is not in the table, listing the ids. */
export function unknownOperationError(id: string): IslError {
  const available = operations.map((op) => op.id);
  return new IslError("ISL_ROUTE_NOT_FOUND", `Unknown operation '${id}'. Available operations: ${available.join(", ")}.`, {
    details: { operation: id, available },
    recovery: { hints: [`Available operations: ${available.join(", ")}`, "Run `isl ops` to list the operations"], suggestion: "Use one of the listed operation ids" },
  });
}
