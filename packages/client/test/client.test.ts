/** The typed client against the real server on 127.0.0.1, port 0. */
import { ErrorEnvelope, operations, responseRequestId, withoutVolatileFields, type RequestInput, type ResponseOf } from "@olumi/contracts";
import { startServer, type RunningServer } from "@olumi/isl-server";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createClient, IslClientError, isIslClientError, methodPath, type IslClient } from "../src/index.js";

let server: RunningServer;
let client: IslClient;

beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", log: () => undefined, appOptions: { logger: { error: () => undefined } } });
  client = createClient({ baseUrl: `${server.url}/` });
});

afterAll(async () => {
  await server.close();
});

/** The generated method of an operation, found by walking its id path. */
function methodOf(c: IslClient, id: string): (request: unknown, options?: { requestId?: string }) => Promise<unknown> {
  let node: unknown = c;
  for (const key of methodPath(id)) node = (node as Record<string, unknown>)[key];
  expect(typeof node).toBe("function");
  return node as (request: unknown, options?: { requestId?: string }) => Promise<unknown>;
}

describe.each(operations.map((op) => [op.id, op] as const))("operation %s", (id, op) => {
  it("client.run returns the response, parsed by the response schema, with the request id", async () => {
    const body = await client.run(op.id, op.example, { requestId: "client-1" });
    expect(op.response.safeParse(body).success).toBe(true);
    expect(responseRequestId(op, body)).toBe("client-1");
  });

  it("has a generated method at its camelCased id path that gives the same answer", async () => {
    const viaMethod = await methodOf(client, id)(op.example, { requestId: "same" });
    const viaRun = await client.run(op.id, op.example, { requestId: "same" });
    expect(withoutVolatileFields(op, viaMethod)).toEqual(withoutVolatileFields(op, viaRun));
  });

  it("throws IslClientError with the status and envelope for a schema failure", async () => {
    const error = await client.run(op.id, {} as RequestInput<typeof op.id>, { requestId: "bad-req" }).catch((e: unknown) => e);
    expect(isIslClientError(error)).toBe(true);
    const e = error as IslClientError;
    expect(e.status).toBe(422);
    expect(e.code).toBe("ISL_VALIDATION_ERROR");
    expect(e.requestId).toBe("bad-req");
    expect(ErrorEnvelope.safeParse(e.envelope).success).toBe(true);
    expect(e.retryable).toBe(false);
    expect(e.message).toContain("ISL_VALIDATION_ERROR");
  });
});

describe("createClient", () => {
  it("types client.run and the generated methods from the table", () => {
    type Id = (typeof operations)[number]["id"];
    expectTypeOf(client.run<Id>).parameter(1).toEqualTypeOf<RequestInput<Id>>();
    expectTypeOf(client.run<Id>).returns.toEqualTypeOf<Promise<ResponseOf<Id>>>();
    expectTypeOf(client.causal.validate).parameter(0).toEqualTypeOf<RequestInput<"causal/validate">>();
    expectTypeOf(client.causal.validate).returns.resolves.toEqualTypeOf<ResponseOf<"causal/validate">>();
  });

  it("rejects an id outside the table, at compile time and at run time", async () => {
    // @ts-expect-error: an operation id that is not in the table is a type error
    const attempt = client.run("no/such-op", {});
    await expect(attempt).rejects.toThrow(/Unknown operation 'no\/such-op'/);
  });

  it("sends X-API-Key, the client's headers and the per-call headers", async () => {
    const seen: Headers[] = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    const keyed = createClient({ baseUrl: server.url, apiKey: "k-123", headers: { "x-team": "science" }, fetch: recording });
    const op = operations[0]!;
    await keyed.run(op.id, op.example, { headers: { "x-extra": "1" } });
    expect(seen[0]?.get("x-api-key")).toBe("k-123");
    expect(seen[0]?.get("x-team")).toBe("science");
    expect(seen[0]?.get("x-extra")).toBe("1");
    expect(seen[0]?.get("content-type")).toBe("application/json");
  });

  it("sends no X-API-Key when none is given", async () => {
    const seen: Headers[] = [];
    const plain = createClient({
      baseUrl: server.url,
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    const op = operations[0]!;
    await plain.run(op.id, op.example);
    expect(seen[0]?.has("x-api-key")).toBe(false);
  });

  it("throws IslClientError without an envelope for a non-JSON error page", async () => {
    const proxy = createClient({ baseUrl: "http://proxy.invalid", fetch: async () => new Response("<html>Bad Gateway</html>", { status: 502 }) });
    const op = operations[0]!;
    const error = (await proxy.run(op.id, op.example).catch((e: unknown) => e)) as IslClientError;
    expect(error).toBeInstanceOf(IslClientError);
    expect(error.status).toBe(502);
    expect(error.envelope).toBeUndefined();
    expect(error.code).toBe("HTTP_502");
    expect(error.retryable).toBe(true);
    expect(error.body).toContain("Bad Gateway");
  });

  it("throws for a 2xx body that is not JSON", async () => {
    const odd = createClient({ baseUrl: "http://odd.invalid", fetch: async () => new Response("ok", { status: 200 }) });
    const op = operations[0]!;
    await expect(odd.run(op.id, op.example)).rejects.toThrow(/not JSON/);
  });

  it("passes the abort signal to fetch", async () => {
    const op = operations[0]!;
    const controller = new AbortController();
    controller.abort();
    await expect(client.run(op.id, op.example, { signal: controller.signal })).rejects.toThrow();
  });
});
