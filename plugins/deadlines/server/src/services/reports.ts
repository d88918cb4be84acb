import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { UID } from '../constants';
import { buildApplicationTable, checkApplicationTable, APPLICATION_TABLE_COLUMNS, APPLICATION_TABLE_COLUMN_LABELS, APPLICATION_TABLE_ROWS } from '../core/application-report';
import { toIsoDay } from '../utils/dates';
import { refuseInput } from '../utils/refusals';

const querySchema = Joi.object({
  year: Joi.number().integer().min(2008).max(2100).required(),
  organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/),
  region: Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/),
}).oxor('organization', 'region');

/** Annual-report figures of applications (table 3), from the stored applications themselves. */
const reports = ({ strapi }: { strapi: Core.Strapi }) => ({
  async applicationTable(query: Record<string, unknown>) {
    const { error, value } = querySchema.validate(query ?? {}, { abortEarly: false, convert: true, allowUnknown: true });
    if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'REPORT_QUERY_INVALID', message: d.message })));
    const scope = value.organization
      ? { organization: { code: value.organization } }
      : value.region
        ? { organization: { region: { path: { $contains: `/${value.region}/` } } } }
        : {};
    const rows = (await strapi.db.query(UID.application).findMany({
      where: { ...scope, receivedOn: { $lte: `${value.year}-12-31` } },
      // With a relation filter the query is DISTINCT over the selected columns: keep the id so equal rows all count.
      select: ['id', 'applicantType', 'receivedOn', 'resultCode', 'resultOn'],
    })) as Array<{ applicantType: string; receivedOn: unknown; resultCode: string | null; resultOn: unknown }>;
    const { table, excluded } = buildApplicationTable(
      rows.map((r) => ({ applicantType: r.applicantType as never, receivedOn: toIsoDay(r.receivedOn), resultCode: (r.resultCode as never) ?? null, resultOn: toIsoDay(r.resultOn) })),
      value.year
    );
    return {
      year: value.year,
      scope: value.organization ? { organization: value.organization } : value.region ? { region: value.region } : { all: true },
      rows: APPLICATION_TABLE_ROWS,
      columns: APPLICATION_TABLE_COLUMNS.map((key) => ({ key, label: APPLICATION_TABLE_COLUMN_LABELS[key] })),
      cells: table.cells,
      violations: checkApplicationTable(table),
      excluded,
    };
  },
});

export type ReportsService = ReturnType<typeof reports>;
export default reports;
