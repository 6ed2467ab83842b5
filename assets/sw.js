// Steadyback's service worker: makes the app work offline after the first visit.
//
// scripts/post-build.mjs fills in VERSION and FILES when the app is built, from the files
// of that build. FILES are relative to this script, so the app works at the root of a
// domain or under a sub-path alike. Each build gets its own cache. When a new worker
// takes over it keeps the cache of the version before it (a tab still running that
// version may yet fetch the code of a page it has not opened) and deletes older ones.
// A new worker waits until the app asks it to take over
// (the person chose "Reload" on its notice) or every tab of the old version is closed,
// so a running app never loses the files it was loaded with.
const VERSION = "dev";
const FILES = [];
const CACHE = `steadyback-${VERSION}`;
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(FILES.map((f) => new Request(new URL(f, self.location).href, { cache: "reload" }))),
      ),
  );
});

// The cache this worker replaces, kept (see above) until the next version takes over.
const PREVIOUS = "steadyback-previous";

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = (await caches.keys()).filter((key) => key.startsWith("steadyback-") && key !== CACHE);
      const replaced = keys.filter((key) => key !== PREVIOUS);
      if (replaced.length) {
        // The version just replaced becomes the previous one; the one before goes.
        await caches.delete(PREVIOUS);
        const old = await caches.open(replaced[0]);
        const kept = await caches.open(PREVIOUS);
        for (const request of await old.keys()) {
          const response = await old.match(request);
          if (response) await kept.put(request, response);
        }
        await Promise.all(replaced.map((key) => caches.delete(key)));
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  // The page asks for a look for a new version when it comes back into view. Offline,
  // the look fails; it is tried again the next time, with nothing to report.
  if (event.data === "check") event.waitUntil(self.registration.update().catch(() => {}));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Every page of the app is index.html; the app's router draws the rest.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(INDEX))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  // A part of a file (Safari's audio asks for the silent track in ranges and wants a 206):
  // cut from the cached copy, so it plays offline too.
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get("range") ?? "");
  if (range) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(request.url))
        .then(async (cached) => {
          if (!cached) return fetch(request);
          const body = await cached.arrayBuffer();
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : body.byteLength - 1, body.byteLength - 1);
          if (start > end) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${body.byteLength}` } });
          return new Response(body.slice(start, end + 1), {
            status: 206,
            headers: {
              "Content-Type": cached.headers.get("Content-Type") ?? "application/octet-stream",
              "Content-Range": `bytes ${start}-${end}/${body.byteLength}`,
              "Content-Length": String(end - start + 1),
              "Accept-Ranges": "bytes",
            },
          });
        }),
    );
    return;
  }
  // This version's files first; a file only the version before had (hashed names never
  // clash) for a tab still running it; else the network.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached || caches.open(PREVIOUS).then((kept) => kept.match(request)))
      .then((cached) => cached || fetch(request)),
  );
});
