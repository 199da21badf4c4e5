import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { EXTENSION_OF, sniffContentType } from './sniff.js';
import type { BlobContentType } from './tables.js';

// Stored files (attachments of messages, referral letters): the bytes in the database (one backup, one
// transaction), with their SHA-256, size and the content type detected from the content.

export const BLOB_MAX_BYTES = 10 * 1024 * 1024;

type Executor = Kysely<Database> | Transaction<Database>;

export interface BlobInfo {
  id: string;
  fileName: string;
  contentType: BlobContentType;
  size: number;
  sha256: string;
  createdAt: Date;
  createdByAccountId: string;
}

/** A file name safe to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string | undefined, contentType: BlobContentType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()
    ?.split('')
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  const extension = EXTENSION_OF[contentType];
  const stem = base && base.length > 0 ? base.replace(/\.[A-Za-z0-9]{1,5}$/, '') : 'bijlage';
  // The extension follows the content: "scan.pdf" with PNG bytes is stored as "scan.png".
  return `${stem || 'bijlage'}.${extension}`;
}

/** Checks and stores one file; refuses empty, too large and unknown content (422, naming the field). */
export async function storeBlob(
  executor: Executor,
  input: { bytes: Uint8Array; fileName?: string; accountId: string; now: Date; field?: string },
): Promise<BlobInfo> {
  const field = input.field ?? 'file';
  if (input.bytes.length === 0)
    throw new AppError(422, 'file-empty', 'blob.empty.title', undefined, [{ field, key: 'blob.empty.detail' }]);
  if (input.bytes.length > BLOB_MAX_BYTES) {
    throw new AppError(
      422,
      'file-too-large',
      'blob.tooLarge.title',
      undefined,
      [{ field, key: 'blob.tooLarge.detail', params: { max: BLOB_MAX_BYTES / 1024 / 1024 } }],
      { max: BLOB_MAX_BYTES / 1024 / 1024 },
    );
  }
  const contentType = sniffContentType(input.bytes);
  if (!contentType) {
    throw new AppError(422, 'file-type', 'blob.type.title', undefined, [{ field, key: 'blob.type.detail' }]);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const fileName = cleanFileName(input.fileName, contentType);
  const row = await executor
    .insertInto('blob')
    .values({
      sha256,
      content_type: contentType,
      size_bytes: input.bytes.length,
      file_name: fileName,
      bytes: input.bytes,
      created_at: input.now,
      created_by_account_id: input.accountId,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    fileName,
    contentType,
    size: input.bytes.length,
    sha256,
    createdAt: row.created_at,
    createdByAccountId: input.accountId,
  };
}

export async function blobInfo(executor: Executor, blobId: string): Promise<BlobInfo | undefined> {
  const row = await executor
    .selectFrom('blob')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at', 'created_by_account_id'])
    .where('id', '=', blobId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      size: row.size_bytes,
      sha256: row.sha256,
      createdAt: row.created_at,
      createdByAccountId: row.created_by_account_id,
    }
  );
}

/** The bytes, as a Buffer (both engines return bytea as a Uint8Array). */
export async function readBlob(executor: Executor, blobId: string): Promise<(BlobInfo & { bytes: Buffer }) | undefined> {
  const info = await blobInfo(executor, blobId);
  if (!info) return undefined;
  const row = await executor.selectFrom('blob').select('bytes').where('id', '=', blobId).executeTakeFirstOrThrow();
  return { ...info, bytes: Buffer.from(row.bytes) };
}

/** Content-Disposition for a download: ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[";\\]/g, '') || 'bijlage';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
