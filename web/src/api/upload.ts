import { currentLanguage } from '../i18n';
import { ProblemError, problemFromBody } from './problem';

/**
 * Uploads one file as raw bytes with its name in X-File-Name; the server decides the type from the content (PDF,
 * PNG, JPEG) and answers with what it stored, or a problem naming the field.
 */
export async function uploadFile<T>(
  path: string,
  file: File,
  fetcher: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ProblemError({ kind: 'network', status: 0, cause });
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw problemFromBody(response.status, body);
  return body as T;
}
