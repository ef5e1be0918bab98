import { describe, expect, it } from 'vitest';
import { cleanDeviceName, defaultDeviceName, deviceAuthor } from './device-name.ts';

describe('defaultDeviceName', () => {
  it('names the browser and the system it runs on', () => {
    const cases: Array<[string, string]> = [
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36', 'Chrome on Linux'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Windows'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari on macOS'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
      ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on ChromeOS'],
      ['curl/8.5.0', 'This browser'],
    ];
    for (const [agent, name] of cases) expect(defaultDeviceName(agent), agent).toBe(name);
  });
});

describe('device names as authors', () => {
  it('tidies what is typed and makes an address that names the device', () => {
    expect(cleanDeviceName('  Ann’s\nphone  ')).toBe('Ann’s phone');
    expect(cleanDeviceName('   ')).toBeUndefined();
    expect(cleanDeviceName('<b>x</b>')).toBe('b x /b');
    expect(cleanDeviceName('x'.repeat(100))).toHaveLength(60);
    expect(deviceAuthor('Firefox on Linux')).toEqual({ name: 'Firefox on Linux', email: 'firefox-on-linux@taskgit.invalid' });
    expect(deviceAuthor('Ünïcode ✓').email).toBe('unicode@taskgit.invalid');
    expect(deviceAuthor('✓✓').email).toBe('device@taskgit.invalid');
  });
});
