// Ogg Opus (a Feishu voice message's file) → 16 kHz mono 16-bit little-endian PCM, the only input
// speech_to_text's file_recognize takes. The WASM decoder (ogg-opus-decoder) is imported on the
// first voice message, so start-up does not pay for it. libopus decodes straight to 16 kHz (one
// of its own output rates); a decoder that answers at another rate is averaged down to 16 kHz.

export const PCM_RATE = 16_000;
/** 16-bit mono at 16 kHz: bytes per second of audio. */
export const PCM_BYTES_PER_SECOND = PCM_RATE * 2;

/** The file is not Ogg Opus, or holds no audio. */
export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';
}

interface Decoded { channelData: Float32Array[]; samplesDecoded: number; sampleRate: number; errors: { message: string }[] }

export async function oggOpusToPcm(file: Uint8Array): Promise<Buffer> {
  const { OggOpusDecoder } = await import('ogg-opus-decoder');
  // The decoder takes libopus's output rates (8, 12, 16, 24, 48 kHz); its types name only 48 kHz.
  const decoder = new OggOpusDecoder({ sampleRate: PCM_RATE } as ConstructorParameters<typeof OggOpusDecoder>[0]);
  try {
    await decoder.ready;
    const out = (await decoder.decodeFile(file)) as Decoded;
    if (!out.samplesDecoded) throw new AudioDecodeError(`no Opus audio in the file${out.errors[0] ? `: ${out.errors[0].message}` : ''}`);
    return pcm16(out.channelData, out.samplesDecoded, out.sampleRate);
  } finally {
    decoder.free();
  }
}

/** Float samples (one array per channel) → mono 16-bit LE at 16 kHz: the channels averaged, and
 * at a higher rate each output sample the mean of the input samples it covers. */
export function pcm16(channels: Float32Array[], samples: number, rate: number): Buffer {
  if (!channels.length || rate < PCM_RATE) throw new AudioDecodeError(`cannot make 16 kHz PCM from ${channels.length} channel(s) at ${rate} Hz`);
  const step = rate / PCM_RATE;
  const length = Math.floor(samples / step);
  const out = Buffer.alloc(length * 2);
  for (let i = 0; i < length; i++) {
    const from = Math.floor(i * step);
    const to = Math.max(from + 1, Math.floor((i + 1) * step));
    let sum = 0;
    for (const channel of channels) for (let j = from; j < to; j++) sum += channel[j] ?? 0;
    const v = Math.max(-1, Math.min(1, sum / (channels.length * (to - from))));
    out.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  return out;
}
