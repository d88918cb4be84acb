import applications from './applications';
import calendar from './calendar';
import fees from './fees';
import notifications from './notifications';
import proactiveDisclosure from './proactive-disclosure';
import reports from './reports';

export default {
  applications,
  calendar,
  fees,
  notifications,
  'proactive-disclosure': proactiveDisclosure,
  reports,
};
