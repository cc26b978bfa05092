/** Test support: the distance between two doubles in units in the last place. */

/**
 * Distance in units in the last place between two doubles of the same sign (the number of
 * representable doubles between them, plus one): 0 when equal, 1 for neighbours.
 *
 * @param a - A double.
 * @param b - A double of the same sign.
 */
export function ulpDistance(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const diff = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(diff < 0n ? -diff : diff);
}
