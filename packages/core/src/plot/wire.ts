/**
 * V2 serialisation rules of the analyze/v2 envelope: optional members are left out (an object
 * member that is undefined, null or a non-finite number is dropped), array entries keep their
 * position (a non-finite number inside an array becomes null, as the seed-sweep lists use null for
 * "no flip"), and key order is preserved. Also the envelope timestamp: UTC ISO-8601 with
 * microseconds and "Z", formatted arithmetically from epoch milliseconds (days → civil date).
 * Complexity: O(size of the value); O(1) for the timestamp.
 * Reference: plot-client.md §3.1; plot-v2-engine.md §2.4; H. Hinnant, "chrono-compatible low-level
 * date algorithms" (days_from_civil / civil_from_days).
 */

/**
 * A deep copy of `value` under the V2 serialisation rules.
 *
 * @param value - Any JSON-like value.
 * @returns The cleaned value (undefined for a dropped top-level non-finite number).
 */
export function toV2Wire(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((item) => toV2Wire(item) ?? null);
  if (ArrayBuffer.isView(value)) return toV2Wire(Array.from(value as unknown as ArrayLike<number>));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || member === null) continue;
      const cleaned = toV2Wire(member);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  return value;
}

/**
 * Lists the paths of every null or non-finite number that {@link toV2Wire} would have to drop
 * (used by tests to prove the envelope is already clean).
 */
export function nonWireMembers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => (item === null ? [] : nonWireMembers(item, `${path}[${i}]`)));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, member]) => (member === null || member === undefined ? [`${path}.${key}`] : nonWireMembers(member, `${path}.${key}`)));
  }
  return [];
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * UTC ISO-8601 text with microseconds and "Z" for an epoch time in milliseconds.
 *
 * @param epochMs - Milliseconds since 1970-01-01T00:00:00Z (fractional part kept to the microsecond).
 * @returns e.g. "2026-09-29T03:00:26.652316Z".
 */
export function isoTimestampMicros(epochMs: number): string {
  const micros = Math.floor(epochMs * 1000);
  const days = Math.floor(micros / 86_400_000_000);
  let rest = micros - days * 86_400_000_000;
  const hour = Math.floor(rest / 3_600_000_000);
  rest -= hour * 3_600_000_000;
  const minute = Math.floor(rest / 60_000_000);
  rest -= minute * 60_000_000;
  const second = Math.floor(rest / 1_000_000);
  const micro = rest - second * 1_000_000;
  // civil_from_days (Hinnant): days since 1970-01-01 → proleptic Gregorian y-m-d.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(micro, 6)}Z`;
}

/** Wall-clock milliseconds since the epoch from the platform's performance clock (volatile fields only). */
export function wallClockMs(): number {
  return globalThis.performance.timeOrigin + globalThis.performance.now();
}

/** Monotonic milliseconds for processing_time_ms. */
export function monotonicMs(): number {
  return globalThis.performance.now();
}
