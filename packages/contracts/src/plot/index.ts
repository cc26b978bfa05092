/** PLoT `robustness/analyze/v2`: request schema and wire types of the envelope. */
export * from "./request.js";
export * from "./response.js";
