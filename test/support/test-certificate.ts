// A throw-away TLS certificate for tests (never for the product): self-signed, valid two days,
// for the names given, made with the openssl CLI. Node trusts it when it is passed as `ca`;
// Chromium when launched with --ignore-certificate-errors (in a test only).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './git-cli.ts';

/** A certificate and its key, as PEM text and as files. */
export interface TestCertificate {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

/** A self-signed certificate for `names` (DNS names and IP addresses; the first is the subject). */
export function makeTestCertificate(names: readonly string[]): TestCertificate {
  const dir = makeTempDir('test-certificate');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const altNames = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${names[0] ?? 'localhost'}`, '-addext', `subjectAltName=${altNames}`, '-keyout', keyPath, '-out', certPath],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath };
}
