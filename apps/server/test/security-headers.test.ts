// Proxies, security headers and uploaded documents (issue 11, points 7–9).
import { AFRelationship, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  familyWithRecord,
  PRODUCTION_ENV,
  samplePdf,
  testApp,
  type Client,
  type TestApp,
} from './harness.ts';

/** Failed logins, each from the address a client claims in X-Forwarded-For. */
async function failedLogins(t: TestApp, count: number): Promise<number[]> {
  const client = t.client();
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1)
    statuses.push(
      (
        await client.request(
          'POST',
          '/api/session',
          { identifier: `IN-99${String(i).padStart(4, '0')}`, password: 'pas le bon' },
          { 'x-forwarded-for': `203.0.113.${i % 250}` },
        )
      ).status,
    );
  return statuses;
}

describe('which client address counts the login attempts', () => {
  it('in production, a client-sent X-Forwarded-For is ignored unless TRUST_PROXY says so', async () => {
    // Without a proxy: only an address in http (an intranet) may start so (config.test.ts).
    const direct = Object.entries(PRODUCTION_ENV).filter(([name]) => name !== 'TRUST_PROXY');
    const t = await testApp({ ...Object.fromEntries(direct), PUBLIC_URL: 'http://caes.intranet' });
    try {
      const statuses = await failedLogins(t, 31);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('behind one configured proxy, each forwarded address has its own budget', async () => {
    const t = await testApp({ TRUST_PROXY: '1' });
    try {
      expect(new Set(await failedLogins(t, 31))).toEqual(new Set([401]));
    } finally {
      await t.close();
    }
  });

  it('a TRUST_PROXY that is neither a count nor addresses stops the start with the reason', async () => {
    await expect(testApp({ TRUST_PROXY: 'yes please' })).rejects.toThrow(/TRUST_PROXY/);
  });
});

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await testApp();
  ({ client: member } = await familyWithRecord(t, {
    identifier: 'IN-660001',
    taxIncomeEuros: 30_000,
    dependants: [],
  }));
});
afterAll(() => t.close());

describe('security headers', () => {
  it('a strict Content-Security-Policy on pages, never framed, no referrer outside', async () => {
    const page = await member.get('/simulateur');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS in production', async () => {
    const production = await testApp(PRODUCTION_ENV);
    try {
      const answer = await production.client().get('/api/session');
      expect(answer.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await production.close();
    }
  });

  it('refusals carry the same headers as answers: CSRF, bad input, unknown address', async () => {
    const visitor = t.client();
    const refusals = [
      await visitor.request('POST', '/api/session', {}, { 'x-csrf-token': 'pas le bon' }),
      await visitor.request('POST', '/api/v1/simulations', { pack: 'inserm-2021' }),
      await visitor.get('/api/nulle-part'),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([403, 400, 404]);
    for (const answer of refusals) {
      expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('no answer carrying personal data is kept in a cache', async () => {
    for (const url of ['/api/session', '/api/me/entitlements/2021', '/api/me/card.pdf'])
      expect((await member.get(url)).headers['cache-control'], url).toContain('no-store');
  });
});

/** A one-page PDF with something more in its catalogue. */
async function pdfWith(change: (pdf: PDFDocument) => void | Promise<void>): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  await change(pdf);
  return Buffer.from(await pdf.save());
}

describe('uploaded documents', () => {
  it('are served as attachments in a sandbox, never inline in the app', async () => {
    const uploaded = await member.upload(
      '/api/me/documents?kind=taxNotice&name=avis.pdf',
      await samplePdf(),
    );
    const answer = await member.get(`/api/documents/${uploaded.json<{ id: string }>().id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toMatch(/^attachment;/);
    expect(answer.headers['content-security-policy']).toContain('sandbox');
  });

  it('are kept under a name that shows what they are: no invisible character, no folder, a PDF’s extension', async () => {
    const names = [];
    for (const name of [
      'avis\u202efdp.exe',
      'bulletin',
      'Avis 2020.PDF',
      '../../avis.pdf',
      'C:\\Mes documents\\',
    ]) {
      const uploaded = await member.upload(
        `/api/me/documents?kind=payslip&name=${encodeURIComponent(name)}`,
        await samplePdf(),
      );
      names.push(uploaded.json<{ fileName: string }>().fileName);
    }
    expect(names).toEqual([
      'avisfdp.exe.pdf',
      'bulletin.pdf',
      'Avis 2020.PDF',
      'avis.pdf',
      'document.pdf',
    ]);
  });

  it('refuses a PDF that runs JavaScript, launches a program or carries a file, and says what to do', async () => {
    const opening = await pdfWith((pdf) => {
      pdf.catalog.set(
        PDFName.of('OpenAction'),
        pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
      );
    });
    const launching = await pdfWith((pdf) => {
      pdf.catalog.set(
        PDFName.of('OpenAction'),
        pdf.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }),
      );
    });
    const carrying = await pdfWith((pdf) =>
      pdf.attach(Buffer.from('MZ'), 'programme.exe', { mimeType: 'application/octet-stream' }),
    );
    // JavaScript at the end of a chain of 40 actions, each inside the one before (`Next`).
    const chained = await pdfWith((pdf) => {
      let action = pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
      for (let link = 0; link < 40; link += 1)
        action = pdf.context.obj({ S: 'GoTo', D: [0], Next: action });
      pdf.catalog.set(PDFName.of('OpenAction'), action);
    });
    // A file carried by an annotation of the page, not by the document's list of attachments.
    const annotated = await pdfWith((pdf) => {
      const file = pdf.context.register(
        pdf.context.flateStream(Buffer.from('MZ'), { Type: 'EmbeddedFile' }),
      );
      const spec = pdf.context.obj({ Type: 'Filespec', F: PDFString.of('programme.exe') });
      spec.set(PDFName.of('EF'), pdf.context.obj({ F: file }));
      pdf.getPage(0).node.set(
        PDFName.of('Annots'),
        pdf.context.obj([
          pdf.context.obj({
            Type: 'Annot',
            Subtype: 'FileAttachment',
            Rect: [0, 0, 20, 20],
            FS: spec,
          }),
        ]),
      );
    });
    for (const bytes of [opening, launching, carrying, chained, annotated]) {
      const answer = await member.upload('/api/me/documents?kind=taxNotice&name=avis.pdf', bytes);
      expect(answer.status).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain('Imprimez-le à nouveau en PDF');
    }
    const plain = await pdfWith(() => undefined);
    expect(
      (await member.upload('/api/me/documents?kind=taxNotice&name=avis.pdf', plain)).status,
    ).toBe(201);
  });

  it('accepts a Factur-X invoice, whose XML is carried inside, but no other file passed off as one', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>';
    const carrying = (bytes: string, name: string, mimeType: string) =>
      pdfWith((pdf) =>
        pdf.attach(Buffer.from(bytes), name, { mimeType, afRelationship: AFRelationship.Data }),
      );
    const receipt = (bytes: Buffer) =>
      member.upload('/api/me/documents?kind=receipt&name=facture.pdf', bytes);
    expect((await receipt(await carrying(xml, 'factur-x.xml', 'text/xml'))).status).toBe(201);
    for (const passedOff of [
      await carrying('MZ', 'factur-x.xml', 'text/xml'),
      await carrying(xml, 'facture.exe', 'text/xml'),
      await carrying(xml, 'factur-x.xml', 'application/octet-stream'),
      await carrying(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        'factur-x.xml',
        'text/xml',
      ),
    ]) {
      const answer = await receipt(passedOff);
      expect(answer.status).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain('Imprimez-le à nouveau en PDF');
    }
  });
});
