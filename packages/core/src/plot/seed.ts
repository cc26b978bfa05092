/**
 * The analyze/v2 seed rule. A sent seed is normalised: an integer stays; a string that Python's
 * `int()` accepts (surrounding whitespace, an optional sign, digits with single underscores between
 * them) is that integer; any other string becomes int(SHA-256(utf8(s)), 16) mod 2³¹. Echoed as
 * `seed_used` (decimal text) with `seed_source: "client_provided"`. Without a seed, the seed is the
 * first 4 bytes (big-endian, unsigned) of SHA-256 of the filtered graph's JSON: nodes `{id, kind}`
 * sorted by id, edges `{edge_type, exists_probability, from, strength{mean, std}, to}` sorted by
 * (from, to), keys sorted, Python `json.dumps` separators (", ", ": "), ASCII escapes and Python
 * float repr (`1.0`, `1e-05`) — `seed_source: "server_computed"`.
 * Complexity: O(size of the graph · log(size)).
 * Reference: plot-v2-engine.md §1.6 (compute_effective_seed, compute_seed_from_graph v2).
 */
import type { PlotAnalyzeRequest } from "@olumi/contracts";
import { quoteAsciiJsonString, sha256Hex } from "../hash/index.js";
import { DEFAULT_EXISTS_PROBABILITY, FILTERED_NODE_KINDS } from "./model.js";

/** The seed a run uses and where it came from. */
export interface PlotSeed {
  /** Decimal text of the effective integer seed. */
  readonly seedUsed: string;
  readonly seedSource: "client_provided" | "server_computed";
}

const PYTHON_INT = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/;
const TWO_POW_31 = 2n ** 31n;

/**
 * Python `int(s)` for decimal text, or undefined when Python would raise.
 *
 * @param text - The seed string.
 * @returns The integer as canonical decimal text (no leading zeros, "-0" → "0").
 */
export function pythonIntText(text: string): string | undefined {
  const match = PYTHON_INT.exec(text);
  if (!match) return undefined;
  const digits = BigInt(match[2]!.replaceAll("_", ""));
  return (match[1] === "-" ? -digits : digits).toString();
}

/**
 * Python's `repr(float)` of a finite number: shortest round-trip digits, fixed notation for
 * decimal exponents −4 ≤ e < 16 (with ".0" for integral values), else `d.ddde±XX`.
 *
 * @param x - A finite number.
 */
export function pythonFloatRepr(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    const frac = digits.slice(exponent + 1);
    return `${sign}${intPart}.${frac === "" ? "0" : frac}`;
  }
  const frac = digits.slice(1);
  const expAbs = Math.abs(exponent).toString().padStart(2, "0");
  return `${sign}${digits[0]}${frac === "" ? "" : `.${frac}`}e${exponent < 0 ? "-" : "+"}${expAbs}`;
}

/** The Python-style JSON text of the graph hashed by compute_seed_from_graph. */
export function seedGraphJson(request: PlotAnalyzeRequest): string {
  const keptIds = new Set(request.graph.nodes.filter((n) => !FILTERED_NODE_KINDS.has(n.kind.toLowerCase())).map((n) => n.id));
  const filtered = keptIds.size > 0;
  const nodes = request.graph.nodes.filter((n) => !filtered || keptIds.has(n.id)).map((n) => ({ id: n.id, kind: n.kind }));
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges = request.graph.edges.filter((e) => !filtered || (keptIds.has(e.from) && keptIds.has(e.to)));
  const sortedEdges = [...edges].sort((a, b) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const q = quoteAsciiJsonString;
  const nodeText = nodes.map((n) => `{"id": ${q(n.id)}, "kind": ${q(n.kind)}}`);
  const edgeText = sortedEdges.map((e) => {
    const mean = Math.min(1, Math.max(-1, e.strength.mean));
    const p = e.exists_probability ?? DEFAULT_EXISTS_PROBABILITY;
    return (
      `{"edge_type": ${q(e.edge_type ?? "directed")}, "exists_probability": ${pythonFloatRepr(p)}, "from": ${q(e.from)}, ` +
      `"strength": {"mean": ${pythonFloatRepr(mean)}, "std": ${pythonFloatRepr(e.strength.std)}}, "to": ${q(e.to)}}`
    );
  });
  return `{"edges": [${edgeText.join(", ")}], "nodes": [${nodeText.join(", ")}]}`;
}

/**
 * The effective seed of a request.
 *
 * @param request - The parsed request.
 * @returns `seed_used` text and `seed_source`.
 */
export function resolvePlotSeed(request: PlotAnalyzeRequest): PlotSeed {
  const seed = request.seed;
  if (typeof seed === "number") return { seedUsed: BigInt(seed).toString(), seedSource: "client_provided" };
  if (typeof seed === "string") {
    const parsed = pythonIntText(seed);
    if (parsed !== undefined) return { seedUsed: parsed, seedSource: "client_provided" };
    return { seedUsed: (BigInt(`0x${sha256Hex(seed)}`) % TWO_POW_31).toString(), seedSource: "client_provided" };
  }
  const digest = sha256Hex(seedGraphJson(request));
  return { seedUsed: Number.parseInt(digest.slice(0, 8), 16).toString(), seedSource: "server_computed" };
}
