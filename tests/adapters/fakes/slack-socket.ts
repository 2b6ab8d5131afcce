// Just enough of a WebSocket server (RFC 6455) to stand in for Slack's Socket Mode endpoint:
// the handshake, unmasked text frames out, masked frames in, pong and close. No extension,
// no fragmentation (Socket Mode messages are small JSON texts).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface WsPeer {
  send(text: string): void;
  /** Text messages received so far, parsed as JSON. */
  readonly received: unknown[];
  close(): void;
}

export function acceptWebSocket(req: IncomingMessage, socket: Duplex): WsPeer {
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const received: unknown[] = [];
  const write = (opcode: number, payload: Buffer) => {
    const head = payload.length < 126 ? Buffer.from([0x80 | opcode, payload.length])
      : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
    if (!socket.destroyed) socket.write(Buffer.concat([head, payload]));
  };
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
      buffered = buffered.subarray(frame.size);
      if (frame.opcode === OP.text) received.push(JSON.parse(frame.payload.toString('utf8')));
      if (frame.opcode === OP.ping) write(OP.pong, frame.payload);
      if (frame.opcode === OP.close) { write(OP.close, Buffer.alloc(0)); socket.end(); }
    }
  });
  socket.on('error', () => {});
  return {
    send: (text) => write(OP.text, Buffer.from(text)),
    received,
    close: () => { write(OP.close, Buffer.alloc(0)); socket.end(); },
  };
}

function readFrame(b: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (b.length < 2) return undefined;
  let length = b[1]! & 0x7f;
  let offset = 2;
  if (length === 126) { if (b.length < 4) return undefined; length = b.readUInt16BE(2); offset = 4; }
  else if (length === 127) { if (b.length < 10) return undefined; length = Number(b.readBigUInt64BE(2)); offset = 10; }
  const masked = (b[1]! & 0x80) !== 0;
  const size = offset + (masked ? 4 : 0) + length;
  if (b.length < size) return undefined;
  const mask = masked ? b.subarray(offset, offset + 4) : undefined;
  const payload = Buffer.from(b.subarray(size - length, size));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { opcode: b[0]! & 0x0f, payload, size };
}
