import { MyDataPage } from './features/member/my-data-page.tsx';
import { FileReadsPage } from './features/member/file-reads-page.tsx';
import { SecurityPage } from './features/accounts/security-page.tsx';
import { CommitteeIdentityPage } from './features/staff/committee-identity-page.tsx';
import { StaffAccountsPage } from './features/staff/staff-accounts-page.tsx';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AgentRecordPage } from './features/agent-record/agent-record-page.tsx';
import { CardCheckPage } from './features/card-check-page.tsx';
import { ChangePasswordPage } from './features/accounts/change-password-page.tsx';
import { ForgotIdentifierPage } from './features/accounts/forgot-identifier-page.tsx';
import { ForgotPasswordPage } from './features/accounts/forgot-password-page.tsx';
import { LoginPage } from './features/accounts/login-page.tsx';
import { SetPasswordPage } from './features/accounts/set-password-page.tsx';
import { SignUpPage } from './features/accounts/sign-up-page.tsx';
import { HomePage } from './features/home-page.tsx';
import { ClaimsReviewPage } from './features/claims/claims-review-page.tsx';
import { MyClaimsPage } from './features/claims/my-claims-page.tsx';
import { MySolidarityPage } from './features/solidarity/my-solidarity-page.tsx';
import { SolidarityReviewPage } from './features/solidarity/solidarity-review-page.tsx';
import { MyInvoicesPage } from './features/billing/my-invoices-page.tsx';
import { PaymentsPage } from './features/billing/payments-page.tsx';
import { ActivityPage } from './features/catalogue/activity-page.tsx';
import { CataloguePage } from './features/catalogue/catalogue-page.tsx';
import { MyRegistrationsPage } from './features/registrations/my-registrations-page.tsx';
import { RegistrationFormPage } from './features/registrations/registration-form-page.tsx';
import { ActivitiesEditorPage } from './features/staff/activities-editor-page.tsx';
import { DashboardPage } from './features/staff/dashboard-page.tsx';
import { SelectionPage } from './features/staff/selection-page.tsx';
import { ContactPage } from './features/member/contact-page.tsx';
import { BankAccountsPage } from './features/member/bank-accounts-page.tsx';
import { MemberHomePage } from './features/member/member-home-page.tsx';
import { NotFoundPage } from './features/not-found-page.tsx';
import { SimulatorPage } from './features/simulator/simulator-page.tsx';
import { MemberSearchPage } from './features/staff/member-search-page.tsx';
import { PartnerOffersEditorPage } from './features/staff/partner-offers-editor-page.tsx';
import { PartnerOffersPage } from './features/member/partner-offers-page.tsx';
import { PacksPage } from './features/staff/packs-page.tsx';
import { RecordValidationPage } from './features/staff/record-validation-page.tsx';
import { StaffHomePage } from './features/staff/staff-home-page.tsx';
import { SignUpQueuePage } from './features/staff/sign-up-queue-page.tsx';
import { Layout } from './shared/layout.tsx';
import { applyTheme } from './shared/theme.tsx';
import { SessionProvider } from './shared/session.tsx';
import './styles.css';

applyTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <Layout>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/simulateur" element={<SimulatorPage />} />
              <Route path="/connexion" element={<LoginPage />} />
              <Route path="/inscription" element={<SignUpPage />} />
              <Route path="/identifiant-oublie" element={<ForgotIdentifierPage />} />
              <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
              <Route path="/mot-de-passe/definir" element={<SetPasswordPage />} />
              <Route path="/espace" element={<MemberHomePage />} />
              <Route path="/espace/mot-de-passe" element={<ChangePasswordPage />} />
              <Route path="/espace/securite" element={<SecurityPage />} />
              <Route path="/espace/consultations" element={<FileReadsPage />} />
              <Route path="/espace/mes-donnees" element={<MyDataPage />} />
              <Route path="/gestion/comptes" element={<StaffAccountsPage />} />
              <Route path="/gestion/comite" element={<CommitteeIdentityPage />} />
              <Route path="/gestion" element={<StaffHomePage />} />
              <Route path="/gestion/inscriptions" element={<SignUpQueuePage />} />
              <Route path="/gestion/fiches" element={<RecordValidationPage />} />
              <Route path="/gestion/baremes" element={<PacksPage />} />
              <Route path="/gestion/adherents" element={<MemberSearchPage />} />
              <Route path="/gestion/partenaires" element={<PartnerOffersEditorPage />} />
              <Route path="/espace/partenaires" element={<PartnerOffersPage />} />
              <Route path="/espace/fiche" element={<AgentRecordPage />} />
              <Route path="/espace/rib" element={<BankAccountsPage />} />
              <Route path="/espace/coordonnees" element={<ContactPage />} />
              <Route path="/carte/:token" element={<CardCheckPage />} />
              <Route path="/activites" element={<CataloguePage />} />
              <Route path="/activites/:id" element={<ActivityPage />} />
              <Route path="/espace/inscriptions" element={<MyRegistrationsPage />} />
              <Route path="/espace/inscriptions/nouvelle" element={<RegistrationFormPage />} />
              <Route path="/gestion/activites" element={<ActivitiesEditorPage />} />
              <Route path="/gestion/selection" element={<SelectionPage />} />
              <Route path="/gestion/tableau-de-bord" element={<DashboardPage />} />
              <Route path="/gestion/reglements" element={<PaymentsPage />} />
              <Route path="/espace/factures" element={<MyInvoicesPage />} />
              <Route path="/espace/subventions" element={<MyClaimsPage />} />
              <Route path="/gestion/subventions" element={<ClaimsReviewPage />} />
              <Route path="/espace/solidarite" element={<MySolidarityPage />} />
              <Route path="/gestion/solidarite" element={<SolidarityReviewPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
