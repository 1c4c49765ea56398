// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Md5 } from '../../workers/model-files/md5';

// The shard check compares this digest with the `md5sum` MLC's converter wrote (Python's hashlib).
describe('Md5', () => {
  it('matches RFC 1321 test vectors', () => {
    const hex = (text: string) => new Md5().update(new TextEncoder().encode(text)).hex();
    expect(hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('gives the same digest however the bytes are split into chunks', () => {
    for (const length of [55, 56, 63, 64, 65, 1000, 70_001]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 255);
      const expected = createHash('md5').update(data).digest('hex');
      for (const chunk of [1, 17, 64, 4096]) {
        const md5 = new Md5();
        for (let i = 0; i < length; i += chunk) md5.update(data.subarray(i, i + chunk));
        expect(md5.hex(), `${length} bytes in chunks of ${chunk}`).toBe(expected);
      }
    }
  });

  it('hashes a 64 MB shard in well under two seconds', () => {
    const shard = new Uint8Array(64 * 1024 * 1024).fill(7);
    const started = performance.now();
    const digest = new Md5().update(shard).hex();
    expect(digest).toBe(createHash('md5').update(shard).digest('hex'));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
