import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ApplicationPage } from './ApplicationPage';
import { ApplicationsPage } from './ApplicationsPage';
import { RegisterPage } from './RegisterPage';

const App = () => (
  <Page.Protect permissions={[{ action: 'plugin::deadlines.applications.read', subject: null }]}>
    <Routes>
      <Route index element={<ApplicationsPage />} />
      <Route path="new" element={<RegisterPage />} />
      <Route path=":documentId" element={<ApplicationPage />} />
    </Routes>
  </Page.Protect>
);

export default App;
