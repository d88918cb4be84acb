import application from './application';
import applicationEvent from './application-event';
import calendarDay from './calendar-day';

export default {
  application,
  'application-event': applicationEvent,
  'calendar-day': calendarDay,
};
