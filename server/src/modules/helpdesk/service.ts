import type { RequestContext } from '../../access/context.js';
import { AppError } from '../../http/problem.js';
import { type MessagesDependencies, sendToHelpdesk } from '../messages/service.js';
import { allArticles } from './articles.js';

// Helpdesk (seed 001 §3.7): help articles with full-text search over title and body (accent- and case-insensitive,
// every word must occur; title hits rank first), and messages to the helpdesk of the care group.

/** Lower case, accents removed ("patiënt" → "patient"), so searching does not depend on them. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function plainText(markdown: string): string {
  return markdown
    .replace(/^#+\s*/gm, '')
    .replace(/[*_>`]/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ArticleSummary {
  slug: string;
  title: string;
  excerpt: string;
}

function excerpt(body: string, words: string[]): string {
  const text = plainText(body);
  const folded = fold(text);
  const first =
    words
      .map((word) => folded.indexOf(word))
      .filter((index) => index >= 0)
      .sort((a, b) => a - b)[0] ?? -1;
  const start = first > 60 ? text.lastIndexOf(' ', first - 40) + 1 : 0;
  const slice = text.slice(start, start + 180);
  return `${start > 0 ? '…' : ''}${slice}${start + 180 < text.length ? '…' : ''}`;
}

export function searchArticles(query: string): ArticleSummary[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const withoutTitleLine = (markdown: string) => markdown.replace(/^#\s+.+$/m, '');
  const scored = allArticles()
    .map((article) => {
      const title = fold(article.title);
      const body = fold(plainText(withoutTitleLine(article.markdown)));
      if (!words.every((word) => title.includes(word) || body.includes(word))) return null;
      const score = words.reduce((sum, word) => sum + (title.includes(word) ? 10 : 0) + body.split(word).length - 1, 0);
      return { article, score };
    })
    .filter((hit) => hit !== null);
  if (words.length > 0) scored.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title, 'nl'));
  else scored.sort((a, b) => a.article.title.localeCompare(b.article.title, 'nl'));
  return scored.map(({ article }) => ({
    slug: article.slug,
    title: article.title,
    excerpt: excerpt(withoutTitleLine(article.markdown), words),
  }));
}

export function article(slug: string) {
  const found = allArticles().find((candidate) => candidate.slug === slug);
  if (!found) throw AppError.notFound();
  return found;
}

export function messageHelpdesk(
  deps: MessagesDependencies,
  context: RequestContext,
  input: { subject: string; body: string; attachmentIds: string[] },
) {
  return sendToHelpdesk(deps, context, input);
}
