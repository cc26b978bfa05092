/**
 * The alert rules in docs/operations/alerts.yml only use metrics the server registers (its own
 * registry with every operation of the table, plus the Node process registry), every alert has a
 * severity, a runbook link, a section in runbooks.md and a row in alerts.md.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { operations } from "@olumi/contracts";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createMetrics, processMetricsRegistry } from "../packages/server/src/metrics.js";

const dir = fileURLToPath(new URL("./operations/", import.meta.url));
const read = (name: string): string => readFileSync(`${dir}${name}`, "utf8");

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const rules: Rule[] = (parse(read("alerts.yml")) as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

const PROMQL_WORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"]);

/**
 * Metric names an expression selects: identifiers that are neither function calls, aggregations
 * (`sum by (…) (…)`), keywords, label names inside `{…}` or `by (…)`, nor string contents.
 */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "$1")
    .replace(/\[[^\]]*\]/g, "[]");
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const name = m[0];
    const after = stripped.slice(m.index + name.length).trimStart();
    const before = stripped.slice(0, m.index);
    if (after.startsWith("(") || /^(by|without)\b/.test(after) || PROMQL_WORDS.has(name.toLowerCase())) continue;
    if (/\d(?:\.\d*)?(?:e[+-]?)?$/i.test(before)) continue;
    names.add(name);
  }
  return [...names].sort();
}

async function registeredNames(): Promise<{ plain: Set<string>; histograms: Set<string> }> {
  const metrics = createMetrics(operations);
  const all = [...(await metrics.registry.getMetricsAsJSON()), ...(await processMetricsRegistry().getMetricsAsJSON())];
  return { plain: new Set(all.map((m) => m.name)), histograms: new Set(all.filter((m) => String(m.type) === "histogram").map((m) => m.name)) };
}

describe("metricNamesIn", () => {
  it("finds selected metrics and skips functions, keywords, labels and numbers", () => {
    expect(metricNamesIn('sum by (le, endpoint) (rate(a_total{job="x", status=~"5.."}[5m])) / clamp_min(b_seconds_bucket, 1e-9) > 0.01')).toEqual(["a_total", "b_seconds_bucket"]);
    expect(metricNamesIn('absent(isl_service_up{job="isl"} == 1)')).toEqual(["isl_service_up"]);
  });
});

describe("docs/operations/alerts.yml", () => {
  it("has rules, each with an expression, a severity and a runbook link", () => {
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^ISL[A-Za-z]+$/);
      expect(rule.expr.trim().length, rule.alert).toBeGreaterThan(0);
      expect(["critical", "warning", "info"], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.runbook, rule.alert).toBe(`docs/operations/runbooks.md#${rule.alert.toLowerCase()}`);
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it("uses only metric names the server registers", async () => {
    const { plain, histograms } = await registeredNames();
    for (const rule of rules) {
      const names = metricNamesIn(rule.expr);
      expect(names.length, rule.alert).toBeGreaterThan(0);
      for (const name of names) {
        const base = name.replace(/_(bucket|sum|count)$/, "");
        const known = plain.has(name) || (base !== name && histograms.has(base));
        expect(known, `${rule.alert} uses ${name}, which the server does not register`).toBe(true);
      }
    }
  });

  it("has a runbook section and an alerts.md row per alert", () => {
    const runbooks = read("runbooks.md");
    const alerts = read("alerts.md");
    for (const rule of rules) {
      expect(runbooks, rule.alert).toMatch(new RegExp(`^## ${rule.alert}$`, "m"));
      expect(alerts, rule.alert).toContain(`| \`${rule.alert}\` |`);
    }
  });

  it("has no runbook section for an alert that does not exist", () => {
    const sections = [...read("runbooks.md").matchAll(/^## (ISL[A-Za-z]+)$/gm)].map((m) => m[1]);
    expect(sections.length).toBeGreaterThan(0);
    expect([...sections].sort()).toEqual(rules.map((r) => r.alert).sort());
  });
});
