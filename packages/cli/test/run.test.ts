/** `isl run`: single requests, JSON lines, exit codes, and equality with the HTTP body. */
import { ErrorEnvelope, operations, responseRequestId, withoutVolatileFields } from "@olumi/contracts";
import { runOperation } from "@olumi/isl-core";
import { startServer } from "@olumi/isl-server";
import { describe, expect, it } from "vitest";
import { exitCodeForStatus, runCli, worstExitCode } from "../src/index.js";
import { fakeIo } from "./helpers.js";

const cases = operations.map((op) => [op.id, op] as const);

function envelope(line: string): ErrorEnvelope {
  return ErrorEnvelope.parse(JSON.parse(line));
}

describe.each(cases)("isl run %s", (id, op) => {
  const example = JSON.stringify(op.example);
  /** The printed text, re-serialised without the operation's volatile members (unchanged bytes when it has none). */
  const stable = (text: string, indent?: number): string =>
    op.volatileFields ? `${JSON.stringify(withoutVolatileFields(op, JSON.parse(text)), null, indent)}\n` : text;

  it("prints the response for the example on stdin and exits 0", async () => {
    const t = fakeIo(example);
    expect(await runCli(["run", id], t.io)).toBe(0);
    expect(stable(t.stdout())).toBe(stable(`${JSON.stringify(runOperation(op.id, op.example))}\n`));
    expect(op.response.safeParse(JSON.parse(t.stdout())).success).toBe(true);
  });

  it("prints exactly the body the HTTP endpoint returns for the same request id", async () => {
    const t = fakeIo(example);
    expect(await runCli(["run", id, "--request-id", "same-id"], t.io)).toBe(0);
    const server = await startServer({ port: 0, host: "127.0.0.1", log: () => undefined });
    try {
      const http = await fetch(`${server.url}${op.path}`, {
        method: op.method,
        headers: { "content-type": "application/json", "x-request-id": "same-id" },
        body: example,
      });
      expect(http.status).toBe(200);
      expect(stable(t.stdout())).toBe(stable(`${await http.text()}\n`));
    } finally {
      await server.close();
    }
  });

  it("reads --input FILE and indents with --pretty", async () => {
    const t = fakeIo("", { files: { "req.json": example } });
    expect(await runCli(["run", id, "--input", "req.json", "--pretty"], t.io)).toBe(0);
    expect(stable(t.stdout(), 2)).toBe(stable(`${JSON.stringify(runOperation(op.id, op.example), null, 2)}\n`, 2));
  });

  it("exits 2 with ISL_INVALID_INPUT on stdout for malformed JSON", async () => {
    const t = fakeIo('{"dag": ');
    expect(await runCli(["run", id], t.io)).toBe(2);
    expect(envelope(t.stdout())).toMatchObject({ code: "ISL_INVALID_INPUT", source: "isl" });
    expect(envelope(t.stdout()).message).toMatch(/^Malformed JSON in request body/);
  });

  it("exits 2 with ISL_VALIDATION_ERROR on stdout for a schema failure", async () => {
    const t = fakeIo("{}");
    expect(await runCli(["run", id, "--request-id", "bad-1"], t.io)).toBe(2);
    expect(envelope(t.stdout())).toMatchObject({ code: "ISL_VALIDATION_ERROR", request_id: "bad-1" });
  });

  it("exits 2 and says why when the input file cannot be read", async () => {
    const t = fakeIo();
    expect(await runCli(["run", id, "--input", "missing.json"], t.io)).toBe(2);
    expect(t.stderr()).toContain("cannot read missing.json");
    expect(t.stdout()).toBe("");
  });

  it("runs JSON lines: one response per request line, errors in place, exit 2 at the end", async () => {
    const input = [example, "{not json", "", "   ", "{}", example].join("\n");
    const t = fakeIo(`${input}\r\n`);
    expect(await runCli(["run", id, "--jsonl", "--request-id", "batch"], t.io)).toBe(2);
    const lines = t.stdout().trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(op.response.safeParse(JSON.parse(lines[0] ?? "")).success).toBe(true);
    expect(envelope(lines[1] ?? "")).toMatchObject({ code: "ISL_INVALID_INPUT", request_id: "batch-2", details: { line: 2 } });
    expect(envelope(lines[2] ?? "")).toMatchObject({ code: "ISL_VALIDATION_ERROR", request_id: "batch-5" });
    expect(responseRequestId(op, JSON.parse(lines[3] ?? ""))).toBe("batch-6");
    expect(t.stderr()).toBe("");
  });

  it("exits 0 for JSON lines that are all good", async () => {
    const t = fakeIo(`${example}\n${example}\n`);
    expect(await runCli(["run", id, "--jsonl"], t.io)).toBe(0);
    const lines = t.stdout().trimEnd().split("\n");
    expect(lines.map((line) => stable(line))).toEqual([JSON.stringify(runOperation(op.id, op.example)), JSON.stringify(runOperation(op.id, op.example))].map((line) => stable(line)));
  });

  it("draws a progress bar on stderr only when stderr is a TTY", async () => {
    const t = fakeIo(`${example}\n{bad\n`, { tty: true });
    expect(await runCli(["run", id, "--jsonl"], t.io)).toBe(2);
    expect(t.stderr()).toContain("2/2 requests");
    expect(t.stderr()).toContain("1 bad");
    expect(t.stdout().trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("isl run with an unknown operation", () => {
  it("exits 2, lists the operation ids on stderr and prints ISL_ROUTE_NOT_FOUND", async () => {
    const t = fakeIo("{}");
    expect(await runCli(["run", "no/such-op"], t.io)).toBe(2);
    for (const op of operations) expect(t.stderr()).toContain(op.id);
    const body = envelope(t.stdout());
    expect(body.code).toBe("ISL_ROUTE_NOT_FOUND");
    expect(body.details?.available).toEqual(operations.map((op) => op.id));
  });
});

describe("exit codes", () => {
  it.each([
    [200, 0],
    [400, 2],
    [404, 2],
    [422, 2],
    [500, 1],
    [504, 1],
  ])("HTTP %d → exit %d", (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });

  it.each([
    [0, 0, 0],
    [0, 2, 2],
    [2, 0, 2],
    [2, 1, 1],
    [1, 0, 1],
  ] as const)("worst of %d and %d is %d", (a, b, worst) => {
    expect(worstExitCode(a, b)).toBe(worst);
  });
});
