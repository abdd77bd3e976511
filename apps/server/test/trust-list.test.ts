// Issue 16, point 1: ANTS's trust list as shipped, and the signing certificates it does not carry,
// asked of their authority's certificate store over HTTP (a store run by the test, for a test
// authority: never a real one) and checked against the authority like any other.
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { SubjectKeyIdentifierExtension, X509Certificate } from '@peculiar/x509';
import { read2dDoc, type TrustList } from '@entraide/twoddoc';
import {
  signAs,
  testAuthority,
  testSigner,
  testTrustList,
  type TestCertificate,
} from '@entraide/twoddoc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustList, NoticeVerifier } from '../src/modules/tax-notices/trust-list.ts';
import { trustListFromTsl } from '../src/modules/tax-notices/tsl.ts';
import { recheckNotices } from '../src/modules/tax-notices/tax-notice-reading.ts';
import { DatabaseDocumentStore } from '../src/modules/household/documents.ts';
import { createUser, PASSWORD, testApp } from './harness.ts';
import { dataMatrix, noticeText, pdfWith } from './tax-notice-fixtures.ts';

describe('ANTS’s trust list, as shipped', () => {
  const list = loadTrustList(null);

  it('names its source, its issue and the authorities that sign 2D-DOCs, with their stores', () => {
    expect(list).toMatchObject({
      source: 'https://pub.ants.gouv.fr/2D-DOC/V1/PRD/01_TSL/tsl_signed.xml',
      sequenceNumber: 22,
      issuedOn: '2025-08-25',
      nextUpdate: '2026-02-25',
      signers: [],
    });
    expect(list.authorities.map((a) => [a.id, a.name, new URL(a.store ?? '').host])).toEqual([
      ['FR01', 'IDnow SAS', 'cert.pki-2ddoc.ariadnext.fr'],
      ['FR03', 'Dhimyotis', 'certificates.certigna.fr'],
      ['FR04', 'IDnow SAS', 'pki-g2.ariadnext.fr'],
      ['FR05', 'ANTS', 'sp.ants.gouv.fr'],
      ['FR06', 'IDnow SAS', 'pki-g3.ariadnext.fr'],
      ['FR07', 'Goodflag', 'pki2.sunnystamp.com'],
    ]);
  });

  it('carries each authority’s certificate whole: its name, its key as its identifier says', async () => {
    for (const authority of list.authorities) {
      const [pem] = authority.certificates;
      const certificate = new X509Certificate(pem);
      expect(certificate.subject).toContain(`CN=${authority.id}`);
      // The subject key identifier is the SHA-1 of the key: a key copied wrong would not match.
      const key = Buffer.from(await certificate.publicKey.getKeyIdentifier());
      const identifier = certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId;
      expect(key.toString('hex')).toBe(identifier);
    }
    // The two that sign themselves are whole to their last byte.
    for (const id of ['FR01', 'FR05']) {
      const pem = list.authorities.find((a) => a.id === id)?.certificates[0] as string;
      const certificate = new NodeCertificate(pem);
      expect(certificate.verify(certificate.publicKey)).toBe(true);
    }
  });

  it('is what `npm run trust-list` makes of ANTS’s list of the same issue', () => {
    const store = (id: string, uri?: string) =>
      id === 'FR03' ? 'http://certificates.certigna.fr/search.php?iHash=xvNLC1KMs03t' : uri;
    const xml = tslXml(
      list.authorities.map((a) => ({
        id: a.id,
        name: a.name ?? '',
        uri: store(a.id, a.store),
        certificates: a.certificates,
      })),
    );
    expect(trustListFromTsl(xml, list.retrievedOn)).toEqual(list);
  });

  it('refuses to start on a TRUST_LIST_DIR without a list', () => {
    const empty = mkdtempSync(join(tmpdir(), 'entraide-no-list-'));
    expect(() => loadTrustList(empty)).toThrow(/trust-list\.json n’existe pas/);
  });
});

/** A trust service list in ANTS's form, of the providers given (each service in accord unless told). */
function tslXml(
  providers: {
    id: string;
    name: string;
    uri?: string;
    certificates: readonly string[];
    status?: string;
  }[],
): string {
  const base64 = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
  const services = (p: (typeof providers)[number]) =>
    p.certificates
      .map(
        (pem) => `<tsl:TSPService><tsl:ServiceInformation>
          <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/Svcstatus/${p.status ?? 'inaccord'}</tsl:ServiceStatus>
          <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>
            ${base64(pem)}
          </tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
        </tsl:ServiceInformation></tsl:TSPService>`,
      )
      .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">
  <tsl:SchemeInformation>
    <tsl:TSLSequenceNumber>22</tsl:TSLSequenceNumber>
    <tsl:ListIssueDateTime>2025-08-25T11:00:00Z</tsl:ListIssueDateTime>
    <tsl:NextUpdate><tsl:dateTime>2026-02-25T11:00:00Z</tsl:dateTime></tsl:NextUpdate>
    <tsl:DistributionPoints><tsl:URI>https://pub.ants.gouv.fr/2D-DOC/V1/PRD/01_TSL/tsl_signed.xml</tsl:URI></tsl:DistributionPoints>
  </tsl:SchemeInformation>
  <tsl:TrustServiceProviderList>${providers
    .map(
      (p) => `<tsl:TrustServiceProvider><tsl:TSPInformation>
      <tsl:TSPName><tsl:Name xml:lang="en">${p.name}</tsl:Name><tsl:Name xml:lang="fr">${p.name}</tsl:Name></tsl:TSPName>
      <tsl:TSPTradeName><tsl:Name xml:lang="en">${p.id}</tsl:Name><tsl:Name xml:lang="fr">${p.id}</tsl:Name></tsl:TSPTradeName>
      ${p.uri ? `<tsl:TSPInformationURI><tsl:URI xml:lang="fr">${p.uri.replaceAll('&', '&amp;')}</tsl:URI></tsl:TSPInformationURI>` : ''}
    </tsl:TSPInformation><tsl:TSPServices>${services(p)}</tsl:TSPServices></tsl:TrustServiceProvider>`,
    )
    .join('')}</tsl:TrustServiceProviderList>
</tsl:TrustServiceStatusList>`;
}

describe('ANTS’s list made into the trust list (`npm run trust-list`)', () => {
  it('keeps the authorities in accord, by their FR id, and asks their store by name', async () => {
    const [a, b, c] = await Promise.all(['FR99', 'FR98', 'FR97'].map((id) => testAuthority(id)));
    const pem = (t: TestCertificate | undefined) => t!.certificate.toString('pem');
    const list = trustListFromTsl(
      tslXml([
        {
          id: 'FR99',
          name: 'Autorité',
          uri: 'http://store.test/s?iHash=x',
          certificates: [pem(a)],
        },
        { id: 'FR98', name: 'Retirée', certificates: [pem(b)], status: 'withdrawn' },
        { id: 'ACME', name: 'Sans identifiant', certificates: [pem(c)] },
      ]),
      '2026-12-03',
    );
    expect(list).toEqual({
      source: 'https://pub.ants.gouv.fr/2D-DOC/V1/PRD/01_TSL/tsl_signed.xml',
      sequenceNumber: 22,
      issuedOn: '2025-08-25',
      nextUpdate: '2026-02-25',
      retrievedOn: '2026-12-03',
      authorities: [
        {
          id: 'FR99',
          name: 'Autorité',
          store: 'http://store.test/s',
          certificates: [`${pem(a)}\n`],
        },
      ],
      signers: [],
    });
    expect(() => trustListFromTsl('<html></html>', '2026-12-03')).toThrow(
      /n’est pas une liste de confiance/,
    );
  });
});

describe('a signing certificate asked of its authority’s store', () => {
  let authority: TestCertificate;
  let signers: Record<string, TestCertificate>;
  let server: Server;
  let store: string;
  const asked: string[] = [];

  /** What the test's store answers for a name: DER, PEM, several in a multipart, or an error. */
  const answers: Record<string, (reply: import('node:http').ServerResponse) => void> = {};

  beforeAll(async () => {
    authority = await testAuthority('FR99');
    const stranger = await testSigner(await testAuthority('FR98'), '0005');
    signers = {
      '0001': await testSigner(authority, '0001'),
      '0002': await testSigner(authority, '0002'),
      '0003': await testSigner(authority, '0003'),
      '0004': await testSigner(authority, '0004'),
      '0005': stranger,
    };
    const der = (id: string) => Buffer.from(signers[id]!.certificate.rawData);
    answers['0001'] = (reply) =>
      reply.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(der('0001'));
    answers['0002'] = (reply) => {
      const part = (id: string) =>
        Buffer.concat([
          Buffer.from('--frontiere\r\ncontent-type: application/pkix-cert\r\n\r\n'),
          der(id),
          Buffer.from('\r\n'),
        ]);
      reply
        .writeHead(200, { 'content-type': 'multipart/mixed; boundary=frontiere' })
        .end(Buffer.concat([part('0003'), part('0002'), Buffer.from('--frontiere--\r\n')]));
    };
    answers['0004'] = (reply) =>
      reply
        .writeHead(200, { 'content-type': 'application/x-pem-file' })
        .end(signers['0004']!.certificate.toString('pem'));
    answers['0005'] = (reply) =>
      reply.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(der('0005'));
    answers['0500'] = (reply) => reply.writeHead(500).end();
    answers['0700'] = (reply) =>
      reply.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(Buffer.alloc(2 << 20));
    answers['0600'] = () => undefined; // never answers
    server = createServer((request, reply) => {
      const name = new URL(request.url ?? '/', 'http://store').searchParams.get('name') ?? '';
      asked.push(name);
      (answers[name] ?? ((r) => r.writeHead(404).end()))(reply);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    store = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pki-2ddoc.der`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const list = (): TrustList => {
    const base = testTrustList('FR99', authority, {});
    return { ...base, authorities: base.authorities.map((a) => ({ ...a, store })) };
  };
  /** A notice whose header names `id`, signed by the key of `by`. */
  const notice = async (id: string, by = id) =>
    read2dDoc(await signAs(signers[by]!, noticeText(2022, 32_500, `FR99${id}`)));

  it('checks a code with the certificate its authority’s store gives, asked once', async () => {
    const verifier = new NoticeVerifier(list());
    expect(await verifier.check(await notice('0001'))).toEqual({ genuine: true, reason: null });
    expect(await verifier.check(await notice('0001'))).toEqual({ genuine: true, reason: null });
    expect(asked.filter((name) => name === '0001')).toHaveLength(1);
  });

  it('reads a store’s answer in PEM, or several certificates in a multipart', async () => {
    const verifier = new NoticeVerifier(list());
    expect(await verifier.check(await notice('0002'))).toEqual({ genuine: true, reason: null });
    expect(await verifier.check(await notice('0004'))).toEqual({ genuine: true, reason: null });
  });

  it('refuses a code whose certificate the store does not know, or another authority issued', async () => {
    const verifier = new NoticeVerifier(list());
    expect(await verifier.check(await notice('0009', '0001'))).toEqual({
      genuine: false,
      reason: 'certificat inconnu : FR99/0009',
    });
    expect(await verifier.check(await notice('0005'))).toEqual({
      genuine: false,
      reason: 'le certificat 0005 n’a pas été émis par l’autorité FR99',
    });
    expect(await verifier.check(await notice('0002', '0003'))).toEqual({
      genuine: false,
      reason: 'signature invalide : le code a été modifié, ou un autre certificat l’a signé',
    });
  });

  it('leaves unchecked, not refused, a code of an authority the list does not name', async () => {
    const newer = await testSigner(await testAuthority('FR97'), '0001');
    const doc = read2dDoc(await signAs(newer, noticeText(2022, 32_500, 'FR970001')));
    expect(await new NoticeVerifier(list()).check(doc)).toEqual({
      genuine: null,
      reason:
        'L’autorité FR97 n’est pas dans la liste de confiance de l’ANTS installée : l’avis est lu ; un gestionnaire le vérifiera, vous n’avez rien à refaire.',
    });
  });

  it('leaves a notice unchecked, and asks again later, when the store cannot answer', async () => {
    // A store that answers is waited for as in production (a short wait, on a busy machine, gave
    // « pas de réponse à temps » for a 500); only the one that never answers gets 300 ms.
    const verifier = new NoticeVerifier(list(), 5_000, 0);
    expect(await verifier.check(await notice('0500', '0001'))).toEqual({
      genuine: null,
      reason:
        'Le certificat FR99/0500 n’a pas pu être demandé à son autorité (réponse 500) : l’avis est lu ; il sera vérifié plus tard, vous n’avez rien à refaire.',
    });
    expect(await new NoticeVerifier(list(), 300, 0).check(await notice('0600', '0001'))).toEqual({
      genuine: null,
      reason:
        'Le certificat FR99/0600 n’a pas pu être demandé à son autorité (pas de réponse à temps) : l’avis est lu ; il sera vérifié plus tard, vous n’avez rien à refaire.',
    });
    expect(await verifier.check(await notice('0700', '0001'))).toMatchObject({
      genuine: null,
      reason: expect.stringContaining('(réponse trop longue)') as unknown,
    });
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const away = new NoticeVerifier({
      ...list(),
      authorities: list().authorities.map((a) => ({ ...a, store: `http://127.0.0.1:${port}/` })),
    });
    expect((await away.check(await notice('0001'))).reason).toMatch(/\(injoignable\)/);
    expect(asked.filter((name) => name === '0500')).toHaveLength(1);
    await verifier.check(await notice('0500', '0001'));
    expect(asked.filter((name) => name === '0500')).toHaveLength(2);
    // By default a store that could not answer is left alone for ten minutes: no second wait.
    const patient = new NoticeVerifier(list());
    for (let i = 0; i < 2; i += 1)
      expect((await patient.check(await notice('0500', '0001'))).genuine).toBeNull();
    expect(asked.filter((name) => name === '0500')).toHaveLength(3);
  });

  it('checks again, in the hourly job, a notice kept while the store could not answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entraide-trust-'));
    writeFileSync(join(dir, 'trust-list.json'), JSON.stringify(list()));
    signers['0007'] = await testSigner(authority, '0007');
    answers['0007'] = (reply) => reply.writeHead(503).end();
    const t = await testApp({ TRUST_LIST_DIR: dir });
    try {
      await createUser(t.db, { identifier: 'IN-000781' });
      const member = t.client();
      await member.login('IN-000781', PASSWORD);
      const code = await signAs(signers['0007'], noticeText(2019, 41_000, 'FR990007'));
      const sent = await member.upload(
        '/api/me/documents?kind=taxNotice&name=avis.pdf',
        await pdfWith(await dataMatrix(code), 'png'),
      );
      expect(sent.json()).toMatchObject({
        taxNotice: { referenceIncomeEuros: 41_000, genuine: null },
      });
      // Older than it, 100 notices that stay unchecked (an authority newer than the list), and
      // one of its age: they must not keep it from its turn.
      await createUser(t.db, { identifier: 'IN-000782' });
      const other = t.client();
      await other.login('IN-000782', PASSWORD);
      const newer = await testSigner(await testAuthority('FR97'), '0001');
      await other.upload(
        '/api/me/documents?kind=taxNotice&name=avis.pdf',
        await pdfWith(
          await dataMatrix(await signAs(newer, noticeText(2019, 20_000, 'FR970001'))),
          'png',
        ),
      );
      await t.db.query(
        `INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name, tax_notice, created_at)
         SELECT member_id, kind, sha256, size_bytes, file_name, tax_notice, now() - interval '1 day'
           FROM documents, generate_series(1, 100) WHERE tax_notice ->> 'referenceIncomeEuros' = '20000'`,
      );
      const documents = new DatabaseDocumentStore(t.db);
      const untried = async () =>
        (
          await t.db.query<{ income: number }>(
            `SELECT (tax_notice ->> 'referenceIncomeEuros')::int AS income FROM documents
              WHERE notice_tried_at IS NULL ORDER BY income`,
          )
        ).map((row) => row.income);
      // Another node's job, its store still down: nothing changes; the 100 oldest were tried.
      expect(await recheckNotices(t.db, documents, new NoticeVerifier(list()))).toBe(0);
      expect(await untried()).toEqual([20_000, 41_000]);
      answers['0007'] = (reply) =>
        reply
          .writeHead(200, { 'content-type': 'application/pkix-cert' })
          .end(Buffer.from(signers['0007']!.certificate.rawData));
      // The next run takes the two never tried first: the notice is checked.
      expect(await recheckNotices(t.db, documents, new NoticeVerifier(list()))).toBe(1);
      expect(await untried()).toEqual([]);
      expect((await member.get('/api/me/documents')).json()).toMatchObject({
        documents: [{ kind: 'taxNotice', taxNotice: { genuine: true, reason: null } }],
      });
      expect(await recheckNotices(t.db, documents, new NoticeVerifier(list()))).toBe(0);
    } finally {
      await t.close();
    }
  });
});
