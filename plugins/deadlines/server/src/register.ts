import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { applicationRecords } from './middlewares/application-records';
import { calendarDays } from './middlewares/calendar-days';
import { disclosureTimeliness } from './middlewares/disclosure-timeliness';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Applications hold personal data: they have no GraphQL face at all (the REST routes are the public API).
  const graphqlExtension = strapi.plugin('graphql')?.service('extension');
  for (const uid of [UID.application, UID.applicationEvent, UID.calendarDay]) graphqlExtension?.shadowCRUD(uid).disable();

  strapi.documents.use(applicationRecords(strapi) as never);
  strapi.documents.use(calendarDays(strapi) as never);
  strapi.documents.use(disclosureTimeliness(strapi) as never);
};

export default register;
