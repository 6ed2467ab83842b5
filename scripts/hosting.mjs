// What a host needs to serve Steadyback safely, in one place: the content policy and the
// other security headers, the app's loader, and the files a build writes for static hosts
// (_headers, _redirects). Used by scripts/post-build.mjs when the app is built, and by
// the test servers and tests, so that what is tested is what is shipped.
import { createHash } from "node:crypto";

/**
 * The pages one tap from Today (Library, a session, an exercise, Progress, Settings,
 * Safety, all routines) and from the bottom bar's pages (the Library's own exercise, the
 * Progress page's summary, a past session and an activity logged), preloaded by LOADER in
 * this order when the page is idle: each the exact name,
 * in snake case, of a route of `later_pages!` in src/ui/app.rs (`ExerciseRoute` is
 * "exercise_route"). The build fails on a name no page has (scripts/split-wasm.mjs). A
 * change here changes LOADER's hash: copy the new policy into the README.
 */
export const PRELOADED = [
  "library_route",
  "session_route",
  "exercise_route",
  "progress_route",
  "settings_route",
  "safety_route",
  "routines_route",
  "summary_route",
  "session_detail_route",
  "activity_route",
  "own_exercise_route",
];

// Starts the app. It replaces Trunk's own inline loader, which names this build's hashed
// files: this one reads them from the preload links Trunk writes into the same page, so
// its text, and so its hash in the content policy, stays the same from build to build
// and at any sub-path. The policy in the README's nginx snippet depends on that.
//
// The build holds those links back (`data-rel` in place of `rel`, see holdPreloads): the
// loader turns them into real preloads, with their integrity, only once the browser has
// shown the first screen (reported its first contentful paint; at once in a hidden page
// or a browser that does not time paints; at most 3 s). On a slow line the stylesheet
// and the first screen then come first, not shared with the wasm; and the first
// screen's paint stays the page's largest contentful paint (Chrome forgets a paint it
// had not timed yet when the app replaces it, as it does when the wasm arrives within a
// frame or two).
export const LOADER = `
// Starts Steadyback once the first screen is shown: the module and the wasm are the ones
// this page holds preload links for.
const contentful = (entries) => entries.some((p) => p.name === "first-contentful-paint");
if (!document.hidden && PerformanceObserver.supportedEntryTypes?.includes("paint") && !contentful(performance.getEntriesByType("paint"))) {
  await new Promise((go) => {
    new PerformanceObserver((list, observer) => contentful(list.getEntries()) && (observer.disconnect(), go())).observe({ type: "paint" });
    document.addEventListener("visibilitychange", go, { once: true });
    setTimeout(go, 3000);
  });
}
for (const held of document.querySelectorAll("link[data-rel]")) {
  const link = held.cloneNode();
  link.rel = held.dataset.rel;
  held.replaceWith(link);
}
const url = (selector) => document.querySelector(selector).href;
const app = await import(url('link[rel="modulepreload"]'));
await app.default({ module_or_path: url('link[rel="preload"][type="application/wasm"]') });
// Then, when the page is idle, the pages one tap away from Today (the bottom bar's, a
// session, an exercise), split off in release builds, so that opening one for the first
// time does not wait for its wasm; the others are fetched when first opened. At once for
// someone returning (html.returning); for a newcomer only once they have answered the
// safety check (the app calls steadybackPreload), as no other page opens before that.
const pieces = document.querySelector('link[rel="modulepreload"][href*="/__wasm_split-"]');
if (pieces) {
  const idle = () => new Promise((go) => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 2000 }) : setTimeout(go, 200)));
  const preload = async () => (await import(pieces.href)).preloadPages(idle, ${JSON.stringify(PRELOADED)});
  if (document.documentElement.classList.contains("returning")) preload();
  else window.steadybackPreload = preload;
}
`;

/**
 * Holds back the page's preload links for the app's module, its loader of split pieces
 * and its wasm: `rel="…"` becomes `data-rel="…"`, which the browser ignores until the
 * loader (LOADER) turns it back.
 */
export const holdPreloads = (html) => html.replace(/<link rel="(modulepreload|preload)"(?=[^>]*\.(?:js|wasm)")/g, '<link data-rel="$1"');

/**
 * The stylesheet without its comments and spare white space (release builds: the first
 * load carries it). Only what no rule depends on goes: white space around `{ } ; , >`
 * and runs of it elsewhere; the stylesheet has no string that holds those. An end-to-end
 * test parses both and compares every rule.
 */
export const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();

/** The text of every inline script (one without `src`) of an HTML page, in order. */
export const inlineScripts = (html) =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

/** The CSP source for an inline script: 'sha256-…' of its exact text. */
export const scriptHash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The content policy. Scripts only from the app itself and the inline scripts hashed at
 * build time; `wasm-unsafe-eval` lets the browser compile the app's wasm (it allows no
 * JavaScript eval). `frame-ancestors` only works as a header: in a `<meta>` the browser
 * ignores it (with a console error), so `meta` leaves it out.
 */
export function contentPolicy(inlineScriptHashes, { meta = false } = {}) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...inlineScriptHashes].join(" "),
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(meta ? [] : ["frame-ancestors 'none'"]),
  ].join("; ");
}

/** Every browser feature the app may use (keeping the screen on); none other. */
export const PERMISSIONS_POLICY =
  "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(), display-capture=()";

/** The security headers for every response, beside the content policy. */
export const SECURITY_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": PERMISSIONS_POLICY,
};

/**
 * Files whose name carries their content's hash: they never change, so cache them for a
 * year. (Trunk writes its 64-bit hashes without leading zeros: 12 to 16 digits.)
 */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Files worth compressing (the rest, PNG icons, are compressed already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;

/** `_headers` (Netlify, Cloudflare Pages): the security headers on every path under `base`, long caching for hashed files. */
export function headersFile(base, policy, files) {
  const lines = [
    "# Written by scripts/post-build.mjs for hosts that read _headers (Netlify, Cloudflare Pages).",
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
  ];
  for (const file of files.filter((f) => HASHED.test(f))) {
    lines.push("", `${base}${file}`, `  Cache-Control: ${IMMUTABLE}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `_redirects` (Netlify, Cloudflare Pages): every other path under `base` is a page of the app. */
export const redirectsFile = (base) =>
  `# Written by scripts/post-build.mjs: every path that is not a file is a page of the app.\n${base}*  ${base}index.html  200\n`;

/** Reads a `_headers` file: [{ path, headers }] in order (a path ending in `*` is a prefix). */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
    } else if (rules.length) {
      const i = line.indexOf(":");
      rules.at(-1).headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** The headers a `_headers` file gives `path`: those of every rule that matches, in order. */
export function headersFor(rules, path) {
  const out = {};
  for (const rule of rules) {
    const match = rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (match) Object.assign(out, rule.headers);
  }
  return out;
}
