import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// A small, safe Markdown renderer for the help articles: headings, paragraphs, ordered and unordered lists (one
// level of nesting), block quotes, **bold**, *italic*, `code` and [links](…). It builds React elements — never
// HTML strings — so any "<script>" in an article is shown as text. Links only to http(s) or in-app paths.

function inline(text: string, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    const token = match[0];
    const start = match.index ?? 0;
    if (start > last) nodes.push(text.slice(last, start));
    const key = `${keyPrefix}-${index++}`;
    if (token.startsWith('**')) nodes.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) nodes.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (token.startsWith('[')) {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token);
      const href = link?.[2] ?? '';
      const safe = /^(https?:\/\/|\/)/i.test(href);
      nodes.push(
        safe ? (
          <Anchor key={key} href={href}>
            {link?.[1]}
          </Anchor>
        ) : (
          link?.[1]
        ),
      );
    } else nodes.push(<em key={key}>{token.slice(1, -1)}</em>);
    last = start + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: { id: string; text: string; children: { id: string; text: string }[] }[] };

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let counter = 0;
  const nextId = () => `i${counter++}`;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (line.startsWith('>')) {
      flush();
      blocks.push({ kind: 'quote', text: line.replace(/^>\s?/, '') });
    } else if (item) {
      flush();
      const nested = (item[1]?.length ?? 0) >= 2;
      const ordered = /\d/.test(item[2] ?? '');
      const previous = blocks[blocks.length - 1];
      if (nested && previous?.kind === 'list' && previous.items.length > 0) {
        previous.items[previous.items.length - 1]?.children.push({ id: nextId(), text: item[3] ?? '' });
      } else if (previous?.kind === 'list' && previous.ordered === ordered) {
        previous.items.push({ id: nextId(), text: item[3] ?? '', children: [] });
      } else {
        blocks.push({ kind: 'list', ordered, items: [{ id: nextId(), text: item[3] ?? '', children: [] }] });
      }
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Renders an article; `skipTitle` leaves out the first "# Title" when the page shows it already. */
export function Markdown({ source, skipTitle = false }: { source: string; skipTitle?: boolean }) {
  const blocks = parseMarkdown(source);
  const shown = skipTitle && blocks[0]?.kind === 'heading' && blocks[0].level === 1 ? blocks.slice(1) : blocks;
  return (
    <div>
      {shown.map((block, index) => {
        const key = `b${index}`;
        switch (block.kind) {
          case 'heading':
            return (
              <Title key={key} order={Math.min(block.level + 1, 6) as 2 | 3 | 4 | 5 | 6} mt="md" mb="xs">
                {inline(block.text, key)}
              </Title>
            );
          case 'quote':
            return (
              <Text
                key={key}
                component="blockquote"
                fs="italic"
                pl="md"
                my="sm"
                style={{ borderLeft: '3px solid var(--mantine-color-orange-5)' }}
              >
                {inline(block.text, key)}
              </Text>
            );
          case 'list':
            return (
              <List key={key} type={block.ordered ? 'ordered' : 'unordered'} spacing={4} my="sm" withPadding>
                {block.items.map((item) => (
                  <List.Item key={item.id}>
                    {inline(item.text, item.id)}
                    {item.children.length > 0 && (
                      <List withPadding spacing={2} mt={4}>
                        {item.children.map((child) => (
                          <List.Item key={child.id}>{inline(child.text, child.id)}</List.Item>
                        ))}
                      </List>
                    )}
                  </List.Item>
                ))}
              </List>
            );
          default:
            return (
              <Text key={key} my="sm">
                {inline(block.text, key)}
              </Text>
            );
        }
      })}
    </div>
  );
}
