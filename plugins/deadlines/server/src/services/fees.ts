import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { UID } from '../constants';
import { calculateFee } from '../core/fees';
import { refuseInput, withRefusals } from '../utils/refusals';

const quoteSchema = Joi.object({
  method: Joi.string().valid('per_application', 'per_page').required(),
  pages: Joi.when('method', { is: 'per_page', then: Joi.number().integer().min(0).required(), otherwise: Joi.forbidden() }),
  applicationsThisMonth: Joi.when('method', { is: 'per_application', then: Joi.number().integer().min(1), otherwise: Joi.forbidden() }),
  /** Staff quote for a stored application: the month's count is taken from the records. */
  applicationDocumentId: Joi.string(),
});

/** 信息处理费 (国办函〔2020〕109号): one method per application, per application or per page. */
const fees = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The same applicant's applications (by ID number) received in the calendar month of this one, this one included. */
  async applicationsThisMonth(applicationDocumentId: string): Promise<number> {
    const row = await strapi.db.query(UID.application).findOne({ where: { documentId: applicationDocumentId }, select: ['idNumber', 'receivedOn', 'applicantName'] });
    if (!row) return 1;
    const month = String(row.receivedOn).slice(0, 7);
    const [year, m] = month.split('-').map(Number);
    const nextMonth = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
    return strapi.db.query(UID.application).count({
      where: { ...(row.idNumber ? { idNumber: row.idNumber } : { applicantName: row.applicantName }), receivedOn: { $gte: `${month}-01`, $lt: nextMonth } },
    });
  },

  /** `staff` quotes may name a stored application; the public calculator may not. */
  async quote(input: Record<string, unknown>, { staff }: { staff: boolean }) {
    const schema = staff ? quoteSchema : quoteSchema.fork(['applicationDocumentId'], (field) => field.forbidden());
    const { error, value } = schema.validate(input ?? {}, { abortEarly: false, convert: true });
    if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'FEE_INPUT_INVALID', message: d.message })));
    if (value.method === 'per_page') return withRefusals(() => calculateFee({ method: 'per_page', pages: value.pages }));
    const count = value.applicationDocumentId ? await this.applicationsThisMonth(value.applicationDocumentId) : value.applicationsThisMonth ?? 1;
    return withRefusals(() => calculateFee({ method: 'per_application', applicationsThisMonth: count }));
  },
});

export type FeesService = ReturnType<typeof fees>;
export default fees;
