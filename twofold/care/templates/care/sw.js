// Twofold's service worker, version {{ version }}: a new release has a new version, so the browser
// installs it and the old caches are deleted on activation.
//
// What it keeps on this phone: Quick log, Today and the forms Quick log opens, as last seen (so they open
// with no signal), and the app's own scripts, styles and icons. Nothing else is cached, and logging out
// deletes it all (twofold.js). Logs made offline wait in the outbox (IndexedDB, outbox.js), which this
// worker also sends when the browser wakes it for Background Sync.
"use strict";
importScripts("{{ outbox_js }}");
// Notifications: shows each push and handles a tap on it or its buttons (twofold/push).
importScripts("{{ push_js }}");

const CACHE = "twofold-{{ version }}";
const ASSETS = {{ assets|safe }};
const OFFLINE_PAGES = [/^\/$/, /^\/log\/([a-z_]+\/)?$/];
const NETWORK_WAIT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("twofold-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function isOfflinePage(url) {
  return url.origin === self.location.origin && OFFLINE_PAGES.some((pattern) => pattern.test(url.pathname));
}

// A page as the server sends it now; when the network fails or answers 5xx, the copy last seen.
async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("slow")), NETWORK_WAIT_MS)),
    ]);
    if (response.ok && !response.redirected) {
      await cache.put(new URL(request.url).pathname, response.clone());
      return response;
    }
    if (response.status < 500) { return response; }
    throw new Error("server error");
  } catch (error) {
    const kept = await cache.match(new URL(request.url).pathname);
    if (kept) { return kept; }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") { return; }
  const url = new URL(request.url);
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((kept) => kept || fetch(request)));
  } else if (request.mode === "navigate" && isOfflinePage(url)) {
    event.respondWith(pageFirstFromNetwork(request));
  }
});

// Quick log asks for the forms it opens to be kept, so they open offline too.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "warm") { return; }
  const urls = (event.data.urls || []).map((u) => new URL(u)).filter(isOfflinePage);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) =>
    fetch(url.pathname, { credentials: "same-origin" }).then((response) => {
      if (response.ok && !response.redirected) { return cache.put(url.pathname, response); }
      return undefined;
    }).catch(() => undefined)
  ))));
});

self.addEventListener("sync", (event) => {
  if (event.tag !== "outbox") { return; }
  event.waitUntil(self.TwofoldOutbox.flush().then(async (results) => {
    if (results.some((r) => r.result.outcome === "later")) { throw new Error("still waiting"); }
    const pages = await self.clients.matchAll();
    pages.forEach((page) => page.postMessage({ type: "outbox-sent" }));
  }));
});
