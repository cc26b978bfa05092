/** In-memory streams for running the CLI in-process. */
import { Readable } from "node:stream";
import type { CliIo } from "../src/index.js";

/** A CLI io over strings, with accessors for what was written. */
export interface FakeIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** Builds a {@link FakeIo}: `stdin` text, optional files for `--input`, a TTY flag for stderr. */
export function fakeIo(stdin = "", options: { files?: Record<string, string>; tty?: boolean; signal?: AbortSignal } = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const files = options.files ?? {};
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(stdin, "utf8")]),
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: options.tty ?? false },
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
  if (options.signal) io.signal = options.signal;
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
