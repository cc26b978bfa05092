/**
 * `causal/instruments`: every conditional instrumental variable for the total effect of an exposure
 * on an outcome, each with a conditioning set (van der Zander, Textor & Liśkiewicz 2015; Henckel,
 * Buttenschön & Maathuis). Instruments identify the effect in linear (constant-effect) models.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";

/** One conditional instrument. */
export const ConditionalInstrument = z
  .object({
    instrument: z.string().describe("The instrument Z."),
    conditioning_set: z.array(z.string()).describe("W: the covariates to condition on, sorted (empty for a classic instrument)."),
    estimand: z.string().describe('The effect in a linear model, e.g. "β(X → Y) = Cov(Y, Z | W) / Cov(X, Z | W)".'),
  })
  .meta({ id: "ConditionalInstrument" });
export type ConditionalInstrument = z.infer<typeof ConditionalInstrument>;

/** `InstrumentsRequest`. */
export const InstrumentsRequest = z
  .object({
    dag: DAGStructure,
    exposure: NodeName.describe("X: the exposure (treatment), observed."),
    outcome: NodeName.describe("Y: the outcome, observed, different from X."),
    max_results: z.number().int().min(1).max(1000).default(100).describe("At most this many instruments are listed; `truncated` tells if more may exist."),
  })
  .meta({ id: "InstrumentsRequest" });
export type InstrumentsRequest = z.infer<typeof InstrumentsRequest>;

/** `InstrumentsResponse`. */
export const InstrumentsResponse = z
  .object({
    instruments: z.array(ConditionalInstrument).describe("One entry per instrument, sorted by instrument name."),
    truncated: z.boolean().describe("True when the list may be incomplete (the cap, or the search budget for conditioning sets, was reached)."),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "InstrumentsResponse" });
export type InstrumentsResponse = z.infer<typeof InstrumentsResponse>;

/** The `causal/instruments` operation. */
export const causalInstruments = defineOperation({
  id: "causal/instruments",
  request: InstrumentsRequest,
  response: InstrumentsResponse,
  summary: "List the conditional instrumental variables for the effect of an exposure on an outcome",
  description:
    "Lists every observed node Z that is a conditional instrument for the total effect of X on Y, with a conditioning set W: Z and W avoid the descendants of the causal paths, Z is d-connected to X given W, and Z is d-separated from Y given W once the first edges of the causal paths are removed. Classic instruments get W = ∅; otherwise the nearest (ancestral) separator is used, thinned to fewer covariates. Latent nodes and bidirected edges are honoured. Instruments identify the effect in linear models: β = Cov(Y, Z | W) / Cov(X, Z | W).",
  tags: ["Causal Inference"],
  metric: "isl_instrument_searches_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Distance", "Schooling", "Earnings", "Region"],
      edges: [
        ["Distance", "Schooling"],
        ["Schooling", "Earnings"],
        ["Region", "Distance"],
        ["Region", "Earnings"],
      ],
      bidirected: [["Schooling", "Earnings"]],
    },
    exposure: "Schooling",
    outcome: "Earnings",
  },
});

