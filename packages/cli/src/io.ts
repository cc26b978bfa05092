/** The streams the CLI talks to, injectable so every command can be tested in-process. */
import { readFile } from "node:fs/promises";

/** Something the CLI writes text to. */
export interface CliOutput {
  write(chunk: string): unknown;
  /** True for a terminal (the progress bar is drawn only on a TTY stderr). */
  isTTY?: boolean;
  /** Present on Node streams: lets the CLI wait for `drain` when output backs up. */
  once?(event: "drain", listener: () => void): unknown;
}

/** Everything {@link runCli} reads from and writes to. */
export interface CliIo {
  /** Request input when `--input` is not given (a Node Readable qualifies). */
  stdin: AsyncIterable<string | Uint8Array>;
  /** Responses (JSON), tables and listings. */
  stdout: CliOutput;
  /** Diagnostics, the progress bar and the server's startup line. */
  stderr: CliOutput;
  /** Reads a UTF-8 file (default: `fs.promises.readFile`). */
  readFile?: (path: string) => Promise<string>;
  /** Stops `isl serve` when aborted (default: SIGINT or SIGTERM). */
  signal?: AbortSignal;
}

/** The process's own streams. */
export function nodeIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Reads all of `stdin` as UTF-8 text. */
export async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder("utf-8");
  let text = "";
  for await (const chunk of stdin) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Reads the file at `path`, or stdin when `path` is undefined or `-`. */
export async function readInput(io: CliIo, path: string | undefined): Promise<string> {
  if (path === undefined || path === "-") return readAll(io.stdin);
  return (io.readFile ?? ((p: string) => readFile(p, "utf8")))(path);
}

/** Writes `text`, waiting for `drain` when a Node stream asks the writer to slow down. */
export async function writeOut(out: CliOutput, text: string): Promise<void> {
  const accepted = out.write(text);
  if (accepted === false && typeof out.once === "function") {
    await new Promise<void>((resolve) => out.once?.("drain", resolve));
  }
}
