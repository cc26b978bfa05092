/**
 * ReDoc at `/redoc`: a page that loads ReDoc's standalone bundle from the `redoc` package's own
 * files, served by this server at `/redoc/redoc.standalone.js` (no CDN, so it works offline), and
 * renders `/openapi.json`. The page has no inline script (the `<redoc spec-url>` element starts
 * the bundle), and its Content-Security-Policy is helmet's default widened only as ReDoc needs:
 * `blob:` workers (its search index) and inline styles (styled-components).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Router } from "express";
import express from "express";

/** Path of the page. */
export const REDOC_PATH = "/redoc";
/** Path of the bundle. */
export const REDOC_BUNDLE_PATH = "/redoc/redoc.standalone.js";

/** The Content-Security-Policy of the ReDoc page and bundle. */
export const REDOC_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join("; ");

/** The HTML of the ReDoc page for the document at `specUrl`. */
export function redocPage(specUrl = "/openapi.json"): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>ISL API reference</title>",
    "</head>",
    "<body>",
    `<redoc spec-url="${specUrl}"></redoc>`,
    `<script src="${REDOC_BUNDLE_PATH}"></script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

let bundle: Buffer | undefined;

/** The bytes of `redoc/bundles/redoc.standalone.js` (read once). */
export function redocBundle(): Buffer {
  // NOTE: `__filename` exists in the CommonJS build only; the ESM build (and the sources) use import.meta.url.
  const here = typeof __filename === "string" ? __filename : import.meta.url;
  bundle ??= readFileSync(createRequire(here).resolve("redoc/bundles/redoc.standalone.js"));
  return bundle;
}

/** Router serving the page and the bundle. */
export function redocRouter(): Router {
  const router = express.Router();
  const page = redocPage();
  router.get(REDOC_PATH, (_req, res) => {
    res.setHeader("Content-Security-Policy", REDOC_CSP);
    res.type("html").send(page);
  });
  router.get(REDOC_BUNDLE_PATH, (_req, res) => {
    res.setHeader("Content-Security-Policy", REDOC_CSP);
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.type("application/javascript").send(redocBundle());
  });
  return router;
}
