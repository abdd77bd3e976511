import type { PartnerOfferInput } from '@entraide/contract';
import { useCallback, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SECTOR_LABELS } from '../../messages/labels.ts';
import type { Offer } from '../member/partner-offers-page.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';
import { partnerOffersEditorPage as msg } from '../../messages/staff.ts';

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
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setOffers((await api<{ offers: Offer[] }>('GET', '/api/partner-offers')).offers);
  }, []);
  const loading = useLoad(load);
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
      setNotice(editing ? msg.offreModifiee : msg.offreAjoutee);
      setEditing(null);
      setForm(blank);
      await load();
    });
  };
  const remove = (offer: Offer) =>
    void run(async () => {
      await api('DELETE', `/api/staff/partner-offers/${offer.id}`);
      setNotice(msg.offreSupprimee(offer.partner));
      await load();
    });
  return (
    <RequireUser staff>
      <PageTitle>{msg.offresPartenaires}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {offers === null ? (
        <Loading {...loading} />
      ) : (
        <ul className="queue">
          {offers.map((offer) => (
            <li key={offer.id}>
              <p>
                <strong>{offer.partner}</strong> ({SECTOR_LABELS[offer.sector]}) —{' '}
                {offer.description}
                {offer.code ? msg.code(offer.code) : ''}
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
                  {msg.modifierOffre(offer.partner)}
                </button>
                <ConfirmAction
                  secondary
                  disabled={busy}
                  label={msg.supprimerOffre(offer.partner)}
                  title={msg.supprimerOffreTitre(offer.partner)}
                  effect={<p>{msg.supprimerOffreEffet}</p>}
                  confirmLabel={msg.supprimerOffreConfirmer}
                  onConfirm={() => remove(offer)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>{editing ? msg.modifierOffre2 : msg.ajouterOffre}</h2>
      <form onSubmit={save} noValidate>
        <Field
          label={msg.partenaire}
          required
          value={form.partner}
          onChange={(e) => setForm({ ...form, partner: e.target.value })}
          error={fields.partner}
        />
        <SelectField
          label={msg.secteur}
          options={SECTOR_LABELS}
          value={form.sector}
          onChange={(e) =>
            setForm({ ...form, sector: e.target.value as PartnerOfferInput['sector'] })
          }
        />
        <Field
          label={msg.offre}
          required
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
          error={fields.description}
        />
        <Field
          label={msg.codePromotionnelFacultatif}
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
          error={fields.code}
        />
        <Field
          label={msg.siteWebFacultatif}
          type="url"
          value={form.url}
          onChange={(e) => setForm({ ...form, url: e.target.value })}
          error={fields.url}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {editing ? msg.enregistrerOffre : msg.ajouterOffre2}
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
