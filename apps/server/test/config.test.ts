import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { PRODUCTION_ENV } from './harness.ts';

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

  it('refuses to start in production without what it cannot guess, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: obligatoire en production\n {2}SMTP_URL: obligatoire en production\n {2}PUBLIC_URL: obligatoire en production\n {2}COMMITTEE_IBAN: obligatoire en production\n {2}COMMITTEE_BIC: obligatoire en production/,
    );
    expect(() => loadConfig({ ...PRODUCTION_ENV, PUBLIC_URL: undefined })).toThrow(
      /^Configuration invalide :\n {2}PUBLIC_URL: obligatoire en production$/,
    );
    // Behind an https proxy, the node must trust it (Secure cookies, each person's address).
    expect(() => loadConfig({ ...PRODUCTION_ENV, TRUST_PROXY: undefined })).toThrow(
      /^Configuration invalide :\n {2}TRUST_PROXY: obligatoire en production derrière le proxy https de PUBLIC_URL \(1 pour un proxy\)$/,
    );
    expect(
      loadConfig({ ...PRODUCTION_ENV, TRUST_PROXY: undefined, PUBLIC_URL: 'http://caes.intranet' })
        .trustProxy,
    ).toBe(false);
    const config = loadConfig(PRODUCTION_ENV);
    expect(config).toMatchObject({ production: true, today: null, devMail: false });
    expect(config.committeeAccount).toEqual({
      iban: PRODUCTION_ENV.COMMITTEE_IBAN,
      bic: PRODUCTION_ENV.COMMITTEE_BIC,
    });
  });

  it('takes payments online with the provider named, and stops without its keys', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).payments).toEqual({ provider: 'local' });
    expect(loadConfig(PRODUCTION_ENV).payments).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'test', PAYMENT_PROVIDER: 'stripe' })).toThrow(
      /^Configuration invalide :\n {2}STRIPE_SECRET_KEY: obligatoire avec PAYMENT_PROVIDER=stripe\n {2}STRIPE_WEBHOOK_SECRET: obligatoire avec PAYMENT_PROVIDER=stripe$/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'test',
        PAYMENT_PROVIDER: 'lyra',
        LYRA_SITE_ID: '12345678',
        LYRA_KEY: '1122334455667788',
      }).payments,
    ).toMatchObject({ provider: 'lyra', mode: 'TEST', rest: null });
  });

  it('takes the PostgreSQL connections of each node, and stops on a value that is not a number of them', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).databasePoolSize).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: 'dix' })).toThrow(
      /^Configuration invalide :\n {2}DATABASE_POOL_SIZE: nombre de connexions attendu, par exemple 10$/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '1' })).toThrow(
      /DATABASE_POOL_SIZE: au moins 2 connexions, par exemple 10/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '12.5' })).toThrow(
      /DATABASE_POOL_SIZE: nombre entier de connexions attendu, par exemple 10/,
    );
  });
});
