import Joi from 'joi';
import { ID_DOCUMENT_TYPES, isValidIdNumber, type IdDocumentType } from './identity-documents';
import { APPLICANT_TYPE_LIST, type ApplicantType } from './result-codes';

/**
 * The online application form (Art. 29): who applies, how to reach them, what they ask for, how
 * they want it. Every field error is reported at once with the field's path and a stable code.
 */
export const DELIVERY_METHODS = ['post', 'email', 'pick_up', 'online'] as const;
export const INFORMATION_FORMATS = ['paper', 'electronic', 'optical_disc'] as const;

export interface ApplicationForm {
  organization: string;
  applicantType: ApplicantType;
  applicantName: string;
  idDocumentType: IdDocumentType;
  idNumber: string;
  contact: { phone?: string; email?: string; address?: string };
  requestDescription: string;
  purpose?: string;
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  format: (typeof INFORMATION_FORMATS)[number];
}

export interface IntakeError {
  path: string[];
  code: string;
  message: string;
}

const MESSAGES: Record<string, string> = {
  'any.required': '必填',
  'any.only': '取值不在允许范围内',
  'string.empty': '不能为空',
  'string.min': '内容过短',
  'string.max': '内容过长',
  'string.email': '电子邮箱格式不正确',
  'string.pattern.base': '格式不正确',
  'object.missing': '电话和电子邮箱至少填写一项',
  'object.unknown': '不允许的字段',
  'id.invalid': '证件号码无效（校验位、出生日期或格式不符）',
  'address.required': '选择邮寄时必须填写通信地址',
  'email.required': '选择电子邮件时必须填写电子邮箱',
};

const formSchema = (today: string) =>
  Joi.object<ApplicationForm>({
    organization: Joi.string().trim().pattern(/^[0-9A-Z]{6,18}$/).required(),
    applicantType: Joi.string().valid(...APPLICANT_TYPE_LIST).required(),
    applicantName: Joi.string().trim().min(2).max(200).required(),
    idDocumentType: Joi.string().valid(...ID_DOCUMENT_TYPES).required(),
    idNumber: Joi.string()
      .trim()
      .max(40)
      .required()
      .custom((value: string, helpers) => {
        const type = helpers.state.ancestors[0].idDocumentType as IdDocumentType;
        return !ID_DOCUMENT_TYPES.includes(type) || isValidIdNumber(type, value, today) ? value.toUpperCase() : helpers.error('id.invalid');
      }),
    contact: Joi.object({
      phone: Joi.string().trim().pattern(/^\+?[0-9][0-9\- ]{5,19}$/),
      email: Joi.string().trim().email({ tlds: false }).max(200),
      address: Joi.string().trim().max(300),
    })
      .or('phone', 'email')
      .required(),
    requestDescription: Joi.string().trim().min(5).max(4000).required(),
    purpose: Joi.string().trim().allow('').max(2000),
    deliveryMethod: Joi.string().valid(...DELIVERY_METHODS).required(),
    format: Joi.string().valid(...INFORMATION_FORMATS).required(),
  }).messages({ 'id.invalid': MESSAGES['id.invalid'] });

export type ParsedApplicationForm = { ok: true; value: ApplicationForm } | { ok: false; errors: IntakeError[] };

export const parseApplicationForm = (input: unknown, today: string): ParsedApplicationForm => {
  const { error, value } = formSchema(today).validate(input, { abortEarly: false, convert: true, stripUnknown: false });
  const errors: IntakeError[] = (error?.details ?? []).map((detail) => ({
    path: detail.path.map(String),
    code: `APPLICATION_${detail.type.replace(/\./g, '_').toUpperCase()}`,
    message: MESSAGES[detail.type] ?? detail.message,
  }));
  if (!error) {
    if (value.deliveryMethod === 'post' && !value.contact.address) errors.push({ path: ['contact', 'address'], code: 'APPLICATION_ADDRESS_REQUIRED', message: MESSAGES['address.required'] });
    if (value.deliveryMethod === 'email' && !value.contact.email) errors.push({ path: ['contact', 'email'], code: 'APPLICATION_EMAIL_REQUIRED', message: MESSAGES['email.required'] });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
};
