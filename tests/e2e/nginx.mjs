// Serves a release build through nginx (Debian's package) with exactly the configuration
// the README gives, read from the README itself: only `listen 80` becomes a free port on
// 127.0.0.1 and `/var/www` a temporary folder holding the build.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const README = resolve(dirname(fileURLToPath(import.meta.url)), "../../README.md");
export const NGINX = "/usr/sbin/nginx";

/** The nginx block of the README that follows `<!-- nginx: NAME -->`. */
export function readmeBlock(name) {
  const text = readFileSync(README, "utf8");
  const at = text.indexOf(`<!-- nginx: ${name} -->`);
  const block = at >= 0 && text.slice(at).match(/```nginx\n([\s\S]*?)```/);
  if (!block) throw new Error(`README.md has no nginx block marked "${name}"`);
  return block[1];
}

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const listening = async (port, tries = 100) => {
  for (let i = 0; i < tries; i += 1) {
    const up = await new Promise((ok) => {
      const c = connect(port, "127.0.0.1", () => (c.end(), ok(true))).on("error", () => ok(false));
    });
    if (up) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`nginx did not start listening on ${port}`);
};

/**
 * Serves `dir` through nginx at `base` ("/" with the README's root configuration, or
 * "/steadyback/" with its sub-path one). Resolves to { url, origin, close }, like the
 * test server.
 */
export async function serveNginx(dir, { base = "/" } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), "steadyback-nginx-"));
  const port = await freePort();
  const site = readmeBlock(base === "/" ? "root" : "sub-path");
  if (base !== "/" && !site.includes(`location ${base} `)) throw new Error(`the README's sub-path block is not at ${base}`);
  const local = (conf) => conf.replaceAll("/var/www", join(tmp, "www")).replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  mkdirSync(join(tmp, "www"));
  symlinkSync(resolve(dir), join(tmp, "www", "steadyback"));
  mkdirSync(join(tmp, "snippets"));
  writeFileSync(join(tmp, "snippets", "steadyback.conf"), local(readmeBlock("/etc/nginx/snippets/steadyback.conf")));
  writeFileSync(join(tmp, "steadyback.conf"), local(site));
  // The main file a Debian install has, cut down to what a test needs (its own pid,
  // logs and temporary folders; the modules the packages enabled; the MIME types).
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `  ${t}_temp_path ${join(tmp, t)};`)
    .join("\n");
  writeFileSync(
    join(tmp, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${join(tmp, "nginx.pid")};
error_log ${join(tmp, "error.log")} warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
${temp}
  include ${join(tmp, "steadyback.conf")};
}
`,
  );
  // The prefix stays Debian's, where the enabled modules are found.
  const nginx = spawn(NGINX, ["-c", join(tmp, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "pipe"],
  });
  let stderr = "";
  nginx.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((ok) => nginx.on("exit", ok));
  await Promise.race([
    listening(port),
    exited.then((code) => {
      throw new Error(`nginx exited (${code}): ${stderr}`);
    }),
  ]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    /** What nginx wrote to its error log. */
    log: () => readFileSync(join(tmp, "error.log"), "utf8"),
    close: async () => {
      nginx.kill("SIGQUIT");
      await exited;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
