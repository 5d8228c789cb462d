// The service worker: keeps the app shell (these files) so the client opens and shows its cached
// conversations without a network, and makes the app installable. It never touches the API: messages
// live in IndexedDB, and every /api request goes to the server as usual.
const CACHE = 'confab-shell-v3';
const SHELL = [
  '/', '/index.html', '/manifest.json', '/css/app.css', '/icons/icon.svg', '/icons/icon-maskable.svg',
  '/i18n/en.json', '/i18n/zh.json',
  '/js/main.js', '/js/app.js', '/js/api.js', '/js/cache.js', '/js/connection.js', '/js/dom.js', '/js/format.js',
  '/js/i18n.js', '/js/outbox.js', '/js/shell.js', '/js/store.js', '/js/sync.js', '/js/tabs.js',
  '/js/views/auth.js', '/js/views/bubbles.js', '/js/views/chat.js', '/js/views/chats.js', '/js/views/contacts.js', '/js/views/group-settings.js',
  '/js/views/info.js', '/js/views/language.js', '/js/views/new-group.js', '/js/views/people.js',
  '/js/views/rooms.js', '/js/views/routes.js', '/js/views/settings.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Network first, so a new server version is used at once; the cached copy when the network fails.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request, { ignoreSearch: true })
    .then((hit) => hit || caches.match('/index.html'))));
});
