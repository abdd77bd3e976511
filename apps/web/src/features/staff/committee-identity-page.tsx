import type { CommitteeIdentity } from '@entraide/contract';
import { contrastWithWhite, IMAGE_LIMIT, MIN_CONTRAST } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { api, sendFile } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { committeeIdentityPage as msg } from '../../messages/staff.ts';

/** The committee's logo: shown, replaced by an image the admin picks, or removed after a question. */
function Logo({
  logoUrl,
  onChanged,
}: {
  readonly logoUrl: string | null;
  readonly onChanged: (identity: CommitteeIdentity, message: string) => Promise<void>;
}) {
  const { busy, alert, run } = useSubmit();
  const send = (file: File) =>
    void run(async () => {
      const identity = await sendFile<CommitteeIdentity>(
        'PUT',
        '/api/admin/committee/logo',
        file,
        IMAGE_LIMIT,
      );
      await onChanged(identity, msg.logoEnregistreIlParait);
    });
  return (
    <section aria-labelledby="logo">
      <h2 id="logo">{msg.logo}</h2>
      {logoUrl ? (
        <p>
          <img src={logoUrl} alt={msg.logoActuelComite} className="committee-logo" />
        </p>
      ) : (
        <p>{msg.aucunLogoDocumentsPortent}</p>
      )}
      <FormAlert message={alert} />
      <FilePicker
        label={msg.nouveauLogoImageJpeg}
        accept="image/png,image/jpeg,image/webp"
        hint={msg.ilReduit480160}
        disabled={busy}
        onFile={send}
      />
      {logoUrl ? (
        <div className="actions">
          <ConfirmAction
            secondary
            disabled={busy}
            label={msg.retirerLogo}
            title={msg.retirerLogoComite}
            effect={<p>{msg.pagesDocumentsProduitsEnsuite}</p>}
            confirmLabel={msg.retirerLogo}
            onConfirm={() =>
              void run(async () => {
                const identity = await api<CommitteeIdentity>(
                  'DELETE',
                  '/api/admin/committee/logo',
                );
                await onChanged(identity, msg.logoRetire);
              })
            }
          />
        </div>
      ) : null}
    </section>
  );
}

/** Identité du comité (admin): its name, address, colour and logo, on every page and document. */
export function CommitteeIdentityPage() {
  const { refresh } = useSession();
  const [form, setForm] = useState<CommitteeIdentity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const loading = useLoad(async () =>
    setForm(await api<CommitteeIdentity>('GET', '/api/admin/committee')),
  );
  const changed = async (identity: CommitteeIdentity, message: string) => {
    setForm(identity);
    setNotice(message);
    await refresh();
  };
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!form) return;
    void run(async () => {
      const { name, shortName, address, brandColour } = form;
      await changed(
        await api<CommitteeIdentity>('PUT', '/api/admin/committee', {
          name,
          shortName,
          address,
          brandColour,
        }),
        msg.identiteComiteEnregistree,
      );
    });
  };
  const readable =
    form && /^#[0-9a-fA-F]{6}$/.test(form.brandColour)
      ? contrastWithWhite(form.brandColour) >= MIN_CONTRAST
      : false;
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.identiteComite}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {form === null ? (
        <Loading {...loading} />
      ) : (
        <>
          <form onSubmit={save} noValidate aria-labelledby="identity">
            <h2 id="identity">{msg.nomAdresseCouleur}</h2>
            <FormAlert message={alert} />
            <Field
              label={msg.nomComite}
              hint={msg.teteDocumentsPiedPage}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={fields.name}
            />
            <Field
              label={msg.nomCourt}
              hint={msg.dansBandeauPagesSur}
              value={form.shortName}
              onChange={(e) => setForm({ ...form, shortName: e.target.value })}
              error={fields.shortName}
            />
            <Field
              label={msg.adressePostale}
              hint={msg.sousNomSurChaque}
              value={form.address}
              onChange={(e) => setForm({ ...form, address: e.target.value })}
              error={fields.address}
            />
            <Field
              label={msg.couleurComite}
              hint={msg.formatRrvvbbParExemple}
              value={form.brandColour}
              onChange={(e) => setForm({ ...form, brandColour: e.target.value })}
              error={fields.brandColour}
            />
            {readable ? (
              <p className="colour-sample" style={{ background: form.brandColour }}>
                {msg.apercuEspaceAdherent(form.shortName)}
              </p>
            ) : null}
            <div className="actions">
              <button type="submit" disabled={busy}>
                {msg.enregistrerIdentite}
              </button>
            </div>
          </form>
          <Logo logoUrl={form.logoUrl} onChanged={changed} />
        </>
      )}
    </RequireUser>
  );
}
