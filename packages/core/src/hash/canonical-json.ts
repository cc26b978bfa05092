/**
 * Canonical JSON text of a plain value: object keys sorted by Unicode code point (Python's `str`
 * order), compact separators, ASCII-only output with every other character escaped as lowercase
 * `\uhhhh` (h a hex digit; UTF-16 surrogate pairs for astral characters). For strings, booleans, null, integers,
 * arrays and objects this is byte-identical to Python's
 * `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)`.
 * Complexity: O(total size + Σ k log k) for objects with k keys. Recursion depth is capped.
 * Reference: Python `json` module (`encode_basestring_ascii`); RFC 8259 §7 (string escapes).
 */
import { IslError } from "../errors.js";

/** Deepest nesting of arrays and objects that {@link canonicalJson} accepts. */
export const CANONICAL_JSON_MAX_DEPTH = 1000;

const HEX = "0123456789abcdef";

/** Lowercase four-digit `\uhhhh` escape of one UTF-16 code unit. */
function unicodeEscape(unit: number): string {
  return "\\u" + HEX[(unit >> 12) & 15]! + HEX[(unit >> 8) & 15]! + HEX[(unit >> 4) & 15]! + HEX[unit & 15]!;
}

/**
 * JSON string literal with Python's `ensure_ascii` escaping: `"` and `\` backslash-escaped,
 * \b \f \n \r \t short forms, every other code unit outside 0x20–0x7e as lowercase `\uhhhh`.
 *
 * @param text - Any JavaScript string (lone surrogates are escaped like any other code unit).
 * @returns The quoted, ASCII-only literal.
 */
export function quoteAsciiJsonString(text: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e && unit !== 0x22 && unit !== 0x5c) continue;
    out += text.slice(start, i);
    start = i + 1;
    switch (unit) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += "\\\\"; break;
      case 0x08: out += "\\b"; break;
      case 0x0c: out += "\\f"; break;
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      default: out += unicodeEscape(unit);
    }
  }
  return out + text.slice(start) + '"';
}

/** True for a high (leading) surrogate code unit. */
function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Orders two strings by Unicode code point, as Python compares `str`. Differs from JavaScript's
 * default UTF-16 code-unit order only when an astral character (U+10000 and above) meets a BMP
 * character in U+E000–U+FFFF: code-point order puts the astral character last.
 * Lone surrogates compare as their own code point, as in Python.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns Negative if a < b, positive if a > b, 0 if equal.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // NOTE: if the strings share a leading surrogate just before the first difference, compare the
  // whole code points that start at that surrogate.
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  return (a.codePointAt(i) ?? -1) - (b.codePointAt(i) ?? -1);
}

/** Error for a value that has no canonical JSON form. */
function notSerialisable(path: string, what: string): never {
  throw new IslError("ISL_INVALID_INPUT", `canonicalJson: ${path} is ${what}, which has no canonical JSON form`, {
    details: { path, found: what },
    recovery: {
      hints: [
        "Use only null, booleans, finite numbers, strings, arrays and plain objects.",
        "Replace NaN and ±Infinity with null or a string before hashing.",
      ],
      suggestion: `Remove or convert the value at ${path}.`,
    },
  });
}

/** Writes `value` into `parts`; `ancestors` holds the containers on the current path (cycle check). */
function write(value: unknown, path: string, depth: number, ancestors: Set<object>, parts: string[]): void {
  switch (typeof value) {
    case "string":
      parts.push(quoteAsciiJsonString(value));
      return;
    case "number":
      if (!Number.isFinite(value)) notSerialisable(path, String(value));
      // NOTE: JavaScript number formatting: 1.0 prints as 1, -0 as 0, 1e21 as 1e+21 (Python differs).
      parts.push(JSON.stringify(value));
      return;
    case "boolean":
      parts.push(value ? "true" : "false");
      return;
    case "bigint":
      parts.push(value.toString());
      return;
    case "object":
      break;
    default:
      notSerialisable(path, typeof value);
  }
  if (value === null) {
    parts.push("null");
    return;
  }
  const container = value as object;
  const toJson = (container as { toJSON?: unknown }).toJSON;
  if (typeof toJson === "function") {
    write(toJson.call(container), path, depth, ancestors, parts);
    return;
  }
  if (depth >= CANONICAL_JSON_MAX_DEPTH) notSerialisable(path, `nested deeper than ${CANONICAL_JSON_MAX_DEPTH} levels`);
  if (ancestors.has(container)) notSerialisable(path, "a circular reference");
  ancestors.add(container);
  if (Array.isArray(container)) {
    parts.push("[");
    for (let i = 0; i < container.length; i++) {
      if (i > 0) parts.push(",");
      const item: unknown = container[i];
      // NOTE: like JSON.stringify, an undefined element (or a hole) becomes null so positions keep.
      if (item === undefined) parts.push("null");
      else write(item, `${path}[${i}]`, depth + 1, ancestors, parts);
    }
    parts.push("]");
  } else {
    const proto: unknown = Object.getPrototypeOf(container);
    if (proto !== Object.prototype && proto !== null) {
      notSerialisable(path, `an instance of ${(container.constructor as { name?: string } | undefined)?.name ?? "a class"}`);
    }
    const record = container as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareCodePoints);
    parts.push("{");
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) parts.push(",");
      first = false;
      parts.push(quoteAsciiJsonString(key), ":");
      write(member, `${path}.${key}`, depth + 1, ancestors, parts);
    }
    parts.push("}");
  }
  ancestors.delete(container);
}

/**
 * Canonical JSON text of `value` (the form that ISL hashes).
 *
 * Rules: object keys sorted by code point; separators `,` and `:` with no spaces; output is ASCII,
 * non-ASCII escaped as lowercase `\uhhhh`; arrays keep order; `undefined` object members are
 * omitted and `undefined` array elements become `null`; objects with `toJSON` are replaced by its
 * result; bigint prints as its decimal digits. Numbers print as JavaScript prints them
 * (`1.0` → `1`, `-0` → `0`, `1e21` → `1e+21`), which differs from Python for floats.
 *
 * @param value - Plain JSON-like data.
 * @returns Canonical, ASCII-only JSON text.
 * @throws IslError ISL_INVALID_INPUT for NaN, ±Infinity, functions, symbols, `undefined` at the
 *   top level, class instances without `toJSON` (Map, Set, typed arrays…), cycles, or nesting
 *   deeper than {@link CANONICAL_JSON_MAX_DEPTH}.
 * @example canonicalJson({ b: 2, a: 1 }) // '{"a":1,"b":2}'
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, "$", 0, new Set(), parts);
  return parts.join("");
}
