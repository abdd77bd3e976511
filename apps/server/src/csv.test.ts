import { describe, expect, it } from 'vitest';
import { decimalComma, frenchCsv } from './csv.ts';

describe('frenchCsv', () => {
  it('keeps as text what a spreadsheet would run as a formula, and amounts as numbers', () => {
    const names = ['=HYPERLINK("https://exemple.org";"Cliquez")', '+33 6 12 34 56 78', '@SUM(A1)'];
    expect(
      frenchCsv([[...names, "-cmd|' /C calc'!A0", '\tx', decimalComma(-1250), '3', 'Léa']]),
    ).toBe(
      `\uFEFF"'=HYPERLINK(""https://exemple.org"";""Cliquez"")";'+33 6 12 34 56 78;'@SUM(A1);'-cmd|' /C calc'!A0;'\tx;-12,50;3;Léa\r\n`,
    );
  });

  it('quotes a cell with a semicolon, a quote or a line break', () => {
    expect(frenchCsv([['a;b', 'dit "oui"', 'deux\nlignes']])).toBe(
      '\uFEFF"a;b";"dit ""oui""";"deux\nlignes"\r\n',
    );
  });
});
