import { calendar } from '../src/modules/accounts/context.ts';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../src/demo/demo-data.ts';
import { DatabaseDocumentStore } from '../src/modules/household/documents.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { organizationOf } from '../src/modules/organization/organization.ts';
import { buildApp } from '../src/app.ts';
import { Client, freshTotpCode, ownPacks, testConfig, testDatabase } from './harness.ts';

describe('demo data', () => {
  for (const organization of ['inserm', 'cnrs'] as const) {
    it(`gives ${organization} a member with a validated Fiche, one waiting for staff, and every demo account`, async () => {
      const db = await testDatabase();
      const config = testConfig({ ORGANIZATION: organization });
      const packs = ownPacks();
      const store = new DatabaseDocumentStore(db);
      const services = {
        packs,
        store,
        mailer: createMailer(null),
        publicUrl: config.publicUrl,
        today: calendar(config.today),
      };
      const accounts = await loadDemoData(db, organizationOf(organization), services);
      expect(accounts?.map((a) => a.identifier)).toEqual(
        expect.arrayContaining([
          organization === 'inserm' ? 'IN-000001' : 'CN-000001',
          'GEST-JEUNESSE',
          'GEST-SOLIDARITE',
          'ADMIN',
        ]),
      );
      expect(await loadDemoData(db, organizationOf(organization), services)).toBeNull();

      const app = await buildApp({ config, db, packs, store });
      const member = new Client(app);
      expect(
        (await member.login(organization === 'inserm' ? 'IN-000001' : 'CN-000001', DEMO_PASSWORD))
          .status,
      ).toBe(200);
      const year = organization === 'inserm' ? 2021 : 2020;
      const rights = (await member.get(`/api/me/entitlements/${year}`)).json<{
        record: { parts: number; rates: Record<string, number> } | null;
      }>();
      // A couple with two children: Inserm 2 + 1 + 1, CNRS one part per person — 4 either way.
      expect(rights.record?.parts).toBe(4);
      // The demo staff's authenticator app is the one /dev/totp reads: its code opens the session.
      const staff = new Client(app);
      await staff.login('GEST-FICHE-AGENT', DEMO_PASSWORD);
      expect(
        (
          await staff.post('/api/session/second-factor', {
            code: await freshTotpCode(db, 'GEST-FICHE-AGENT'),
          })
        ).status,
      ).toBe(200);
      const devPage = (await staff.get('/dev/totp')).body as string;
      expect(devPage).toMatch(/GEST-FICHE-AGENT<\/th><td><code>\d{6}<\/code>/);
      expect(
        (await staff.get('/api/staff/agent-records')).json<{ records: unknown[] }>().records,
      ).toHaveLength(1);
      expect(
        (await staff.get('/api/staff/sign-up-requests')).json<{ requests: unknown[] }>().requests,
      ).toHaveLength(1);
      // Inserm's demo claims wait in their sectors' queues, each with its receipt.
      const culture = new Client(app, db);
      await culture.login('GEST-LOISIRS-CULTURE', DEMO_PASSWORD);
      const queue = (await culture.get('/api/staff/claims')).json<{
        claims: { type: string; documentIds: string[] }[];
      }>().claims;
      expect(queue.map((c) => [c.type, c.documentIds.length])).toEqual(
        organization === 'inserm' ? [['festival', 1]] : [],
      );
      // « Mes prestations » has a benefit on either committee: Inserm's granted half-marathon
      // entry (50 % of 45 €), the CNRS family's week.
      const benefits = (await member.get('/api/me/benefits')).json<{
        years: { year: number; benefits: { label: string; subsidyCents: number }[] }[];
      }>().years;
      expect(benefits.map((y) => y.year)).toEqual([year]);
      if (organization === 'inserm')
        expect(benefits[0]?.benefits.map((b) => b.subsidyCents)).toEqual([2_250]);
      else expect(benefits[0]?.benefits[0]?.subsidyCents).toBeGreaterThan(0);
      const accounting = new Client(app, db);
      await accounting.login('GEST-COMPTABILITE', DEMO_PASSWORD);
      expect(
        (await accounting.get('/api/staff/payouts/preview')).json<{ totalCents: number }>()
          .totalCents,
      ).toBe(organization === 'inserm' ? 2_250 : 0);
      // The CNRS family's spring week in a chalet: five people, confirmed and invoiced.
      const registrations = (await member.get('/api/me/registrations')).json<{
        registrations: { status: string; participants: { firstName: string }[] }[];
      }>().registrations;
      const week = registrations.find((r) => r.participants.length > 1);
      if (organization === 'cnrs') {
        expect(week?.status).toBe('confirmed');
        expect(week?.participants.map((p) => p.firstName)).toEqual([
          'Sophie',
          'Karim',
          'Inès',
          'Noé',
          'Monique',
        ]);
        const invoices = (await member.get('/api/me/invoices')).json<{
          invoices: { invoice: { lines: { kind: string }[] } }[];
        }>().invoices;
        expect(
          invoices.some((i) => i.invoice.lines.filter((l) => l.kind === 'stay').length === 5),
        ).toBe(true);
      } else expect(week).toBeUndefined();
      await app.close();
      await db.close();
    });
  }
});
