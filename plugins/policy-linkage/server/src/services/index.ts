import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import metrics from './metrics';
import policies from './policies';

export default {
  policies,
  metrics,
  // Strapi's own service behind the public find/findOne of interpretations.
  interpretation: factories.createCoreService(UID.interpretation as never),
};
