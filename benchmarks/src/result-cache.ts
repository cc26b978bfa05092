/**
 * Benchmark of the server's result cache: the work of a memory hit (content key by canonical
 * SHA-256, LRU lookup, JSON parse, `cache_hit` and request-id marking) next to computing the same
 * answer (`runOperation`, the baseline, measured in the same run on the same request), for
 * `causal/validate` on a 5-node DAG and `causal/counterfactual` on a 5-node linear SCM with 1,000
 * samples. When `REDIS_URL` is set, also the round trip of a Redis hit (GET of the stored body)
 * through the server's `RedisConnection`.
 *
 * Run from the repository root: npx tsx --conditions=@olumi/source benchmarks/src/result-cache.ts
 */
import { runOperation } from "@olumi/isl-core";
import { ByteLruCache, RedisConnection, REDIS_CACHE_PREFIX, markCacheHit, resultCacheKey } from "@olumi/isl-server";
import { medianMs, printTable } from "../support/timing.js";

const validate = {
  dag: { nodes: ["Price", "Brand", "Ads", "Demand", "Revenue"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Demand"], ["Ads", "Demand"], ["Demand", "Revenue"]] },
  treatment: "Price",
  outcome: "Revenue",
};
const counterfactual = {
  model: {
    variables: ["Price", "Brand", "Ads", "Demand", "Revenue"],
    equations: { Brand: "0", Ads: "1", Price: "10 + 2 * Brand", Demand: "100 - 3 * Price + 5 * Ads", Revenue: "Price * Demand" },
    distributions: { noise_brand: { type: "normal", parameters: { mean: 0, std: 1 } } },
  },
  intervention: { Price: 15 },
  outcome: "Revenue",
  samples: 1000,
  seed: 7,
};

const cases: { id: "causal/validate" | "causal/counterfactual"; label: string; request: unknown; metadataKey: string }[] = [
  { id: "causal/validate", label: "causal/validate, 5 nodes", request: validate, metadataKey: "_metadata" },
  { id: "causal/counterfactual", label: "causal/counterfactual, 5 nodes, 1,000 samples", request: counterfactual, metadataKey: "_metadata" },
];

const rows: (string | number)[][] = [];
const stored = new Map<string, string>();
for (const c of cases) {
  const body = runOperation(c.id, c.request, { requestId: "req_bench" });
  const text = JSON.stringify({ request_id: "req_bench", body });
  const lru = new ByteLruCache({ maxBytes: 64 * 1024 * 1024 });
  const key = resultCacheKey(c.id, c.request);
  lru.set(key, text);
  stored.set(key, text);
  const hit = medianMs(
    () => {
      const value = lru.get(resultCacheKey(c.id, c.request))!;
      const parsed = JSON.parse(value) as { request_id: string; body: unknown };
      return markCacheHit(parsed.body, c.metadataKey, true, parsed.request_id, "req_other");
    },
    { warmup: 200, reps: 501 },
  );
  const compute = medianMs(() => runOperation(c.id, c.request, { requestId: "req_other" }), { warmup: 20, reps: 101 });
  rows.push([c.label, `${(hit * 1000).toFixed(1)} µs`, `${(compute * 1000).toFixed(1)} µs`, `${(compute / hit).toFixed(1)}×`, `${text.length} B`]);
}
printTable("Result cache: memory hit vs computing (medians)", ["request", "memory hit", "compute (baseline)", "compute / hit", "stored"], rows);

const url = process.env.REDIS_URL;
if (url !== undefined) {
  const connection = new RedisConnection({ target: { url } });
  if (await connection.waitUntilConnected(3000)) {
    const redisRows: (string | number)[][] = [];
    for (const [key, text] of stored) {
      await connection.client.set(REDIS_CACHE_PREFIX + key, text, "EX", 60);
      const times: number[] = [];
      for (let i = 0; i < 300; i++) {
        const start = performance.now();
        await connection.command("get", (client) => client.get(REDIS_CACHE_PREFIX + key));
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      redisRows.push([`${key.slice(0, 12)}… (${text.length} B)`, `${(times[150]! * 1000).toFixed(1)} µs`]);
    }
    printTable("Redis GET of a stored body through RedisConnection (median of 300, loopback)", ["key", "round trip"], redisRows);
  } else console.log(`\nREDIS_URL=${url} did not connect within 3 s; Redis figures skipped.`);
  await connection.close();
} else console.log("\nSet REDIS_URL=redis://127.0.0.1:<port> to also time a Redis hit.");
