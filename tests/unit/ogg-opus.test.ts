// Ogg Opus → 16 kHz mono 16-bit PCM (adapters/feishu/ogg-opus.ts), on a real Opus file made with
// opusenc (tests/fixtures/README.md) and on samples built here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AudioDecodeError, oggOpusToPcm, pcm16, PCM_BYTES_PER_SECOND } from '../../adapters/feishu/ogg-opus.js';

const fixture = new URL('../fixtures/feishu-voice-visit.opus', import.meta.url);

describe('oggOpusToPcm', () => {
  it('decodes a voice file to 16 kHz 16-bit mono: its length is its duration × 32,000 bytes, and it is not silence', async () => {
    const pcm = await oggOpusToPcm(new Uint8Array(readFileSync(fixture)));
    // 321,369 granules (48 kHz) less a pre-skip of 312: 6.689 s.
    expect(Math.abs(pcm.length - 6.689 * PCM_BYTES_PER_SECOND)).toBeLessThan(PCM_BYTES_PER_SECOND / 50);
    expect(pcm.length % 2).toBe(0);
    let peak = 0;
    for (let i = 0; i < pcm.length; i += 2) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i)));
    expect(peak).toBeGreaterThan(3000);
  });

  it('refuses what is not Ogg Opus', async () => {
    await expect(oggOpusToPcm(new TextEncoder().encode('{"code":0,"msg":"not audio"}'))).rejects.toBeInstanceOf(AudioDecodeError);
    // A truncated file: the Ogg header page only.
    await expect(oggOpusToPcm(new Uint8Array(readFileSync(fixture)).slice(0, 40))).rejects.toBeInstanceOf(AudioDecodeError);
  });
});

describe('pcm16', () => {
  it('averages the channels and writes 16-bit little-endian', () => {
    const pcm = pcm16([new Float32Array([1, -1, 0.5]), new Float32Array([0, -1, 0.5])], 3, 16_000);
    expect([0, 2, 4].map((i) => pcm.readInt16LE(i))).toEqual([16384, -32767, 16384]);
  });

  it('brings 48 kHz down to 16 kHz, each sample the mean of the three it covers', () => {
    const pcm = pcm16([new Float32Array([0.3, 0.3, 0.3, -0.6, 0, 0, 1, 1])], 8, 48_000);
    expect(pcm.length).toBe(4);
    expect([0, 2].map((i) => pcm.readInt16LE(i))).toEqual([Math.round(0.3 * 32767), Math.round(-0.2 * 32767)]);
  });

  it('refuses a rate below 16 kHz', () => {
    expect(() => pcm16([new Float32Array(8)], 8, 8_000)).toThrow(AudioDecodeError);
  });
});
