import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { PLUGIN_ID } from '../constants';
import type { MetricsQuery, MetricsService } from '../services/metrics';
import { refuse } from '../utils/refusals';

const query = Joi.object<MetricsQuery>({
  organization: Joi.string().max(64),
  region: Joi.string().max(64),
  from: Joi.string().max(10),
  to: Joi.string().max(10),
}).oxor('organization', 'region');

const metrics = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: any) {
    const { error, value } = query.validate(ctx.query ?? {}, { abortEarly: true, allowUnknown: false });
    if (error) refuse([{ code: 'PERIOD_INVALID', message: error.details[0].message, field: String(error.details[0].path[0] ?? 'query') }]);
    ctx.body = { data: await (strapi.plugin(PLUGIN_ID).service('metrics') as MetricsService).summary(value) };
  },
});

export default metrics;
