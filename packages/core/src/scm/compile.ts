/**
 * Column compiler: turns an expression, once, into a tree of closures that fills a Float64Array
 * for a whole block of samples, with no allocation per sample and no text ever run as JavaScript
 * (no dynamic code of any kind). Steps: constant folding (exact); affine chains to fused loops
 * (affine-chain.ts); every other node to a monomorphic typed-array loop (column-loops.ts), with
 * leaves read in place and intermediate results in scratch columns allocated like registers
 * (Sethi–Ullman: the left operand is computed into the output, the right one into the next
 * register), so an expression needs at most one scratch column per level of right nesting.
 * Results are bit-identical to the reference interpreter (differential-tested).
 * Complexity: O(nodes) to compile; O(n · nodes) to evaluate. References: R. Sethi, J. D. Ullman,
 * "The generation of optimal code for arithmetic expressions", JACM 17(4) (1970) 715–728.
 */
import { IslError } from "../errors.js";
import type { ExpressionNode, FunctionName } from "./ast.js";
import { affineTerms, fusedAffine, type AffineTerm } from "./affine-chain.js";
import { BINARY_LOOPS, UNARY_LOOPS, conditionalLoop, fillLoop, type ColumnOperator } from "./column-loops.js";
import { foldConstants } from "./fold-constants.js";
import { applyBinary, applyUnaryFunction, isUnaryFunction } from "./semantics.js";

/** Scratch memory of compiled kernels: a column of ones and the register columns. */
export interface Scratch {
  /** A column of 1s (the source of constant terms in fused affine loops). */
  readonly ones: Float64Array;
  /** Register columns, each at least as long as the blocks evaluated. */
  readonly registers: readonly Float64Array[];
}

/**
 * A compiled expression's kernel: writes the expression's value for samples 0..n−1 into `out`,
 * reading variable `slot` from `columns[slot]`. Every array must hold at least n elements.
 */
export type ColumnKernel = (columns: readonly Float64Array[], out: Float64Array, n: number, scratch: Scratch) => void;

/** The result of {@link compileExpression}. */
export interface CompiledExpression {
  /** The folded expression that the kernel evaluates. */
  readonly expression: ExpressionNode;
  /** Number of register columns the kernel needs in its {@link Scratch}. */
  readonly registers: number;
  /** The value when the expression reads no variable (after folding), else undefined. */
  readonly constant: number | undefined;
  /** The evaluator. */
  readonly kernel: ColumnKernel;
  /**
   * When the folded expression is an affine chain of variables and constants only (affine-chain.ts),
   * its terms in evaluation order, for kernels that evaluate it elsewhere (affine-wasm.ts):
   * `out = Σ coefficients[k] · (slots[k] ≥ 0 ? column slots[k] : 1)`, summed left to right.
   */
  readonly affine: { readonly coefficients: Float64Array; readonly slots: Int32Array } | undefined;
}

/** An operand as the compiler sees it: a constant, a column read in place, or a computation. */
type Operand =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "column"; readonly slot: number }
  | { readonly kind: "computed"; readonly fill: ColumnKernel };

/**
 * Compiles an expression to a column kernel.
 *
 * @param node - The parsed expression.
 * @param slotOf - The column slot of every variable the expression reads.
 * @returns The kernel and the scratch it needs.
 * @throws IslError ISL_MISSING_VARIABLE when the expression reads a variable without a slot.
 */
export function compileExpression(node: ExpressionNode, slotOf: ReadonlyMap<string, number>): CompiledExpression {
  const compiler = new Compiler(slotOf);
  const expression = foldConstants(node);
  const operand = compiler.compile(expression, 0);
  let kernel: ColumnKernel;
  if (operand.kind === "constant") {
    const value = operand.value;
    kernel = (_columns, out, n) => fillLoop(out, value, n);
  } else if (operand.kind === "column") {
    const slot = operand.slot;
    const copy = UNARY_LOOPS.get("copy")!;
    kernel = (columns, out, n) => copy(out, columns[slot]!, n);
  } else kernel = operand.fill;
  return { expression, registers: compiler.registers, constant: operand.kind === "constant" ? operand.value : undefined, kernel, affine: plainAffineChain(expression, compiler) };
}

/** The terms of `expression` when it is an affine chain whose terms are all variables or constants. */
function plainAffineChain(expression: ExpressionNode, compiler: Compiler): CompiledExpression["affine"] {
  const terms = affineTerms(expression, (name) => compiler.slotOf(name));
  if (terms === undefined || terms.some((term) => term.source.kind === "node")) return undefined;
  return {
    coefficients: Float64Array.from(terms, (term) => term.coefficient),
    slots: Int32Array.from(terms, (term) => (term.source.kind === "column" ? term.source.slot : -1)),
  };
}

/**
 * Allocates scratch for kernels that need `registers` registers over blocks of `length` samples.
 *
 * @param registers - Register columns (the maximum over the kernels that share the scratch).
 * @param length - Samples per block.
 */
export function createScratch(registers: number, length: number): Scratch {
  const list: Float64Array[] = [];
  for (let r = 0; r < registers; r++) list.push(new Float64Array(length));
  return { ones: new Float64Array(length).fill(1), registers: list };
}

/** One compilation: slot lookup and the register high-water mark. */
class Compiler {
  registers = 0;

  constructor(private readonly slots: ReadonlyMap<string, number>) {}

  /** Slot of a variable, or ISL_MISSING_VARIABLE. */
  slotOf(name: string): number {
    const slot = this.slots.get(name);
    if (slot === undefined) {
      throw new IslError("ISL_MISSING_VARIABLE", `The expression reads variable '${name}', which has no column.`, {
        details: { variable: name },
        recovery: { hints: [`Provide a column for '${name}'.`], suggestion: "Give every variable the expression reads a column." },
      });
    }
    return slot;
  }

  /** Marks register `index` as used. */
  private useRegister(index: number): number {
    if (index + 1 > this.registers) this.registers = index + 1;
    return index;
  }

  /** Compiles `node`; a computation may use registers `level` and above as scratch. */
  compile(node: ExpressionNode, level: number): Operand {
    switch (node.kind) {
      case "number":
        return { kind: "constant", value: node.value };
      case "variable":
        return { kind: "column", slot: this.slotOf(node.name) };
      case "unary": {
        const operand = this.compile(node.operand, level);
        if (node.operator === "+") return operand;
        if (operand.kind === "constant") return { kind: "constant", value: -operand.value };
        return this.applyUnary(UNARY_LOOPS.get("neg")!, operand);
      }
      case "binary": {
        const terms = affineTerms(node, (name) => this.slotOf(name));
        if (terms !== undefined) return this.compileAffine(terms, level);
        return this.binary(node.operator, this.compile(node.left, level), this.compile(node.right, level + 1), level);
      }
      case "call":
        return this.compileCall(node.callee, node.args, level);
    }
  }

  /** Calls: one-argument functions, variadic min/max as left folds, pow, clip, if. */
  private compileCall(callee: FunctionName, args: readonly ExpressionNode[], level: number): Operand {
    if (callee === "if") return this.compileConditional(args[0]!, args[1]!, args[2]!, level);
    if (callee === "min" || callee === "max") {
      let acc = this.compile(args[0]!, level);
      for (let k = 1; k < args.length; k++) acc = this.binary(callee, acc, this.compile(args[k]!, level + 1), level);
      return acc;
    }
    if (callee === "pow") return this.binary("**", this.compile(args[0]!, level), this.compile(args[1]!, level + 1), level);
    if (callee === "clip") {
      const lower = this.binary("max", this.compile(args[0]!, level), this.compile(args[1]!, level + 1), level);
      return this.binary("min", lower, this.compile(args[2]!, level + 1), level);
    }
    const operand = this.compile(args[0]!, level);
    if (!isUnaryFunction(callee)) return { kind: "constant", value: Number.NaN };
    if (operand.kind === "constant") return { kind: "constant", value: applyUnaryFunction(callee, operand.value) };
    return this.applyUnary(UNARY_LOOPS.get(callee)!, operand);
  }

  /** `out = f(operand)`, in place when the operand is computed into `out`. */
  private applyUnary(loop: (out: Float64Array, a: Float64Array, n: number) => void, operand: Operand): Operand {
    if (operand.kind === "column") {
      const slot = operand.slot;
      return { kind: "computed", fill: (columns, out, n) => loop(out, columns[slot]!, n) };
    }
    const inner = (operand as Extract<Operand, { kind: "computed" }>).fill;
    return {
      kind: "computed",
      fill: (columns, out, n, scratch) => {
        inner(columns, out, n, scratch);
        loop(out, out, n);
      },
    };
  }

  /** `left ∘ right` where `left` was compiled at `level` and `right` at `level + 1`. */
  private binary(operator: ColumnOperator, left: Operand, right: Operand, level: number): Operand {
    if (left.kind === "constant" && right.kind === "constant") return { kind: "constant", value: applyColumnOperator(operator, left.value, right.value) };
    const loops = BINARY_LOOPS.get(operator)!;
    const aa = loops.arrayArray;
    if (left.kind === "constant") {
      const c = left.value;
      const ca = loops.constantArray;
      if (right.kind === "column") {
        const slot = right.slot;
        return { kind: "computed", fill: (columns, out, n) => ca(out, c, columns[slot]!, n) };
      }
      const fillRight = (right as Extract<Operand, { kind: "computed" }>).fill;
      return { kind: "computed", fill: (columns, out, n, s) => (fillRight(columns, out, n, s), ca(out, c, out, n)) };
    }
    if (right.kind === "constant") {
      const c = right.value;
      const ac = loops.arrayConstant;
      if (left.kind === "column") {
        const slot = left.slot;
        return { kind: "computed", fill: (columns, out, n) => ac(out, columns[slot]!, c, n) };
      }
      const fillLeft = left.fill;
      return { kind: "computed", fill: (columns, out, n, s) => (fillLeft(columns, out, n, s), ac(out, out, c, n)) };
    }
    if (left.kind === "column" && right.kind === "column") {
      const a = left.slot;
      const b = right.slot;
      return { kind: "computed", fill: (columns, out, n) => aa(out, columns[a]!, columns[b]!, n) };
    }
    if (left.kind === "column") {
      const a = left.slot;
      const fillRight = (right as Extract<Operand, { kind: "computed" }>).fill;
      return { kind: "computed", fill: (columns, out, n, s) => (fillRight(columns, out, n, s), aa(out, columns[a]!, out, n)) };
    }
    const fillLeft = left.fill;
    if (right.kind === "column") {
      const b = right.slot;
      return { kind: "computed", fill: (columns, out, n, s) => (fillLeft(columns, out, n, s), aa(out, out, columns[b]!, n)) };
    }
    const register = this.useRegister(level);
    const fillRight = right.fill;
    return {
      kind: "computed",
      fill: (columns, out, n, s) => {
        fillLeft(columns, out, n, s);
        const r = s.registers[register]!;
        fillRight(columns, r, n, s);
        aa(out, out, r, n);
      },
    };
  }

  /** A fused affine chain; computed terms other than the first go to registers level, level+1, …. */
  private compileAffine(terms: readonly AffineTerm[], level: number): Operand {
    const m = terms.length;
    const coefficients = new Float64Array(m);
    // NOTE: per term: a column slot (≥ 0), the ones column (−1), or a register (−2 − index).
    const sources = new Int32Array(m);
    const registerFills: { register: number; fill: ColumnKernel }[] = [];
    let firstFill: ColumnKernel | undefined;
    let nextRegister = level;
    terms.forEach((term, k) => {
      let coefficient = term.coefficient;
      let operand: Operand =
        term.source.kind === "column" ? { kind: "column", slot: term.source.slot } : term.source.kind === "ones" ? { kind: "constant", value: 1 } : this.compile(term.source.node, k === 0 ? level : nextRegister + 1);
      if (operand.kind === "constant") {
        coefficient *= operand.value;
        operand = { kind: "constant", value: 1 };
      }
      coefficients[k] = coefficient;
      if (operand.kind === "column") sources[k] = operand.slot;
      else if (operand.kind === "constant") sources[k] = -1;
      else if (k === 0) firstFill = operand.fill;
      else {
        const register = this.useRegister(nextRegister++);
        registerFills.push({ register, fill: operand.fill });
        sources[k] = -2 - register;
      }
    });
    const start = firstFill === undefined ? 0 : 1;
    const arrays: Float64Array[] = new Array<Float64Array>(m - start);
    const termCoefficients = coefficients.subarray(start);
    const first = firstFill;
    return {
      kind: "computed",
      fill: (columns, out, n, s) => {
        if (first !== undefined) first(columns, out, n, s);
        for (const { register, fill } of registerFills) fill(columns, s.registers[register]!, n, s);
        for (let k = start; k < m; k++) {
          const source = sources[k]!;
          arrays[k - start] = source >= 0 ? columns[source]! : source === -1 ? s.ones : s.registers[-2 - source]!;
        }
        fusedAffine(out, termCoefficients, arrays, first !== undefined, n);
      },
    };
  }

  /** `if(c, a, b)`: a in register `level`, b in register `level + 1`, c in the output. */
  private compileConditional(conditionNode: ExpressionNode, thenNode: ExpressionNode, elseNode: ExpressionNode, level: number): Operand {
    const whenTrue = this.materialise(this.compile(thenNode, level + 1), level);
    const whenFalse = this.materialise(this.compile(elseNode, level + 2), level + 1);
    const condition = this.compile(conditionNode, level + 2);
    const conditionFill: (columns: readonly Float64Array[], out: Float64Array, n: number, s: Scratch) => Float64Array =
      condition.kind === "column"
        ? (columns) => columns[condition.slot]!
        : condition.kind === "constant"
          ? (_columns, out, n) => (fillLoop(out, condition.value, n), out)
          : (columns, out, n, s) => (condition.fill(columns, out, n, s), out);
    return {
      kind: "computed",
      fill: (columns, out, n, s) => {
        const a = whenTrue(columns, n, s);
        const b = whenFalse(columns, n, s);
        conditionalLoop(out, conditionFill(columns, out, n, s), a, b, n);
      },
    };
  }

  /** A function giving the operand's values as an array: its column, or register `register` filled. */
  private materialise(operand: Operand, register: number): (columns: readonly Float64Array[], n: number, s: Scratch) => Float64Array {
    if (operand.kind === "column") return (columns) => columns[operand.slot]!;
    this.useRegister(register);
    if (operand.kind === "constant") {
      const value = operand.value;
      return (_columns, n, s) => {
        const r = s.registers[register]!;
        fillLoop(r, value, n);
        return r;
      };
    }
    const fill = operand.fill;
    return (columns, n, s) => {
      const r = s.registers[register]!;
      fill(columns, r, n, s);
      return r;
    };
  }
}

/** A column operator on two numbers (for operands that are both constant). */
function applyColumnOperator(operator: ColumnOperator, a: number, b: number): number {
  if (operator === "min") return Math.min(a, b);
  if (operator === "max") return Math.max(a, b);
  return applyBinary(operator, a, b);
}
