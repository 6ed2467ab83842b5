// A small static server for the release build that serves it as a static host does:
// real files by path; every other path under the app's base the app's index.html, as the
// build's _redirects says; the build's _headers (the security headers and the content
// policy, long caching for hashed files, `no-cache` for the rest); the right MIME types
// (wasm must be application/wasm to be compiled while it streams); and brotli or gzip
// when the browser accepts it, from the build's precompressed files or compressed here.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { COMPRESSIBLE, headersFor, parseHeaders } from "../../scripts/hosting.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".wav": "audio/wav",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The `_redirects` rule for app pages: [from-prefix, to], or null. */
function spaRule(root) {
  const path = join(root, "_redirects");
  if (!existsSync(path)) return null;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [from, to, status] = line.trim().split(/\s+/);
    if (from?.endsWith("*") && status === "200") return [from.slice(0, -1), to];
  }
  return null;
}

/**
 * Serves the build in `dir` on 127.0.0.1 (port 0: any free port) at `base` ("/" or a
 * sub-path like "/steadyback/"); with `compress: false` every file goes out as it is.
 * Resolves to { url, origin, close }: `url` is the app's address, `origin` the server's.
 * `setDir` serves another build from then on (a new version deployed).
 */
export async function serve(dir, { port = 0, base = "/", compress = true } = {}) {
  let root = resolve(dir);
  const setDir = async (next) => {
    if (!(await isFile(join(next, "index.html")))) {
      throw new Error(`${next}/index.html is missing: build the release first`);
    }
    root = next;
  };
  await setDir(root);
  // Compressed here (for files the build did not precompress), by path, time and size:
  // a rebuild in place (scripts/serve) is picked up at once.
  const compressed = new Map();

  const server = createServer(async (req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad address");
      return;
    }
    if (`${urlPath}/` === base) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!urlPath.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    // Read for every request, so a rebuild or a new version is served at once.
    const headersPath = join(root, "_headers");
    const rules = existsSync(headersPath) ? parseHeaders(readFileSync(headersPath, "utf8")) : [];
    const spa = spaRule(root) ?? [base, `${base}index.html`];
    let path = urlPath;
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root + sep) || !(await isFile(file))) {
      // Unknown paths with an extension are real 404s; the rest are app pages.
      if (extname(path) || !path.startsWith(spa[0])) {
        res.writeHead(404).end("not found");
        return;
      }
      path = spa[1];
      file = join(root, path.slice(base.length));
    }
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      ...Object.fromEntries(Object.entries(headersFor(rules, path)).map(([k, v]) => [k.toLowerCase(), v])),
    };
    let body = await readFile(file);
    if (compress && COMPRESSIBLE.test(file)) {
      headers.vary = "Accept-Encoding";
      const accepts = String(req.headers["accept-encoding"] ?? "");
      const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (encoding) {
        const ready = `${file}${encoding === "br" ? ".br" : ".gz"}`;
        if (await isFile(ready)) {
          body = await readFile(ready);
        } else {
          const { mtimeMs, size } = await stat(file);
          const key = `${encoding}:${file}:${mtimeMs}:${size}`;
          if (!compressed.has(key)) {
            compressed.set(key, encoding === "br" ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
          }
          body = compressed.get(key);
        }
        headers["content-encoding"] = encoding;
      }
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}${base}`,
    origin,
    setDir: (next) => setDir(resolve(next)),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}

// `node server.mjs DIR [PORT] [BASE]` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "../../target/dist", port = "8080", base = "/"] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), base });
  console.log(`serving on ${url}`);
}
