import { describe, expect, it } from 'vitest';
import { createProgressLine, createProgressReporter, formatDuration } from './progress.js';

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('progress', () => {
  it('prints a line every 10 % when not on a terminal', () => {
    const { chunks, stream } = recorder(false);
    let clock = 0;
    const line = createProgressLine('Demo-patiënten', 1000, { stream, now: () => clock });
    for (let done = 50; done <= 1000; done += 50) {
      clock += 500;
      line.update(done);
    }
    line.finish();
    expect(chunks).toHaveLength(10);
    expect(chunks[0]).toBe('Demo-patiënten: 100/1.000 (10 %) · 100/s · nog 0:09\n');
    expect(chunks.at(-1)).toBe('Demo-patiënten: 1.000/1.000 (100 %) · 100/s · 0:10\n');
  });

  it('redraws one line in place on a terminal and ends it', () => {
    const { chunks, stream } = recorder(true);
    let clock = 0;
    const line = createProgressLine('Demo-patiënten', 300, { stream, now: () => clock, redrawMs: 100 });
    line.update(100);
    clock += 50;
    line.update(150); // too soon: not drawn
    clock += 100;
    line.update(200);
    clock += 100;
    line.update(300);
    line.finish();
    expect(chunks.filter((chunk) => chunk.startsWith('\r\x1b[2K'))).toHaveLength(3);
    expect(chunks.at(-1)).toBe('\n');
    expect(chunks.join('')).toContain('300/300 (100 %)');
  });

  it('is an onProgress for seedDemo: announces a new region, shows patients only when there are some to add', () => {
    const { chunks, stream } = recorder(false);
    const report = createProgressReporter('Demo-patiënten', { stream, now: () => 0 });
    report({ phase: 'region', created: true });
    report({ phase: 'patients', done: 0, total: 0, alreadyPresent: 2000 });
    expect(chunks).toEqual(['Demoregio aangemaakt: organisaties, demo-accounts en vaste patiënten.\n']);
    const quiet = recorder(false);
    const again = createProgressReporter('Demo-patiënten', { stream: quiet.stream });
    again({ phase: 'region', created: false });
    again({ phase: 'patients', done: 0, total: 500, alreadyPresent: 2000 });
    again({ phase: 'patients', done: 500, total: 500, alreadyPresent: 2000 });
    again.finish();
    expect(quiet.chunks).toHaveLength(1);
    expect(quiet.chunks[0]).toMatch(/^Demo-patiënten toevoegen \(2\.000 al aanwezig\): 500\/500 \(100 %\)/);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75_000)).toBe('1:15');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
