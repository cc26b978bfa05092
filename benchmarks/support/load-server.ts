/**
 * A server for the load test, run in its own process so that the load generator does not share
 * its event loop: `isl` starts the ISL HTTP server (Redis when `REDIS_URL` is set, logs off, rate
 * limit out of reach), `bare` a plain node:http server answering a fixed 59-byte JSON body, the
 * floor of any HTTP service on this machine, and `express` the same body from a bare Express 5 app
 * (the floor of an Express service). It prints `LISTENING <url>` once it accepts
 * connections, answers a line `cpu` on standard input with `CPU <µs>` (process CPU time so far,
 * worker threads included) and exits when its standard input closes (so it never outlives the load test).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

const mode = process.argv[2];
const stopWhenParentGoes = (stop: () => Promise<void>): void => {
  process.stdin.setEncoding("utf8");
  // A line "cpu" asks for the CPU time this process has used so far (main thread and workers).
  process.stdin.on("data", (text: string) => {
    for (const line of text.split("\n")) {
      if (line.trim() !== "cpu") continue;
      const usage = process.cpuUsage();
      console.log(`CPU ${usage.user + usage.system}`);
    }
  });
  process.stdin.once("end", () => {
    void stop().finally(() => process.exit(0));
  });
};

if (mode === "bare") {
  const body = JSON.stringify({ status: "healthy", version: "0.0.0", build: "unknown" });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }).end(body);
  });
  server.listen(0, "127.0.0.1", () => {
    console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  stopWhenParentGoes(() => new Promise<void>((resolve) => server.close(() => resolve())));
} else if (mode === "express") {
  const app = express();
  const body = { status: "healthy", version: "0.0.0", build: "unknown" };
  app.get("/", (_req, res) => {
    res.json(body);
  });
  const server = app.listen(0, "127.0.0.1", () => {
    console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  stopWhenParentGoes(() => new Promise<void>((resolve) => server.close(() => resolve())));
} else if (mode === "isl") {
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000", ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) };
  const { loadConfig, startServer } = await import("../../packages/server/src/index.js");
  const config = loadConfig(env);
  const running = await startServer({ port: 0, host: "127.0.0.1", config, log: () => undefined });
  console.log(`LISTENING ${running.url}`);
  stopWhenParentGoes(async () => {
    await running.close();
  });
} else {
  console.error("usage: load-server.ts isl|bare|express");
  process.exit(2);
}
