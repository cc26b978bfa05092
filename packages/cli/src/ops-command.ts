/** `isl ops`: the operation table, as an aligned text table or as JSON. */
import { operations } from "@olumi/contracts";

/** One row of `isl ops --json`. */
export interface OperationListing {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  deterministic: boolean;
  cost: "light" | "heavy";
}

/** Every operation of the table, in table order. */
export function listOperations(): OperationListing[] {
  return operations.map((op) => ({
    id: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: op.description,
    tags: [...op.tags],
    deterministic: op.deterministic,
    cost: op.cost,
  }));
}

/** The table as aligned columns ID, METHOD, PATH, SUMMARY, with a header line. */
export function formatOperationTable(rows: readonly OperationListing[]): string {
  const header = ["ID", "METHOD", "PATH", "SUMMARY"];
  const cells = rows.map((r) => [r.id, r.method, r.path, r.summary]);
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]): string => c.map((v, i) => (i < 3 ? v.padEnd(widths[i] ?? 0) : v)).join("  ").trimEnd();
  return [line(header), ...cells.map(line)].join("\n") + "\n";
}
