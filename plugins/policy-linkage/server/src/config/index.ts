import Joi from 'joi';

/**
 * 三同步 settings. Which catalogue categories need an interpretation by default, and how many working
 * days an interpretation may trail its policy (local practice: some cities allow 3).
 */
export interface PolicyLinkageConfig {
  requireInterpretationFor: string[];
  lagAllowanceWorkingDays: number;
}

const schema = Joi.object<PolicyLinkageConfig>({
  requireInterpretationFor: Joi.array().items(Joi.string().min(1)).required(),
  lagAllowanceWorkingDays: Joi.number().integer().min(0).max(60).required(),
});

export default {
  default: { requireInterpretationFor: ['important-policies', 'normative-documents'], lagAllowanceWorkingDays: 0 } satisfies PolicyLinkageConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`policy-linkage plugin config: ${error.message}`);
  },
};
