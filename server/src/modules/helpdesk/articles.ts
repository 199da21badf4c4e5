import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Help articles (seed 001 §3.7 "het raadplegen van inhoudelijke informatie"): Markdown files shipped with the code,
// in articles/. The first line "# Title" is the title. Read once; the set is small, so search runs in process.

export interface Article {
  slug: string;
  title: string;
  markdown: string;
}

const directory = path.join(import.meta.dirname, 'articles');

function load(): Article[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const markdown = readFileSync(path.join(directory, name), 'utf8');
      const title = markdown.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? name.replace(/\.md$/, '');
      return { slug: name.replace(/\.md$/, ''), title, markdown };
    });
}

let cache: Article[] | undefined;

export function allArticles(): Article[] {
  cache ??= load();
  return cache;
}
