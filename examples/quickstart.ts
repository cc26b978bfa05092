/**
 * ISL from code: validate a causal question, print the answer, and show what a bad request gets.
 * Run from the repository root: pnpm tsx --conditions=@olumi/source examples/quickstart.ts
 */
import { isIslError, runOperation, toErrorEnvelope } from "@olumi/isl-core";

const answer = runOperation("causal/validate", {
  dag: {
    nodes: ["Price", "Brand", "Revenue"],
    edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]],
  },
  treatment: "Price",
  outcome: "Revenue",
});
console.log(answer.status, answer.adjustment_sets, answer.identification_formula);

try {
  runOperation("causal/validate", { dag: { nodes: ["A", "B"], edges: [["A", "B"], ["B", "A"]] }, treatment: "A", outcome: "B" });
} catch (error) {
  if (!isIslError(error)) throw error;
  console.log(JSON.stringify(toErrorEnvelope(error, "example").body, null, 2));
}
