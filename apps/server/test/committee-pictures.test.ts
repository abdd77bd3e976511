// Issue 14, point 15: the committee’s name, address, colour and logo, set by its admin, on every
// page and document; activities' photos uploaded by staff, resized, stripped of their metadata.
import { IMAGE_LIMIT, type ActivityAnswer, type ErrorAnswer } from '@entraide/contract';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import {
  createUser,
  lockWaits,
  ownPacks,
  PASSWORD,
  poll,
  testApp,
  whileRowHeld,
  type Client,
  type TestApp,
} from './harness.ts';
import { deleteUnusedPhotos } from '../src/modules/pictures/unused-photos.ts';
import { pdfText } from './pdf-reading.ts';

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, { identifier: 'ADMIN-ID', role: 'admin' });
  await createUser(t.db, { identifier: 'GEST-JE-PHOTO', role: 'staff', sectors: ['jeunesse'] });
  await createUser(t.db, { identifier: 'IN-000950', firstName: 'Rose', lastName: 'Perrin' });
  admin = t.client();
  staff = t.client();
  member = t.client();
  await admin.login('ADMIN-ID', PASSWORD);
  await staff.login('GEST-JE-PHOTO', PASSWORD);
  await member.login('IN-000950', PASSWORD);
});
afterAll(() => t.close());

/** A photo as a phone takes it: big, with where and by what it was taken in its EXIF. */
const phonePhoto = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#3a7d44' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Copyright: 'Lieu secret' } })
    .jpeg()
    .toBuffer();

/** A JPEG whose frame header (SOF0: FF C0, length, precision, height, width) says other dimensions. */
function withDimensions(jpeg: Buffer, width: number, height: number): Buffer {
  const forged = Buffer.from(jpeg);
  const frame = forged.indexOf(Buffer.from([0xff, 0xc0]));
  forged.writeUInt16BE(height, frame + 5);
  forged.writeUInt16BE(width, frame + 7);
  return forged;
}

/** The images a PDF's first page draws. */
const pageImages = async (bytes: Uint8Array): Promise<number> => {
  const pdf = await PDFDocument.load(bytes);
  const resources = pdf.getPage(0).node.Resources();
  const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  return xObjects ? xObjects.keys().length : 0;
};

describe('the committee’s identity', () => {
  it('is changed by the admin only, with a colour white text reads on, and shows on pages and documents', async () => {
    const body = {
      name: 'CAES de l’Inserm — Île-de-France',
      shortName: 'CAES IDF',
      address: '8 rue de la Croix Jarry, 75013 Paris',
      brandColour: '#0B5D3B',
    };
    expect((await staff.put('/api/admin/committee', body)).status).toBe(403);
    // Too light a colour is refused on its field, with an example.
    const pale = await admin.put('/api/admin/committee', { ...body, brandColour: '#f5d76e' });
    expect(pale.status).toBe(400);
    expect(pale.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([
      { path: 'brandColour', message: expect.stringContaining('trop claire') as string },
    ]);
    const saved = await admin.put('/api/admin/committee', body);
    expect(saved.status).toBe(200);
    expect(saved.json()).toEqual({ ...body, brandColour: '#0b5d3b', logoUrl: null });

    const session = (await member.get('/api/session')).json<{
      organization: { name: string; shortName: string; brandColour: string; logoUrl: null };
    }>();
    expect(session.organization).toMatchObject({
      name: body.name,
      shortName: 'CAES IDF',
      brandColour: '#0b5d3b',
      logoUrl: null,
    });
    const form = await member.get('/api/me/forms/subvention-administrative.pdf');
    expect(pdfText(form.body as Uint8Array)).toContain('8 rue de la Croix Jarry, 75013 Paris');
    expect(await pageImages(form.body as Uint8Array)).toBe(0);
  });

  it('takes a logo as an image only, resized, drawn on the documents, and removed after a question', async () => {
    const notImage = await admin.upload(
      '/api/admin/committee/logo',
      Buffer.from('%PDF-1.4 pas une image'),
      'application/octet-stream',
      'PUT',
    );
    expect(notImage.status).toBe(415);
    expect(notImage.json<{ message: string }>().message).toContain('JPEG, PNG ou WebP');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(
      (await admin.upload('/api/admin/committee/logo', svg, 'application/octet-stream', 'PUT'))
        .status,
    ).toBe(415);
    expect(
      (
        await staff.upload(
          '/api/admin/committee/logo',
          await phonePhoto(50, 50),
          'image/jpeg',
          'PUT',
        )
      ).status,
    ).toBe(403);
    // Over 12 MB, sent as the page sends it or by its type: the same words.
    const huge = Buffer.concat([await phonePhoto(40, 30), Buffer.alloc(13 * 1024 * 1024)]);
    for (const type of ['application/octet-stream', 'image/jpeg']) {
      const refused = await admin.upload('/api/admin/committee/logo', huge, type, 'PUT');
      expect(refused.status).toBe(413);
      expect(refused.json<ErrorAnswer>()).toEqual({
        error: 'too_large',
        message: IMAGE_LIMIT.message,
      });
    }

    const logo = await sharp({
      create: {
        width: 1600,
        height: 400,
        channels: 4,
        background: { r: 11, g: 93, b: 59, alpha: 1 },
      },
    })
      .png()
      .toBuffer();
    const put = await admin.upload('/api/admin/committee/logo', logo, 'image/png', 'PUT');
    expect(put.status).toBe(200);
    const { logoUrl } = put.json<{ logoUrl: string }>();
    expect(logoUrl).toMatch(/^\/api\/committee\/logo\?v=\w+$/);
    const served = await t.client().get(logoUrl);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const size = await sharp(served.body as Buffer).metadata();
    expect([size.width, size.height]).toEqual([480, 120]);

    const form = await member.get('/api/me/forms/subvention-administrative.pdf');
    expect(await pageImages(form.body as Uint8Array)).toBe(1);
    const card = await member.get('/api/me/card.pdf');
    expect(pdfText(card.body as Uint8Array)).toContain('CAES IDF — Carte adhérent');

    const removed = await admin.delete('/api/admin/committee/logo');
    expect(removed.json<{ logoUrl: null; name: string }>()).toMatchObject({
      logoUrl: null,
      name: 'CAES de l’Inserm — Île-de-France',
    });
    expect((await t.client().get('/api/committee/logo')).status).toBe(404);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'committee.%' ORDER BY created_at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'committee.identity',
      'committee.logo',
      'committee.logo_removed',
    ]);
  });

  it('reaches another node of the same database within 30 s, read again by its next request', async () => {
    const other = await buildApp({ config: t.config, db: t.db, packs: ownPacks() });
    const shortName = async () =>
      (await t.client().through(other).get('/api/session')).json<{
        organization: { shortName: string };
      }>().organization.shortName;
    try {
      expect(await shortName()).toBe('CAES IDF');
      const north = { shortName: 'CAES HDF', address: '1 place de Verdun, 59000 Lille' };
      const saved = await admin.put('/api/admin/committee', {
        ...north,
        name: 'CAES de l’Inserm — Hauts-de-France',
        brandColour: '#0B5D3B',
      });
      expect(saved.json()).toMatchObject(north);
      // The other node trusts what it read for 30 s, then its next request reads it again.
      expect(await shortName()).toBe('CAES IDF');
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 30_001);
      expect(await shortName()).toBe('CAES HDF');
    } finally {
      vi.useRealTimers();
      await other.close();
    }
  });
});

describe('activities’ photos', () => {
  it('are uploaded by staff, resized and stripped of their metadata, and shown to anyone', async () => {
    expect(
      (await member.upload('/api/staff/activity-photos', await phonePhoto(40, 30), 'image/jpeg'))
        .status,
    ).toBe(403);
    const uploaded = await staff.upload(
      '/api/staff/activity-photos',
      await phonePhoto(4000, 3000),
      'application/octet-stream',
    );
    expect(uploaded.status).toBe(201);
    const photo = uploaded.json<{ id: string; url: string; width: number; height: number }>();
    expect(photo).toMatchObject({
      url: `/api/activity-photos/${photo.id}`,
      width: 1067,
      height: 800,
    });
    const served = await t.client().get(photo.url);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const metadata = await sharp(served.body as Buffer).metadata();
    expect([metadata.width, metadata.height, metadata.exif]).toEqual([1067, 800, undefined]);
    // A small photo is never enlarged.
    const small = await staff.upload(
      '/api/staff/activity-photos',
      await phonePhoto(300, 200),
      'image/jpeg',
    );
    expect(small.json<{ width: number }>().width).toBe(300);

    // The activity keeps it with its description; an address that is neither is refused.
    const activity = {
      title: 'Séjour en forêt',
      sector: 'jeunesse',
      kind: 'caes',
      description: 'Cabanes et randonnées.',
      provider: { name: 'Forêt Vive' },
    };
    const created = await staff.post('/api/staff/activities', {
      ...activity,
      pictures: [{ url: photo.url, alt: 'Une cabane dans les arbres' }],
    });
    expect(created.status).toBe(201);
    const refused = await staff.post('/api/staff/activities', {
      ...activity,
      pictures: [{ url: 'http://exemple.org/photo.jpg', alt: 'Une photo' }],
    });
    expect(refused.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'pictures.0.url',
    ]);
    expect(
      (await t.client().get('/api/activity-photos/8c1f0e1e-1111-4111-8111-111111111111')).status,
    ).toBe(404);

    // A day later, the photo never saved in an activity is deleted; the one shown stays.
    const smallId = small.json<{ id: string }>().id;
    expect(await deleteUnusedPhotos(t.db)).toBe(0);
    await t.db.query(`UPDATE activity_photos SET created_at = now() - interval '2 days'`);
    expect(await deleteUnusedPhotos(t.db)).toBe(1);
    expect((await t.client().get(`/api/activity-photos/${smallId}`)).status).toBe(404);
    expect((await t.client().get(photo.url)).status).toBe(200);
    expect((await t.client().get('/api/activity-photos/pas-un-id')).status).toBe(400);
    // The form left open a day shows it still: saved now, it is refused on its field, not kept
    // as a broken image; so is an address of ours that names no photo.
    const late = await staff.post('/api/staff/activities', {
      ...activity,
      pictures: [
        { url: `/api/activity-photos/${smallId}`, alt: 'Une cabane' },
        { url: photo.url, alt: 'Une cabane dans les arbres' },
        { url: `/api/activity-photos/${'-'.repeat(36)}`, alt: 'Une adresse' },
      ],
    });
    expect(late.status).toBe(400);
    const issues = late.json<{ issues: { path: string; message: string }[] }>().issues;
    expect(issues.map(({ path }) => path)).toEqual(['pictures.0.url', 'pictures.2.url']);
    expect(issues[0]?.message).toContain('Choisissez-la de nouveau');
  });

  it('take a phone’s 64 MP photo, and refuse one that would decode to gigabytes with its size said', async () => {
    // Gray and coarse: as quick to make as a JPEG can be.
    const flat = (width: number, height: number) =>
      sharp(Buffer.alloc(width * height, 128), { raw: { width, height, channels: 1 } })
        .jpeg({ quality: 10 })
        .toBuffer();
    const large = await staff.upload(
      '/api/staff/activity-photos',
      await flat(9_248, 6_936),
      'image/jpeg',
    );
    expect([large.status, large.json<{ width: number }>().width]).toEqual([201, 1067]);
    // A 16 × 16 JPEG whose header says 11 000 × 11 000: what a bomb's header says.
    const bomb = await staff.upload(
      '/api/staff/activity-photos',
      withDimensions(await flat(16, 16), 11_000, 11_000),
      'image/jpeg',
    );
    expect([bomb.status, bomb.json<{ message: string }>().message]).toEqual([
      413,
      expect.stringMatching(
        /^Cette image compte 121 millions de pixels, .*« taille moyenne »/,
      ) as string,
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'are never deleted by the job while an activity’s save starts showing one (PostgreSQL)',
    async () => {
      const created = await staff.post('/api/staff/activities', {
        title: 'Séjour au lac',
        sector: 'jeunesse',
        kind: 'caes',
        description: 'Canoë et baignade.',
        provider: { name: 'Lac Bleu' },
      });
      const { id, pictures, sessions, revision, ...fields } = created.json<ActivityAnswer>();
      expect([pictures, sessions]).toEqual([[], []]);
      const photo = (
        await staff.upload('/api/staff/activity-photos', await phonePhoto(300, 200), 'image/jpeg')
      ).json<{ id: string; url: string }>();
      // Uploaded two days ago, the form left open since: the job would delete it, but the save
      // that shows it is under way, waiting for the activity's row (held here).
      await t.db.query(
        `UPDATE activity_photos SET created_at = now() - interval '2 days' WHERE id = $1`,
        [photo.id],
      );
      const [saved, deleted] = await whileRowHeld(
        t.db,
        'SELECT 1 FROM activities WHERE id = $1 FOR UPDATE',
        [id],
        () =>
          Promise.all([
            staff.put(`/api/staff/activities/${id}`, {
              ...fields,
              pictures: [{ url: photo.url, alt: 'Des canoës sur le lac' }],
              basedOn: revision,
            }),
            poll(
              () => lockWaits(t.db),
              (waits) => waits > 0,
            ).then(() => deleteUnusedPhotos(t.db)),
          ]),
      );
      expect([saved.status, saved.json<ActivityAnswer>().pictures]).toEqual([
        200,
        [{ url: photo.url, alt: 'Des canoës sur le lac' }],
      ]);
      expect(deleted).toBe(0);
      expect((await t.client().get(photo.url)).status).toBe(200);
    },
  );
});
