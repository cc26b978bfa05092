/**
 * Finds object keys in a request that cannot be carried safely: `__proto__`. `JSON.parse` makes it an
 * ordinary own property, but copying it into a fresh object (as schema parsing does) sets the
 * prototype instead, so the value would vanish silently. Such requests are refused with the path.
 * Complexity: O(size of the request), iterative (no recursion, so deep nesting cannot overflow).
 */

/** Key names refused anywhere in a request. */
export const RESERVED_KEYS: readonly string[] = ["__proto__"];

/** Paths (`["body", "intervention", "__proto__"]` joined by ".") of every reserved key in `input`, at most `limit`. */
export function reservedKeyPaths(input: unknown, limit = 20): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: input, path: "body" }];
  while (stack.length > 0 && found.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}.${i}` });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (RESERVED_KEYS.includes(key)) found.push(`${path}.${key}`);
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (!RESERVED_KEYS.includes(key)) stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}` });
    }
  }
  return found;
}
