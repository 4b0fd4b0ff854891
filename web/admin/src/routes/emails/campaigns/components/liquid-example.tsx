import { Code } from '@mantine/core';

/** Liquid to copy, left to right and kept in one piece inside a sentence of either direction. */
export function LiquidExample({ text }: { text: string }) {
  return (
    <Code dir="ltr" style={{ display: 'inline-block', maxWidth: '100%', whiteSpace: 'normal' }}>
      {text}
    </Code>
  );
}
