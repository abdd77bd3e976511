// The payout file's content: a SEPA credit transfer initiation (pain.001.001.03), built from the
// batch and its claims without a database (its schema validation is in sepa-schema.ts).
import type { Organization } from '../organization/organization.ts';
import type { Payout } from '@entraide/contract';

/** What the file's header says of its batch. */
export type PayoutHeader = Pick<Payout, 'reference' | 'createdAt' | 'totalCents' | 'executionDate'>;

const xml = (value: string): string =>
  value.replace(
    /[<>&'"]/g,
    // Stryker disable next-line StringLiteral: SEPA texts keep none of < > & " and IBANs and BICs are checked: only the apostrophe is ever escaped
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** SEPA's character set: Latin letters, digits and a few signs; accents dropped, the rest a space. */
const sepaText = (value: string, max: number): string =>
  xml(
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max),
  );

const amount = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export interface PaidClaim {
  number: number;
  approved_cents: number;
  iban: string;
  bic: string;
  holder: string;
  type: string;
  year: number;
}

/**
 * The batch as a SEPA credit transfer initiation (pain.001.001.03): one payment information
 * block debiting the committee's account, one transaction per claim.
 */
export function painDocument(
  organization: Pick<Organization, 'name' | 'shortName'>,
  account: { iban: string; bic: string },
  payout: PayoutHeader,
  claims: PaidClaim[],
): string {
  const name = sepaText(organization.name, 70);
  const transactions = claims
    .map(
      (c) => `      <CdtTrfTxInf>
        <PmtId><EndToEndId>${sepaText(`${payout.reference}-${c.number}`, 35)}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="EUR">${amount(c.approved_cents)}</InstdAmt></Amt>
        <CdtrAgt><FinInstnId><BIC>${xml(c.bic)}</BIC></FinInstnId></CdtrAgt>
        <Cdtr><Nm>${sepaText(c.holder, 70)}</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>${xml(c.iban)}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>${sepaText(`Subvention ${organization.shortName} demande ${c.number} ${c.year}`, 140)}</Ustrd></RmtInf>
      </CdtTrfTxInf>`,
    )
    // Stryker disable next-line StringLiteral: whitespace between elements means nothing in XML
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${sepaText(payout.reference, 35)}</MsgId>
      <CreDtTm>${payout.createdAt}</CreDtTm>
      <NbOfTxs>${claims.length}</NbOfTxs>
      <CtrlSum>${amount(payout.totalCents)}</CtrlSum>
      <InitgPty><Nm>${name}</Nm></InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${sepaText(payout.reference, 35)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <NbOfTxs>${claims.length}</NbOfTxs>
      <CtrlSum>${amount(payout.totalCents)}</CtrlSum>
      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>
      <ReqdExctnDt>${payout.executionDate}</ReqdExctnDt>
      <Dbtr><Nm>${name}</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${xml(account.iban)}</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><BIC>${xml(account.bic)}</BIC></FinInstnId></DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
${transactions}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}
