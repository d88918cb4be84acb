import annualReports from './annual-reports';
import dashboard from './dashboard';
import exportsService from './exports';
import reminders from './reminders';
import scope from './scope';

export default { 'annual-reports': annualReports, dashboard, exports: exportsService, reminders, scope };
