import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, normalizeAddress } from './client-address.ts';

function request(peer: string, forwarded?: string): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
}

describe('client address', () => {
  it('is the peer, whatever X-Forwarded-For claims, when no proxy is trusted', () => {
    const address = clientAddressOf();
    expect(address(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    expect(address(request('::ffff:127.0.0.1'))).toBe('127.0.0.1');
  });

  it('is the last address a trusted proxy forwarded for, skipping trusted hops and what clients made up', () => {
    const address = clientAddressOf(['127.0.0.1', '10.0.0.2']);
    expect(address(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7');
    // A client sent "X-Forwarded-For: 1.2.3.4"; the proxies appended the real address, then their own.
    expect(address(request('::ffff:127.0.0.1', '1.2.3.4, 203.0.113.7, 10.0.0.2'))).toBe('203.0.113.7');
    expect(address(request('127.0.0.1', 'garbage, 203.0.113.9'))).toBe('203.0.113.9');
    expect(address(request('127.0.0.1'))).toBe('127.0.0.1');
    expect(address(request('198.51.100.5', '203.0.113.7'))).toBe('198.51.100.5');
  });

  it('normalises addresses', () => {
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress(' 2001:DB8::1 ')).toBe('2001:db8::1');
  });
});
