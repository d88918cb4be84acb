import annualReports from './annual-reports';
import columnActivity from './column-activity';
import dashboard from './dashboard';
import exportsService from './exports';
import reminders from './reminders';
import scope from './scope';

export default { 'annual-reports': annualReports, 'column-activity': columnActivity, dashboard, exports: exportsService, reminders, scope };
