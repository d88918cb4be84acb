import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { shanghaiDate, shanghaiYear, toIsoDate } from '../core/china-time';
import { fieldError } from '../core/errors';
import { checkItemWrite, validityAfterWrite, type ItemFields } from '../core/item-rules';
import { parseToOneRelationInput, type RelationRef } from '../core/relation-input';
import type { IndexNumbersService } from '../services/index-numbers';
import type { OrganizationScopeService } from '../services/organization-scope';
import type { CategoryFacts, WriteFactsService } from '../services/write-facts';
import { refuseFields, refuseForbidden } from '../utils/refusals';
import { isContentManagerPublish, organizationScopedAdmin } from '../utils/request';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft']);
const DATA_ACTIONS = new Set(['create', 'update', 'clone']);

type StoredItem = ItemFields & { id: number; documentId: string; organizationDocumentId?: string | null; issuingOrgan?: string | null };
type Organization = { id: number; documentId: string; code: string; name: string };

/**
 * The catalogue's rules on every write of a disclosure item, in this order, all in one transaction
 * with the write itself:
 *   1. organisation scope: a department user touches only their organisations' items;
 *   2. field rules: document number, index number and first publish time read-only, reasons, dates;
 *   3. derived fields: organisation key for RBAC, category code for the public list, issuing organ default, validity;
 *   4. index number on create and clone;
 *   5. first publish time, stamped once on the first publish and never changed after.
 */
export const disclosureItemRules =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.item || !WRITE_ACTIONS.has(context.action)) return next();

    const plugin = strapi.plugin(PLUGIN_ID);
    const scope = plugin.service('organization-scope') as OrganizationScopeService;
    const indexNumbers = plugin.service('index-numbers') as IndexNumbersService;
    const items = strapi.db.query(UID.item);
    const facts = plugin.service('write-facts') as WriteFactsService;

    const findOrganization = (ref: RelationRef): Promise<Organization | null> =>
      strapi.db.query(UID.organization).findOne({ where: ref, select: ['id', 'documentId', 'code', 'name'] });
    // The fields the other plugins' rules need too (write-facts), in the one lookup.
    const findCategory = (ref: RelationRef | { code: string }): Promise<CategoryFacts | null> =>
      strapi.db.query(UID.category).findOne({ where: ref, select: ['id', 'documentId', 'code', 'isPolicy', 'disclosureLimitDays'] });

    return strapi.db.transaction(async () => {
      const { action, params } = context;
      const now = new Date();
      const today = shanghaiDate(now);
      const sourceId: string | undefined = params.documentId;
      const kept = sourceId && action === 'publish' && isContentManagerPublish(strapi) ? (facts.takeRequestDraft(sourceId) as StoredItem | null) : null;
      const stored: StoredItem | null = kept ?? (sourceId ? await items.findOne({ where: { documentId: sourceId, publishedAt: null } }) : null);

      // 1. Organisation scope on the item as it is stored.
      const admin = organizationScopedAdmin(strapi);
      const allowed = admin ? await scope.organizationsOf(admin.id) : null;
      if (allowed && stored && !allowed.includes(stored.organizationDocumentId ?? '')) {
        refuseForbidden('ORGANIZATION_OUT_OF_SCOPE', { documentId: stored.documentId });
      }

      if (DATA_ACTIONS.has(action)) {
        const data: Record<string, any> = (params.data = { ...(params.data ?? {}) });
        const creating = action !== 'update';
        const errors = [];

        // A clone is a new item: it gets its own number and has never been published.
        if (action === 'clone') {
          delete data.indexNumber;
          data.firstPublishedAt = null;
        }
        errors.push(...checkItemWrite(data, action === 'update' ? stored : null, today));

        // Organisation: required, resolvable, and one of the user's own.
        let organization: Organization | null = null;
        const organizationChange = parseToOneRelationInput(data.organization);
        if (organizationChange.kind === 'set') {
          organization = await findOrganization(organizationChange.ref);
          if (!organization) errors.push(fieldError('organization', 'ORGANIZATION_REFERENCE_INVALID', data.organization));
        } else if (organizationChange.kind === 'unknown') {
          errors.push(fieldError('organization', 'ORGANIZATION_REFERENCE_INVALID', data.organization));
        } else if (organizationChange.kind === 'cleared' || (creating && !stored?.organizationDocumentId)) {
          errors.push(fieldError('organization', 'ORGANIZATION_REQUIRED'));
        }
        if (creating && !organization && stored?.organizationDocumentId) {
          organization = await findOrganization({ documentId: stored.organizationDocumentId });
        }

        // The category's code is kept on the item for the public list (core/public-filters); never from input.
        delete data.categoryCode;
        const categoryChange = parseToOneRelationInput(data.category);
        const category = categoryChange.kind === 'set' ? await findCategory(categoryChange.ref) : null;
        if (categoryChange.kind === 'set' && !category) {
          errors.push(fieldError('category', 'CATEGORY_REQUIRED', data.category));
        } else if (categoryChange.kind === 'cleared' || categoryChange.kind === 'unknown' || (action === 'create' && categoryChange.kind === 'unchanged')) {
          errors.push(fieldError('category', 'CATEGORY_REQUIRED'));
        }

        if (errors.length) refuseFields(errors);
        if (allowed && organization && !allowed.includes(organization.documentId)) {
          refuseForbidden('ORGANIZATION_OUT_OF_SCOPE', { organization: organization.code });
        }

        // 3. Derived fields.
        if (organization) {
          data.organizationDocumentId = organization.documentId;
          if (!data.issuingOrgan && !stored?.issuingOrgan) data.issuingOrgan = organization.name;
        }
        if (category) data.categoryCode = category.code;
        data.validity = validityAfterWrite(data, action === 'update' ? stored : null, today);
        if (typeof data.documentNumber === 'string') data.documentNumber = data.documentNumber.trim();

        // 4. Index number, in this transaction so a failed creation leaves no gap.
        if (creating && organization) {
          const formed = toIsoDate(data.formedDate ?? stored?.formedDate);
          data.indexNumber = await indexNumbers.next(organization.code, formed ? Number(formed.slice(0, 4)) : shanghaiYear(now));
        }

        // 5. Create or update straight to published skips the publish action, so stamp here too.
        if (params.status === 'published' && !(action === 'update' && stored?.firstPublishedAt)) {
          data.firstPublishedAt = now;
        }
        // A create names its category (required above); an update or clone that keeps it leaves it unknown here.
        if (category) facts.remember(params, { category, draft: null });
      }

      // 5. First publish: stamp the draft before it is copied to the published version.
      if (action === 'publish' && stored && !stored.firstPublishedAt) {
        await items.updateMany({ where: { documentId: stored.documentId, publishedAt: null }, data: { firstPublishedAt: now } });
      }
      // The draft about to be published, read once here for every plugin's rules (write-facts).
      if (action === 'publish' && stored) {
        const categoryCode = (stored as StoredItem & { categoryCode?: string | null }).categoryCode;
        const category = categoryCode ? await findCategory({ code: categoryCode }) : null;
        facts.remember(params, { category, draft: { ...stored, firstPublishedAt: stored.firstPublishedAt ?? now } });
      }

      return next();
    });
  };
