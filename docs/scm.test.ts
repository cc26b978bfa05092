/**
 * Runs the worked example of docs/scm.md: the ```json scm-model``` block is built into a model and
 * simulated with the ```json scm-expected``` block's intervention, samples and seed; the variable
 * order must match, and each mean must lie within 5 Monte Carlo standard errors (std/√n) of the
 * stated value (std 0: exactly). Also checks the single-expression examples of the page.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng } from "@olumi/isl-core/random";
import { buildStructuralModel, evaluateScalar, parseExpression, simulate, type StructuralModelInput } from "@olumi/isl-core/scm";

const page = readFileSync(fileURLToPath(new URL("./scm.md", import.meta.url)), "utf8");

/** The JSON of the first fenced block tagged `json <tag>`. */
function block(tag: string): unknown {
  const match = new RegExp("```json " + tag + "\\n([\\s\\S]*?)```").exec(page);
  if (match === null) throw new Error(`docs/scm.md has no \`\`\`json ${tag} block`);
  return JSON.parse(match[1]!) as unknown;
}

interface Expected {
  intervention: Record<string, number>;
  samples: number;
  seed: number;
  order: string[];
  mean: Record<string, number>;
  std: Record<string, number>;
}

describe("docs/scm.md worked example", () => {
  it("simulates the documented model to the documented closed form", () => {
    const json = block("scm-model") as StructuralModelInput;
    const expected = block("scm-expected") as Expected;
    const model = buildStructuralModel(json, { inputs: Object.keys(expected.intervention) });
    expect(model.order).toEqual(expected.order);
    const sim = simulate(model, { samples: expected.samples, rng: createRng(expected.seed), interventions: new Map(Object.entries(expected.intervention)) });
    for (const [name, mean] of Object.entries(expected.mean)) {
      const column = sim.columns.get(name)!;
      const sampleMean = column.reduce((s, v) => s + v, 0) / column.length;
      const std = expected.std[name]!;
      if (std === 0) expect(column.every((v) => v === mean)).toBe(true);
      else expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual((5 * std) / Math.sqrt(expected.samples));
    }
    expect(sim.nonFinite.size).toBe(0);
  });

  it("evaluates the documented single expressions", () => {
    expect(evaluateScalar(parseExpression("-2**2"), new Map())).toBe(-4);
    expect(evaluateScalar(parseExpression("7 // -2 + 7 % -2"), new Map())).toBe(-5);
    expect(evaluateScalar(parseExpression("if(x > 0, x, 0)"), new Map([["x", -3]]))).toBe(0);
  });

  it("quotes error messages that the parser really produces", () => {
    const quoted = [...page.matchAll(/^- `((?:Unknown|Missing|Unexpected character)[^`]*)`$/gm)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    const cases: [string, ReadonlySet<string>][] = [
      ["10 + foo(Price)", new Set(["Price"])],
      ["2 * Prise", new Set(["Brand", "Price", "Quality"])],
      ["(Price + 1", new Set(["Price"])],
      ["Price ^ 2", new Set(["Price"])],
    ];
    const messages = cases.map(([text, known]) => {
      try {
        parseExpression(text, { variable: "Revenue", knownVariables: known });
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(quoted).toEqual(messages);
  });
});
