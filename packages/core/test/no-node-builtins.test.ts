/**
 * Core and contracts must run unchanged in browsers: no Node built-in modules and no Node-only
 * globals in their sources. This test scans every `.ts` file under `packages/core/src` and
 * `packages/contracts/src` (test files excepted) and fails with `file:line` for each finding.
 *
 * The scanner is exact on the syntax it checks: comments and the insides of string, template
 * and regular-expression literals are never mistaken for code, property accesses (`x.process`) and
 * object keys (`{ process: 1 }`) are not global uses, and import specifiers are read only from
 * real `import … from '…'`, `import '…'`, `import('…')` and `export … from '…'` statements.
 * A local variable named `process` or `Buffer` is reported too: shadowing a Node global in core
 * is confusing enough to rename.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** One forbidden use found in a source file. */
interface Finding {
  line: number;
  kind: "builtin-import" | "global";
  what: string;
}

const BUILTINS = new Set(builtinModules);

/** True when `specifier` names a Node built-in module (`node:fs`, `fs`, `fs/promises`, `path/posix`…). */
function isBuiltinSpecifier(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0] ?? "");
}

/** Lexical class of each character: code, or inside a comment or literal. */
const enum Lex {
  Code = 0,
  Comment = 1,
  Literal = 2,
}

const REGEX_AFTER_KEYWORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

/**
 * Classifies every character of a TypeScript source as code, comment or literal (string,
 * template text, regular expression). Template `${…}` expressions are code, nested to any depth.
 * A `/` starts a regular expression where an expression may begin (after an operator, an opening
 * bracket, a comma or one of the keywords above), as JavaScript's grammar decides it.
 */
function classify(source: string): Uint8Array {
  const cls = new Uint8Array(source.length);
  // Each entry is the brace depth at which a `${` of a template was opened.
  const templateStack: number[] = [];
  let braceDepth = 0;
  let i = 0;
  const n = source.length;

  const previousSignificant = (from: number): { char: string; word: string } => {
    let j = from - 1;
    while (j >= 0 && (/\s/.test(source[j] ?? "") || cls[j] === Lex.Comment)) j--;
    const char = j >= 0 ? (source[j] ?? "") : "";
    let word = "";
    if (/[\w$]/.test(char)) {
      let k = j;
      while (k >= 0 && /[\w$]/.test(source[k] ?? "")) k--;
      word = source.slice(k + 1, j + 1);
    }
    return { char, word };
  };

  const readTemplateText = (): void => {
    // Called with `i` on the first character after the opening backtick or the closing `}`.
    while (i < n) {
      const c = source[i];
      if (c === "\\") {
        cls[i] = Lex.Literal;
        if (i + 1 < n) cls[i + 1] = Lex.Literal;
        i += 2;
        continue;
      }
      if (c === "`") {
        cls[i] = Lex.Literal;
        i++;
        return;
      }
      if (c === "$" && source[i + 1] === "{") {
        cls[i] = Lex.Literal;
        cls[i + 1] = Lex.Literal;
        i += 2;
        templateStack.push(braceDepth);
        braceDepth++;
        return;
      }
      cls[i] = Lex.Literal;
      i++;
    }
  };

  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      while (i < n && source[i] !== "\n") cls[i++] = Lex.Comment;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      while (i < stop) cls[i++] = Lex.Comment;
      continue;
    }
    if (c === "'" || c === '"') {
      cls[i++] = Lex.Literal;
      while (i < n && source[i] !== c && source[i] !== "\n") {
        if (source[i] === "\\") cls[i++] = Lex.Literal;
        if (i < n) cls[i++] = Lex.Literal;
      }
      if (i < n) cls[i++] = Lex.Literal;
      continue;
    }
    if (c === "`") {
      cls[i++] = Lex.Literal;
      readTemplateText();
      continue;
    }
    if (c === "/") {
      const { char, word } = previousSignificant(i);
      const regexStart = char === "" || (word !== "" ? REGEX_AFTER_KEYWORDS.has(word) : !/[)\]}\w$]/.test(char));
      if (regexStart) {
        cls[i++] = Lex.Literal;
        let inClass = false;
        while (i < n && source[i] !== "\n") {
          const r = source[i];
          cls[i++] = Lex.Literal;
          if (r === "\\") {
            if (i < n) cls[i++] = Lex.Literal;
          } else if (r === "[") inClass = true;
          else if (r === "]") inClass = false;
          else if (r === "/" && !inClass) break;
        }
        while (i < n && /[a-z]/i.test(source[i] ?? "")) cls[i++] = Lex.Literal;
        continue;
      }
    }
    if (c === "{") braceDepth++;
    if (c === "}") {
      braceDepth--;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        cls[i++] = Lex.Literal;
        readTemplateText();
        continue;
      }
    }
    cls[i++] = Lex.Code;
  }
  return cls;
}

/** The 1-based line of character `offset`. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (source.charCodeAt(k) === 10) line++;
  return line;
}

// Import forms. Each pattern starts at its keyword; the keyword must be code and the specifier
// a string literal (both checked through the classification).
const IMPORT_PATTERNS: readonly RegExp[] = [
  // import x from 'm'; import {a, type b} from 'm'; import * as ns from 'm'; import type X from 'm'; import 'm'
  /\bimport\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?(['"])([^'"\n]+)\1/g,
  // export * from 'm'; export * as ns from 'm'; export {a, b as c} from 'm'; export type {T} from 'm'
  /\bexport\s+(?:type\s+)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\1/g,
  // import('m') and import(`m`)
  /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1/g,
];

const NODE_GLOBALS = /\b(Buffer|process|__dirname|__filename|require)\b/g;

/**
 * Every Node built-in import and every use of the Node globals `Buffer`, `process`, `require`,
 * `__dirname` and `__filename` in one TypeScript source.
 */
function scanSource(source: string): Finding[] {
  const cls = classify(source);
  const isCode = (offset: number): boolean => cls[offset] === Lex.Code;
  const findings: Finding[] = [];

  for (const pattern of IMPORT_PATTERNS) {
    for (const m of source.matchAll(pattern)) {
      const start = m.index;
      const specifier = m[2] ?? "";
      const quoteAt = start + m[0].length - specifier.length - 2;
      // The keyword must be code, the specifier's opening quote must open a literal.
      if (!isCode(start) || cls[quoteAt] !== Lex.Literal) continue;
      // Nothing between the keyword and the specifier may lie inside another literal.
      let clean = true;
      for (let k = start; k < quoteAt; k++) if (cls[k] === Lex.Literal) clean = false;
      if (!clean) continue;
      if (isBuiltinSpecifier(specifier)) findings.push({ line: lineAt(source, start), kind: "builtin-import", what: specifier });
    }
  }

  for (const m of source.matchAll(NODE_GLOBALS)) {
    const start = m.index;
    const name = m[1] ?? "";
    if (!isCode(start)) continue;
    const before = source.slice(Math.max(0, start - 200), start).replace(/\s+$/, "");
    const after = source.slice(start + name.length, start + name.length + 20);
    if (name === "require" && !/^\s*\(/.test(after)) continue;
    // A property access `x.process` is not the global, unless x is the global object; `...process` is.
    if (before.endsWith(".") && !before.endsWith("...") && !/\b(?:globalThis|global|window|self)\s*\??\.$/.test(before)) continue;
    // An object key or type member `process: …` (after `{`, `,`, `;` or at the start of a line) is not a use.
    const lineStart = source.lastIndexOf("\n", start - 1) + 1;
    const atLineStart = source.slice(lineStart, start).trim() === "";
    if (/^\s*\??:/.test(after) && (atLineStart || /[{,;]$/.test(before))) continue;
    findings.push({ line: lineAt(source, start), kind: "global", what: name === "require" ? "require(" : name });
  }

  return findings.sort((a, b) => a.line - b.line || a.what.localeCompare(b.what));
}

/** Every `.ts` file under `dir`, test files excluded, sorted. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SCANNED_DIRS = ["packages/core/src", "packages/contracts/src"].map((d) => join(REPO, d));

describe("scanner", () => {
  it("reports every Node built-in import and Node global, with its line", () => {
    const sample = [
      "import { readFileSync } from 'node:fs';", // 1
      'import path from "path";', // 2
      "import {", // 3
      "  createHash,", // 4
      "  type Hash,", // 5
      '} from "crypto";', // 6
      "import 'fs/promises';", // 7
      "import type { Readable } from 'stream';", // 8
      'export * from "node:buffer";', // 9
      "export { inspect as show } from 'util';", // 10
      "const os = await import('os');", // 11
      "const zlib = require('zlib');", // 12
      "const b = Buffer.from('x');", // 13
      "const env = process.env.HOME;", // 14
      "const here = __dirname + __filename;", // 15
      "const g = globalThis.process;", // 16
      "const all = { ...process.env };", // 17
      "const t = `${process.pid}`;", // 18
      "const ok = cond ? process : undefined;", // 19
    ].join("\n");
    expect(scanSource(sample).map((f) => `${f.line} ${f.kind} ${f.what}`)).toEqual([
      "1 builtin-import node:fs",
      "2 builtin-import path",
      "3 builtin-import crypto",
      "7 builtin-import fs/promises",
      "8 builtin-import stream",
      "9 builtin-import node:buffer",
      "10 builtin-import util",
      "11 builtin-import os",
      "12 global require(",
      "13 global Buffer",
      "14 global process",
      "15 global __dirname",
      "15 global __filename",
      "16 global process",
      "17 global process",
      "18 global process",
      "19 global process",
    ]);
  });

  it("passes pure code whose comments, strings, regexes, keys and properties mention Node names", () => {
    const sample = [
      "/**",
      " * Imports nothing from node:fs; `import fs from 'fs'` in a comment is fine,",
      " * and so is the word process, Buffer, __dirname or require('crypto').",
      " */",
      'import { z } from "zod";',
      "import type { Rng } from '../random/index.js';",
      'export * from "./graph/index.js";',
      "export { mean as average } from './numeric/mean.js';",
      "import * as noble from '@noble/hashes/sha2.js';",
      "// require('fs') and process.env in a line comment",
      "const text = \"import path from 'path'; process.exit(1); Buffer\";",
      "const quoted = 'require(\"os\")';",
      "const tpl = `Buffer ${1 + 1} process ${`nested ${'require(x)'}`} __dirname`;",
      "const re = /process|Buffer|require\\('fs'\\)/g;",
      "const halves = a / b / c;",
      "const options = { process: 1, Buffer: 2 };",
      "interface Job { process: string; require?: boolean }",
      "const r = job.process(x) + task?.Buffer + obj.require('x');",
      "function processNode(processed: number): number { return processed; }",
      "const lazy = () => import('./local.js');",
      "const pattern = /[/'\"]/;",
    ].join("\n");
    expect(scanSource(sample)).toEqual([]);
  });
});

describe("core and contracts sources", () => {
  it("scan at least one file in each package", () => {
    for (const dir of SCANNED_DIRS) expect(sourceFiles(dir).length, dir).toBeGreaterThan(0);
  });

  it("import no Node built-in module and use no Node global", () => {
    const report: string[] = [];
    for (const dir of SCANNED_DIRS) {
      for (const file of sourceFiles(dir)) {
        for (const f of scanSource(readFileSync(file, "utf8"))) {
          report.push(`${relative(REPO, file)}:${f.line}: ${f.kind === "global" ? "uses Node global" : "imports Node built-in"} ${f.what}`);
        }
      }
    }
    expect(report, `Node-only code in browser-safe packages:\n${report.join("\n")}`).toEqual([]);
  });
});
