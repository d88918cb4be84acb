import Joi from 'joi';

/** Catalogue settings. Statutory numbers live here with their defaults, overridable in config/plugins.ts. */
export interface CatalogueConfig {
  /** Days after which a column of each update class counts as stale (国办秘函〔2019〕19号); static columns never do. */
  columnUpdateIntervalDays: { news: number; notice: number; yearly: number };
  /** Answer the common public list and item queries through the lean read path (services/public-reads). */
  leanReads: boolean;
  /** Let GraphQL fields Strapi's wrapper has nothing to check for answer without it (graphql/plain-fields); read when the schema is built. */
  graphqlPlainFields: boolean;
}

const schema = Joi.object<CatalogueConfig>({
  columnUpdateIntervalDays: Joi.object({
    news: Joi.number().integer().min(1).max(3660).required(),
    notice: Joi.number().integer().min(1).max(3660).required(),
    yearly: Joi.number().integer().min(1).max(3660).required(),
  }).required(),
  leanReads: Joi.boolean().required(),
  graphqlPlainFields: Joi.boolean().required(),
});

export default {
  default: {
    columnUpdateIntervalDays: { news: 14, notice: 183, yearly: 365 },
    leanReads: true,
    graphqlPlainFields: true,
  } satisfies CatalogueConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`catalogue plugin config: ${error.message}`);
  },
};
