import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { shanghaiDate, shanghaiYear, toIsoDate } from '../core/china-time';
import { fieldError } from '../core/errors';
import { checkItemWrite, validityAfterWrite, type ItemFields } from '../core/item-rules';
import { parseToOneRelationInput, type RelationRef } from '../core/relation-input';
import type { IndexNumbersService } from '../services/index-numbers';
import type { OrganizationScopeService } from '../services/organization-scope';
import type { CategoryFacts, IndexCounter, WriteFactsService } from '../services/write-facts';
import { refuseFields, refuseForbidden } from '../utils/refusals';
import { isContentManagerPublish, organizationScopedAdmin } from '../utils/request';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft']);
const DATA_ACTIONS = new Set(['create', 'update', 'clone']);

type StoredItem = ItemFields & { id: number; documentId: string; organizationDocumentId?: string | null; issuingOrgan?: string | null };
type Organization = { id: number; documentId: string; code: string; name: string };
/** What Strapi's create (the row) or clone (`{ documentId, entries }`) answers. */
type WrittenItem = (Record<string, unknown> & { documentId?: string; entries?: Array<Record<string, unknown>> }) | null | undefined;

/**
 * The catalogue's rules on every write of a disclosure item, in this order, all in one transaction
 * with the write itself:
 *   1. organisation scope: a department user touches only their organisations' items;
 *   2. field rules: document number, index number and first publish time read-only, reasons, dates;
 *   3. derived fields: organisation key for RBAC, category code for the public list, issuing organ default, validity;
 *   4. index number on create and clone, drawn last: after the write and every other middleware
 *      (see below), just before the transaction commits;
 *   5. first publish time, stamped once on the first publish and never changed after.
 *
 * Why the index number comes last: drawing it locks the organisation's counter row for the year
 * (services/index-numbers) until the transaction commits. Drawn before `next()`, the lock was held
 * through the item's insert, its relations, the publish copy and every other plugin's rules, so
 * concurrent creations for one organisation queued for the whole write. Drawn after `next()`, the
 * lock is held only for the counter statement and the UPDATE that writes the number, then the
 * commit (or, for a write inside a caller's transaction — a script — until that commits; the
 * content manager's one-request create-and-publish draws it at the end of its publish, through
 * write-facts' deferred numbers). The rows are inserted with no number: no rule of our plugins
 * reads the new item's number in between, and Strapi's unique check skips a null. One UPDATE by
 * documentId then gives the number to every row of the new document (the draft, and the published
 * copy of a create with status published; it leaves updatedAt alone), and the answer is patched to
 * carry it. Same transaction, so a failure anywhere still rolls the number back: no gap.
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
      let numberFrom: IndexCounter | null = null;
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

        // A clone is a new item: it gets its own number (step 4) and has never been published.
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

        // 4. Index number: which counter is decided here, the number is drawn after the write (below).
        // The rows are written without one; a clone must say so, as Strapi's clone copies the source's.
        if (creating) {
          data.indexNumber = null;
          if (organization) {
            const formed = toIsoDate(data.formedDate ?? stored?.formedDate);
            numberFrom = { organizationCode: organization.code, year: formed ? Number(formed.slice(0, 4)) : shanghaiYear(now) };
          }
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

      const result = (await next()) as WrittenItem;

      // 4 (last). Index number, taken as the write's last statements so the counter row stays
      // locked only until the commit that follows (see above). Still in this transaction: a
      // creation that fails after this gives its number back. A clone of a missing document wrote
      // nothing and draws nothing. The content manager's one-request 发布 of a new entry publishes
      // it after this create, in the same transaction: its number is drawn at the end of that
      // publish instead, so the lock is not held through the publish too.
      const written = result?.documentId ?? sourceId;
      let counter: IndexCounter | null = null;
      if (action === 'publish' && sourceId) {
        counter = facts.takeDeferredIndexNumber(sourceId);
      } else if (numberFrom && result?.documentId) {
        const publishFollows = action === 'create' && isContentManagerPublish(strapi) && facts.deferIndexNumber(result.documentId, numberFrom);
        if (!publishFollows) counter = numberFrom;
      }
      if (counter && result && written) {
        const indexNumber = await indexNumbers.next(counter.organizationCode, counter.year);
        await items.updateMany({ where: { documentId: written }, data: { indexNumber } });
        // The answer as the caller asked for it (its `fields`), with the number in place of the null written.
        for (const row of [result, ...(result.entries ?? [])]) {
          if (row && typeof row === 'object' && 'indexNumber' in row) row.indexNumber = indexNumber;
        }
      }
      return result;
    });
  };
