'use strict';

/**
 * Admin accounts for the demo and the tests: one user with one role, made an editor of the
 * given organisations (the scope of a department user). Idempotent by e-mail.
 */
const ORGANIZATION = 'api::organization.organization';

async function ensureAdminUser(strapi, { email, password, firstname, lastname, roleCode, organizationDocumentIds = [] }) {
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`admin role ${roleCode} does not exist`);

  let user = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (!user) {
    user = await strapi.service('admin::user').create({
      email,
      password,
      firstname,
      lastname: lastname || '',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
      preferedLanguage: 'zh-Hans',
    });
  }

  for (const documentId of organizationDocumentIds) {
    const organization = await strapi.db.query(ORGANIZATION).findOne({ where: { documentId }, populate: { editors: { select: ['id'] } } });
    if (!organization) throw new Error(`organization ${documentId} does not exist`);
    const editorIds = organization.editors.map((editor) => editor.id);
    if (!editorIds.includes(user.id)) {
      await strapi.db.query(ORGANIZATION).update({ where: { id: organization.id }, data: { editors: [...editorIds, user.id] } });
    }
  }
  return user;
}

module.exports = { ensureAdminUser };
