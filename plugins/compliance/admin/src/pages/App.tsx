import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';

/** The dashboard (dashboard.read). The annual reports have their own entry (ReportsApp, report.read). */
const App = () => (
  <Page.Protect permissions={[{ action: 'plugin::compliance.dashboard.read', subject: null }]}>
    <Routes>
      <Route index element={<DashboardPage />} />
    </Routes>
  </Page.Protect>
);

export default App;
