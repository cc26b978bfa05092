import { describe, expect, it } from "vitest";
import { loadPlotFixture, modelOfRequest } from "../../test/plot/request-graph.js";
import { runMainMonteCarlo } from "./monte-carlo.js";
import { bernoulliDifferenceNoiseFloor, pWinSensitivity } from "./p-win-sensitivity.js";
import { createPlotStreams } from "./streams.js";
import { roundHalfEven } from "./wire-number.js";

describe("bernoulliDifferenceNoiseFloor", () => {
  it("matches the captured floors 0.061981 (n = 500) and 0.03099 (n = 2000)", () => {
    expect(roundHalfEven(bernoulliDifferenceNoiseFloor(500), 6)).toBe(0.061981);
    expect(roundHalfEven(bernoulliDifferenceNoiseFloor(2000), 6)).toBe(0.03099);
  });
});

describe("pWinSensitivity on the hiring graph (P3: every factor below resolution)", () => {
  const model = modelOfRequest(loadPlotFixture("isl-v2-live-20260707__isl-v2-request.json"));
  const streams = createPlotStreams(2034401427);
  const draws = runMainMonteCarlo(model, 4000, streams);
  const recommended = draws.wins.indexOf(Math.max(...draws.wins));
  const rows = pWinSensitivity({ model, streams, recommended, samples: 4000 });

  it("labels every factor below resolution like the capture's factor_evpi rows", () => {
    expect(model.options[recommended]!.id).toBe("opt_tech_lead");
    expect(rows.map((r) => r.status)).toEqual(["below_resolution", "below_resolution", "below_resolution", "below_resolution"]);
    for (const r of rows) {
      expect(r).toMatchObject({ n_samples: 2000, noise_floor: 0.03099, metric_type: "p_win_recommended", method: "p_win_delta_at_mean_v1" });
      expect(Math.abs(r.current_metric - 0.59)).toBeLessThan(0.05);
    }
  });

  it("gives exactly zero delta for factors every option sets (their prior never reaches the goal)", () => {
    for (const id of ["fac_dev_headcount", "fac_tech_lead"]) {
      const row = rows.find((r) => r.factor_id === id)!;
      expect(row.perfect_metric).toBe(row.current_metric);
      expect(row).toMatchObject({ p_win_delta: 0, clamped: false });
    }
    expect(pWinSensitivity({ model, streams, recommended, samples: 4000 })).toEqual(rows);
  });

  it("resolves a factor that decides the winner", () => {
    const request = {
      graph: {
        nodes: [
          { id: "f", kind: "factor", label: "F", observed_state: { value: 1 } },
          { id: "lever", kind: "factor", label: "Lever" },
          { id: "goal", kind: "goal", label: "Goal" },
        ],
        edges: [
          { from: "f", to: "goal", exists_probability: 1, strength: { mean: 0.5, std: 0.01 } },
          { from: "lever", to: "goal", exists_probability: 1, strength: { mean: 0.5, std: 0.01 } },
        ],
      },
      options: [
        { id: "a", label: "A", interventions: { lever: 0.4 } },
        { id: "b", label: "B", interventions: { f: 1, lever: 0 } },
      ],
      goal_node_id: "goal",
      n_samples: 1000,
      parameter_uncertainties: [{ node_id: "f", distribution: "normal", std: 1 }],
    };
    const m = modelOfRequest(request);
    // a: 0.5·F + 0.2 (F ~ N(1, 1)); b: 0.5. a wins iff F > 0.6 (≈ 66%); at F = 1 a always wins.
    const [row] = pWinSensitivity({ model: m, streams: createPlotStreams(5), recommended: 0, samples: 1000 });
    expect(row!.perfect_metric).toBe(1);
    expect(Math.abs(row!.current_metric - 0.655)).toBeLessThan(0.06);
    expect(row!.status).toBe("resolved");
    expect(row!.p_win_delta_percentage_points).toBe(roundHalfEven(row!.p_win_delta * 100, 2));
  });
});

describe("pWinSensitivity with goal constraints (p_joint_goal)", () => {
  it("measures the recommended option's joint constraint probability instead of its win share", () => {
    const request = {
      graph: {
        nodes: [
          { id: "f", kind: "factor", label: "F", observed_state: { value: 0 } },
          { id: "churn", kind: "outcome", label: "Churn" },
          { id: "goal", kind: "goal", label: "Goal" },
        ],
        edges: [
          { from: "f", to: "churn", exists_probability: 1, strength: { mean: 1, std: 0.01 } },
          { from: "churn", to: "goal", exists_probability: 1, strength: { mean: -0.5, std: 0.01 } },
        ],
      },
      options: [
        { id: "a", label: "A", interventions: { churn: 0.1 } },
        { id: "b", label: "B", interventions: { churn: 0.3 } },
      ],
      goal_node_id: "goal",
      n_samples: 500,
      parameter_uncertainties: [{ node_id: "f", distribution: "normal", std: 1 }],
    };
    const m = modelOfRequest(request);
    const churn = m.nodeIndex.get("churn")!;
    const f = m.nodeIndex.get("f")!;
    // Constraint "f <= 0.5" on the recommended option: P = Φ(0.5) ≈ 0.69 with the prior, 1 at F = 0.
    const [row] = pWinSensitivity({ model: m, streams: createPlotStreams(9), recommended: 0, samples: 500, jointConstraintsHold: (values) => values[f]! <= 0.5 && values[churn]! === 0.1 });
    expect(row).toMatchObject({ metric_type: "p_joint_goal", perfect_metric: 1, n_samples: 500, noise_floor: 0.061981, status: "resolved" });
    expect(Math.abs(row!.current_metric - 0.6915)).toBeLessThan(0.07);
  });
});
