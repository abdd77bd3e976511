import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('member card', () => {
  it('is a card-sized PDF, and its QR link shows a partner only the name and validity', async () => {
    const id = await createUser(t.db, {
      identifier: 'IN-000540',
      firstName: 'Lina',
      lastName: 'Haddad',
    });
    await t.db.query(
      `INSERT INTO agent_records (member_id, year, version, status) VALUES ($1, $2, 1, 'validated')`,
      [id, new Date().getUTCFullYear()],
    );
    const member = t.client();
    await member.login('IN-000540', PASSWORD);
    const card = await member.get('/api/me/card.pdf');
    expect(card.status).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(card.body as Buffer);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 243, height: 153 });

    const [row] = await t.db.query<{ card_token: string }>(
      'SELECT card_token FROM users WHERE id = $1',
      [id],
    );
    const check = await t.client().get(`/api/cards/${row?.card_token ?? ''}`);
    expect(check.json()).toEqual({
      name: 'Lina Haddad',
      valid: true,
      year: new Date().getUTCFullYear(),
    });
    // The same card every time: the token does not change.
    await member.get('/api/me/card.pdf');
    const [again] = await t.db.query<{ card_token: string }>(
      'SELECT card_token FROM users WHERE id = $1',
      [id],
    );
    expect(again?.card_token).toBe(row?.card_token);
  });

  it('says not valid without a validated Fiche Agent for the year, and 404 for an unknown card', async () => {
    const id = await createUser(t.db, {
      identifier: 'IN-000541',
      firstName: 'Omar',
      lastName: 'Diallo',
    });
    const member = t.client();
    await member.login('IN-000541', PASSWORD);
    await member.get('/api/me/card.pdf');
    const [row] = await t.db.query<{ card_token: string }>(
      'SELECT card_token FROM users WHERE id = $1',
      [id],
    );
    expect((await t.client().get(`/api/cards/${row?.card_token ?? ''}`)).json()).toEqual({
      name: 'Omar Diallo',
      valid: false,
      year: null,
    });
    expect(
      (await t.client().get('/api/cards/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status,
    ).toBe(404);
    expect((await t.client().get('/api/me/card.pdf')).status).toBe(401);
  });
});
