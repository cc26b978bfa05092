/**
 * `@olumi/isl-core/scm`: the structural causal model engine. A safe expression language for
 * structural equations (hand-written lexer and Pratt parser to an AST with positions; no text is
 * ever run as code), a reference interpreter, a column compiler that evaluates each equation for all samples
 * in typed-array loops, model assembly from the upstream `StructuralModel` JSON, and seeded Monte
 * Carlo simulation with interventions. Semantics: docs/scm.md.
 */
export type { BinaryNode, BinaryOperator, CallNode, ExpressionNode, FunctionArity, FunctionName, NumberNode, UnaryNode, UnaryOperator, VariableNode } from "./ast.js";
export { FUNCTIONS, FUNCTION_NAMES, isFunctionName, referencedVariables } from "./ast.js";
export { parseExpression, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_TOKENS } from "./parser.js";
export type { ParseOptions } from "./parser.js";
export { printExpression } from "./print.js";
export { evaluateScalar } from "./interpreter.js";
export { foldConstants } from "./fold-constants.js";
export { clip, conditional, floorDivide, logistic, power, pythonModulo } from "./semantics.js";
export { compileExpression, createScratch } from "./compile.js";
export type { ColumnKernel, CompiledExpression, Scratch } from "./compile.js";
export { compileColumns, forEachBlock, runKernel, BLOCK_SIZE } from "./column-evaluator.js";
export { buildStructuralModel } from "./model.js";
export type { BuildModelOptions, ModelEquation, StructuralCausalModel, StructuralModelInput } from "./model.js";
export { validateDistribution, sampleDistribution } from "./distributions.js";
export type { DistributionFamily, DistributionSpec } from "./distributions.js";
export { simulate, requireFiniteColumns, MAX_SAMPLES, MAX_SIMULATION_VALUES } from "./simulate.js";
export { countNonFinite } from "./non-finite.js";
export { SimulationColumns, type DeferredColumn } from "./simulation-columns.js";
export type { SimulateOptions, Simulation } from "./simulate.js";
export { planAbduction } from "./abduction.js";
export type { AbductionPlan, AbductionStep } from "./abduction.js";
export { affineDegree } from "./affine-occurrence.js";
export type { AffineDegree } from "./affine-occurrence.js";
export { numericLiterals, withLiteral } from "./literals.js";
export type { NumericLiteral } from "./literals.js";
export { createCounterfactualEvaluator, drawExogenous } from "./counterfactual.js";
export type { CounterfactualEvaluator, CounterfactualEvaluatorOptions } from "./counterfactual.js";
export { firstOrderSobol } from "./sobol.js";
export type { FirstOrderSobolOptions, SobolIndex } from "./sobol.js";
export { coefficientElasticities, coefficientsOf } from "./elasticity.js";
export type { Coefficient, CoefficientElasticity, ElasticityOptions } from "./elasticity.js";
export { percentilesBySelection } from "./order-statistics.js";
export { analyzeCounterfactual, SOBOL_SAMPLES, ELASTICITY_SAMPLES, MAX_COEFFICIENTS } from "./counterfactual-analysis.js";
export type { CounterfactualAnalysis, CounterfactualQuery } from "./counterfactual-analysis.js";
