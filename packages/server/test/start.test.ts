/** startServer: listens, logs one line, serves, closes. */
import { describe, expect, it } from "vitest";
import { DEFAULT_HOST, DEFAULT_PORT, parsePort, startServer } from "../src/index.js";
import { recordingLogger } from "./helpers.js";

describe("startServer", () => {
  it("listens on an ephemeral port, logs where and that auth is off, and closes", async () => {
    const lines: string[] = [];
    const running = await startServer({ port: 0, host: "127.0.0.1", log: (l) => lines.push(l), appOptions: { logger: recordingLogger() } });
    try {
      expect(running.port).toBeGreaterThan(0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`listening on ${running.url}`);
      expect(lines[0]).toMatch(/auth off/);
      const res = await fetch(`${running.url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    } finally {
      await running.close();
    }
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
  });

  it("reads PORT and HOST from the environment", async () => {
    const running = await startServer({ env: { PORT: "0", HOST: "127.0.0.1" }, log: () => undefined });
    try {
      expect(running.host).toBe("127.0.0.1");
      expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    } finally {
      await running.close();
    }
  });

  it("defaults to loopback and port 8000", () => {
    expect(DEFAULT_HOST).toBe("127.0.0.1");
    expect(DEFAULT_PORT).toBe(8000);
  });

  it("rejects when the port is taken", async () => {
    const first = await startServer({ port: 0, host: "127.0.0.1", log: () => undefined });
    try {
      await expect(startServer({ port: first.port, host: "127.0.0.1", log: () => undefined })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("rejects a port it cannot use", async () => {
    await expect(startServer({ port: -1, log: () => undefined })).rejects.toThrow(/Invalid port/);
  });
});

describe("parsePort", () => {
  it.each([["8000", 8000], [" 0 ", 0], [65535, 65535]])("%j → %d", (value, port) => {
    expect(parsePort(value)).toBe(port);
  });
  it.each(["", "80a", "65536", "-1", "1.5"])("rejects %j", (value) => {
    expect(() => parsePort(value)).toThrow(/Invalid port/);
  });
});
