import { describe, expect, it } from 'vitest';
import { DEVICE_CARD_FORMAT, DEVICE_CARD_VERSION, mergeDeviceCards, parseDeviceCards, withContentId, type DeviceCard } from '../../src/lib/device/device-card';
import { classTable, classTableCsv } from '../../src/lib/device/class-table';

function card(name: string, gbps: number | null, models: Array<[string, number, boolean, number | null]>): DeviceCard {
  return withContentId({
    format: DEVICE_CARD_FORMAT,
    version: DEVICE_CARD_VERSION,
    name,
    createdAt: '2026-01-01T00:00:00.000Z',
    userAgent: 'test',
    gpu: { available: true, vendor: 'v', architecture: 'a', description: `${name} GPU`, isFallbackAdapter: false, shaderF16: true, maxBufferSize: 1, maxStorageBufferBindingSize: 1 },
    storage: { quotaBytes: 1e9, persisted: false },
    bandwidth: gbps === null ? null : { gbps, method: 'timestamp-query' },
    models: models.map(([id, paramsB, runnable, ceilingTps]) => ({ id, label: id, paramsB, runnable, ceilingTps })),
    verdict: 'ok',
  });
}

const laptop = card('Laptop', 50, [['big', 4, false, null], ['small', 0.5, true, 100]]);
const desktop = card('Desktop', 400, [['small', 0.5, true, 800], ['big', 4, true, 160]]);

describe('device cards', () => {
  it('survive export and import unchanged', () => {
    expect(parseDeviceCards(JSON.stringify(laptop))).toEqual([laptop]);
    expect(parseDeviceCards(JSON.stringify([laptop, desktop]))).toEqual([laptop, desktop]);
  });
  it('refuse files that are not cards, with a plain reason', () => {
    expect(() => parseDeviceCards('not json')).toThrow(/not JSON/);
    expect(() => parseDeviceCards('{"format":"other"}')).toThrow(/not a Lineup device card/);
    expect(() => parseDeviceCards(JSON.stringify({ ...laptop, version: 2 }))).toThrow(/version 2/);
    expect(() => parseDeviceCards(JSON.stringify({ ...laptop, models: [{ id: 'x', runnable: 'yes' }] }))).toThrow(/true or false/);
    expect(() => parseDeviceCards(JSON.stringify({ ...laptop, bandwidth: { gbps: -3 } }))).toThrow(/bandwidth.gbps/);
    expect(() => parseDeviceCards(JSON.stringify([laptop, { ...desktop, id: '../x' }]))).toThrow(/^Card 2:/);
  });
  it('keep hostile text harmless and bounded', () => {
    const [parsed] = parseDeviceCards(JSON.stringify({ ...laptop, name: `a\u0000b${'x'.repeat(500)}`, __proto__x: 1, extra: { evil: true } }));
    expect(parsed!.name.startsWith('a b')).toBe(true);
    expect(parsed!.name.length).toBe(120);
    expect(Object.keys(parsed!)).not.toContain('extra');
  });
  it('merge without duplicates or replacement', () => {
    const first = mergeDeviceCards([], [laptop, desktop]);
    expect(first.counts).toEqual({ added: 2, skipped: 0, copied: 0 });
    const again = mergeDeviceCards(first.added, [laptop]);
    expect(again.counts).toEqual({ added: 0, skipped: 1, copied: 0 });
    const changed = mergeDeviceCards(first.added, [{ ...laptop, name: 'Renamed' }]);
    expect(changed.counts.copied).toBe(1);
    expect(changed.added[0]!.id).not.toBe(laptop.id);
  });
});

describe('class table', () => {
  it('puts the machines that run the most models first and models smallest first', () => {
    const table = classTable([laptop, desktop]);
    expect(table.columns.map((column) => column.id)).toEqual(['small', 'big']);
    expect(table.rows.map((row) => row.card.name)).toEqual(['Desktop', 'Laptop']);
    expect(table.rows.map((row) => row.runnableCount)).toEqual([2, 1]);
    expect(table.rows[1]!.cells.map((cell) => cell?.runnable)).toEqual([true, false]);
  });
  it('exports as CSV a spreadsheet can read', () => {
    const lines = classTableCsv(classTable([laptop, desktop])).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Device,GPU,Bandwidth (GB/s),Models that fit,small,big',
      'Desktop,Desktop GPU,400,2,"fits, ≤ 800 tok/s","fits, ≤ 160 tok/s"',
      'Laptop,Laptop GPU,50,1,"fits, ≤ 100 tok/s",does not fit',
    ]);
  });
});
