/**
 * A small JSON Schema checker for the subset the OpenAPI document's service schemas use: `$ref`
 * into `#/components/schemas/`, `type` (one or a list), `const`, `enum`, `properties`, `required`,
 * `additionalProperties` (a schema), `items`, `anyOf`, `oneOf`, `minimum` and `format: date-time`.
 * Objects are checked CLOSED: a property that the schema does not name (and no
 * `additionalProperties` schema admits) is an error, so a response field missing from the
 * document is caught. Any other validation keyword throws, so an unsupported schema is never
 * passed silently. Returns the list of problems, each with its JSON path (empty when valid).
 */

type Json = Record<string, unknown>;

const ANNOTATIONS = new Set(["description", "example", "examples", "title", "format", "$ref", "type", "const", "enum", "properties", "required", "additionalProperties", "items", "anyOf", "oneOf", "minimum"]);
const REF_PREFIX = "#/components/schemas/";

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/** Problems of `value` against `schema`, resolving `$ref`s in `components`. */
export function checkJsonSchema(value: unknown, schema: Json, components: Record<string, Json>, path = "$"): string[] {
  for (const key of Object.keys(schema)) if (!ANNOTATIONS.has(key)) throw new Error(`unsupported schema keyword '${key}' at ${path}`);
  if (typeof schema.$ref === "string") {
    if (!schema.$ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${schema.$ref}`);
    const target = components[schema.$ref.slice(REF_PREFIX.length)];
    if (target === undefined) return [`${path}: unresolved ${schema.$ref}`];
    return checkJsonSchema(value, target, components, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Json[]).map((s) => checkJsonSchema(value, s, components, path));
    return results.some((r) => r.length === 0) ? [] : [`${path}: matches none of anyOf (${results.flat().join("; ")})`];
  }
  if (Array.isArray(schema.oneOf)) {
    const results = (schema.oneOf as Json[]).map((s) => checkJsonSchema(value, s, components, path));
    const passing = results.filter((r) => r.length === 0).length;
    return passing === 1 ? [] : [`${path}: matches ${passing} of oneOf (${results.flat().join("; ")})`];
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${path}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if ("const" in schema && value !== schema.const) problems.push(`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === "number" && typeof value === "number" && value < schema.minimum) problems.push(`${path}: ${value} < minimum ${schema.minimum}`);
  if (schema.format === "date-time" && typeof value === "string" && Number.isNaN(Date.parse(value))) problems.push(`${path}: not a date-time: ${value}`);
  if (schema.items !== undefined && Array.isArray(value)) value.forEach((item, i) => problems.push(...checkJsonSchema(item, schema.items as Json, components, `${path}[${i}]`)));
  if (typeOf(value) === "object" && (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.type === "object")) {
    const record = value as Json;
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in record)) problems.push(`${path}: missing required '${name}'`);
    for (const [name, member] of Object.entries(record)) {
      const propertySchema = properties[name] ?? (typeof schema.additionalProperties === "object" ? (schema.additionalProperties as Json) : undefined);
      if (propertySchema === undefined) problems.push(`${path}: undocumented property '${name}'`);
      else problems.push(...checkJsonSchema(member, propertySchema, components, `${path}.${name}`));
    }
  }
  return problems;
}
