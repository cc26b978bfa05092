import { describe, expect, test } from "vitest";
import { BatchValidationResponse, ErrorEnvelope, batchValidate } from "@olumi/contracts";
import { expectIslError } from "../../test/support/isl-error.js";
import { runOperation } from "./run.js";

describe("batch/validate", () => {
  test("the example: two successes and a cyclic graph reported inline", () => {
    const r = runOperation("batch/validate", batchValidate.example, { requestId: "batch-1" });
    expect(r.summary).toEqual({ total_requests: 3, successful: 2, failed: 1 });
    expect(r.results.map((i) => [i.index, i.success])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
    expect(r.results[0]!.result?.adjustment_sets).toEqual([["Brand"]]);
    expect(r.results[1]!.result?.method).toBe("front_door");
    const failed = r.results[2]!;
    expect(failed.result).toBeUndefined();
    expect(failed.error).toBe("The graph has a cycle: A → B → A. A causal DAG must be acyclic.");
    expect(failed.error_envelope).toMatchObject({ code: "ISL_DAG_CYCLIC", request_id: "batch-1#2", source: "isl", details: { cycle: ["A", "B", "A"] } });
    expect(ErrorEnvelope.safeParse(failed.error_envelope).success).toBe(true);
    expect(r.metadata?.request_id).toBe("batch-1");
    expect(BatchValidationResponse.safeParse(r).success).toBe(true);
  });

  test("each item answers exactly as causal/validate alone", () => {
    const r = runOperation("batch/validate", batchValidate.example);
    batchValidate.example.requests.slice(0, 2).forEach((item, i) => {
      const { _metadata, ...alone } = runOperation("causal/validate", item);
      expect(r.results[i]!.result).toEqual(alone);
    });
  });

  test("same batch ⇒ same bytes, with no durations in the body", () => {
    const a = JSON.stringify(runOperation("batch/validate", batchValidate.example));
    expect(JSON.stringify(runOperation("batch/validate", structuredClone(batchValidate.example)))).toBe(a);
    expect(a).not.toContain("duration");
  });

  test("schema failures fail the whole batch with the item's path; at most 50 requests", () => {
    const bad = { requests: [batchValidate.example.requests[0], { dag: { nodes: ["A"], edges: [["A", "Q"]] }, treatment: "A", outcome: "B" }] };
    const e = expectIslError(() => runOperation("batch/validate", bad), "ISL_VALIDATION_ERROR");
    expect(e.validationFailures?.some((f) => f.startsWith("body.requests.1.dag.edges.0:"))).toBe(true);
    expectIslError(() => runOperation("batch/validate", { requests: [] }), "ISL_VALIDATION_ERROR");
    expectIslError(() => runOperation("batch/validate", { requests: Array.from({ length: 51 }, () => batchValidate.example.requests[0]) }), "ISL_VALIDATION_ERROR");
    expect(runOperation("batch/validate", { requests: Array.from({ length: 50 }, () => batchValidate.example.requests[0]) }).summary.successful).toBe(50);
  });

  test("an aborted call reports the remaining items as timed out", () => {
    const controller = new AbortController();
    controller.abort();
    const r = runOperation("batch/validate", batchValidate.example, { signal: controller.signal });
    expect(r.results.every((i) => i.error_envelope?.code === "ISL_TIMEOUT")).toBe(true);
    expect(r.summary.failed).toBe(3);
  });
});
