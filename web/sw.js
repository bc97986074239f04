// roamplan service worker. scripts/postbuild.mjs fills in the release's
// version and file list; each release gets its own cache, and the old one is
// deleted only when the new release takes over (after the reader reloads).
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = `roamplan|${self.registration.scope}|`;
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this release's own files; custom catalogues elsewhere go to the network.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  const key = request.mode === 'navigate' && (path === '' || path === 'index.html') ? 'index.html' : path;
  if (!FILES.includes(key)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(request)),
  );
});
