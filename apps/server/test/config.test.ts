import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('takes the committee account a payout file can carry, and stops on any other', () => {
    const account = { COMMITTEE_IBAN: 'FR7630006000011234567890189', COMMITTEE_BIC: 'AGRIFRPP882' };
    expect(loadConfig({ NODE_ENV: 'test', ...account }).committeeAccount).toEqual({
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP882',
    });
    expect(() =>
      loadConfig({ NODE_ENV: 'test', ...account, COMMITTEE_IBAN: 'FR7630006000011234567890188' }),
    ).toThrow(/COMMITTEE_IBAN: IBAN valide sans espaces attendu/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...account, COMMITTEE_BIC: 'AGRIFR0P' })).toThrow(
      /COMMITTEE_BIC: BIC attendu/,
    );
  });

  it('has no committee account in production unless one is given', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:25' }).committeeAccount,
    ).toBeNull();
  });
});
