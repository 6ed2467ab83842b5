// Steadyback's service worker: makes the app work offline after the first visit.
//
// scripts/post-build.mjs fills in VERSION and FILES when the app is built, from the files
// of that build. FILES are relative to this script, so the app works at the root of a
// domain or under a sub-path alike. Each build gets its own cache; old ones are deleted
// when a new worker takes over. A new worker waits until the app asks it to take over
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

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
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
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request)),
  );
});
