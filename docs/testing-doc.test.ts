/** docs/testing.md shows docs/testing-example.test.ts verbatim, so the example on the page is the one that runs. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("docs/testing.md", () => {
  it("shows the example property test exactly as it runs", () => {
    const page = readFileSync(new URL("./testing.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./testing-example.test.ts", import.meta.url), "utf8");
    const block = /```ts testing-example\n([\s\S]*?)```/.exec(page);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(example);
  });
});
