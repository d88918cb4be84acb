import applications from './applications';
import fees from './fees';
import reports from './reports';

export default { applications, fees, reports };
