// The HTTP API. The browser sends the HttpOnly session cookie by itself (same origin); no token is
// ever held by this code.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

let onSignedOut = () => {};

/** Called on every 401 of an authenticated request. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const code = json?.error?.code || `http.${res.status}`;
    if (res.status === 401 && code === 'auth.unauthenticated') onSignedOut();
    throw new ApiError(res.status, code, json?.error?.message);
  }
  return json;
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
