/**
 * A result-cache hit counts as a successful call (business counter, `isl_cache_hits_total`) but is
 * not a computation: the computation-duration histogram observes only computed bodies.
 */
import { operations } from "@olumi/contracts";
import request from "supertest";
import type { Express } from "express";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/index.js";
import { callOperation, quietApp } from "./helpers.js";

/** The value of the unlabelled-or-exactly-labelled sample `name{labels}` in the exposition text. */
function sampleValue(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(labels === "" ? `${name} ` : `${name}{${labels}} `));
  if (line === undefined) throw new Error(`no sample ${name}{${labels}}`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

async function scrape(app: Express): Promise<string> {
  const res = await request(app).get("/metrics");
  expect(res.status).toBe(200);
  return res.text;
}

const COUNTERFACTUAL = operations.find((op) => op.id === "causal/counterfactual")!;
const HISTOGRAM_COUNT = "isl_counterfactual_computation_duration_seconds_count";
const BUSINESS = "isl_counterfactual_analyses_total";
const BUSINESS_LABELS = 'operation="causal/counterfactual"';

describe("cache hits and the computation histograms", () => {
  it("a second identical deterministic request moves isl_cache_hits_total and the business counter, not the histogram", async () => {
    expect(COUNTERFACTUAL.deterministic).toBe(true);
    const app = quietApp();
    const before = await scrape(app);
    const first = await callOperation(app, COUNTERFACTUAL).send(COUNTERFACTUAL.example);
    expect(first.status).toBe(200);
    const afterMiss = await scrape(app);
    expect(sampleValue(afterMiss, "isl_cache_misses_total")).toBe(sampleValue(before, "isl_cache_misses_total") + 1);
    expect(sampleValue(afterMiss, HISTOGRAM_COUNT)).toBe(sampleValue(before, HISTOGRAM_COUNT) + 1);
    expect(sampleValue(afterMiss, BUSINESS, BUSINESS_LABELS)).toBe(sampleValue(before, BUSINESS, BUSINESS_LABELS) + 1);

    const second = await callOperation(app, COUNTERFACTUAL).send(COUNTERFACTUAL.example);
    expect(second.status).toBe(200);
    expect(JSON.stringify(second.body)).toContain('"cache_hit":true');
    const afterHit = await scrape(app);
    expect(sampleValue(afterHit, "isl_cache_hits_total")).toBe(sampleValue(afterMiss, "isl_cache_hits_total") + 1);
    expect(sampleValue(afterHit, HISTOGRAM_COUNT)).toBe(sampleValue(afterMiss, HISTOGRAM_COUNT));
    expect(sampleValue(afterHit, BUSINESS, BUSINESS_LABELS)).toBe(sampleValue(afterMiss, BUSINESS, BUSINESS_LABELS) + 1);
  });

  it("without the cache every identical request is computed and observed", async () => {
    const app = quietApp({ config: { ...defaultConfig(), rateLimitPerMinute: 1_000_000, cacheEnabled: false } });
    const before = await scrape(app);
    for (let i = 0; i < 2; i += 1) expect((await callOperation(app, COUNTERFACTUAL).send(COUNTERFACTUAL.example)).status).toBe(200);
    const after = await scrape(app);
    expect(sampleValue(after, HISTOGRAM_COUNT)).toBe(sampleValue(before, HISTOGRAM_COUNT) + 2);
    expect(sampleValue(after, "isl_cache_hits_total")).toBe(sampleValue(before, "isl_cache_hits_total"));
  });
});
