/** The real `isl` entry point, spawned through tsx: shebang, argument handling, exit codes. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { operations } from "@olumi/contracts";
import { describe, expect, it } from "vitest";

const binPath = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

function isl(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsxCli, "--conditions=@olumi/source", binPath, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("bin.ts", () => {
  it("starts with a node shebang", () => {
    expect(readFileSync(binPath, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it.runIf(operations.length > 0)("runs an operation from stdin and exits 0, or 2 for bad input", () => {
    const op = operations[0]!;
    const ok = isl(["run", op.id], JSON.stringify(op.example));
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(op.response.safeParse(JSON.parse(ok.stdout)).success).toBe(true);
    const bad = isl(["run", op.id], "{oops");
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).code).toBe("ISL_INVALID_INPUT");
  });
});
