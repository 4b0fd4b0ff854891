import { Box } from '@mantine/core';

interface IntervalBarProps {
  /** The 95% interval, low and high. */
  interval: number[];
  point: number;
  /** The range the bar spans, shared by the variants' bars; 0 within it. */
  scale: { low: number; high: number };
  /** A Mantine color ('green.8'), or 'dimmed'. */
  color: string;
}

/**
 * An interval on a number line with 0 marked: the bar is the interval, the dot the difference. A
 * number line reads left to right in Arabic too, so the bar keeps that order. It only draws what
 * the text beside it says, so assistive technology skips it.
 */
export function IntervalBar({ interval, point, scale, color }: IntervalBarProps) {
  const span = scale.high - scale.low || 1;
  const at = (n: number) => `${(((n - scale.low) / span) * 90 + 5).toFixed(2)}%`;
  const [low = 0, high = 0] = interval;
  const fill = color === 'dimmed' ? 'var(--mantine-color-gray-6)' : `var(--mantine-color-${color.replace('.', '-')})`;
  return (
    <Box dir="ltr" pos="relative" h={20} my={6} aria-hidden="true" bg="gray.0" style={{ borderRadius: 4 }}>
      <Box pos="absolute" top={0} bottom={0} w={1} bg="gray.6" style={{ left: at(0) }} />
      <Box pos="absolute" top={7} h={6} bg={fill} style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})`, minWidth: 2, borderRadius: 3, opacity: 0.45 }} />
      <Box pos="absolute" top={4} w={12} h={12} bg={fill} style={{ left: `calc(${at(point)} - 6px)`, borderRadius: '50%' }} />
    </Box>
  );
}
