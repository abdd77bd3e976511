import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateHousehold } from './household-simulation.ts';
import { BUILT_IN_PACKS_DIR, loadPackDirectory } from './node.ts';
import { compilePack } from './pack.ts';
import { household, packs } from './test-fixtures.ts';

const insermData = () =>
  JSON.parse(readFileSync(join(BUILT_IN_PACKS_DIR, 'inserm-2021.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('rule packs', () => {
  it('ship inserm-2021, cnrs-2019 and the incomplete inserm-2023', () => {
    expect(packs.ids()).toEqual(['cnrs-2019', 'inserm-2021', 'inserm-2023']);
  });
  it('are found by organization and day within their validity', () => {
    expect(packs.forDay('inserm', '2021-01-01').id).toBe('inserm-2021');
    expect(packs.forDay('inserm', '2023-07-14').id).toBe('inserm-2023');
    expect(packs.forDay('cnrs', '2020-08-31').id).toBe('cnrs-2019');
    expect(() => packs.forDay('cnrs', '2020-09-01')).toThrow(
      expect.objectContaining({ code: 'unknown_pack' }) as Error,
    );
  });
  it('answer an unknown pack with a stable code', () => {
    expect(() => packs.get('inserm-1999')).toThrow(
      expect.objectContaining({ code: 'unknown_pack' }) as Error,
    );
  });
  it('are validated when loaded, naming the faulty parameter', () => {
    const data = insermData();
    (
      data.grids as Record<string, Record<string, Record<string, string>>>
    ).standard!.formula!.slope = '3,37';
    expect(() => compilePack(data)).toThrow(
      expect.objectContaining({
        code: 'invalid_pack',
        issues: [expect.objectContaining({ path: 'grids.standard.formula.slope' })],
      }) as Error,
    );
  });
  it('refuse a money parameter written as a binary float', () => {
    const data = insermData();
    (data.deposit as Record<string, unknown>).share = 30;
    expect(() => compilePack(data)).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'deposit.share' })],
      }) as Error,
    );
  });
  it('refuse a grid rule naming an unknown grid', () => {
    const data = insermData();
    data.gridRules = [{ grid: 'nope' }];
    expect(() => compilePack(data)).toThrow(
      expect.objectContaining({
        issues: [{ path: 'gridRules.0.grid', message: 'grille « nope » inconnue' }],
      }) as Error,
    );
  });
  it('take a new year as a new file, not new code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    const data = insermData();
    data.id = 'inserm-2022';
    data.validity = { appliesTo: 'activityStart', from: '2022-01-01', to: '2022-12-31' };
    (
      data.grids as Record<string, Record<string, Record<string, string>>>
    ).standard!.formula!.intercept = '88';
    writeFileSync(join(dir, 'inserm-2022.json'), JSON.stringify(data));
    const loaded = loadPackDirectory(dir);
    expect(loaded.ids()).toEqual(['inserm-2022']);
    // 88 − 3,3716 × 17 333,33 / 1000 = 29,56 %
    expect(
      simulateHousehold(
        loaded.get('inserm-2022'),
        household({
          taxIncomeEuros: 52_000,
          couple: true,
          children: [{ birthDate: '2012-03-04', sharedCustody: false, disabled: false }],
        }),
        '2022-06-01',
      ).ratesBp.standard,
    ).toBe(2956);
  });
});
