import { MIN_CONTRAST, contrastWithWhite } from '@entraide/contract';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

interface Identity {
  name: string;
  shortName: string;
  address: string;
  brandColour: string;
  logoUrl: string | null;
}

/** The committee's logo: shown, replaced by an image the admin picks, or removed after a question. */
function Logo({
  logoUrl,
  onChanged,
}: {
  readonly logoUrl: string | null;
  readonly onChanged: (identity: Identity, message: string) => Promise<void>;
}) {
  const { busy, alert, run } = useSubmit();
  const send = (file: File) =>
    void run(async () => {
      const identity = await api<Identity>(
        'PUT',
        '/api/admin/committee/logo',
        file,
        'application/octet-stream',
      );
      await onChanged(identity, 'Logo enregistré : il paraît en haut des pages et des documents.');
    });
  return (
    <section aria-labelledby="logo">
      <h2 id="logo">Logo</h2>
      {logoUrl ? (
        <p>
          <img src={logoUrl} alt="Logo actuel du comité" className="committee-logo" />
        </p>
      ) : (
        <p>Aucun logo : les documents portent les initiales du comité dans sa couleur.</p>
      )}
      <FormAlert message={alert} />
      <FilePicker
        label="Nouveau logo (image JPEG, PNG ou WebP)"
        accept="image/png,image/jpeg,image/webp"
        hint="Il est réduit à 480 × 160 pixels au plus ; un fond transparent convient."
        disabled={busy}
        onFile={send}
      />
      {logoUrl ? (
        <div className="actions">
          <ConfirmAction
            secondary
            disabled={busy}
            label="Retirer le logo"
            title="Retirer le logo du comité ?"
            effect={
              <p>
                Les pages et les documents produits ensuite n’auront plus de logo ; ceux déjà
                envoyés le gardent. Vous pourrez en déposer un autre.
              </p>
            }
            confirmLabel="Retirer le logo"
            onConfirm={() =>
              void run(async () => {
                const identity = await api<Identity>('DELETE', '/api/admin/committee/logo');
                await onChanged(identity, 'Logo retiré.');
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
  const [form, setForm] = useState<Identity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  useEffect(() => {
    void api<Identity>('GET', '/api/admin/committee').then(setForm);
  }, []);
  const changed = async (identity: Identity, message: string) => {
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
        await api<Identity>('PUT', '/api/admin/committee', {
          name,
          shortName,
          address,
          brandColour,
        }),
        'Identité du comité enregistrée.',
      );
    });
  };
  const readable =
    form && /^#[0-9a-fA-F]{6}$/.test(form.brandColour)
      ? contrastWithWhite(form.brandColour) >= MIN_CONTRAST
      : false;
  return (
    <RequireUser staffOnly>
      <PageTitle>Identité du comité</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {form === null ? (
        <p role="status">Chargement…</p>
      ) : (
        <>
          <form onSubmit={save} noValidate aria-labelledby="identity">
            <h2 id="identity">Nom, adresse et couleur</h2>
            <FormAlert message={alert} />
            <Field
              label="Nom du comité"
              hint="En tête des documents et en pied de page, par exemple « CAES de l’Inserm »."
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={fields.name}
            />
            <Field
              label="Nom court"
              hint="Dans le bandeau des pages et sur la carte adhérent, par exemple « CAES Inserm »."
              value={form.shortName}
              onChange={(e) => setForm({ ...form, shortName: e.target.value })}
              error={fields.shortName}
            />
            <Field
              label="Adresse postale"
              hint="Sous le nom, sur chaque document."
              value={form.address}
              onChange={(e) => setForm({ ...form, address: e.target.value })}
              error={fields.address}
            />
            <Field
              label="Couleur du comité"
              hint="Au format #RRVVBB, par exemple #1d4e89 ; assez foncée pour qu’un texte blanc s’y lise."
              value={form.brandColour}
              onChange={(e) => setForm({ ...form, brandColour: e.target.value })}
              error={fields.brandColour}
            />
            {readable ? (
              <p className="colour-sample" style={{ background: form.brandColour }}>
                Aperçu : {form.shortName} — Espace Adhérent
              </p>
            ) : null}
            <div className="actions">
              <button type="submit" disabled={busy}>
                Enregistrer l’identité
              </button>
            </div>
          </form>
          <Logo logoUrl={form.logoUrl} onChanged={changed} />
        </>
      )}
    </RequireUser>
  );
}
