/**
 * The columns of a simulation as a read-only map in which some columns are made on first read:
 * a normal exogenous variable drawn block by block in kernel memory (kernel-memory-blocks.ts) keeps
 * only the five generator states its draws started from, and its column is filled from them when
 * it is first read: the same values the equations used, bit for bit, since the fill is the same
 * deterministic function of those states. An intervened variable's constant column is likewise
 * filled when first read. Most callers read a few outcome columns, so the noise
 * columns of a large model are usually never made (fewer fresh allocations, less memory).
 * Iterating the map (entries, values, forEach, spread) makes every column, in the model's order.
 * Complexity: O(1) per read of a made column; O(n) once per column made on read.
 * Reference: none (lazy evaluation).
 */
import { fillFromNormalLanes, type NormalLaneStates } from "../random/index.js";

/** How a column is made on first read: normal draws from saved generator states, or a constant. */
export type DeferredColumn =
  | {
      readonly kind: "normal";
      /** The generator states its draws started from (owned: advanced when the column is made). */
      readonly lanes: NormalLaneStates;
      readonly mean: number;
      readonly sd: number;
      /** Number of samples. */
      readonly n: number;
      /** An array to fill (a reused column), else one is allocated. */
      readonly into: Float64Array | undefined;
    }
  | {
      readonly kind: "constant";
      /** The value of every sample (an intervention's). */
      readonly value: number;
      readonly n: number;
      readonly into: Float64Array | undefined;
    };

/** A `ReadonlyMap` of columns in the model's order, some of them made on first read. */
export class SimulationColumns implements ReadonlyMap<string, Float64Array> {
  private readonly made = new Map<string, Float64Array>();
  private readonly deferred = new Map<string, DeferredColumn>();

  /**
   * @param order - Every variable, in the model's order.
   * @param columnOf - The made column of a variable, or its deferred description.
   */
  constructor(
    private readonly order: readonly string[],
    columnOf: (name: string) => Float64Array | DeferredColumn,
  ) {
    for (const name of order) {
      const column = columnOf(name);
      if (column instanceof Float64Array) this.made.set(name, column);
      else this.deferred.set(name, column);
    }
  }

  get size(): number {
    return this.order.length;
  }

  has(name: string): boolean {
    return this.made.has(name) || this.deferred.has(name);
  }

  /** The column of `name` (made now if it was deferred), or undefined for an unknown name. */
  get(name: string): Float64Array | undefined {
    const column = this.made.get(name);
    if (column !== undefined) return column;
    const deferred = this.deferred.get(name);
    if (deferred === undefined) return undefined;
    const out = deferred.into ?? new Float64Array(deferred.n);
    if (deferred.kind === "normal") fillFromNormalLanes(deferred.lanes, out, deferred.mean, deferred.sd);
    else out.fill(deferred.value);
    this.deferred.delete(name);
    this.made.set(name, out);
    return out;
  }

  /**
   * The array that holds, or will hold, the column of `name` without making it: for reusing the
   * arrays of a simulation that will not be read again.
   */
  storage(name: string): Float64Array | undefined {
    return this.made.get(name) ?? this.deferred.get(name)?.into;
  }

  /** Whether the column of `name` has been made (read, or never deferred). */
  isMade(name: string): boolean {
    return this.made.has(name);
  }

  forEach(callback: (value: Float64Array, key: string, map: ReadonlyMap<string, Float64Array>) => void, thisArg?: unknown): void {
    for (const name of this.order) callback.call(thisArg, this.get(name)!, name, this);
  }

  *entries(): MapIterator<[string, Float64Array]> {
    for (const name of this.order) yield [name, this.get(name)!];
  }

  *keys(): MapIterator<string> {
    yield* this.order;
  }

  *values(): MapIterator<Float64Array> {
    for (const name of this.order) yield this.get(name)!;
  }

  [Symbol.iterator](): MapIterator<[string, Float64Array]> {
    return this.entries();
  }
}
