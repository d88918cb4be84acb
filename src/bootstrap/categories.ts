import type { Core } from '@strapi/strapi';
import path from 'path';
import fs from 'fs';

const CATEGORY = 'api::disclosure-category.disclosure-category';

type CategorySeed = { code: string; name: string; parent?: string; [field: string]: unknown };

/**
 * Seeds the disclosure categories from database/seeds/disclosure-categories.json: creates the codes
 * that are missing and leaves existing ones as administrators edited them.
 */
export const seedDisclosureCategories = async (strapi: Core.Strapi) => {
  const file = path.join(strapi.dirs.app.root, 'database', 'seeds', 'disclosure-categories.json');
  const { categories } = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories: CategorySeed[] };
  const documents = strapi.documents(CATEGORY as never);
  const existing = await documents.findMany({ fields: ['code'], limit: 10000 } as never);
  const documentIdByCode = new Map<string, string>((existing as unknown as Array<{ code: string; documentId: string }>).map((c) => [c.code, c.documentId]));

  for (const { parent, ...category } of categories) {
    if (documentIdByCode.has(category.code)) continue;
    const parentId = parent ? documentIdByCode.get(parent) : undefined;
    const created = await documents.create({ data: { ...category, ...(parentId ? { parent: parentId } : {}) } } as never);
    documentIdByCode.set(category.code, (created as { documentId: string }).documentId);
  }
};
