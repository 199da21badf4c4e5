import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm clinical blue-teal. Filled buttons use shade 8 (#006b8f): white text on it has a
// contrast of 6.0:1, hover (shade 9) 7.6:1 — WCAG 2.1 AA needs 4.5:1. Mantine's default blue
// (shade 6) only reaches 3.6:1 (stack-notes.md).
const keten: MantineColorsTuple = [
  '#e5f6fb',
  '#cfe9f2',
  '#a2d2e4',
  '#71bad6',
  '#4aa5ca',
  '#3098c3',
  '#1f90c0',
  '#0c7ca8',
  '#006b8f',
  '#005a7a',
];

export const theme = createTheme({
  primaryColor: 'keten',
  primaryShade: 8,
  colors: { keten },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

// Mantine's defaults for secondary text (gray 6, 3.3:1) and error text (red 6, 3.3:1) fail AA
// on white; use the next darker shades so hints and field errors stay readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
