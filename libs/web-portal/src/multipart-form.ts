import { HttpException } from '@nestjs/common';
import { ATTACHMENTS_FIELD, IncomingAttachment } from '@petitio/intake';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FormBody } from '@petitio/web-kit';

export interface MultipartForm {
  body: FormBody;
  files: IncomingAttachment[];
  /** More files than the parser would even read (see multipartOptions): refused like too many. */
  tooManyFiles: boolean;
}

/**
 * The parser's limits: each file cut at maxBytes (then refused as too large, with a message next to the field),
 * one file more than allowed read so "too many" can be told apart, text fields as large as a urlencoded body.
 */
export function multipartOptions(limits: { maxFiles: number; maxBytes: number; fieldBytes: number }) {
  return {
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxBytes, files: limits.maxFiles + 1, fields: 40, fieldSize: limits.fieldBytes, parts: limits.maxFiles + 41, headerPairs: 100 },
  };
}

/**
 * The most a multipart form may weigh: every allowed file at its largest plus the text. Busboy stops keeping a
 * file at maxBytes but still reads the rest of it, so the whole body needs its own bound.
 */
export function multipartBodyLimit(limits: { maxFiles: number; maxBytes: number; fieldBytes: number }): number {
  return limits.maxFiles * limits.maxBytes + limits.fieldBytes + 64 * 1024;
}

/** Reads a multipart form: text fields (first value wins, as with urlencoded) and the files of the file input. */
export async function readMultipartForm(request: FastifyRequest, bodyLimit: number): Promise<MultipartForm> {
  const declared = Number(request.headers['content-length']);
  if (declared > bodyLimit) throw new HttpException('PAYLOAD_TOO_LARGE', 413);
  const parts = request.parts();
  // Counted once the parser is piped in, so no chunk flows past it; a chunked body has no length to check first.
  let received = 0;
  request.raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > bodyLimit) request.raw.destroy(new HttpException('PAYLOAD_TOO_LARGE', 413));
  });

  const body: Record<string, string> = {};
  const files: IncomingAttachment[] = [];
  let tooManyFiles = false;
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // A file input left empty still sends a part without a name or content.
        if (part.fieldname !== ATTACHMENTS_FIELD || (!part.filename && bytes.length === 0)) continue;
        files.push({ fileName: part.filename, bytes, truncated: part.file.truncated });
      } else if (body[part.fieldname] === undefined) {
        body[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if (received > bodyLimit) throw new HttpException('PAYLOAD_TOO_LARGE', 413);
    if ((error as { code?: string }).code !== 'FST_FILES_LIMIT') {
      // A body the parser cannot read (no boundary, cut short) is the sender's fault, not ours.
      if (error instanceof HttpException) throw error;
      throw new HttpException('BAD_REQUEST', 400);
    }
    tooManyFiles = true;
  }
  if (received > bodyLimit) throw new HttpException('PAYLOAD_TOO_LARGE', 413);
  return { body, files, tooManyFiles };
}
