/** Which equations are linear in the fitted coefficients (table test). */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { parseExpression } from "../scm/parser.js";
import { requireLinearInCoefficients } from "./linear-in-coefficients.js";

const coefficients = new Set(["a", "b"]);
const check = (text: string) => requireLinearInCoefficients(parseExpression(text, { variable: "Y", knownVariables: new Set(["a", "b", "X", "Z"]) }), coefficients, "Y");

describe("requireLinearInCoefficients", () => {
  it.each(["a + b*X", "a + b*log(X) + Z**2", "-(a - b*X/2) + 3", "(a + b)*X", "if(X > 1, a, b*Z)", "X*b*Z", "Z", "a/Z"])("accepts %s", (text) => {
    expect(() => check(text)).not.toThrow();
  });

  it.each([
    ["a*b", "multiplies two terms"],
    ["a + X/b", "divides by a term"],
    ["exp(a*X)", "passes a coefficient to exp()"],
    ["b**2", "applies '**'"],
    ["if(a > 0, X, Z)", "applies '>'"],
    ["if(a, X, Z)", "condition"],
    ["(a*X)*(b + 1)", "multiplies two terms"],
    ["max(a, X)", "passes a coefficient to max()"],
  ])("rejects %s", (text, why) => {
    const error = expectIslError(() => check(text), "ISL_INVALID_MODEL");
    expect(error.message).toContain(why);
    expect(error.message).toContain("'Y'");
  });
});
