import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import metrics from './metrics';
import review from './review';

export default {
  review,
  metrics,
  // The public reads of interpretations: Strapi's own find/findOne, so filters, populate and sanitising behave as for any content type.
  interpretation: factories.createCoreController(UID.interpretation as never),
};
