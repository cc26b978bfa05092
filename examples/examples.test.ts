/** Every example request in examples/requests is a valid request whose answer is what its name says. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runOperation } from "@olumi/isl-core";

const dir = fileURLToPath(new URL("./requests/", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

describe("example requests", () => {
  test("confounded price: adjust for Brand", () => {
    const r = runOperation("causal/validate", JSON.parse(readFileSync(`${dir}causal-validate.confounded-price.json`, "utf8")));
    expect(r.adjustment_sets).toEqual([["Brand"]]);
  });

  test("latent confounder: not identifiable by adjustment (front-door through Skill instead), measure Motivation", () => {
    const r = runOperation("causal/validate", JSON.parse(readFileSync(`${dir}causal-validate.latent-confounder.json`, "utf8")));
    expect(r.adjustment_sets).toEqual([]);
    expect(r.method).toBe("front_door");
    expect(r.front_door_sets).toEqual([["Skill"]]);
    expect(r.suggestions?.map((s) => s.action.measure_node)).toEqual(["Motivation"]);
  });

  test("the JSON-lines batch holds the two requests above", () => {
    const lines = readFileSync(`${dir}causal-validate.batch.jsonl`, "utf8").trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(2);
  });

  test("quickstart.ts runs and prints the answer and an error envelope", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--conditions=@olumi/source", "examples/quickstart.ts"], { cwd: root, encoding: "utf8" });
    expect(out).toContain("identifiable [ [ 'Brand' ] ] P(Revenue|do(Price)) = Σ_{Brand} P(Revenue|Price, Brand) P(Brand)");
    expect(out).toContain('"code": "ISL_DAG_CYCLIC"');
  });
});
