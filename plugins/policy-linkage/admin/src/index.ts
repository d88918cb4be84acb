import { InterpretationReviewPanel, PolicyReviewPanel } from './components/ReviewPanels';

/** The 三同步 review desk sits on the edit pages of policy documents and interpretations, in the content manager's right-hand column. */
export default {
  register(app: any) {
    app.registerPlugin({ id: 'policy-linkage', name: '政策解读（三同步）' });
  },
  bootstrap(app: any) {
    const contentManager = app.getPlugin('content-manager');
    contentManager.injectComponent('editView', 'right-links', { name: 'policy-linkage-policy-review', Component: PolicyReviewPanel });
    contentManager.injectComponent('editView', 'right-links', { name: 'policy-linkage-interpretation-review', Component: InterpretationReviewPanel });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: {}, locale }));
  },
};
