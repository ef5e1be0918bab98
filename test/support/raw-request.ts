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
