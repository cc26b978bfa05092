/**
 * Critiques of the analyze/v2 envelope and their content-derived ids: id = "critique_" + the first
 * 12 hex digits of SHA-256(seed ␟ code ␟ message ␟ option ids joined by ␞ ␟ node ids joined by ␞),
 * with ␟ = U+001F, ␞ = U+001E and seed = "" for validation critiques (deterministic).
 * Complexity: O(length of the fields).
 * Reference: plot-v2-engine.md §4.20; plot-client.md §4.
 */
import { sha256Hex } from "../hash/index.js";

/** Severity of a critique: blockers refuse the run (422), the rest ride on a 200. */
export type PlotCritiqueSeverity = "blocker" | "warning" | "info";

/** One wire critique (optional members omitted when absent). */
export interface PlotCritique {
  id: string;
  code: string;
  severity: PlotCritiqueSeverity;
  source: string;
  message: string;
  affected_option_ids?: string[];
  affected_node_ids?: string[];
  suggestion?: string;
}

/** Fields of {@link makeCritique}. */
export interface CritiqueFields {
  code: string;
  severity: PlotCritiqueSeverity;
  source: "validation" | "analysis";
  message: string;
  affectedOptionIds?: readonly string[];
  affectedNodeIds?: readonly string[];
  suggestion?: string;
  /** Seed text mixed into the id ("" for validation critiques). */
  seed?: string;
}

const UNIT = "\u001f";
const RECORD = "\u001e";

/**
 * The deterministic critique id of plot-v2-engine.md §4.20.
 *
 * @returns `"critique_" + 12 hex`.
 */
export function critiqueId(seed: string, code: string, message: string, optionIds: readonly string[], nodeIds: readonly string[]): string {
  const text = [seed, code, message, optionIds.join(RECORD), nodeIds.join(RECORD)].join(UNIT);
  return `critique_${sha256Hex(text).slice(0, 12)}`;
}

/**
 * Builds a wire critique with its id; empty affected lists are left out.
 *
 * @param fields - Code, severity, source, message and what it affects.
 * @returns The critique.
 */
export function makeCritique(fields: CritiqueFields): PlotCritique {
  const optionIds = [...(fields.affectedOptionIds ?? [])];
  const nodeIds = [...(fields.affectedNodeIds ?? [])];
  const critique: PlotCritique = {
    id: critiqueId(fields.seed ?? "", fields.code, fields.message, optionIds, nodeIds),
    code: fields.code,
    severity: fields.severity,
    source: fields.source,
    message: fields.message,
  };
  if (optionIds.length > 0) critique.affected_option_ids = optionIds;
  if (nodeIds.length > 0) critique.affected_node_ids = nodeIds;
  if (fields.suggestion !== undefined) critique.suggestion = fields.suggestion;
  return critique;
}
