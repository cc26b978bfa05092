/**
 * `isl run <operation-id>`: one JSON request (or one per line with `--jsonl`) through core's
 * `runOperation`, printing exactly the body the HTTP endpoint returns: the response, or the
 * error envelope from core's `toErrorEnvelope`. Exit codes: 0 ok, 2 bad input (4xx), 1 internal (5xx).
 */
import { findOperation, operations, type OperationId } from "@olumi/contracts";
import { malformedJsonError, payloadHash, runOperation, toErrorEnvelope, unknownOperationError } from "@olumi/isl-core";
import cliProgress from "cli-progress";
import { readInput, writeOut, type CliIo } from "./io.js";

/** Process exit codes of the CLI. */
export const EXIT_CODES = { ok: 0, internalError: 1, badInput: 2 } as const;

/** A CLI exit code. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Options of `isl run`. */
export interface RunCommandOptions {
  /** Read the request(s) from this file instead of stdin (`-` = stdin). */
  input?: string;
  /** One request per input line, one response per output line. */
  jsonl?: boolean;
  /** Indent the JSON (single request only; JSON lines stay one per line). */
  pretty?: boolean;
  /** Request id for the metadata; with `--jsonl`, line n gets `<id>-<n>`. Default: derived from the content. */
  requestId?: string;
}

/** The body printed for one request and the exit code it implies. */
export interface RequestOutcome {
  body: unknown;
  exitCode: ExitCode;
  /** The thrown error, when the outcome is an internal failure (for stderr only). */
  internal?: unknown;
}

/** Exit code for an HTTP status: 2xx/3xx → 0, 4xx → 2, 5xx → 1. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status < 400) return EXIT_CODES.ok;
  return status < 500 ? EXIT_CODES.badInput : EXIT_CODES.internalError;
}


function failure(error: unknown, requestId: string): RequestOutcome {
  const { status, body } = toErrorEnvelope(error, requestId);
  const exitCode = exitCodeForStatus(status);
  return exitCode === EXIT_CODES.internalError ? { body, exitCode, internal: error } : { body, exitCode };
}

/**
 * Runs operation `id` on one request given as JSON text. Without `requestId`, successes carry
 * core's content-derived id and failures `req_` + the hash of the input.
 */
export function runRequestText(id: OperationId, text: string, requestId?: string, line?: number): RequestOutcome {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return failure(malformedJsonError(error instanceof Error ? error.message : String(error), line === undefined ? "request body" : `line ${line}`, line), requestId ?? `req_${payloadHash(text)}`);
  }
  try {
    return { body: runOperation(id, input, requestId === undefined ? {} : { requestId }), exitCode: EXIT_CODES.ok };
  } catch (error) {
    return failure(error, requestId ?? `req_${payloadHash(input)}`);
  }
}

function reportInternal(io: CliIo, outcome: RequestOutcome, where: string): void {
  if (outcome.internal === undefined) return;
  const detail = outcome.internal instanceof Error ? (outcome.internal.stack ?? outcome.internal.message) : String(outcome.internal);
  io.stderr.write(`isl: internal error (${where}): ${detail}\n`);
}

/** Combines line outcomes: 1 if any line failed internally, else 2 if any was bad input, else 0. */
export function worstExitCode(a: ExitCode, b: ExitCode): ExitCode {
  if (a === EXIT_CODES.internalError || b === EXIT_CODES.internalError) return EXIT_CODES.internalError;
  return a === EXIT_CODES.badInput || b === EXIT_CODES.badInput ? EXIT_CODES.badInput : EXIT_CODES.ok;
}

async function runJsonLines(io: CliIo, id: OperationId, text: string, requestId: string | undefined): Promise<ExitCode> {
  const work = text
    .split("\n")
    .map((raw, i) => ({ text: raw.endsWith("\r") ? raw.slice(0, -1) : raw, line: i + 1 }))
    .filter((item) => item.text.trim() !== "");
  const bar = io.stderr.isTTY
    ? new cliProgress.SingleBar(
        { stream: io.stderr as NodeJS.WritableStream, format: `${id} [{bar}] {value}/{total} requests | {bad} bad | {duration_formatted}`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let code: ExitCode = EXIT_CODES.ok;
  let bad = 0;
  bar?.start(work.length, 0, { bad });
  try {
    for (const item of work) {
      const outcome = runRequestText(id, item.text, requestId === undefined ? undefined : `${requestId}-${item.line}`, item.line);
      reportInternal(io, outcome, `line ${item.line}`);
      if (outcome.exitCode !== EXIT_CODES.ok) bad += 1;
      code = worstExitCode(code, outcome.exitCode);
      await writeOut(io.stdout, `${JSON.stringify(outcome.body)}\n`);
      bar?.increment(1, { bad });
    }
  } finally {
    bar?.stop();
  }
  return code;
}

/** `isl run`: resolves to the exit code. */
export async function runCommand(io: CliIo, id: string, options: RunCommandOptions): Promise<ExitCode> {
  const op = findOperation(id);
  if (op === undefined) {
    const error = unknownOperationError(id);
    io.stderr.write(`isl: ${error.message}\n`);
    await writeOut(io.stdout, `${JSON.stringify(toErrorEnvelope(error, options.requestId ?? `req_${payloadHash({ operation: id })}`).body)}\n`);
    return EXIT_CODES.badInput;
  }
  let text: string;
  try {
    text = await readInput(io, options.input);
  } catch (error) {
    io.stderr.write(`isl: cannot read ${options.input ?? "stdin"}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.badInput;
  }
  if (options.jsonl) return runJsonLines(io, op.id, text, options.requestId);
  const outcome = runRequestText(op.id, text, options.requestId);
  reportInternal(io, outcome, op.id);
  await writeOut(io.stdout, `${options.pretty ? JSON.stringify(outcome.body, null, 2) : JSON.stringify(outcome.body)}\n`);
  return outcome.exitCode;
}
