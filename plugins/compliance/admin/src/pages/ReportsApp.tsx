import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ReportPage, ReportsPage } from './ReportsPage';

/** Annual reports: departments draft their own, supervisors all (report.read). */
const ReportsApp = () => (
  <Page.Protect permissions={[{ action: 'plugin::compliance.report.read', subject: null }]}>
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path=":documentId" element={<ReportPage />} />
    </Routes>
  </Page.Protect>
);

export default ReportsApp;
