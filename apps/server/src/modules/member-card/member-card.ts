import type { CardCheck } from '@entraide/contract';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Queryable } from '../../db/database.ts';
import { notFound } from '../../http.ts';
import { newToken } from '../accounts/secrets.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { brandInk, embedCommitteeFonts } from '../forms/pdf-text.ts';

/** The year a card is valid for: that of the member's newest validated Fiche Agent, or null. */
async function validYear(db: Queryable, memberId: string): Promise<number | null> {
  const [row] = await db.query<{ year: number | null }>(
    `SELECT max(year) AS year FROM agent_records WHERE member_id = $1 AND status = 'validated'`,
    [memberId],
  );
  return row?.year ?? null;
}

async function cardToken(db: Queryable, memberId: string): Promise<string> {
  const [row] = await db.query<{ card_token: string }>(
    'UPDATE users SET card_token = coalesce(card_token, $2) WHERE id = $1 RETURNING card_token',
    [memberId, newToken()],
  );
  if (!row) throw notFound();
  return row.card_token;
}

/** Ma carte adhérent: a credit-card-sized PDF with the name, identifier, year of validity and a QR code. */
export async function memberCardPdf(ctx: AppContext, member: CurrentUser): Promise<Uint8Array> {
  const year = await validYear(ctx.db, member.id);
  const url = `${ctx.publicUrl}/carte/${await cardToken(ctx.db, member.id)}`;
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Carte adhérent ${ctx.organization.shortName}`);
  pdf.setLanguage('fr-FR');
  const page = pdf.addPage([243, 153]); // 85.6 × 54 mm
  const { regular, bold } = await embedCommitteeFonts(pdf);
  page.drawRectangle({ x: 0, y: 123, width: 243, height: 30, color: brandInk(ctx.organization) });
  page.drawText(`${ctx.organization.shortName} — Carte adhérent`, {
    x: 10,
    y: 133,
    size: 11,
    font: bold,
    color: rgb(1, 1, 1),
  });
  page.drawText(`${member.firstName} ${member.lastName}`, {
    x: 10,
    y: 100,
    size: 12,
    font: bold,
  });
  page.drawText(`Identifiant : ${member.identifier}`, { x: 10, y: 82, size: 9, font: regular });
  page.drawText(year === null ? 'Fiche Agent non validée' : `Valable pour ${year}`, {
    x: 10,
    y: 68,
    size: 9,
    font: regular,
  });
  page.drawText('Partenaires : scannez le code', { x: 10, y: 20, size: 6, font: regular });
  const modules = qr.modules.size;
  const side = 80 / modules;
  for (let row = 0; row < modules; row += 1) {
    for (let column = 0; column < modules; column += 1) {
      if (qr.modules.get(row, column))
        page.drawRectangle({
          x: 153 + column * side,
          y: 110 - (row + 1) * side,
          width: side,
          height: side,
          color: rgb(0, 0, 0),
        });
    }
  }
  return pdf.save();
}

/** What a partner sees after scanning: the name, and whether the card is valid this year. Nothing else. */
export async function checkCard(
  db: Queryable,
  token: string,
  /** The committee's day. */
  today: string,
): Promise<CardCheck> {
  if (!/^[\w-]{20,100}$/.test(token)) throw notFound();
  const [member] = await db.query<{ id: string; first_name: string; last_name: string }>(
    'SELECT id, first_name, last_name FROM users WHERE card_token = $1',
    [token],
  );
  if (!member) throw notFound();
  const year = await validYear(db, member.id);
  return {
    name: `${member.first_name} ${member.last_name}`,
    valid: year !== null && year >= Number(today.slice(0, 4)),
    year,
  };
}
