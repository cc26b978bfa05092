/**
 * Table tests of the latent projection: the textbook cases of Verma & Pearl (a latent common
 * cause, a latent mediator, chains of latent nodes), bidirected input edges, and the empty case.
 */
import { describe, expect, it } from "vitest";
import { bidirectedEdges, createDag, latentProjection, type Admg } from "./index.js";

/** The projection as sorted `a -> b` and `a <-> b` lines. */
function lines(admg: Admg): string[] {
  const out: string[] = [];
  admg.children.forEach((list, a) => list.forEach((b) => out.push(`${admg.names[a]} -> ${admg.names[b]}`)));
  for (const [a, b] of bidirectedEdges(admg)) out.push(`${a} <-> ${b}`);
  return out.sort();
}

describe("latentProjection", () => {
  it.each([
    { name: "latent common cause", nodes: ["U", "X", "Y"], edges: [["U", "X"], ["U", "Y"], ["X", "Y"]], latent: ["U"], expected: ["X -> Y", "X <-> Y"] },
    { name: "latent mediator", nodes: ["M", "X", "Y"], edges: [["X", "M"], ["M", "Y"]], latent: ["M"], expected: ["X -> Y"] },
    {
      name: "latent chain to a common cause",
      nodes: ["L1", "L2", "A", "B", "C"],
      edges: [["L1", "L2"], ["L2", "A"], ["L1", "B"], ["C", "L2"]],
      latent: ["L1", "L2"],
      expected: ["A <-> B", "C -> A"],
    },
    { name: "latent collider projects to nothing", nodes: ["A", "B", "L"], edges: [["A", "L"], ["B", "L"]], latent: ["L"], expected: [] },
    { name: "observed interior blocks", nodes: ["A", "B", "C", "L"], edges: [["L", "A"], ["L", "B"], ["B", "C"]], latent: ["L"], expected: ["A <-> B", "B -> C"] },
    {
      name: "front-door graph",
      nodes: ["U", "X", "M", "Y"],
      edges: [["U", "X"], ["U", "Y"], ["X", "M"], ["M", "Y"]],
      latent: ["U"],
      expected: ["M -> Y", "X -> M", "X <-> Y"],
    },
  ])("$name", ({ nodes, edges, latent, expected }) => {
    expect(lines(latentProjection(createDag({ nodes, edges: edges as [string, string][], latent })))).toEqual(expected);
  });

  it("keeps bidirected input edges between observed nodes and projects those touching latent nodes", () => {
    const dag = createDag({ nodes: ["A", "B", "C", "L"], edges: [["L", "C"]], latent: ["L"], bidirected: [["A", "B"], ["B", "L"]] });
    expect(lines(latentProjection(dag))).toEqual(["A <-> B", "B <-> C"]);
  });

  it("projects a graph without latent nodes to itself", () => {
    const dag = createDag({ nodes: ["A", "B", "C"], edges: [["A", "B"], ["B", "C"]] });
    const admg = latentProjection(dag);
    expect(admg.names).toEqual(["A", "B", "C"]);
    expect(lines(admg)).toEqual(["A -> B", "B -> C"]);
  });

  it("projects an all-latent graph to the empty ADMG", () => {
    const admg = latentProjection(createDag({ nodes: ["A", "B"], edges: [["A", "B"]], latent: ["A", "B"] }));
    expect(admg.names).toEqual([]);
    expect(admg.spouses).toEqual([]);
  });
});
