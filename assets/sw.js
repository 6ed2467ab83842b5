// Steadyback's service worker: makes the app work offline after the first visit.
//
// scripts/sw-precache.mjs fills in VERSION and FILES when the release is built, from the
// hashed files of that build. Each build gets its own cache; old ones are deleted when a
// new worker takes over. A new worker waits until every tab of the old version is closed,
// so a running app never loses the files it was loaded with.
const VERSION = "dev";
const FILES = [];
const CACHE = `steadyback-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("steadyback-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
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
        .then((cache) => cache.match("/index.html"))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request)),
  );
});
