import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { ReportPage, ReportsPage } from './ReportsPage';

/** The dashboard needs dashboard.read; the annual reports need report.read (departments draft their own). */
const App = () => (
  <Routes>
    <Route index element={<Page.Protect permissions={[{ action: 'plugin::compliance.dashboard.read', subject: null }]}><DashboardPage /></Page.Protect>} />
    <Route path="reports" element={<Page.Protect permissions={[{ action: 'plugin::compliance.report.read', subject: null }]}><ReportsPage /></Page.Protect>} />
    <Route path="reports/:documentId" element={<Page.Protect permissions={[{ action: 'plugin::compliance.report.read', subject: null }]}><ReportPage /></Page.Protect>} />
  </Routes>
);

export default App;
