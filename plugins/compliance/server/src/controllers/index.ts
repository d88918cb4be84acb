import dashboard from './dashboard';
import reports from './reports';

export default { dashboard, reports };
