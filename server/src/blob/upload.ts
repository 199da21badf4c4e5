import type { FastifyRequest } from 'fastify';

// Uploads arrive as raw bytes (application/octet-stream) with the file name URL-encoded in X-File-Name, so no
// multipart parser is needed; the type is decided from the content later (sniff.ts), never from the name.

export interface Upload {
  bytes: Buffer;
  /** The name the user's file had; undefined when absent or not decodable. */
  fileName: string | undefined;
}

export function readUpload(request: FastifyRequest): Upload {
  const header = request.headers['x-file-name'];
  let fileName: string | undefined;
  try {
    fileName = typeof header === 'string' ? decodeURIComponent(header) : undefined;
  } catch {
    fileName = undefined;
  }
  return { bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), fileName };
}
