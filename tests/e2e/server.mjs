// A small static server for the release build, as a host would serve it: real files by
// path, index.html for every other path (the app's router handles those), and the right
// MIME types (wasm must be application/wasm to be compiled while it streams).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
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

/** Serves `dir` on 127.0.0.1 at `port` (0: any free port). Resolves to { url, close }. */
export async function serve(dir, port = 0) {
  const root = resolve(dir);
  if (!(await isFile(join(root, "index.html")))) {
    throw new Error(`${root}/index.html is missing: build the release first`);
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || !(await isFile(file))) {
      // Unknown paths with an extension are real 404s; the rest are app routes.
      if (extname(path)) {
        res.writeHead(404).end("not found");
        return;
      }
      file = join(root, "index.html");
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    // Hashed files never change; the rest must be revalidated.
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file);
    res.writeHead(200, {
      "content-type": type,
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// `node server.mjs DIR [PORT]` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? "../../target/dist", Number(process.argv[3] ?? 8080));
  console.log(`serving on ${url}`);
}
