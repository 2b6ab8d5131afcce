// A Feishu voice message → its words, when the app may use speech-to-text (FEISHU_SPEECH=1; scope
// speech_to_text:speech, not in the free edition). Download the message's audio (Ogg Opus), decode
// it to 16 kHz PCM, recognise it. Any failure is logged and answers undefined: the user is asked
// to type, as before. Documents: "Get resources in a message" (GET /open-apis/im/v1/messages/
// :message_id/resources/:file_key?type=file, 100 MB at most), "Recognize speech file (ASR)" (POST
// /open-apis/speech_to_text/v1/speech/file_recognize: base64 PCM, a 16-character file_id of
// letters, digits and _, format "pcm", engine_type "16k_auto"; for audio of 60 s at most).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import type { TextMessage } from '../../src/chat/index.js';
import { classify, failureOf } from './errors.js';
import { oggOpusToPcm, PCM_BYTES_PER_SECOND } from './ogg-opus.js';

/** file_recognize is for audio of 60 s at most. */
export const MAX_SPEECH_MS = 60_000;
/** A minute of voice Opus is ~100–300 KB; a larger download is not a voice message worth decoding. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Why a voice message was not transcribed, for the log line. */
class NotHeard extends Error {
  constructor(readonly reason: string, readonly detail?: Record<string, unknown>) {
    super(reason);
  }
}

/** Feishu's file_id for the recognition: 16 characters of [a-z0-9], the same for a retried message. */
export const speechFileId = (messageId: string): string => createHash('sha256').update(messageId).digest('hex').slice(0, 16);

export class FeishuSpeech {
  constructor(private readonly client: lark.Client, private readonly log: Logger) {}

  async transcribe(event: TextMessage): Promise<string | undefined> {
    const { audio, messageId } = event;
    if (!audio || !messageId) return undefined;
    const started = Date.now();
    try {
      if ((audio.durationMs ?? 0) > MAX_SPEECH_MS) throw new NotHeard('longer than 60 s', { durationMs: audio.durationMs });
      const pcm = await oggOpusToPcm(await this.download(messageId, audio.key));
      if (pcm.length > (MAX_SPEECH_MS / 1000) * PCM_BYTES_PER_SECOND) throw new NotHeard('longer than 60 s', { decodedMs: Math.round(pcm.length / (PCM_BYTES_PER_SECOND / 1000)) });
      const text = await this.recognize(messageId, pcm);
      this.log.info({ platform: 'feishu', messageId, audioMs: Math.round(pcm.length / (PCM_BYTES_PER_SECOND / 1000)), ms: Date.now() - started }, 'feishu voice message transcribed');
      return text;
    } catch (err) {
      const why = err instanceof NotHeard ? { reason: err.reason, ...err.detail } : { reason: describe(err) };
      this.log.warn({ platform: 'feishu', messageId, ...why }, 'feishu voice message not transcribed; asking for text');
      return undefined;
    }
  }

  private async download(messageId: string, fileKey: string): Promise<Uint8Array> {
    const res = await this.client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: 'file' } });
    return readCapped(res.getReadableStream(), MAX_FILE_BYTES);
  }

  private async recognize(messageId: string, pcm: Buffer): Promise<string> {
    const res = await this.client.speech_to_text.speech.fileRecognize({
      data: { speech: { speech: pcm.toString('base64') }, config: { file_id: speechFileId(messageId), format: 'pcm', engine_type: '16k_auto' } },
    });
    if (res.code) throw new NotHeard('file_recognize refused', { code: res.code, msg: res.msg });
    const text = res.data?.recognition_text?.trim();
    if (!text) throw new NotHeard('nothing recognised');
    return text;
  }
}

async function readCapped(stream: Readable, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      throw new NotHeard('audio file too large', { bytes: size });
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** An SDK (axios) failure as Feishu's status and code (errors.ts), anything else by its message. */
function describe(err: unknown): string {
  const failure = failureOf(err);
  return failure.status !== undefined || failure.code !== undefined ? classify(failure).message : String((err as Error)?.message ?? err);
}
