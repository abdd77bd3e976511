import { describe, expect, it } from 'vitest';
import { signCode, testKeys } from './testing.ts';
import {
  base32,
  parseHeader,
  read2dDoc,
  taxNotice,
  TwoDDocError,
  verifySignature,
} from './index.ts';

/** The specification's notation: <GS>, <RS> and <US> for the bytes 0x1D, 0x1E, 0x1F. */
const bytes = (text: string) =>
  text.replaceAll('<GS>', '\u001d').replaceAll('<RS>', '\u001e').replaceAll('<US>', '\u001f');

/** The ANTS specification's own specimen of a type-28 notice (no real person). */
const SPECIMEN = bytes(
  'DC04FR000001FFFF25472801FR432,75<GS>44227801234567845202146RETI PATRICK<GS>4A310720224Y145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM<GS>4163198<GS>47300112345678948RETISOPHIE<GS>4907019877654324V3542<GS>4X3724<GS>4Z182<GS><US>MA2KMBNBSV5WZB6RC5TEP7OCQ2GW7JV2AIYGRCWCOZHM4DMTKPV3SWB2OL25JEW4QUYKTW3HIRALV3XSGWKRVGW7DYQUTW5THUCW4PQ',
);

describe('the 2D-DOC header', () => {
  it('reads version 04: authority, certificate, dates, type, perimeter, country', () => {
    expect(parseHeader(SPECIMEN)).toEqual({
      version: 4,
      authority: 'FR00',
      certificate: '0001',
      issuedOn: null,
      signedOn: '2026-02-16',
      documentType: '28',
      perimeter: '01',
      country: 'FR',
      length: 26,
    });
  });

  it('reads versions 01 to 03, whose headers are shorter', () => {
    expect(parseHeader('DC01FR000001125E125E04')).toMatchObject({
      version: 1,
      issuedOn: '2012-11-15',
      documentType: '04',
      perimeter: null,
      length: 22,
    });
    expect(parseHeader('DC02FR000001125E125E04').version).toBe(2);
    expect(parseHeader('DC03FR000001125E125E0401')).toMatchObject({
      version: 3,
      perimeter: '01',
      country: null,
      length: 24,
    });
  });

  it('refuses what is not a 2D-DOC, an unknown version or a cut header, in French', () => {
    expect(() => parseHeader('QR1234')).toThrow(TwoDDocError);
    expect(() => parseHeader('DC09FR000001125E125E04')).toThrow(/version d’en-tête inconnue : 09/);
    expect(() => parseHeader('DC04FR0000')).toThrow(/en-tête incomplet/);
    expect(() => parseHeader('DC01FR000001ZZZZ125E04')).toThrow(/date d’en-tête illisible/);
  });
});

describe('the specimen tax notice (type 28), field by field', () => {
  const doc = read2dDoc(SPECIMEN);

  it('reads every field with its label, and reports the one it does not know', () => {
    expect(doc.fields.map((f) => [f.id, f.value])).toEqual([
      ['43', '2,75'],
      ['44', '2278012345678'],
      ['45', '2021'],
      ['46', 'RETI PATRICK'],
      ['4A', '31072022'],
      ['4Y', '145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM'],
      ['41', '63198'],
      ['47', '3001123456789'],
      ['48', 'RETISOPHIE'],
      ['49', '0701987765432'],
      ['4V', '3542'],
      ['4X', '3724'],
      ['4Z', '182'],
    ]);
    expect(doc.fields.find((f) => f.id === '41')?.label).toBe('Revenu fiscal de référence');
    expect(doc.fields.find((f) => f.id === '4Z')?.label).toBeNull();
  });

  it('gives the Fiche Agent its figures: 2,75 parts, RFR 63 198 €, income year 2021', () => {
    expect(taxNotice(doc)).toEqual({
      documentType: '28',
      partsHundredths: 275,
      referenceIncomeEuros: 63_198,
      incomeYear: 2021,
      noticeReference: '2278012345678',
      declarant1: { name: 'RETI PATRICK', taxNumber: '3001123456789' },
      declarant2: { name: 'RETISOPHIE', taxNumber: '0701987765432' },
      collectionOn: '2022-07-31',
      address: '145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM',
      unknown: { '4Z': '182' },
    });
  });

  it('decodes the signature after <US> (base32): the 64 bytes of r‖s first', () => {
    expect(doc.signed.endsWith('4Z182\u001d')).toBe(true);
    expect([...(doc.signature ?? []).slice(0, 4)]).toEqual([0x60, 0x34, 0xa6, 0x05]);
    expect(doc.signature?.length).toBeGreaterThanOrEqual(64);
  });
});

describe('signatures, with a certification authority made by the test', () => {
  const text = bytes(
    'DC04FR000001FFFF25472801FR431<GS>44227801234567845202246MARTIN CAMILLE<GS>4A310720234123456<GS>',
  );

  it('accepts the code its key signed, and no other', async () => {
    const authority = await testKeys();
    const code = await signCode(text, authority.privateKey);
    expect(await verifySignature(read2dDoc(code), authority.publicKey)).toBe(true);
    // Another key: not the certificate the header names.
    expect(await verifySignature(read2dDoc(code), (await testKeys()).publicKey)).toBe(false);
    // One figure changed after signing: the income.
    const tampered = code.replace('4123456', '4112345');
    expect(taxNotice(read2dDoc(tampered)).referenceIncomeEuros).toBe(12_345);
    expect(await verifySignature(read2dDoc(tampered), authority.publicKey)).toBe(false);
    // No signature at all.
    expect(await verifySignature(read2dDoc(text), authority.publicKey)).toBe(false);
  });
});

describe('what is not a readable tax notice', () => {
  it('names the document type it is instead, and never guesses', () => {
    const payslip = read2dDoc(bytes('DC04FR000001FFFF25470601FR'));
    expect(() => taxNotice(payslip)).toThrow(
      /document de type 06 : ce n’est pas un avis d’impôt sur les revenus/,
    );
  });

  it('names a missing or unreadable field, and a value cut short', () => {
    const head = 'DC04FR000001FFFF25472801FR';
    expect(() => taxNotice(read2dDoc(bytes(`${head}432,75<GS>`)))).toThrow(
      /Année des revenus \(45\) manque/,
    );
    expect(() => taxNotice(read2dDoc(bytes(`${head}43deux<GS>`)))).toThrow(
      /Nombre de parts \(43\) illisible/,
    );
    expect(() => read2dDoc(bytes(`${head}44123`))).toThrow(/13 caractères attendus/);
    expect(read2dDoc(bytes(`${head}46MARTIN CAM<RS>`)).fields[0]).toMatchObject({
      value: 'MARTIN CAM',
      truncated: true,
    });
    expect(() => base32('ab!')).toThrow(/signature illisible/);
  });
});
