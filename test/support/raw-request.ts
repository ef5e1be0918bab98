// A request whose path is sent exactly as given: fetch and URL would normalise `..` away, and
// the servers' path checks are what the tests are about.
import { request } from 'node:http';

/** Sends `method path` to 127.0.0.1:`port` and resolves with the status and the body as text. */
export function rawRequest(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', fail);
    sent.end();
  });
}

/** Sends `GET path` with `headers` to 127.0.0.1:`port`; resolves with the answer's headers and its status (as `status`). */
export function rawHeaders(port: number, path: string, headers: Record<string, string> = {}): Promise<Record<string, string | undefined>> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      const seen: Record<string, string | undefined> = { status: String(response.statusCode) };
      for (const [name, value] of Object.entries(response.headers)) seen[name] = Array.isArray(value) ? value.join(', ') : value;
      done(seen);
    });
    sent.on('error', fail);
    sent.end();
  });
}
