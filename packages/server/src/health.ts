/** `GET /health` and `GET /ready`: liveness and readiness bodies (upstream-service.md §6.1). */
import { ISL_VERSION } from "@olumi/contracts";
import { CONFIG_FINGERPRINT } from "@olumi/isl-core";

/** The body of `GET /health` (and of `GET /ready` when ready). */
export interface HealthBody {
  status: "healthy";
  version: string;
  /** Short build id (7 characters) or `"unknown"`. */
  build: string;
  /** Full build id, or null when unknown. */
  build_full: string | null;
  /** When the body was produced (wall clock; not part of any computation result). */
  timestamp: string;
  /** Fingerprint of the engine configuration, as in `_metadata.config_fingerprint`. */
  config_fingerprint: string;
}

/** Build identity: from the option, else `ISL_BUILD_SHA` or `GIT_SHA` in the environment. */
export function resolveBuild(build: string | undefined, env: NodeJS.ProcessEnv = process.env): { build: string; build_full: string | null } {
  const full = build ?? env.ISL_BUILD_SHA ?? env.GIT_SHA;
  if (full === undefined || full.trim() === "") return { build: "unknown", build_full: null };
  const trimmed = full.trim();
  return { build: trimmed.slice(0, 7), build_full: trimmed };
}

/** A function producing the health body for this build. */
export function healthReporter(build: string | undefined): () => HealthBody {
  const identity = resolveBuild(build);
  return () => ({
    status: "healthy",
    version: ISL_VERSION,
    ...identity,
    timestamp: new Date().toISOString(),
    config_fingerprint: CONFIG_FINGERPRINT,
  });
}
