/**
 * Turns a zod validation failure into the ISL error for HTTP 422, one line per failed check
 * (`"body.dag.edges.2: Edge A → Q references non-existent node: 'Q'. Add 'Q' to nodes list."`).
 */
import type { z } from "zod";
import { IslError } from "../errors.js";

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = ["body", ...issue.path.map(String)].join(".");
  return `${path}: ${issue.message}`;
}

function hintFor(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return "Ensure all required fields are provided";
  if (issue.code === "invalid_type") return "Check data types match the expected schema";
  if (issue.code === "too_big" || issue.code === "too_small") return "Verify values and list sizes are within the documented limits";
  if (issue.code === "unrecognized_keys") return "Remove fields the operation does not accept";
  return "Verify values are within valid ranges";
}

/** The ISL_VALIDATION_ERROR (422) for a failed request parse. */
export function schemaError(operationId: string, error: z.ZodError): IslError {
  const failures = error.issues.map(describeIssue);
  const hints = [...new Set(error.issues.map(hintFor))];
  const first = failures[0] ?? "invalid request";
  return new IslError(
    "ISL_VALIDATION_ERROR",
    `Request validation failed for ${operationId}: ${first}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ""}`,
    {
      validationFailures: failures,
      recovery: { hints, suggestion: "Fix validation errors and retry", example: "See validation_failures field for specific issues" },
    },
  );
}
