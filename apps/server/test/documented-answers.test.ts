// The OpenAPI document's answers are the contract's schemas, and every test's client checks each
// success it receives against the one documented for its route: a route that sends another shape
// fails the test that called it, and /api/docs cannot drift from what the routes send.
import { onlinePayment, onlinePaymentProvider } from '@entraide/contract';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentedAnswer } from '../src/openapi.ts';
import { Client } from './harness.ts';

describe('documented answers', () => {
  it('finds the answer of a route by its method and path, whatever the ids and the query', () => {
    const history = documentedAnswer('GET', '/api/me/history?annee=2021');
    const schema = history && 'answer' in history ? history.answer : z.never();
    expect(schema.safeParse({ years: [] }).success).toBe(true);
    expect(schema.safeParse({ years: [{ year: '2021' }] }).success).toBe(false);
    expect(documentedAnswer('GET', '/api/me/invoices/x/pdf')).toMatchObject({
      files: ['application/pdf'],
    });
    expect(documentedAnswer('DELETE', '/api/session')).toMatchObject({ empty: true });
    const cancel = documentedAnswer(
      'POST',
      '/api/staff/registrations/0b9d7c1e-8f4e-4c1a-9d8e-2f5a6b7c8d9e/cancel/preview',
    );
    const modify = documentedAnswer('POST', '/api/staff/registrations/x/modify/preview');
    expect([cancel === null, modify === null]).toEqual([false, false]);
    // A path of its own before a pattern that takes it too, as the router does.
    expect(documentedAnswer('GET', '/api/me/online-payments/PAY-0123456789')).toMatchObject({
      answer: onlinePayment,
    });
    expect(documentedAnswer('GET', '/api/me/online-payments/provider')).toMatchObject({
      answer: onlinePaymentProvider,
    });
    // Another method or a longer path: none.
    expect(documentedAnswer('POST', '/api/me/history')).toBeNull();
    expect(documentedAnswer('GET', '/api/me/history/2021')).toBeNull();
  });

  const node = Fastify();
  node.get('/api/me/history', () => ({ years: [{ year: 'deux mille vingt et un' }] }));
  node.get('/api/me/benefits', () => ({ years: [] }));
  node.get('/api/me/card.pdf', (_request, reply) => reply.type('text/html').send('<p>carte</p>'));
  node.get('/api/staff/dashboard.csv', (_request, reply) =>
    reply.type('text/csv; charset=utf-8').send('secteur;budget\n'),
  );
  node.put('/api/me/contact', () => ({ saved: true }));
  node.post('/api/me/second-factor/totp', (_request, reply) => reply.status(204).send());
  afterAll(() => node.close());

  it('fails a test whose route answers another shape than the document says', async () => {
    const client = new Client(node);
    expect((await client.get('/api/me/benefits')).json()).toEqual({ years: [] });
    await expect(client.get('/api/me/history')).rejects.toThrow(
      /GET \/api\/me\/history: the answer is not the one \/api\/docs describes[\s\S]*years\[0\]\.year/,
    );
  });

  it('fails a file of another type, content where none is documented, and none where some is', async () => {
    const client = new Client(node);
    expect((await client.get('/api/staff/dashboard.csv')).status).toBe(200);
    await expect(client.get('/api/me/card.pdf')).rejects.toThrow(
      /a file of type text\/html, where application\/pdf is documented/,
    );
    await expect(client.put('/api/me/contact', {})).rejects.toThrow(/200, where 204/);
    await expect(client.post('/api/me/second-factor/totp', {})).rejects.toThrow(
      /204 \(no content\), where content is documented/,
    );
  });
});
