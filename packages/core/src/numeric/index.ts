/**
 * Numeric kernel of ISL: stable summaries (mean, population standard deviation, type-7 percentile),
 * the standard normal CDF and quantile, log-sum-exp and the Kolmogorov–Smirnov statistic.
 * Entry point of `@olumi/isl-core/numeric`.
 */
export { compensatedSum, mean } from "./mean.js";
export { populationStd, populationVariance } from "./population-std.js";
export { percentile, percentileSorted } from "./percentile.js";
export { normalCdf } from "./normal-cdf.js";
export { normalQuantile } from "./normal-quantile.js";
export { logSumExp } from "./log-sum-exp.js";
export { ksCriticalValue, ksStatistic } from "./kolmogorov-smirnov.js";
