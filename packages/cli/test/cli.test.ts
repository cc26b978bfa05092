/** `isl ops`, help, version, usage errors and `isl serve`, in-process. */
import { ISL_VERSION, operations } from "@olumi/contracts";
import { describe, expect, it } from "vitest";
import { formatOperationTable, listOperations, runCli } from "../src/index.js";
import { fakeIo } from "./helpers.js";

describe("isl ops", () => {
  it("prints a table with id, method, path and summary of every operation", async () => {
    const t = fakeIo();
    expect(await runCli(["ops"], t.io)).toBe(0);
    const lines = t.stdout().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+METHOD\s+PATH\s+SUMMARY$/);
    expect(lines).toHaveLength(operations.length + 1);
    for (const op of operations) {
      const row = lines.find((l) => l.startsWith(`${op.id} `));
      expect(row).toBeDefined();
      expect(row).toContain(op.method);
      expect(row).toContain(op.path);
      expect(row).toContain(op.summary);
    }
  });

  it("prints the table as JSON with --json", async () => {
    const t = fakeIo();
    expect(await runCli(["ops", "--json"], t.io)).toBe(0);
    const rows = JSON.parse(t.stdout()) as { id: string; method: string; path: string; summary: string }[];
    expect(rows.map((r) => r.id)).toEqual(operations.map((op) => op.id));
    expect(rows).toEqual(listOperations());
  });

  it("aligns columns", () => {
    const table = formatOperationTable([
      { id: "a/b", method: "POST", path: "/api/v1/a/b", summary: "one", description: "", tags: [], deterministic: true, cost: "light" },
      { id: "long/name", method: "GET", path: "/api/v1/long/name", summary: "two", description: "", tags: [], deterministic: true, cost: "light" },
    ]);
    const lines = table.trimEnd().split("\n");
    expect(lines.map((l) => l.indexOf("/api") === -1 ? l.indexOf("PATH") : l.indexOf("/api"))).toEqual([19, 19, 19]);
  });
});

describe("usage", () => {
  it("prints help and exits 0 for --help", async () => {
    const t = fakeIo();
    expect(await runCli(["--help"], t.io)).toBe(0);
    expect(t.stdout()).toContain("run");
    expect(t.stdout()).toContain("serve");
  });

  it("prints the version for --version", async () => {
    const t = fakeIo();
    expect(await runCli(["--version"], t.io)).toBe(0);
    expect(t.stdout().trim()).toBe(ISL_VERSION);
  });

  it("exits 2 for an unknown command and for a missing operation id", async () => {
    const unknown = fakeIo();
    expect(await runCli(["frobnicate"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain("frobnicate");
    const missing = fakeIo();
    expect(await runCli(["run"], missing.io)).toBe(2);
    expect(missing.stderr()).toContain("operation-id");
  });

  it("exits 2 with help when no command is given", async () => {
    const t = fakeIo();
    expect(await runCli([], t.io)).toBe(2);
    expect(t.stderr()).toContain("Usage: isl");
  });
});

describe("isl serve", () => {
  it("starts the server, logs where it listens, serves, and stops on abort", async () => {
    const controller = new AbortController();
    const t = fakeIo("", { signal: controller.signal });
    const done = runCli(["serve", "--port", "0", "--host", "127.0.0.1"], t.io);
    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      url = /listening on (http:\/\/\S+)/.exec(t.stderr())?.[1];
      if (url === undefined) await new Promise((r) => setTimeout(r, 25));
    }
    expect(url).toBeDefined();
    expect(t.stderr()).toContain("auth off");
    const res = await fetch(`${url}/health`);
    expect(await res.json()).toMatchObject({ status: "healthy", version: ISL_VERSION });
    controller.abort();
    expect(await done).toBe(0);
    expect(t.stderr()).toContain("stopped");
  });

  it("exits 2 for an invalid port", async () => {
    const t = fakeIo("", { signal: AbortSignal.abort() });
    expect(await runCli(["serve", "--port", "http"], t.io)).toBe(2);
    expect(t.stderr()).toContain("Invalid port");
  });
});
