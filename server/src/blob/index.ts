export { BLOB_MAX_BYTES, type BlobInfo, blobInfo, cleanFileName, contentDisposition, readBlob, storeBlob } from './blob-store.js';
export { sniffContentType } from './sniff.js';
export type { BlobContentType } from './tables.js';
export { readUpload, type Upload } from './upload.js';
