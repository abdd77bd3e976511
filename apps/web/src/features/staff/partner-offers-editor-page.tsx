import type { PartnerOfferInput } from '@entraide/contract';
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SECTOR_LABELS } from '../../shared/labels.ts';
import type { Offer } from '../member/partner-offers-page.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

const blank = {
  partner: '',
  sector: 'vacances' as PartnerOfferInput['sector'],
  description: '',
  code: '',
  url: '',
};
const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

/** Staff edit the partners' offers that members see in Infos partenariat. */
export function PartnerOffersEditorPage() {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setOffers((await api<{ offers: Offer[] }>('GET', '/api/partner-offers')).offers);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = {
      partner: form.partner,
      sector: form.sector,
      description: form.description,
      code: optional(form.code),
      url: optional(form.url),
    };
    void run(async () => {
      await (editing
        ? api('PUT', `/api/staff/partner-offers/${editing}`, body)
        : api('POST', '/api/staff/partner-offers', body));
      setNotice(editing ? 'Offre modifiée.' : 'Offre ajoutée.');
      setEditing(null);
      setForm(blank);
      await load();
    });
  };
  const remove = (offer: Offer) =>
    void run(async () => {
      await api('DELETE', `/api/staff/partner-offers/${offer.id}`);
      setNotice(`Offre de ${offer.partner} supprimée.`);
      await load();
    });
  return (
    <RequireUser staffOnly>
      <PageTitle>Offres partenaires</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      <ul className="queue">
        {offers.map((offer) => (
          <li key={offer.id}>
            <p>
              <strong>{offer.partner}</strong> ({SECTOR_LABELS[offer.sector]}) — {offer.description}
              {offer.code ? ` — code ${offer.code}` : ''}
            </p>
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditing(offer.id);
                  setForm({
                    partner: offer.partner,
                    sector: offer.sector,
                    description: offer.description,
                    code: offer.code ?? '',
                    url: offer.url ?? '',
                  });
                }}
              >
                Modifier l’offre de {offer.partner}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => remove(offer)}
              >
                Supprimer l’offre de {offer.partner}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <h2>{editing ? 'Modifier l’offre' : 'Ajouter une offre'}</h2>
      <form onSubmit={save} noValidate>
        <Field
          label="Partenaire"
          required
          value={form.partner}
          onChange={(e) => setForm({ ...form, partner: e.target.value })}
          error={fields.partner}
        />
        <SelectField
          label="Secteur"
          options={SECTOR_LABELS}
          value={form.sector}
          onChange={(e) =>
            setForm({ ...form, sector: e.target.value as PartnerOfferInput['sector'] })
          }
        />
        <Field
          label="Offre"
          required
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
          error={fields.description}
        />
        <Field
          label="Code promotionnel (facultatif)"
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
          error={fields.code}
        />
        <Field
          label="Site web (facultatif)"
          type="url"
          value={form.url}
          onChange={(e) => setForm({ ...form, url: e.target.value })}
          error={fields.url}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {editing ? 'Enregistrer l’offre' : 'Ajouter l’offre'}
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
